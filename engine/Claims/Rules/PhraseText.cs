using System.Text;

namespace Compliance.Engine.Claims.Rules;

/// <summary>
/// A sentence folded for phrase matching: lower case, every run of non-alphanumerics one space, padded
/// with a space at both ends. Offsets map back to the original sentence so matches keep their position.
/// </summary>
public sealed class PhraseText
{
    private readonly int[] _origin;

    public string Folded { get; }

    private PhraseText(string folded, int[] origin)
    {
        Folded = folded;
        _origin = origin;
    }

    public static PhraseText Of(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        var origin = new List<int>(text.Length + 2);
        builder.Append(' ');
        origin.Add(0);
        foreach (var (c, i) in text.Select((c, i) => (c, i)))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                origin.Add(i);
            }
            else if (builder[^1] != ' ')
            {
                builder.Append(' ');
                origin.Add(i);
            }
        }
        if (builder[^1] != ' ')
        {
            builder.Append(' ');
            origin.Add(text.Length);
        }
        return new PhraseText(builder.ToString(), [.. origin]);
    }

    /// <summary>Folds a lexicon phrase the same way, without padding.</summary>
    public static string FoldPhrase(string phrase) => Of(phrase).Folded.Trim();

    /// <summary>The position in the original text of a folded offset.</summary>
    public int OriginOf(int foldedOffset) => _origin[Math.Clamp(foldedOffset, 0, _origin.Length - 1)];
}
