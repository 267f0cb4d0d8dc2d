using System.CommandLine;

namespace Compliance.Worker.Cli;

/// <summary>`worker check` (PLACEHOLDER: not built yet).</summary>
public static class CheckVerb
{
    public static Command Create()
    {
        var command = new Command("check", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("error: 'check' is not built yet");
            return CliApp.InternalError;
        });
        return command;
    }
}
