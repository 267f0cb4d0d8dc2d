using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Compliance.Engine.Tests.Policies;

/// <summary>Small PDFs made on the fly: a two-page policy, a blank page, a scan-like image page, an encrypted file.</summary>
internal static class TestPdfs
{
    public static byte[] TwoPagePolicy()
    {
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        string[][] pages =
        [
            [
                "H1|Ferrowave Privacy Policy",
                "P|Ferrowave Ltd. makes the Ferrowave radio app. This policy explains what",
                "P|data the app sends to us and to third-party services.",
                "",
                "H2|1. Data we collect",
                "P|The app collects your device model and the stations you listen to. It",
                "P|also collects crash reports. We use this informa-",
                "P|tion to fix errors and to improve the app.",
            ],
            [
                "H2|2. Sharing",
                "P|We share listening statistics with third-",
                "P|party radio networks only in aggregated form. We never sell your personal",
                "P|data to anyone.",
            ],
        ];
        for (var p = 0; p < pages.Length; p++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddText("Ferrowave Privacy Policy - Confidential", 8, new PdfPoint(60, 800), regular);
            var y = 750.0;
            foreach (var line in pages[p])
            {
                if (line.Length == 0)
                {
                    y -= 14;
                    continue;
                }
                var bar = line.IndexOf('|', StringComparison.Ordinal);
                var (kind, text) = (line[..bar], line[(bar + 1)..]);
                var size = kind == "H1" ? 20 : kind == "H2" ? 15 : 11;
                y -= kind == "P" ? 14 : 30;
                page.AddText(text, size, new PdfPoint(60, y), kind == "P" ? regular : bold);
                y -= kind == "P" ? 0 : 10;
            }
            page.AddText($"Page {p + 1} of {pages.Length}", 8, new PdfPoint(280, 40), regular);
        }
        return builder.Build();
    }

    /// <summary>A page set in two columns: the left column must be read before the right one.</summary>
    public static byte[] TwoColumns()
    {
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(PageSize.A4);
        page.AddText("Column Policy", 20, new PdfPoint(50, 780), bold);
        string[] left = ["We collect your name and your", "e-mail address when you sign up.", "We keep them while your account", "is open."];
        string[] right = ["We share crash reports with our", "error tracking provider.", "We never share your messages", "with anyone."];
        for (var i = 0; i < left.Length; i++)
        {
            page.AddText(left[i], 10, new PdfPoint(50, 730 - (i * 13)), regular);
            page.AddText(right[i], 10, new PdfPoint(320, 730 - (i * 13)), regular);
        }
        return builder.Build();
    }

    public static byte[] BlankPage()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);
        return builder.Build();
    }

    public static byte[] ImageOnly()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.AddPng(TinyPng(), new PdfRectangle(50, 50, 500, 700));
        return builder.Build();
    }

    /// <summary>A PDF whose trailer names a standard security handler whose user password is not empty.</summary>
    public static byte[] Encrypted()
    {
        var key = new string('7', 64);
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            "<< /Length 8 >>\nstream\nAB12CD34\nendstream",
            $"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <{key}> /U <{key}> >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    // A 2x2 grey PNG: enough for the PDF writer to embed a real image.
    private static byte[] TinyPng()
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, 2);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 2);
        header[8] = 8;
        header[9] = 2;
        WriteChunk(png, "IHDR", header);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            z.Write([0, 128, 128, 128, 128, 128, 128, 0, 128, 128, 128, 128, 128, 128]);
        WriteChunk(png, "IDAT", raw.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(four, data.Length);
        stream.Write(four);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(four, Crc32(typed));
        stream.Write(four);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
