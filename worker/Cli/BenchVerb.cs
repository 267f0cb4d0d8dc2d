using System.CommandLine;
using Compliance.Worker.Bench;

namespace Compliance.Worker.Cli;

/// <summary>`worker bench …`: repeatable speed and memory measurements whose figures go into closing notes.</summary>
public static class BenchVerb
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure speed and memory of the engine's stages.");
        command.Subcommands.Add(PolicyBench.Create());
        command.Subcommands.Add(ExtractionBench.Create());
        command.Subcommands.Add(HarBench.Create());
        command.Subcommands.Add(CheckBench.Create());
        return command;
    }
}
