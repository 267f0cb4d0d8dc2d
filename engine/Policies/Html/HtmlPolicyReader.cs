using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Compliance.Engine.Policies.Html;

/// <summary>
/// Reads a saved policy page with AngleSharp: site furniture is dropped (see <see cref="Boilerplate"/>), h1-h6
/// become headings, lists keep their items, tables become one line per row, everything else becomes paragraphs.
/// </summary>
internal sealed class HtmlPolicyReader
{
    private static readonly HashSet<string> s_blockTags = new(StringComparer.Ordinal)
    {
        "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "hr", "html", "li", "main", "p", "pre",
        "section", "summary", "td", "th", "tr", "tbody", "thead", "tfoot", "legend",
    };

    private readonly int _maxDepth;
    private readonly List<PolicyBlock> _blocks = [];
    private readonly StringBuilder _inline = new();

    private HtmlPolicyReader(int maxDepth) => _maxDepth = maxDepth;

    public static (List<PolicyBlock> Blocks, string? Title) Read(string html, int maxDepth)
    {
        var parser = new HtmlParser(new HtmlParserOptions
        {
            IsScripting = false,
            SkipComments = true,
            SkipProcessingInstructions = true,
            DisableElementPositionTracking = true,
        });
        using var document = parser.ParseDocument(html);
        var reader = new HtmlPolicyReader(maxDepth);
        var root = ContentRoot(document);
        reader.Walk(root, 0);
        reader.Flush();
        var h1 = root.QuerySelector("h1")?.TextContent;
        var title = !string.IsNullOrWhiteSpace(h1) ? h1 : document.Title;
        return (reader._blocks, string.IsNullOrWhiteSpace(title) ? null : TextNormalizer.Normalize(title));
    }

    // The page's one <main> (or role=main) when it holds most of the text; otherwise the whole body.
    private static IElement ContentRoot(IDocument document)
    {
        var body = document.Body ?? document.DocumentElement;
        var mains = document.QuerySelectorAll("main, [role=main]");
        if (mains.Length != 1)
            return body;
        var bodyLength = body.TextContent.Length;
        return mains[0].TextContent.Length * 2 >= bodyLength ? mains[0] : body;
    }

    private void Walk(INode node, int depth)
    {
        if (depth > _maxDepth)
            throw new PolicyFormatException($"HTML nests elements deeper than {_maxDepth} levels.");
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                _inline.Append(text.Data);
                continue;
            }
            if (child is not IElement element)
                continue;
            if (Boilerplate.IsDropped(element))
            {
                _inline.Append(' ');
                continue;
            }
            var tag = element.LocalName;
            if (tag.Length == 2 && tag[0] == 'h' && tag[1] is >= '1' and <= '6')
            {
                Flush();
                _blocks.Add(new HeadingBlock(tag[1] - '0', InlineText(element, depth)));
            }
            else if (element.GetAttribute("role") == "heading")
            {
                Flush();
                var level = int.TryParse(element.GetAttribute("aria-level"), out var l) ? Math.Clamp(l, 1, 6) : 2;
                _blocks.Add(new HeadingBlock(level, InlineText(element, depth)));
            }
            else if (tag == "p" && IsBoldPseudoHeading(element))
            {
                // "<p><strong>Who we are</strong></p>": editors' headings without heading markup.
                Flush();
                _blocks.Add(new HeadingBlock(PseudoHeadingLevel, InlineText(element, depth)));
            }
            else if (tag is "ul" or "ol")
            {
                Flush();
                _blocks.Add(new ListBlock(ListItems(element, depth)));
            }
            else if (tag == "table" && !HtmlTables.IsLayoutTable(element))
            {
                Flush();
                foreach (var row in HtmlTables.Rows(element, e => InlineText(e, depth)))
                    _blocks.Add(new ParagraphBlock(row));
            }
            else if (tag == "br")
            {
                _inline.Append(' ');
            }
            else if (s_blockTags.Contains(tag) || tag == "table")
            {
                Flush();
                Walk(element, depth + 1);
                Flush();
            }
            else
            {
                Walk(element, depth + 1);
            }
        }
    }

    private const int PseudoHeadingLevel = 6;
    private const int MaxPseudoHeadingLength = 80;

    private static bool IsBoldPseudoHeading(IElement paragraph)
    {
        if (paragraph.Children.Length != 1 || paragraph.Children[0].LocalName is not ("strong" or "b"))
            return false;
        var text = paragraph.TextContent.Trim();
        return text.Length is > 0 and <= MaxPseudoHeadingLength
            && paragraph.Children[0].TextContent.Trim() == text
            && text[^1] is not ('.' or '!' or '?' or ':' or ';' or ',');
    }

    private void Flush()
    {
        if (_inline.Length == 0)
            return;
        var text = _inline.ToString();
        _inline.Clear();
        if (!string.IsNullOrWhiteSpace(text))
            _blocks.Add(new ParagraphBlock(text));
    }

    private List<string> ListItems(IElement list, int depth)
    {
        var items = new List<string>();
        foreach (var li in list.Children)
        {
            if (li.LocalName != "li" || Boilerplate.IsDropped(li))
                continue;
            var own = new StringBuilder();
            AppendInline(li, own, depth + 1, skipLists: true);
            var text = own.ToString().Trim();
            var nested = li.Children.Where(c => c.LocalName is "ul" or "ol" && !Boilerplate.IsDropped(c))
                .SelectMany(c => ListItems(c, depth + 2)).Select(s => TableRowText.TrimEndPunctuation(s.Trim())).ToList();
            if (nested.Count > 0)
                text = text.Length == 0 ? string.Join("; ", nested) : $"{text.TrimEnd(':', ' ')}: {string.Join("; ", nested)}";
            if (text.Length > 0)
                items.Add(text);
        }
        return items;
    }

    private string InlineText(IElement element, int depth)
    {
        var builder = new StringBuilder();
        AppendInline(element, builder, depth + 1, skipLists: false);
        return builder.ToString();
    }

    // All text under an element, blocks separated by spaces, furniture left out.
    private void AppendInline(IElement element, StringBuilder builder, int depth, bool skipLists)
    {
        if (depth > _maxDepth)
            throw new PolicyFormatException($"HTML nests elements deeper than {_maxDepth} levels.");
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text)
            {
                builder.Append(text.Data);
            }
            else if (child is IElement e && !Boilerplate.IsDropped(e) && !(skipLists && e.LocalName is "ul" or "ol"))
            {
                var block = e.LocalName == "br" || s_blockTags.Contains(e.LocalName);
                if (block)
                    builder.Append(' ');
                AppendInline(e, builder, depth + 1, skipLists: false);
                if (block)
                    builder.Append(' ');
            }
        }
    }
}
