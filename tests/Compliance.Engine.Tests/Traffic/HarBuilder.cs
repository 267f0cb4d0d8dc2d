using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Compliance.Engine.Tests.Traffic;

/// <summary>Builds small HAR files for tests.</summary>
public static class HarBuilder
{
    public static JsonObject Entry(string url, string method = "GET", string? body = null, string mime = "application/json",
        IEnumerable<(string, string)>? headers = null, string? encoding = null)
    {
        var request = new JsonObject
        {
            ["method"] = method,
            ["url"] = url,
            ["headers"] = new JsonArray((headers ?? []).Select(h => (JsonNode)new JsonObject { ["name"] = h.Item1, ["value"] = h.Item2 }).ToArray()),
            ["queryString"] = new JsonArray(),
        };
        if (body is not null)
        {
            var post = new JsonObject { ["mimeType"] = mime, ["text"] = body };
            if (encoding is not null)
                post["encoding"] = encoding;
            request["postData"] = post;
        }
        return new JsonObject
        {
            ["startedDateTime"] = "2024-03-09T06:42:10.475+01:00",
            ["request"] = request,
            ["response"] = new JsonObject { ["status"] = 200, ["content"] = new JsonObject { ["mimeType"] = "application/json", ["text"] = "{}" } },
        };
    }

    public static string Har(IEnumerable<JsonNode> entries, JsonObject? context = null)
    {
        var log = new JsonObject { ["version"] = "1.2", ["creator"] = new JsonObject { ["name"] = "test" } };
        if (context is not null)
            log["_context"] = context;
        log["entries"] = new JsonArray(entries.ToArray());
        return new JsonObject { ["log"] = log }.ToJsonString();
    }

    public static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest))
            gz.Write(data);
        return output.ToArray();
    }
}
