using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdHeading = Markdig.Syntax.HeadingBlock;
using MdList = Markdig.Syntax.ListBlock;
using MdParagraph = Markdig.Syntax.ParagraphBlock;

namespace Compliance.Engine.Policies.Markdown;

/// <summary>Reads a Markdown policy with Markdig: headings, paragraphs, lists, quotes and pipe tables.</summary>
internal sealed class MarkdownPolicyReader
{
    // Immutable once built, so one pipeline serves every call.
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseYamlFrontMatter()
        .Build();

    private readonly int _maxDepth;
    private readonly List<PolicyBlock> _blocks = [];

    private MarkdownPolicyReader(int maxDepth) => _maxDepth = maxDepth;

    public static List<PolicyBlock> Read(string markdown, int maxDepth)
    {
        RejectAbsurdIndentation(markdown);
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, s_pipeline);
        }
        catch (ArgumentException e)
        {
            // Markdig refuses pathologically nested input with an ArgumentException ("too deeply nested").
            throw new PolicyFormatException($"The Markdown cannot be read: {e.Message.Split('\n')[0]}");
        }
        var reader = new MarkdownPolicyReader(maxDepth);
        reader.ReadContainer(document, 0);
        return reader._blocks;
    }

    // Markdig's time grows with the square of list depth; no real policy indents a line more than a few levels.
    private const int MaxIndentColumns = 256;

    private static void RejectAbsurdIndentation(string markdown)
    {
        var column = 0;
        var atLineStart = true;
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '\n')
            {
                column = 0;
                atLineStart = true;
                continue;
            }
            // Spaces, tabs, quote markers and list markers ("- ", "* ", "+ ") are what nests a line.
            var nests = c is ' ' or '\t' or '>' || (c is '-' or '*' or '+' && i + 1 < markdown.Length && markdown[i + 1] == ' ');
            atLineStart &= nests;
            if (!atLineStart)
                continue;
            column += c == '\t' ? 4 : 1;
            if (column > MaxIndentColumns)
                throw new PolicyFormatException($"The Markdown nests or indents a line more than {MaxIndentColumns} columns deep.");
        }
    }

    private void ReadContainer(ContainerBlock container, int depth)
    {
        if (depth > _maxDepth)
            throw new PolicyFormatException($"Markdown nests blocks deeper than {_maxDepth} levels.");
        foreach (var block in container)
        {
            switch (block)
            {
                case MdHeading heading:
                    _blocks.Add(new HeadingBlock(heading.Level, InlineText(heading.Inline)));
                    break;
                case MdParagraph paragraph:
                    _blocks.Add(new ParagraphBlock(InlineText(paragraph.Inline)));
                    break;
                case MdList list:
                    _blocks.Add(new ListBlock(ListItems(list, depth + 1)));
                    break;
                case Table table:
                    ReadTable(table);
                    break;
                case HtmlBlock html:
                    // Raw HTML in Markdown (<details>, <table>, <p>) is policy text too; the HTML reader drops the rest.
                    _blocks.AddRange(Html.HtmlPolicyReader.Read(html.Lines.ToString(), _maxDepth).Blocks);
                    break;
                case YamlFrontMatterBlock or ThematicBreakBlock or LinkReferenceDefinitionGroup:
                    break;
                case CodeBlock code:
                    _blocks.Add(new ParagraphBlock(string.Join(' ', code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString()))));
                    break;
                case ContainerBlock inner:
                    ReadContainer(inner, depth + 1);
                    break;
            }
        }
    }

    private List<string> ListItems(MdList list, int depth)
    {
        if (depth > _maxDepth)
            throw new PolicyFormatException($"Markdown nests lists deeper than {_maxDepth} levels.");
        var items = new List<string>();
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var own = new StringBuilder();
            var nested = new List<string>();
            foreach (var child in item)
            {
                if (child is MdList sub)
                    nested.AddRange(ListItems(sub, depth + 1).Select(s => TableRowText.TrimEndPunctuation(s.Trim())));
                else if (child is LeafBlock leaf && leaf.Inline is not null)
                    own.Append(' ').Append(InlineText(leaf.Inline));
            }
            var text = own.ToString().Trim();
            if (nested.Count > 0)
                text = text.Length == 0 ? string.Join("; ", nested) : $"{text.TrimEnd(':', ' ')}: {string.Join("; ", nested)}";
            if (text.Length > 0)
                items.Add(text);
        }
        return items;
    }

    private void ReadTable(Table table)
    {
        IReadOnlyList<string>? headers = null;
        foreach (var row in table.OfType<TableRow>())
        {
            var cells = row.OfType<TableCell>()
                .Select(cell => string.Join(' ', cell.OfType<LeafBlock>().Select(l => InlineText(l.Inline))))
                .ToList();
            if (row.IsHeader && headers is null)
            {
                headers = cells;
                continue;
            }
            var line = TableRowText.Format(cells, headers);
            if (line.Length > 0)
                _blocks.Add(new ParagraphBlock(line));
        }
    }

    private string InlineText(ContainerInline? inline)
    {
        var builder = new StringBuilder();
        if (inline is not null)
            AppendInline(inline, builder, 0);
        return builder.ToString();
    }

    private void AppendInline(ContainerInline container, StringBuilder builder, int depth)
    {
        if (depth > _maxDepth)
            throw new PolicyFormatException($"Markdown nests inline elements deeper than {_maxDepth} levels.");
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case AutolinkInline link:
                    builder.Append(link.Url);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.AsSpan());
                    break;
                case ContainerInline inner:
                    AppendInline(inner, builder, depth + 1);
                    break;
            }
        }
    }
}
