using System.CommandLine;
using Compliance.Worker.Cli;

namespace Compliance.Worker.Bench;

/// <summary>`worker bench check` (PLACEHOLDER: not built yet).</summary>
public static class CheckBench
{
    public static Command Create()
    {
        var command = new Command("check", "Not built yet.");
        command.SetAction(_ => CliApp.InternalError);
        return command;
    }
}
