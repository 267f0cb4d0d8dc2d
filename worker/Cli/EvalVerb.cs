using System.CommandLine;

namespace Compliance.Worker.Cli;

/// <summary>`worker eval` (PLACEHOLDER: not built yet).</summary>
public static class EvalVerb
{
    public static Command Create()
    {
        var command = new Command("eval", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("error: 'eval' is not built yet");
            return CliApp.InternalError;
        });
        return command;
    }
}
