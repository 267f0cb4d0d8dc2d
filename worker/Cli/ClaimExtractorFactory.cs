using Compliance.Engine.Claims;

namespace Compliance.Worker.Cli;

/// <summary>Builds the extractor the verbs share, so every verb runs the same models.</summary>
public static class ClaimExtractorFactory
{
    public static ClaimExtractor Create() => ClaimExtractor.CreateDefault();
}
