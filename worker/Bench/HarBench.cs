using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Compliance.Engine.Traffic;
using Compliance.Worker.Cli;

namespace Compliance.Worker.Bench;

/// <summary>
/// `worker bench har [--size-mb N]`: writes a HAR of N MB with realistic entries to a temp folder,
/// then measures raw Utf8JsonReader throughput over it, full analysis throughput, and peak memory.
/// </summary>
public static class HarBench
{
    public static Command Create()
    {
        var size = new Option<int>("--size-mb") { Description = "Size of the generated HAR in MB.", DefaultValueFactory = _ => 1024 };
        var keep = new Option<string?>("--keep") { Description = "Write the HAR to this path and keep it (default: temp file, deleted)." };
        var command = new Command("har", "Measure HAR reading and analysis throughput and peak memory.") { size, keep };
        command.SetAction(parse =>
        {
            var mb = parse.GetValue(size);
            if (mb is < 1 or > 16384)
                throw new CliInputException("--size-mb must be between 1 and 16384");
            var kept = parse.GetValue(keep);
            var path = kept ?? Path.Combine(Path.GetTempPath(), $"harbench-{Environment.ProcessId}.har");
            try
            {
                Run(path, mb * 1024L * 1024L);
            }
            finally
            {
                if (kept is null && File.Exists(path))
                    File.Delete(path);
            }
            return CliApp.Ok;
        });
        return command;
    }

    private static void Run(string path, long bytes)
    {
        var clock = Stopwatch.StartNew();
        var entries = HarGenerator.Write(path, bytes);
        var length = new FileInfo(path).Length;
        var megabytes = length / (1024.0 * 1024.0);
        Console.WriteLine($"generated {megabytes:F0} MB, {entries} entries in {clock.Elapsed.TotalSeconds:F1} s: {path}");

        // Wall time and CPU time both: on a shared machine CPU time is the steadier figure.
        var cpu = Cpu();
        clock.Restart();
        var tokens = RawTokens(path);
        var raw = megabytes / clock.Elapsed.TotalSeconds;
        var rawCpu = megabytes / (Cpu() - cpu).TotalSeconds;
        Console.WriteLine($"raw Utf8JsonReader: {tokens} tokens, {clock.Elapsed.TotalSeconds:F1} s, {raw:F0} MB/s wall, {rawCpu:F0} MB/s cpu");

        cpu = Cpu();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        clock.Restart();
        TrafficAnalysis analysis;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            analysis = TrafficAnalyzer.Analyze(stream, HarGenerator.Context, new TrafficOptions { VendorDomains = ["bench-vendor.test"], VendorName = "Bench Vendor" });
        var full = megabytes / clock.Elapsed.TotalSeconds;
        var fullCpu = megabytes / (Cpu() - cpu).TotalSeconds;
        Console.WriteLine($"analysis: {analysis.EntriesRead} entries, {analysis.Flows.Count} flows, {analysis.Warnings.Count} warnings, {clock.Elapsed.TotalSeconds:F1} s, {full:F0} MB/s wall, {fullCpu:F0} MB/s cpu");
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024.0 * 1024.0);
        Console.WriteLine($"analysis allocated {allocatedMb:F0} MB ({allocatedMb / megabytes:F1} per MB read); GCs gen0/1/2: "
            + $"{GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}");
        foreach (var w in analysis.Warnings.Take(3))
            Console.WriteLine($"  warning: {w}");
        Console.WriteLine($"analysis/raw: {full / raw:F2} wall, {fullCpu / rawCpu:F2} cpu (target >= 0.25)");
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.WriteLine($"peak working set: {peak:F0} MB (target < 300 MB)");
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>Reads every token of the file and nothing else: the ceiling any HAR reader can reach.</summary>
    private static long RawTokens(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        var state = new JsonReaderState();
        var pending = 0;
        long tokens = 0;
        while (true)
        {
            var n = stream.Read(buffer, pending, buffer.Length - pending);
            var final = n == 0;
            var length = pending + n;
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, state);
            while (reader.Read())
                tokens++;
            if (final)
                return tokens;
            state = reader.CurrentState;
            var consumed = (int)reader.BytesConsumed;
            pending = length - consumed;
            if (pending == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2);
            Buffer.BlockCopy(buffer, consumed, buffer, 0, pending);
        }
    }
}
