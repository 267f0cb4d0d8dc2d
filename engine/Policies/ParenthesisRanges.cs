namespace Compliance.Engine.Policies;

/// <summary>
/// The outermost matched, reasonably short (…) pairs of a text range, sorted; a stop inside one does not end the
/// sentence. Lookups are binary searches, so a huge paragraph full of brackets stays linear-logarithmic.
/// </summary>
internal readonly struct ParenthesisRanges
{
    private readonly List<(int Open, int Close)>? _outermost;

    private ParenthesisRanges(List<(int, int)>? outermost) => _outermost = outermost;

    public static ParenthesisRanges Find(string text, int from, int to, int maxReach)
    {
        List<(int Open, int Close)>? pairs = null;
        Stack<int>? open = null;
        for (var i = from; i < to; i++)
        {
            if (text[i] == '(')
            {
                (open ??= new Stack<int>()).Push(i);
            }
            else if (text[i] == ')' && open is { Count: > 0 })
            {
                var o = open.Pop();
                if (i - o <= maxReach)
                    (pairs ??= []).Add((o, i));
            }
        }
        if (pairs is null)
            return default;
        pairs.Sort((a, b) => a.Open.CompareTo(b.Open));
        var outermost = new List<(int, int)>(pairs.Count);
        foreach (var pair in pairs)
        {
            if (outermost.Count == 0 || pair.Open > outermost[^1].Item2)
                outermost.Add(pair);
        }
        return new ParenthesisRanges(outermost);
    }

    /// <summary>True when the stop at <paramref name="stop"/> lies inside a pair that the terminator run does not close.</summary>
    public bool Encloses(int stop, int terminatorEnd)
    {
        if (_outermost is null)
            return false;
        int lo = 0, hi = _outermost.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_outermost[mid].Open < stop)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found >= 0 && _outermost[found].Close >= terminatorEnd;
    }
}
