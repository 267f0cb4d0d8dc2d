namespace Compliance.Engine.Traffic.Decoding;

/// <summary>Where in a request a value travelled.</summary>
public enum ValueOrigin { UrlPath, Query, Header, Body, WebSocket }

/// <summary>
/// One scalar value found in a request after peeling every encoding layer, with the path it was
/// found at ("body → form data → base64 → json $.events[2].url") and the field names around it.
/// </summary>
public sealed record PayloadValue
{
    public required string Value { get; init; }
    public required ValuePath Path { get; init; }
    public string Location => Path.ToString();
    /// <summary>The nearest field name (JSON key, form or query parameter, header name); empty when none.</summary>
    public required FieldName Name { get; init; }
    public string Field => Name.Text;
    /// <summary>All enclosing field names, outermost first.</summary>
    public required IReadOnlyList<FieldName> Trail { get; init; }
    /// <summary>The enclosing object or array: values with the same container (by reference) are siblings.</summary>
    public required ValuePath Container { get; init; }
    public required ValueOrigin Origin { get; init; }
    public bool IsNumber { get; init; }
    public bool IsBoolean { get; init; }
    /// <summary>True when an encoding layer (base64, hex, gzip …) was peeled to reach the value.</summary>
    public bool Decoded { get; init; }
    /// <summary>For binary media found in a request (an image, a recording), its type; the value then describes it.</summary>
    public string? MediaType { get; init; }
    /// <summary>The size in bytes of that media.</summary>
    public long MediaLength { get; init; }
}

/// <summary>The position reached while walking into a request: location, field names and origin.</summary>
/// <remarks>A value type: one is made for every JSON property walked, and most are gone a moment later.</remarks>
public readonly record struct DecodeScope(ValuePath Location, FieldName Field, IReadOnlyList<FieldName> Trail, ValuePath Container, ValueOrigin Origin, bool Decoded = false)
{
    public DecodeScope Step(string step)
    {
        var at = Location.Step(step);
        return this with { Location = at, Container = at, Decoded = true };
    }

    /// <summary>A named part (form field, multipart part, query parameter); the cache, when given, shares equal trails.</summary>
    public DecodeScope Named(string step, FieldName field, FieldNameCache? names = null) => this with
    {
        Location = Location.Step(step),
        Container = Location,
        Field = field,
        Trail = field.Text.Length == 0 ? Trail : names?.Extend(Trail, field) ?? With(Trail, field),
    };

    public static DecodeScope Root(string location, FieldName field, ValuePath container, ValueOrigin origin, FieldNameCache? names = null) =>
        new(ValuePath.Root(location), field,
            field.Text.Length == 0 ? Array.Empty<FieldName>() : names?.Extend(Array.Empty<FieldName>(), field) ?? [field], container, origin);

    /// <summary>The trail with one more name: a plain array, which detectors walk without an enumerator.</summary>
    internal static FieldName[] With(IReadOnlyList<FieldName> trail, FieldName field)
    {
        var longer = new FieldName[trail.Count + 1];
        for (var i = 0; i < trail.Count; i++)
            longer[i] = trail[i];
        longer[^1] = field;
        return longer;
    }
}
