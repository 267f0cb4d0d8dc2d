using Compliance.Engine.Policies.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Compliance.Engine.Policies.Pdf;

/// <summary>
/// Reads a PDF policy with PdfPig: words grouped into blocks and put in reading order per page, running headers,
/// footers and page numbers removed, larger or bold standalone lines taken as headings, hyphenation undone.
/// The document-information title is returned only as a fallback: it is often a file name ("Microsoft Word - x").
/// </summary>
internal static class PdfPolicyReader
{
    public static (List<PolicyBlock> Blocks, string? Title) Read(byte[] content, PolicyParserOptions options)
    {
        var maxPages = options.MaxPdfPages;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages == 0)
                throw new PolicyFormatException("The PDF has no pages.");
            if (document.NumberOfPages > maxPages)
                throw new PolicyFormatException($"The PDF has {document.NumberOfPages} pages, more than the limit of {maxPages}.");
            var pages = new List<List<PdfLine>>();
            var images = 0;
            foreach (var page in document.GetPages())
            {
                if (page.Letters.Count > options.MaxPdfLettersPerPage)
                    throw new PolicyFormatException($"Page {page.Number} of the PDF has {page.Letters.Count} glyphs, more than the limit of {options.MaxPdfLettersPerPage}.");
                pages.Add(PageLines(page));
                if (clock.Elapsed > options.MaxPdfTime)
                    throw new PolicyFormatException($"The PDF took longer than {options.MaxPdfTime.TotalSeconds:F0} s to read (stopped at page {page.Number} of {document.NumberOfPages}).");
                images += page.NumberOfImages;
            }
            if (pages.All(p => p.Count == 0))
            {
                throw new PolicyFormatException(images > 0
                    ? "The PDF contains only images (a scan?); it has no extractable text and OCR is not supported."
                    : "The PDF contains no extractable text.");
            }
            RunningLines.Remove(pages);
            var lines = PdfHeadings.ToSourceLines(pages);
            var title = document.Information.Title;
            return (LineBlockAssembler.Assemble(lines, typesetHyphens: true), string.IsNullOrWhiteSpace(title) ? null : TextNormalizer.Normalize(title));
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new PolicyFormatException("The PDF is encrypted with a password; upload an unencrypted copy.");
        }
        catch (Exception e) when (e is not PolicyFormatException and not OutOfMemoryException)
        {
            throw new PolicyFormatException($"The PDF is corrupt or unreadable ({FirstLine(e.Message)}).");
        }
    }

    private static List<PdfLine> PageLines(UglyToad.PdfPig.Content.Page page)
    {
        var words = page.GetWords(NearestNeighbourWordExtractor.Instance).Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        var result = new List<PdfLine>();
        if (words.Count == 0)
            return result;
        var blocks = UnsupervisedReadingOrderDetector.Instance.Get(DocstrumBoundingBoxes.Instance.GetBlocks(words));
        var blockIndex = 0;
        foreach (var block in blocks.OrderBy(b => b.ReadingOrder))
        {
            foreach (var line in block.TextLines)
                result.Add(ToLine(line, blockIndex, page.Height));
            blockIndex++;
        }
        return result;
    }

    private static PdfLine ToLine(TextLine line, int block, double pageHeight)
    {
        var letters = line.Words.SelectMany(w => w.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        var size = letters.Count == 0 ? 0 : Math.Round(letters.Select(l => l.PointSize).OrderBy(s => s).ElementAt(letters.Count / 2) * 2) / 2;
        var bold = letters.Count > 0 && letters.All(l => l.FontName?.Contains("Bold", StringComparison.OrdinalIgnoreCase) == true);
        var top = pageHeight - line.BoundingBox.Top;
        return new PdfLine(line.Text, block, size, bold, top, pageHeight);
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? message : message[..end];
        return line.Length > 160 ? line[..160] : line;
    }
}

/// <summary>One text line of a PDF page with what layout analysis knows about it.</summary>
internal sealed record PdfLine(string Text, int Block, double Size, bool Bold, double Top, double PageHeight);
