using System.Text.Json;

namespace Compliance.Engine.Traffic.Decoding;

public sealed partial class PayloadDecoder
{
    private void WalkJson(JsonElement element, DecodeScope scope, string path, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var objectContainer = scope.Location + " → json " + path;
                foreach (var property in element.EnumerateObject())
                {
                    var childPath = path + JsonPathStep(property.Name);
                    var name = _names.Get(property.Name);
                    var child = scope with
                    {
                        Field = name,
                        Trail = [.. scope.Trail, name],
                        Container = objectContainer,
                    };
                    WalkJson(property.Value, child, childPath, depth);
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                var inArray = scope with { Container = scope.Location + " → json " + path };
                foreach (var item in element.EnumerateArray())
                {
                    WalkJson(item, inArray, $"{path}[{i}]", depth);
                    i++;
                }
                break;
            case JsonValueKind.String:
                DecodeString(element.GetString()!, scope with { Location = scope.Location + " → json " + path }, depth);
                break;
            case JsonValueKind.Number:
                Emit(element.GetRawText(), scope with { Location = scope.Location + " → json " + path }, isNumber: true);
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                Emit(element.GetRawText(), scope with { Location = scope.Location + " → json " + path }, isBoolean: true);
                break;
        }
    }

    private static string JsonPathStep(string name)
    {
        var simple = name.Length > 0 && !char.IsAsciiDigit(name[0]);
        foreach (var c in name)
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '$'))
                simple = false;
        return simple ? "." + name : "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }
}
