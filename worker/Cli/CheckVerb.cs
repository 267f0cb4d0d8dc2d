using System.CommandLine;
using System.Text.Json;
using Compliance.Engine;
using Compliance.Engine.Checking;
using Compliance.Engine.Reports;
using Compliance.Engine.Claims;
using Compliance.Engine.Traffic;

namespace Compliance.Worker.Cli;

/// <summary>
/// `worker check --policy P [--policy P2 …] --traffic T [--traffic T2 …] [--vendor NAME] [--domains a.com,b.net]
/// [--context ctx.json] [--format json|table|csv|html] [--out FILE]`: the whole pipeline on files.
/// A capture's context is --context when given, else a sibling NAME.ctx.json beside NAME.har, else the
/// context inside the capture (HAR log._context), else unknown. A policy argument may name its document kind:
/// `--policy public-statement:press.txt` (privacy-policy when none is named).
/// </summary>
public static class CheckVerb
{
    private static readonly string[] s_formats = ["json", "table", "csv", "html"];

    public static Command Create()
    {
        var policy = new Option<string[]>("--policy")
        {
            Description = "Policy file (text, HTML, Markdown, PDF); repeat for several documents of the vendor. "
                + "Prefix a kind to say what it is: public-statement:FILE, help-page:FILE, other:FILE.",
            Required = true,
        };
        var traffic = new Option<string[]>("--traffic") { Description = "HAR file or observation report; repeat for several captures.", Required = true };
        var vendor = new Option<string?>("--vendor") { Description = "The vendor's name." };
        var domains = new Option<string?>("--domains") { Description = "The vendor's own domains, comma-separated (first-party hosts)." };
        var context = new Option<string?>("--context") { Description = "Context file for every capture; otherwise NAME.ctx.json beside NAME.har is used when present." };
        var format = new Option<string>("--format") { Description = "json, table, csv or html.", DefaultValueFactory = _ => "json" };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output." };
        var command = new Command("check", "Check a vendor's documents against its captured traffic.")
        {
            policy, traffic, vendor, domains, context, format, output,
        };
        var recipients = new RecipientFlags();
        recipients.AddTo(command);
        command.SetAction(parse =>
        {
            var chosen = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (!s_formats.Contains(chosen))
                throw new CliInputException($"unknown format '{chosen}'; use json, table, csv or html");
            var request = new CheckRequest
            {
                Vendor = parse.GetValue(vendor),
                VendorDomains = Domains(parse.GetValue(domains)),
                Policies = parse.GetValue(policy)!.Select(ReadPolicy).ToList(),
                Captures = Captures(parse.GetValue(traffic)!, parse.GetValue(context)),
                Recipients = recipients.Read(parse),
            };
            CheckResult result;
            try
            {
                result = ComplianceCheck.CreateDefault().Run(request);
            }
            catch (CheckInputException e)
            {
                throw new CliInputException(e.Message);
            }
            CliInput.WriteOutput(parse.GetValue(output), Render(result, chosen));
            return CliApp.Ok;
        });
        return command;
    }

    public static string Render(CheckResult result, string format) => format switch
    {
        "table" => CheckText.Table(result),
        "csv" => CheckText.Csv(result),
        "html" => AssessmentReport.Render(result),
        _ => JsonSerializer.Serialize(result, EngineJson.Options) + "\n",
    };

    // "public-statement:press.txt" reads press.txt as a public statement; a bare path is a privacy policy.
    private static PolicyInput ReadPolicy(string argument)
    {
        var (kind, path) = (DocumentKind.PrivacyPolicy, argument);
        var colon = argument.IndexOf(':', StringComparison.Ordinal);
        if (colon > 1 && !File.Exists(argument) && s_kinds.TryGetValue(argument[..colon], out var named))
            (kind, path) = (named, argument[(colon + 1)..]);
        return new PolicyInput(Path.GetFileName(path), CliInput.ReadAllBytes(path)) { Document = new DocumentRef { Kind = kind } };
    }

    private static readonly Dictionary<string, DocumentKind> s_kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["privacy-policy"] = DocumentKind.PrivacyPolicy, ["public-statement"] = DocumentKind.PublicStatement,
        ["help-page"] = DocumentKind.HelpPage, ["other"] = DocumentKind.Other,
    };

    private static List<CaptureInput> Captures(IReadOnlyList<string> paths, string? contextPath)
    {
        var shared = contextPath is null ? null : ReadContext(contextPath);
        return paths.Select(path =>
        {
            if (!File.Exists(path))
                throw new CliInputException($"file not found: {path}");
            var sibling = SiblingContext(path);
            var context = shared ?? (File.Exists(sibling) ? ReadContext(sibling) : null);
            return new CaptureInput(Path.GetFileName(path), () => CliInput.OpenRead(path)) { Context = context };
        }).ToList();
    }

    /// <summary>dir/NAME.har → dir/NAME.ctx.json.</summary>
    public static string SiblingContext(string capturePath)
    {
        var dir = Path.GetDirectoryName(capturePath) ?? "";
        return Path.Combine(dir, Path.GetFileNameWithoutExtension(capturePath) + ".ctx.json");
    }

    private static TrafficContext ReadContext(string path)
    {
        try
        {
            return ContextFile.Parse(CliInput.ReadAllBytes(path, ContextFile.MaxBytes));
        }
        catch (ContextFormatException e)
        {
            throw new CliInputException($"{path}: {e.Message}");
        }
    }

    private static List<string> Domains(string? csv) =>
        (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
}
