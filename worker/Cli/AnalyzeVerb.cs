using System.CommandLine;
using System.Text;
using System.Text.Json;
using Compliance.Engine;
using Compliance.Engine.Traffic;

namespace Compliance.Worker.Cli;

/// <summary>`worker analyze --traffic FILE`: the flows of personal data a HAR capture or observation report shows.</summary>
public static class AnalyzeVerb
{
    public static Command Create()
    {
        var traffic = new Option<string>("--traffic") { Description = "HAR 1.2 file (plain, gzip or zlib) or observation report.", Required = true };
        var context = new Option<string?>("--context") { Description = "Traffic context JSON (wins over log._context)." };
        var vendor = new Option<string?>("--vendor") { Description = "Vendor name, given to its own hosts." };
        var domains = new Option<string?>("--domains") { Description = "The vendor's domains, comma separated (first-party)." };
        var format = new Option<string>("--format") { Description = "json or table.", DefaultValueFactory = _ => "json" };
        var command = new Command("analyze", "Find the personal data a capture sends.") { traffic, context, vendor, domains, format };
        var recipients = new RecipientFlags();
        recipients.AddTo(command);
        command.SetAction(parse =>
        {
            var fmt = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (fmt is not ("json" or "table"))
                throw new CliInputException($"--format must be json or table, not '{fmt}'");
            var path = parse.GetValue(traffic)!;
            var options = new TrafficOptions
            {
                VendorName = parse.GetValue(vendor),
                VendorDomains = SplitDomains(parse.GetValue(domains)),
                CaptureName = Path.GetFileName(path),
                Recipients = recipients.Read(parse),
            };
            var ctx = ReadContext(parse.GetValue(context));
            TrafficAnalysis analysis;
            using (var stream = CliInput.OpenRead(path))
            {
                try
                {
                    analysis = TrafficAnalyzer.Analyze(stream, ctx, options);
                }
                catch (TrafficFormatException e)
                {
                    throw new CliInputException($"{path}: {e.Message}");
                }
            }
            foreach (var warning in analysis.Warnings)
                Console.Error.WriteLine($"warning: {warning}");
            Console.Out.Write(fmt == "json" ? Json(analysis) : Table(analysis));
            return CliApp.Ok;
        });
        return command;
    }

    internal static IReadOnlyList<string> SplitDomains(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static TrafficContext? ReadContext(string? path)
    {
        if (path is null)
            return null;
        var bytes = CliInput.ReadAllBytes(path, 1024 * 1024);
        try
        {
            return JsonSerializer.Deserialize<TrafficContext>(bytes, EngineJson.Options)
                ?? throw new CliInputException($"{path}: the context is empty");
        }
        catch (JsonException e)
        {
            throw new CliInputException($"{path}: not a traffic context ({e.Message.Split('.')[0]})");
        }
    }

    private static string Json(TrafficAnalysis analysis) =>
        JsonSerializer.Serialize(new { flows = analysis.Flows }, EngineJson.Options) + Environment.NewLine;

    private static string Table(TrafficAnalysis analysis)
    {
        var sb = new StringBuilder();
        sb.AppendLine("entry\tmethod\thost\trecipient\ttype\tconfidence\tlocation");
        foreach (var flow in analysis.Flows)
            foreach (var item in flow.Data)
                sb.AppendLine($"{flow.EntryIndex}\t{flow.Method}\t{flow.Destination.Host}\t{flow.Destination.Recipient}\t{item.Type}{(item.Hashed ? " (hashed)" : "")}\t{item.Confidence:F2}\t{item.Location}");
        sb.AppendLine($"{analysis.Flows.Count} flows in {analysis.EntriesRead} entries");
        return sb.ToString();
    }
}
