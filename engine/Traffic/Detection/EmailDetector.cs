using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>An e-mail address anywhere in a value.</summary>
public sealed class EmailDetector : ValueDetector
{
    private static readonly HashSet<string> s_fileExtensions = new(
        ["png", "jpg", "jpeg", "gif", "webp", "svg", "json", "js", "css", "html", "htm", "pbf", "woff", "woff2", "ttf", "mp4", "ico", "avif", "xml", "txt"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Retina asset names ("icon@2x.png") look like addresses but are file names.</summary>
    private static bool IsAssetName(string address)
    {
        var domain = address[(address.IndexOf('@') + 1)..];
        var labels = domain.Split('.');
        return s_fileExtensions.Contains(labels[^1]) || (labels[0].Length <= 3 && labels[0].EndsWith('x') && labels[0][..^1].All(char.IsAsciiDigit));
    }

    public override DataItem? Inspect(PayloadValue value)
    {
        if (value.IsNumber || !value.Value.Contains('@'))
            return null;
        var match = IdentifierPatterns.Email().Match(value.Value);
        if (!match.Success || IsAssetName(match.Value))
            return null;
        // An address inside a longer text (a URL, a message) is less certain to be the user's.
        var whole = match.Length == value.Value.Trim().Length;
        return Item("email-address", match.Value, value, "pattern", whole ? 0.9 : 0.7);
    }
}
