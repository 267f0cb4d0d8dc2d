using System.CommandLine;
using Compliance.Worker.Cli;

namespace Compliance.Worker.Bench;

/// <summary>`worker bench policy` (PLACEHOLDER: not built yet).</summary>
public static class PolicyBench
{
    public static Command Create()
    {
        var command = new Command("policy", "Not built yet.");
        command.SetAction(_ => CliApp.InternalError);
        return command;
    }
}
