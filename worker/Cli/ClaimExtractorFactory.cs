using System.CommandLine;
using Compliance.Engine.Claims;
using Compliance.Engine.Ontology;

namespace Compliance.Worker.Cli;

/// <summary>
/// Builds the extractor the verbs share. The practice model is the one shipped inside the engine unless
/// --model or the COMPLIANCE_CLAIM_MODEL environment variable names another file.
/// </summary>
public static class ClaimExtractorFactory
{
    public const string ModelVariable = "COMPLIANCE_CLAIM_MODEL";

    public static Option<string?> ModelOption() => new("--model") { Description = $"Practice model zip (default: the shipped one, or ${ModelVariable})." };

    public static Option<bool> RulesOnlyOption() => new("--rules-only") { Description = "Rules and lexicon only, without MiniLM and the practice model." };

    public static ClaimExtractor Create(string? modelPath = null, bool rulesOnly = false)
    {
        if (rulesOnly)
            return ClaimExtractor.CreateRulesOnly();
        var path = modelPath ?? Environment.GetEnvironmentVariable(ModelVariable);
        if (string.IsNullOrEmpty(path))
            return ClaimExtractor.CreateDefault();
        using var model = CliInput.OpenRead(path);
        return ClaimExtractor.Create(OntologyModel.Default, model);
    }
}
