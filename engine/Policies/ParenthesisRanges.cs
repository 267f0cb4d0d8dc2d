namespace Compliance.Engine.Policies;

/// <summary>Matched, reasonably short (…) pairs of a text range; a stop inside one does not end the sentence.</summary>
internal readonly struct ParenthesisRanges
{
    private readonly List<(int Open, int Close)>? _pairs;

    private ParenthesisRanges(List<(int, int)>? pairs) => _pairs = pairs;

    public static ParenthesisRanges Find(string text, int from, int to, int maxReach)
    {
        List<(int, int)>? pairs = null;
        var open = new Stack<int>();
        for (var i = from; i < to; i++)
        {
            if (text[i] == '(')
            {
                open.Push(i);
            }
            else if (text[i] == ')' && open.Count > 0)
            {
                var o = open.Pop();
                if (i - o <= maxReach)
                    (pairs ??= []).Add((o, i));
            }
        }
        return new ParenthesisRanges(pairs);
    }

    /// <summary>True when the stop at <paramref name="stop"/> lies inside a pair that the terminator run does not close.</summary>
    public bool Encloses(int stop, int terminatorEnd)
    {
        if (_pairs is null)
            return false;
        foreach (var (open, close) in _pairs)
        {
            if (open < stop && close >= terminatorEnd)
                return true;
        }
        return false;
    }
}
