using System.CommandLine;

namespace Compliance.Worker.Cli;

/// <summary>`worker analyze` (PLACEHOLDER: not built yet).</summary>
public static class AnalyzeVerb
{
    public static Command Create()
    {
        var command = new Command("analyze", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("error: 'analyze' is not built yet");
            return CliApp.InternalError;
        });
        return command;
    }
}
