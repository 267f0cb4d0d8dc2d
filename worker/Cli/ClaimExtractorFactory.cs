using System.CommandLine;
using Compliance.Engine.Claims;
using Compliance.Engine.Ontology;

namespace Compliance.Worker.Cli;

/// <summary>
/// Builds the extractor the verbs share. The claim models are the ones shipped inside the engine unless
/// --model or the COMPLIANCE_CLAIM_MODEL environment variable names another file.
/// </summary>
public static class ClaimExtractorFactory
{
    public const string ModelVariable = "COMPLIANCE_CLAIM_MODEL";

    public static Option<string?> ModelOption() => new("--model") { Description = $"Claim models file written by `train` (default: the shipped one, or ${ModelVariable})." };

    public static Option<bool> RulesOnlyOption() => new("--rules-only") { Description = "The rule reader alone (the baseline), without MiniLM and the learned models." };

    public static ClaimExtractor Create(string? modelPath = null, bool rulesOnly = false)
    {
        if (rulesOnly)
            return ClaimExtractor.CreateRulesOnly();
        var path = modelPath ?? Environment.GetEnvironmentVariable(ModelVariable);
        if (string.IsNullOrEmpty(path))
            return ClaimExtractor.CreateDefault();
        using var model = CliInput.OpenRead(path);
        try
        {
            return ClaimExtractor.Create(OntologyModel.Default, model);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new CliInputException($"{path}: not a claim models file ({e.Message})");
        }
    }
}
