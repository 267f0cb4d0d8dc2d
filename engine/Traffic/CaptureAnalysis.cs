using Compliance.Engine.Recipients;
using Compliance.Engine.Traffic.Decoding;
using Compliance.Engine.Traffic.Detection;
using Compliance.Engine.Traffic.Har;

namespace Compliance.Engine.Traffic;

/// <summary>The state of one pass over a capture: history so far, pending flows, recurring IDs.</summary>
internal sealed class CaptureAnalysis(TrafficContext context, TrafficOptions options, TrafficLimits limits)
{
    private readonly IReadOnlyList<IDataDetector> _detectors = DetectorSet.Create(context);
    private readonly CaptureHistory _history = new();
    private readonly List<PendingFlow> _pending = [];
    private readonly Dictionary<string, (int Entry, bool Recurs)> _idSightings = new(StringComparer.Ordinal);
    private readonly RecipientResolver _recipients = options.Recipients is { } custom
        ? new(custom with { VendorName = options.VendorName, VendorDomains = options.VendorDomains })
        : new(options.VendorDomains, options.VendorName);
    private readonly TrafficContext _flowContext = context with { KnownValues = null };
    private readonly FieldNameCache _names = new();
    private readonly PlainStrings _plain = new();

    public List<string> Warnings { get; } = [];

    /// <summary>Only what the flow needs from its entry, so bodies are not kept while the capture is read.</summary>
    private sealed record EntryFacts(int Index, DateTimeOffset? StartedAt, string Method, string Url, string? ServerIp);

    private sealed record PendingFlow(EntryFacts? Entry, Observation? Observation, List<DataItem> Items, string Host);

    public void Add(HarEntry entry)
    {
        if (!Uri.TryCreate(entry.Url, UriKind.Absolute, out var url) || url.Host.Length == 0)
        {
            Warnings.Add($"entry {entry.Index}: request.url is not an absolute URL; skipped");
            return;
        }
        CheckResponse(entry);
        if (PageVisits.IsNavigation(entry))
        {
            _history.AddPage(entry.Url, url.Host, PageVisits.TitleOf(entry.Response), SearchEngines.TermsOf(url));
            return;
        }
        var ownSite = PageVisits.IsOwnSiteSubresource(entry, url, _history);
        if (PageVisits.IsHtmlPage(entry))
            _history.AddPage(entry.Url, url.Host, PageVisits.TitleOf(entry.Response), SearchEngines.TermsOf(url));
        if (ownSite)
            return;
        var decoder = new PayloadDecoder(limits, $"entry {entry.Index}", Warnings, _names, _plain);
        var values = RequestPayload.Collect(entry, url, decoder, _names);
        if (values.Count == 0)
            return;
        var scan = new EntryScan { Index = entry.Index, Host = url.Host, Values = values, Context = context, History = _history, Entry = entry };
        var raw = new List<DataItem>();
        foreach (var detector in _detectors)
            detector.Detect(scan, raw);
        var items = ItemSelection.Select(raw, context);
        foreach (var item in items.Where(i => i.Type is IdentifierFieldDetector.CookieId or IdentifierFieldDetector.AccountId))
            See(item.Value, entry.Index);
        if (items.Count > 0)
            _pending.Add(new PendingFlow(new EntryFacts(entry.Index, entry.StartedAt, entry.Method, entry.Url, entry.ServerIp), null, items, url.Host));
    }

    public void Add(Observation observation)
    {
        var items = observation.DataTypes.Distinct(StringComparer.Ordinal).Select(t => new DataItem
        {
            Type = t,
            Value = "",
            Location = observation.Evidence is { Length: > 0 } e ? $"observation: {e}" : "observation",
            Detector = "observation-report",
            Confidence = 1.0,
        }).ToList();
        if (items.Count > 0)
            _pending.Add(new PendingFlow(null, observation, items, HostOf(observation.Destination)));
    }

    public List<Flow> Flows()
    {
        var flows = new List<Flow>();
        foreach (var p in _pending)
        {
            var items = ItemSelection.Finalise(p.Items, i => _idSightings.TryGetValue(i.Value, out var s) && s.Recurs);
            if (items.Count == 0)
                continue;
            var index = p.Entry?.Index ?? p.Observation!.Index;
            flows.Add(new Flow
            {
                Id = options.IdPrefix + (flows.Count + 1),
                EntryIndex = index,
                Capture = options.CaptureName,
                StartedAt = p.Entry?.StartedAt,
                Method = p.Entry?.Method ?? p.Observation?.Method ?? "",
                Url = p.Entry?.Url ?? p.Observation?.Url ?? p.Observation!.Destination,
                Destination = _recipients.Resolve(p.Host, p.Entry?.ServerIp),
                Context = p.Observation?.Context is { } oc ? _flowContext.MergedWith(oc with { KnownValues = null }) : _flowContext,
                Data = items,
            });
        }
        return flows;
    }

    private void See(string value, int entry)
    {
        if (_idSightings.TryGetValue(value, out var s))
        {
            if (s.Entry != entry)
                _idSightings[value] = (s.Entry, true);
        }
        else
            _idSightings[value] = (entry, false);
    }

    /// <summary>Responses are never flows, but a body that does not decompress is reported.</summary>
    private void CheckResponse(HarEntry entry)
    {
        var r = entry.Response;
        if (r?.Text is not { Length: >= 4 } text || !string.Equals(r.Encoding, "base64", StringComparison.OrdinalIgnoreCase) || text.Length > limits.MaxBodyBytes)
            return;
        // Only gzip bodies are checked, and base64 of gzip's magic bytes always begins "H4sI": skip decoding the rest.
        if (!text.AsSpan().TrimStart().StartsWith("H4sI", StringComparison.Ordinal))
            return;
        if (!Codecs.TryBase64(text, out var bytes, out _))
        {
            Warnings.Add($"entry {entry.Index}: response.content.text is not valid base64");
            return;
        }
        var method = TextSniffer.IsGzip(bytes) ? "gzip" : null;
        if (method is null)
            return;
        var result = Codecs.TryInflate(bytes, method, limits.MaxBodyBytes, out _);
        if (result == Codecs.InflateResult.Invalid)
            Warnings.Add($"entry {entry.Index}: response body: {method} data does not decompress; skipped");
        else if (result == Codecs.InflateResult.TooLarge)
            Warnings.Add($"entry {entry.Index}: response body: decompressed data exceeds {limits.MaxBodyBytes} bytes; not followed");
    }

    private static string HostOf(string destination) =>
        Uri.TryCreate(destination, UriKind.Absolute, out var u) && u.Host.Length > 0 ? u.Host : destination.Trim().TrimEnd('/');
}
