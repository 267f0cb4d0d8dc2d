using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Compliance.Engine;
using Compliance.Engine.Claims;
using Compliance.Engine.Policies;

namespace Compliance.Worker.Cli;

/// <summary>`worker extract --policy FILE --format json|table`: prints the data practices a policy states.</summary>
public static class ExtractVerb
{
    public static Command Create()
    {
        var policy = new Option<string>("--policy") { Description = "Policy file: text, HTML, Markdown or PDF.", Required = true };
        var format = new Option<string>("--format") { Description = "json or table.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "table");
        var model = ClaimExtractorFactory.ModelOption();
        var rulesOnly = ClaimExtractorFactory.RulesOnlyOption();
        var command = new Command("extract", "Extract the data practices a policy states.") { policy, format, model, rulesOnly };
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
            var document = new DocumentRef { Kind = DocumentKind.PrivacyPolicy, Title = parsed.Title };
            using var extractor = ClaimExtractorFactory.Create(parse.GetValue(model), parse.GetValue(rulesOnly));
            var claims = extractor.Extract(parsed, document);
            Console.Out.Write(parse.GetValue(format) == "table" ? Table(claims) : Json(claims));
            return CliApp.Ok;
        });
        return command;
    }

    public static string Json(IReadOnlyList<Claim> claims) =>
        JsonSerializer.Serialize(new { claims }, EngineJson.Options) + "\n";

    /// <summary>Characters of the sentence shown beside each claim, so a reader can check the reading.</summary>
    public const int SentenceWidth = 80;

    public static string Table(IReadOnlyList<Claim> claims)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"id",-6} {"action",-15} {"pol",-4} {"data types",-40} {"recipients",-30} {"conditions",-30} {"qualifiers",-25} {"conf",-4}  sentence");
        foreach (var c in claims)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{c.Id,-6} {c.Action,-15} {(c.Polarity == Polarity.Negative ? "neg" : "aff"),-4} {string.Join(",", c.DataTypes),-40} {string.Join(",", c.Recipients),-30} {string.Join(",", c.Conditions),-30} {string.Join(",", c.Qualifiers),-25} {c.Confidence,-4:0.00}  {Shorten(c.Sentence)}");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"{claims.Count} claims");
        return text.ToString();
    }

    // One line, at most SentenceWidth characters: runs of white space become one space, a cut ends in "…".
    private static string Shorten(string sentence)
    {
        var flat = string.Join(' ', sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= SentenceWidth ? flat : flat[..(SentenceWidth - 1)].TrimEnd() + "…";
    }
}
