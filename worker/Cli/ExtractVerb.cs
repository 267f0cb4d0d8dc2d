using System.CommandLine;
using Compliance.Engine.Policies;

namespace Compliance.Worker.Cli;

/// <summary>`worker extract --policy FILE`: prints the policy's sentences (claims once the extractor exists).</summary>
public static class ExtractVerb
{
    public static Command Create()
    {
        var policy = new Option<string>("--policy") { Description = "Policy file: text, HTML, Markdown or PDF.", Required = true };
        var format = new Option<string>("--format") { Description = "json or table.", DefaultValueFactory = _ => "json" };
        var command = new Command("extract", "Extract the data practices a policy states.") { policy, format };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(policy)!;
            var bytes = CliInput.ReadAllBytes(path);
            ParsedPolicy parsed;
            try
            {
                parsed = PolicyParser.Parse(bytes, Path.GetFileName(path));
            }
            catch (PolicyFormatException e)
            {
                throw new CliInputException($"{path}: {e.Message}");
            }
            foreach (var sentence in parsed.Sentences)
                Console.Out.WriteLine($"{sentence.Span.Start}-{sentence.Span.End}\t{sentence.Section}\t{sentence.Text}");
            return CliApp.Ok;
        });
        return command;
    }
}
