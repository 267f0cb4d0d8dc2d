using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Compliance.Engine.Traffic;

namespace Compliance.Worker.Bench;

/// <summary>
/// Writes a synthetic HAR of a given size, streaming: page visits with HTML responses, assets,
/// JSON API calls, analytics posts (form + base64 JSON, gzip bodies) carrying device identifiers.
/// </summary>
internal static class HarGenerator
{
    private const string Imei = "490154203237518";
    private const string AndroidId = "9774d56d682e549c";
    private const string AdId = "38400000-8cf0-11bd-b23e-10b96e40000d";
    private const string Install = "5f0c6e2a-3b1d-4c9e-8f7a-2d4b6c8e0a13";

    public static TrafficContext Context { get; } = new()
    {
        KnownValues = new Dictionary<string, IReadOnlyList<string>>
        {
            ["imei"] = [Imei], ["android-id"] = [AndroidId], ["advertising-id"] = [AdId],
        },
    };

    public static long Write(string path, long targetBytes)
    {
        var random = new Random(20240309);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var json = new Utf8JsonWriter(file);
        json.WriteStartObject();
        json.WriteStartObject("log");
        json.WriteString("version", "1.2");
        json.WriteStartObject("creator");
        json.WriteString("name", "harbench");
        json.WriteString("version", "1");
        json.WriteEndObject();
        json.WriteStartArray("entries");
        long index = 0;
        var html = HtmlPage(random, 40_000);
        var gzipBody = Convert.ToBase64String(Gzip(AnalyticsJson(random, 20)));
        while (file.Position + json.BytesPending < targetBytes)
        {
            var kind = index % 10;
            switch (kind)
            {
                case 0:
                    WriteEntry(json, index, "GET", $"https://news{index % 50}.example.org/article/{index}", [("Sec-Fetch-Mode", "navigate"), ("Sec-Fetch-Dest", "document")], null, null, "text/html", html);
                    break;
                case 3:
                    var events = Convert.ToBase64String(AnalyticsJson(random, 6));
                    WriteEntry(json, index, "POST", "https://tracking.bench-vendor.test/sa?project=app", [("X-App-Install", Install)],
                        "application/x-www-form-urlencoded", "gzip=0&data_list=" + Uri.EscapeDataString(events), "application/json", "{\"ok\":1}");
                    break;
                case 6:
                    WriteEntry(json, index, "POST", $"https://api.adnetwork.test/v2/ad?rdid={AdId}&lat=52.5{random.Next(1000, 9999)}&lon=13.3{random.Next(1000, 9999)}",
                        [], "application/json", $"{{\"request_id\":\"{Guid.NewGuid()}\",\"did\":\"{AndroidId}\",\"os_version\":\"14\",\"model\":\"Pixel 7\"}}", "application/json", AdResponse(random));
                    break;
                case 8:
                    WriteEntry(json, index, "POST", "https://data.bench-vendor.test/api/ev?v=3", [("Content-Encoding", "gzip")],
                        "application/octet-stream", gzipBody, "application/json", "{\"ok\":1}", base64: true);
                    break;
                default:
                    WriteEntry(json, index, "GET", $"https://cdn.bench-vendor.test/img/{random.NextInt64():x16}.webp", [], null, null, "image/webp", RandomBase64(random, 6_000), base64Response: true);
                    break;
            }
            index++;
            if (json.BytesPending > 1 << 20)
                json.Flush();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        return index;
    }

    private static void WriteEntry(Utf8JsonWriter json, long index, string method, string url, (string, string)[] headers,
        string? bodyMime, string? body, string responseMime, string responseText, bool base64 = false, bool base64Response = false)
    {
        json.WriteStartObject();
        json.WriteString("startedDateTime", DateTimeOffset.UnixEpoch.AddSeconds(1_700_000_000 + index).ToString("O"));
        json.WriteNumber("time", 42.5);
        json.WriteStartObject("request");
        json.WriteString("method", method);
        json.WriteString("url", url);
        json.WriteString("httpVersion", "HTTP/2.0");
        json.WriteStartArray("headers");
        Header(json, "User-Agent", "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36");
        Header(json, "Accept-Encoding", "gzip, deflate, br");
        foreach (var (name, value) in headers)
            Header(json, name, value);
        json.WriteEndArray();
        json.WriteStartArray("queryString");
        json.WriteEndArray();
        json.WriteStartArray("cookies");
        json.WriteEndArray();
        if (body is not null)
        {
            json.WriteStartObject("postData");
            json.WriteString("mimeType", bodyMime);
            json.WriteString("text", body);
            if (base64)
                json.WriteString("encoding", "base64");
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartObject("response");
        json.WriteNumber("status", 200);
        json.WriteStartArray("headers");
        Header(json, "content-type", responseMime);
        json.WriteEndArray();
        json.WriteStartObject("content");
        json.WriteString("mimeType", responseMime);
        json.WriteString("text", responseText);
        if (base64Response)
            json.WriteString("encoding", "base64");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("serverIPAddress", "203.0.113." + (index % 250));
        json.WriteStartObject("timings");
        json.WriteNumber("send", 1.2);
        json.WriteNumber("wait", 38.0);
        json.WriteNumber("receive", 3.3);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>One HAR name/value pair (header, query parameter).</summary>
    internal static void Header(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("value", value);
        json.WriteEndObject();
    }

    private static byte[] AnalyticsJson(Random random, int events)
    {
        var sb = new StringBuilder("[");
        for (var i = 0; i < events; i++)
        {
            if (i > 0)
                sb.Append(',');
            sb.Append($"{{\"distinct_id\":\"{Install}\",\"event\":\"screen_view\",\"time\":{1_700_000_000_000 + random.Next()},")
              .Append($"\"properties\":{{\"$os_version\":\"14\",\"$model\":\"Pixel 7\",\"screen\":\"Settings {i}\",\"uid\":\"{Imei}\",\"$insert_id\":\"{random.NextInt64():x}\"}}}}");
        }
        return Encoding.UTF8.GetBytes(sb.Append(']').ToString());
    }

    private static string AdResponse(Random random) =>
        $"{{\"ads\":[{{\"id\":\"{random.NextInt64():x}\",\"html\":\"{new string('x', 2_000)}\"}}]}}";

    private static string HtmlPage(Random random, int size)
    {
        var sb = new StringBuilder("<!DOCTYPE html><html><head><title>A page about trams</title></head><body>");
        while (sb.Length < size)
            sb.Append("<p>").Append(random.NextInt64()).Append(" lorem ipsum dolor sit amet</p>");
        return sb.Append("</body></html>").ToString();
    }

    private static string RandomBase64(Random random, int bytes)
    {
        var data = new byte[bytes];
        random.NextBytes(data);
        return Convert.ToBase64String(data);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest))
            gz.Write(data);
        return output.ToArray();
    }
}
