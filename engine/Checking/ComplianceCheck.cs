using Compliance.Engine.Claims;
using Compliance.Engine.Matching;
using Compliance.Engine.Ontology;
using Compliance.Engine.Policies;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Checking;

/// <summary>
/// The one-shot check behind `worker check` and `POST /check`: documents → claims, captures → flows,
/// both → findings. Claim ids are unique across documents and flow ids across captures; same input, same output.
/// </summary>
public sealed class ComplianceCheck(OntologyModel ontology, ClaimExtractor extractor, MatcherOptions? options = null)
{
    private readonly Matcher _matcher = new(ontology, options);

    public static ComplianceCheck CreateDefault() => new(OntologyModel.Default, ClaimExtractor.CreateDefault());

    public CheckResult Run(CheckRequest request)
    {
        if (request.Policies.Count == 0)
            throw new CheckInputException("at least one policy document is needed");
        if (request.Captures.Count == 0)
            throw new CheckInputException("at least one capture is needed");
        var vendor = VendorName(request);
        var documents = new List<CheckedDocument>();
        var claims = new List<Claim>();
        var usedClaimIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Policies.Count; i++)
        {
            var prefix = request.Policies.Count == 1 ? "c-" : $"d{i + 1}-c-";
            var (document, extracted) = ReadDocument(request.Policies[i], prefix);
            documents.Add(document);
            claims.AddRange(Unique(extracted, usedClaimIds, prefix, c => c.Id, (c, id) => c with { Id = id }));
        }

        var captures = new List<CheckedCapture>();
        var flows = new List<Flow>();
        var usedFlowIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Captures.Count; i++)
        {
            var prefix = request.Captures.Count == 1 ? "f-" : $"t{i + 1}-f-";
            var (capture, found) = ReadCapture(request.Captures[i], request, vendor, prefix);
            captures.Add(capture);
            flows.AddRange(Unique(found, usedFlowIds, prefix, f => f.Id, (f, id) => f with { Id = id }));
        }

        return CheckResult.Match(_matcher, vendor, request.VendorDomains, documents, captures, claims, flows);
    }

    private (CheckedDocument, IReadOnlyList<Claim>) ReadDocument(PolicyInput input, string prefix)
    {
        ParsedPolicy parsed;
        try
        {
            parsed = PolicyParser.Parse(input.Content, input.FileName);
        }
        catch (PolicyFormatException e)
        {
            throw new CheckInputException($"{input.FileName}: {e.Message}", e);
        }
        var document = input.Document ?? DocumentRef.Default;
        document = document with { Title = document.Title ?? parsed.Title ?? Path.GetFileNameWithoutExtension(input.FileName) };
        // Every claim names its document, so findings can say which document each quote comes from.
        var claims = extractor.Extract(parsed, document, prefix).Select(c => c with { Document = document }).ToList();
        var format = CheckSummary.Name(parsed.Format);
        return (new CheckedDocument(input.FileName, document, format, parsed.Sentences.Count, claims.Count) { Text = parsed.Text }, claims);
    }

    private static (CheckedCapture, IReadOnlyList<Flow>) ReadCapture(CaptureInput input, CheckRequest request, string vendor, string prefix)
    {
        TrafficAnalysis analysis;
        try
        {
            using var stream = input.Open();
            analysis = TrafficAnalyzer.Analyze(stream, input.Context, new TrafficOptions
            {
                VendorName = vendor,
                VendorDomains = request.VendorDomains,
                CaptureName = input.Name,
                IdPrefix = prefix,
                Recipients = request.Recipients,
            });
        }
        catch (Exception e) when (e is TrafficFormatException or IOException)
        {
            throw new CheckInputException($"{input.Name}: {e.Message}", e);
        }
        var flows = analysis.Flows
            .Select(f => f with { Capture = f.Capture ?? input.Name, Context = f.Context ?? analysis.Context })
            .ToList();
        return (new CheckedCapture(input.Name, analysis.EntriesRead, flows.Count, analysis.Context, analysis.Warnings), flows);
    }

    // The stages are asked for prefixed ids; this keeps ids unique even if a stage ignores the prefix.
    private static IEnumerable<T> Unique<T>(IEnumerable<T> items, HashSet<string> used, string prefix, Func<T, string> id, Func<T, string, T> withId)
    {
        var next = 1;
        foreach (var item in items)
        {
            if (used.Add(id(item)))
            {
                yield return item;
                continue;
            }
            while (!used.Add($"{prefix}{next}"))
                next++;
            yield return withId(item, $"{prefix}{next}");
        }
    }

    private static string VendorName(CheckRequest request) =>
        !string.IsNullOrWhiteSpace(request.Vendor) ? request.Vendor.Trim()
        : request.VendorDomains.FirstOrDefault(d => !string.IsNullOrWhiteSpace(d))?.Trim() ?? "unknown vendor";
}
