using System.CommandLine;
using Compliance.Worker.Cli;

namespace Compliance.Worker.Bench;

/// <summary>`worker bench extraction` (PLACEHOLDER: not built yet).</summary>
public static class ExtractionBench
{
    public static Command Create()
    {
        var command = new Command("extraction", "Not built yet.");
        command.SetAction(_ => CliApp.InternalError);
        return command;
    }
}
