using System.Text;

namespace Compliance.Engine.Policies;

/// <summary>
/// Brings a run of text into the stored form: Unicode NFC, typographic quotes, dashes and ligatures as ASCII,
/// non-breaking and zero-width characters resolved, and all whitespace collapsed to single spaces.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        Append(text, builder);
        return builder.ToString();
    }

    /// <summary>Appends the normalised form of <paramref name="text"/>, trimmed, to <paramref name="output"/>.</summary>
    public static void Append(string text, StringBuilder output)
    {
        if (!IsAsciiOnly(text) && !text.IsNormalized(NormalizationForm.FormC))
            text = text.Normalize(NormalizationForm.FormC);
        var writer = new Writer(output);
        foreach (var c in text)
        {
            switch (c)
            {
                case < ' ' or '\u007F' or (>= '\u0080' and <= '\u009F'):
                    writer.Space();
                    break;
                case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC':
                    writer.Put('\'');
                    break;
                case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB':
                    writer.Put('"');
                    break;
                case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212':
                    writer.Put('-');
                    break;
                case '\u2014' or '\u2015':
                    // An em dash joins clauses, so it must not glue the words beside it into one.
                    writer.Space();
                    writer.Put('-');
                    writer.Space();
                    break;
                case '\u2026':
                    writer.Put("...");
                    break;
                case >= '\uFB00' and <= '\uFB06':
                    writer.Put(s_ligatures[c - '\uFB00']);
                    break;
                case '\u00AD' or '\u200B' or '\u2060' or '\uFEFF':
                    break;
                default:
                    if (char.IsWhiteSpace(c))
                        writer.Space();
                    else
                        writer.Put(c);
                    break;
            }
        }
    }

    private static readonly string[] s_ligatures = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];

    private static bool IsAsciiOnly(string text) => Ascii.IsValid(text);

    /// <summary>Writes characters, turning any run of spaces into one and dropping leading and trailing ones.</summary>
    private ref struct Writer(StringBuilder output)
    {
        private readonly int _start = output.Length;
        private bool _pendingSpace;

        public void Space() => _pendingSpace = output.Length > _start;

        public void Put(char c)
        {
            if (_pendingSpace)
            {
                output.Append(' ');
                _pendingSpace = false;
            }
            output.Append(c);
        }

        public void Put(string s)
        {
            foreach (var c in s)
                Put(c);
        }
    }
}
