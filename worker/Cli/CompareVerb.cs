using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Compliance.Engine;
using Compliance.Engine.Checking;
using Compliance.Engine.Ontology;
using Compliance.Engine.Reports;
using Spectre.Console;

namespace Compliance.Worker.Cli;

/// <summary>`worker compare --manifest vendors.json --out DIR`: checks every vendor and writes the comparison.</summary>
public static class CompareVerb
{
    public static Command Create()
    {
        var manifest = new Option<string>("--manifest") { Description = "vendors.json (CONTRACT.md).", Required = true };
        var output = new Option<string>("--out") { Description = "Folder for comparison.json, .csv and .html.", Required = true };
        var parallel = new Option<int>("--parallel") { Description = "Vendors checked at once (default: the core count).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("compare", "Compare many vendors: a vendor × data-type matrix and per-vendor scorecards.") { manifest, output, parallel };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(manifest)!;
            var loaded = Manifest.Load(path);
            var baseDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var stopwatch = Stopwatch.StartNew();
            var outcomes = await RunAllAsync(loaded, baseDir, Math.Max(1, parse.GetValue(parallel)), ct);
            var comparison = ComparisonResult.Build(outcomes, OntologyModel.Default);
            var dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(Path.Combine(dir, "comparison.json"), JsonSerializer.Serialize(comparison, EngineJson.Options), ct);
            await File.WriteAllTextAsync(Path.Combine(dir, "comparison.csv"), comparison.ToCsv(), ct);
            await File.WriteAllTextAsync(Path.Combine(dir, "comparison.html"), ComparisonHtml.Render(comparison), ct);
            var failed = comparison.Vendors.Count(v => v.Status == "failed");
            Console.Error.WriteLine($"compared {comparison.Vendors.Count} vendors ({failed} failed) in {stopwatch.Elapsed.TotalSeconds:0.0} s; " +
                                    $"peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB; wrote {Path.GetFullPath(dir)}");
            return CliApp.Ok;
        });
        return command;
    }

    private static async Task<List<VendorOutcome>> RunAllAsync(Manifest manifest, string baseDir, int parallel, CancellationToken ct)
    {
        var outcomes = new ConcurrentBag<VendorOutcome>();
        // The sentence model is loaded once per parallel slot, not per vendor.
        var checks = new ConcurrentBag<ComplianceCheck>(Enumerable.Range(0, parallel).Select(_ => ComplianceCheck.CreateDefault()));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var tasks = manifest.Vendors.ToDictionary(v => v.Name, v => progress.AddTask(Markup.Escape(v.Name), maxValue: 3, autoStart: true));
                await Parallel.ForEachAsync(manifest.Vendors, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, (vendor, _) =>
                {
                    var task = tasks[vendor.Name];
                    checks.TryTake(out var check);
                    try
                    {
                        task.Description = Markup.Escape($"{vendor.Name}: reading files");
                        var request = VendorRequest.Build(vendor, baseDir);
                        task.Increment(1);
                        task.Description = Markup.Escape($"{vendor.Name}: checking");
                        var result = check!.Run(request);
                        task.Increment(1);
                        outcomes.Add(new VendorOutcome(vendor.Name, result));
                        task.Description = Markup.Escape($"{vendor.Name}: {result.Findings.Count} findings");
                    }
                    catch (Exception e) when (e is CliInputException or CheckInputException or IOException or ContextFormatException)
                    {
                        // A vendor with broken files is reported; the others still complete.
                        outcomes.Add(new VendorOutcome(vendor.Name, null, e.Message));
                        task.Description = Markup.Escape($"{vendor.Name}: failed");
                    }
                    finally
                    {
                        task.Value = task.MaxValue;
                        checks.Add(check!);
                    }
                    return ValueTask.CompletedTask;
                });
            });
        return outcomes.OrderBy(o => o.Vendor, StringComparer.Ordinal).ToList();
    }
}
