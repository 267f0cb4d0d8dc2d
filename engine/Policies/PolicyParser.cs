using System.Text;
using Compliance.Engine.Claims;

namespace Compliance.Engine.Policies;

/// <summary>Turns the bytes of a policy file into normalised text, sections and sentences.</summary>
public static class PolicyParser
{
    // PLACEHOLDER until the policy-ingestion work lands: plain text only, naive sentence split.
    public static ParsedPolicy Parse(ReadOnlySpan<byte> content, string? fileName = null)
    {
        var text = Encoding.UTF8.GetString(content).Replace("\r\n", "\n");
        var sentences = new List<PolicySentence>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] == '\n' || (text[i] is '.' or '?' or '!' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (!end && i + 1 < text.Length)
                continue;
            var stop = text[i] == '\n' ? i : i + 1;
            var raw = text[start..stop];
            var trimmed = raw.Trim();
            if (trimmed.Length > 0)
            {
                var offset = start + raw.IndexOf(trimmed, StringComparison.Ordinal);
                sentences.Add(new PolicySentence(trimmed, new TextSpan(offset, offset + trimmed.Length), null));
            }
            start = i + 1;
        }
        return new ParsedPolicy { Format = PolicyFormat.Text, Text = text, Sentences = sentences };
    }
}
