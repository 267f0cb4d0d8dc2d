using System.CommandLine;

namespace Compliance.Worker.Cli;

/// <summary>The worker's command line: one verb per job a person or a script runs by hand.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int InternalError = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Compliance checker worker: runs queued jobs (run) and the engine from the command line.");
        root.Subcommands.Add(RunVerb.Create());
        root.Subcommands.Add(MigrateVerb.Create());
        root.Subcommands.Add(KeysVerb.Create());
        root.Subcommands.Add(ExtractVerb.Create());
        root.Subcommands.Add(AnalyzeVerb.Create());
        root.Subcommands.Add(CheckVerb.Create());
        root.Subcommands.Add(CompareVerb.Create());
        root.Subcommands.Add(EvalVerb.Create());
        root.Subcommands.Add(TrainVerb.Create());
        root.Subcommands.Add(BenchVerb.Create());
        root.Subcommands.Add(LoadVerb.Create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            Console.Error.WriteLine($"error: {parsed.Errors[0].Message}");
            return BadInput;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliInputException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            return InternalError;
        }
    }
}

/// <summary>Unusable input named in one line; the CLI exits with code 2.</summary>
public sealed class CliInputException(string message) : Exception(message);
