namespace Compliance.Engine.Traffic.Decoding;

/// <summary>
/// Where a value sits in a request ("body → form data → base64 → json $.events[2].url"), built as a
/// chain of small nodes and turned into text only when a detection needs it. Siblings share their
/// container node, so grouping by container compares references, not strings.
/// </summary>
public sealed class ValuePath
{
    private readonly ValuePath? _parent;
    private readonly string? _segment;
    private readonly int _index;
    private string? _text;

    private ValuePath(ValuePath? parent, string? segment, int index)
    {
        _parent = parent;
        _segment = segment;
        _index = index;
    }

    public static ValuePath Root(string text) => new(null, text, -1) { _text = text };

    /// <summary>A decoding step: " → base64", " → form data", " → json $".</summary>
    public ValuePath Step(string step) => new(this, " → " + step, -1);

    /// <summary>A JSON property: ".name" or "['odd-name']".</summary>
    public ValuePath Property(string name) => new(this, JsonPathStep(name), -1);

    /// <summary>A JSON property whose step text the field name keeps.</summary>
    public ValuePath Property(FieldName name) => new(this, name.PathStep, -1);

    /// <summary>A JSON array element: "[i]".</summary>
    public ValuePath Element(int index) => new(this, null, index);

    public override string ToString()
    {
        if (_text is not null)
            return _text;
        var own = _segment ?? $"[{_index}]";
        return _text = _parent is null ? own : _parent.ToString() + own;
    }

    internal static string JsonPathStep(string name)
    {
        var simple = name.Length > 0 && !char.IsAsciiDigit(name[0]);
        foreach (var c in name)
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '$'))
                simple = false;
        return simple ? "." + name : "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }
}
