using System.Runtime.InteropServices;
using System.Text.Json;

namespace Compliance.Engine.Traffic.Decoding;

public sealed partial class PayloadDecoder
{
    /// <summary>The property's field name; the raw bytes are looked up first so a name seen before allocates nothing.</summary>
    private FieldName NameOf(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.IndexOf((byte)'\\') < 0 ? _names.Get(raw) : _names.Get(property.Name);
    }

    /// <summary>Walks a JSON value; <c>scope.Location</c> is the value's own path.</summary>
    private void WalkJson(JsonElement element, DecodeScope scope, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = NameOf(property);
                    WalkJson(property.Value, scope with
                    {
                        Location = scope.Location.Property(name),
                        Field = name,
                        Trail = _names.Extend(scope.Trail, name),
                        Container = scope.Location,
                    }, depth);
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    WalkJson(item, scope with { Location = scope.Location.Element(i), Container = scope.Location }, depth);
                    i++;
                }
                break;
            case JsonValueKind.String:
                DecodeString(element.GetString()!, scope, depth);
                break;
            case JsonValueKind.Number:
                Emit(element.GetRawText(), scope, isNumber: true);
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                Emit(element.GetRawText(), scope, isBoolean: true);
                break;
        }
    }
}
