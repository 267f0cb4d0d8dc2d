using System.CommandLine;

namespace Compliance.Worker.Cli;

/// <summary>`worker train` (PLACEHOLDER: not built yet).</summary>
public static class TrainVerb
{
    public static Command Create()
    {
        var command = new Command("train", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("error: 'train' is not built yet");
            return CliApp.InternalError;
        });
        return command;
    }
}
