using System.CommandLine;
using Compliance.Worker.Cli;

namespace Compliance.Worker.Bench;

/// <summary>`worker bench har` (PLACEHOLDER: not built yet).</summary>
public static class HarBench
{
    public static Command Create()
    {
        var command = new Command("har", "Not built yet.");
        command.SetAction(_ => CliApp.InternalError);
        return command;
    }
}
