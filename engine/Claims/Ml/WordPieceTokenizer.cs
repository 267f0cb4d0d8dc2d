using System.Globalization;
using System.Text;

namespace Compliance.Engine.Claims.Ml;

/// <summary>A word of a sentence as the tokenizer split it: its character range and its word pieces.</summary>
public readonly record struct TokenWord(int Start, int End, int FirstPiece, int PieceCount);

/// <summary>A sentence split into words (with offsets into the text) and BERT word-piece ids.</summary>
public sealed class TokenizedText
{
    public required TokenWord[] Words { get; init; }
    /// <summary>Word-piece ids of all words, in order, without [CLS] and [SEP].</summary>
    public required int[] Pieces { get; init; }
}

/// <summary>
/// The uncased BERT tokenizer that MiniLM was trained with (basic split on whitespace and punctuation,
/// lower case without accents, then greedy longest-match word pieces), keeping each word's character range
/// so that tags on words map back to the sentence.
/// </summary>
public sealed class WordPieceTokenizer
{
    public const int Cls = 101;
    public const int Sep = 102;
    public const int Unknown = 100;
    private const int MaxWordChars = 100;

    private readonly Dictionary<string, int> _vocabulary;

    public WordPieceTokenizer(IEnumerable<string> vocabulary)
    {
        _vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var id = 0;
        foreach (var entry in vocabulary)
            _vocabulary.TryAdd(entry, id++);
    }

    public TokenizedText Tokenize(string text)
    {
        var words = new List<TokenWord>();
        var pieces = new List<int>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsSpace(c) || IsIgnored(c))
            {
                i++;
                continue;
            }
            var start = i;
            var width = char.IsSurrogatePair(text, i) ? 2 : 1;
            if (IsPunctuation(text, i) || IsCjk(text, i))
                i += width;
            else
            {
                while (i < text.Length && !IsSpace(text[i]) && !IsIgnored(text[i]) && !IsPunctuation(text, i) && !IsCjk(text, i))
                    i += char.IsSurrogatePair(text, i) ? 2 : 1;
            }
            var first = pieces.Count;
            AddPieces(Normalise(text.AsSpan(start, i - start)), pieces);
            if (pieces.Count > first)
                words.Add(new TokenWord(start, i, first, pieces.Count - first));
        }
        return new TokenizedText { Words = [.. words], Pieces = [.. pieces] };
    }

    private void AddPieces(string word, List<int> pieces)
    {
        if (word.Length == 0)
            return;
        if (word.Length > MaxWordChars)
        {
            pieces.Add(Unknown);
            return;
        }
        var mark = pieces.Count;
        var start = 0;
        while (start < word.Length)
        {
            var end = word.Length;
            var found = -1;
            while (end > start)
            {
                var candidate = start == 0 ? word[start..end] : "##" + word[start..end];
                if (_vocabulary.TryGetValue(candidate, out var id))
                {
                    found = id;
                    break;
                }
                end--;
            }
            if (found < 0)
            {
                pieces.RemoveRange(mark, pieces.Count - mark);
                pieces.Add(Unknown);
                return;
            }
            pieces.Add(found);
            start = end;
        }
    }

    // Lower case, then drop combining marks after canonical decomposition ("é" → "e"), as uncased BERT does.
    private static string Normalise(ReadOnlySpan<char> word)
    {
        var lower = word.ToString().ToLowerInvariant();
        var decomposed = lower.Normalize(NormalizationForm.FormD);
        if (decomposed.Length == lower.Length && lower.All(char.IsAscii))
            return lower;
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' || char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator;

    private static bool IsIgnored(char c) =>
        c == '\0' || c == '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static bool IsPunctuation(string text, int i)
    {
        var c = text[i];
        if (c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~')
            return true;
        return CharUnicodeInfo.GetUnicodeCategory(text, i) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }

    private static bool IsCjk(string text, int i)
    {
        var cp = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
        return cp is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2A6DF or >= 0x2A700 and <= 0x2B73F
            or >= 0x2B740 and <= 0x2B81F or >= 0x2B820 and <= 0x2CEAF or >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F;
    }
}
