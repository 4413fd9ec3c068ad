using System.Text;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ReportGen.Rendering;

/// <summary>One rendered Markdown text, with the headings it holds (for the contents), in order.</summary>
public sealed record RenderedMarkdown(HtmlFragment Html, IReadOnlyList<ContentsEntry> Headings);

/// <summary>
/// The Markdown of one report, as its template set's content model renders it. Model 1 (default@1 to default@5) is
/// <see cref="MarkdownRenderer.ToHtml"/>, unchanged. Model 2 (default@6) renders Markdown as authors write it:
/// <list type="bullet">
/// <item>headings are demoted beneath the part they sit in (a "#" in a section's body is an h3 under the section's
/// h2; in an objective's text, an h5 under its h4s), given place names, and returned for the contents;</item>
/// <item>pipe tables have column headers (scope="col") and are named by them, in a wrapper that scrolls on a narrow screen;</item>
/// <item>footnotes have place names of their own text ("fn3-1"), so that two texts' footnote 1 do not share one,
/// and a link back to where each was marked;</item>
/// <item>a refused link or image shows its text once.</item>
/// </list>
/// Text is rendered in the order the report reads, so that the footnotes' numbering is the same on every build.
/// </summary>
public sealed class ReportMarkdown(int contentModel, LabelSet? labels = null)
{
    public int ContentModel { get; } = contentModel;
    private readonly LabelSet _labels = labels ?? LabelSet.Tool("en");
    private int _texts;

    /// <summary>Whether the text renders with model 2's pipeline (Markdig refuses some deeply nested text).</summary>
    internal static bool Renders(string markdown)
    {
        try
        {
            Markdown.Parse(markdown.Replace("\r\n", "\n"), MarkdownRenderer.AuthorsPipeline).ToHtml(MarkdownRenderer.AuthorsPipeline);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A text with no headings of its own expected: any it has are demoted to <paramref name="headingLevel"/>.</summary>
    public HtmlFragment Html(string? markdown, int headingLevel = 5) => Render(markdown, headingLevel, null).Html;

    /// <summary>
    /// The body of a part whose heading is at <paramref name="headingLevel"/> − 1: its own headings start at
    /// <paramref name="headingLevel"/>, with place names "<paramref name="anchor"/>-…".
    /// </summary>
    public RenderedMarkdown Render(string? markdown, int headingLevel, string? anchor)
    {
        if (ContentModel < 2) return new(MarkdownRenderer.ToHtml(markdown), []);
        if (string.IsNullOrWhiteSpace(markdown)) return new(HtmlFragment.Empty, []);
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown.Replace("\r\n", "\n"), MarkdownRenderer.AuthorsPipeline);
        }
        catch (ArgumentException)
        {
            return new(new HtmlFragment("<p>" + Rendering.Html.Escape(markdown) + "</p>"), []);
        }
        var text = ++_texts;
        MarkdownRenderer.NeutraliseLinksOnce(document);
        var headings = Headings(document, headingLevel, anchor ?? $"text{text}");
        var tableNames = document.Descendants<Table>().Select(TableName).ToList();
        string html;
        try
        {
            html = document.ToHtml(MarkdownRenderer.AuthorsPipeline).TrimEnd('\n');
        }
        catch (ArgumentException)
        {
            return new(new HtmlFragment("<p>" + Rendering.Html.Escape(markdown) + "</p>"), []);
        }
        // Raw HTML is disabled, so these tags and attributes can only be the renderer's own: text that looks like them is escaped.
        html = Tables(html, tableNames);
        if (document.Descendants<FootnoteGroup>().Any()) html = Footnotes(html, $"fn{text}");
        return new(new HtmlFragment(html), headings);
    }

    private static List<ContentsEntry> Headings(MarkdownDocument document, int level, string anchor)
    {
        var entries = new List<ContentsEntry>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var top = document.Descendants<HeadingBlock>().Select(h => h.Level).DefaultIfEmpty(1).Min();
        foreach (var heading in document.Descendants<HeadingBlock>().ToList())
        {
            var title = PlainText(heading.Inline);
            var id = $"{anchor}-{Anchors.Slug(title, "heading")}";
            for (var n = 2; !used.Add(id); n++) id = $"{anchor}-{Anchors.Slug(title, "heading")}-{n}";
            heading.GetAttributes().Id = id;
            var depth = heading.Level - top;
            heading.Level = Math.Min(6, level + depth);
            // Only the text's top headings are listed in the contents; deeper ones are found in the text.
            if (depth == 0 && title.Length > 0) entries.Add(new ContentsEntry(id, title, []));
        }
        return entries;
    }

    private static string PlainText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var builder = new StringBuilder();
        foreach (var item in inline.Descendants<Inline>())
        {
            if (item is LiteralInline literal) builder.Append(literal.Content.ToString());
            else if (item is CodeInline code) builder.Append(code.Content);
            else if (item is LineBreakInline) builder.Append(' ');
        }
        return builder.ToString().Trim();
    }

    private string TableName(Table table)
    {
        var header = table.OfType<TableRow>().FirstOrDefault(r => r.IsHeader);
        var names = header?.OfType<TableCell>().Select(c => string.Join(" ", c.Descendants<ParagraphBlock>().Select(p => PlainText(p.Inline)))).Where(n => n.Length > 0).ToList() ?? [];
        return names.Count == 0 ? _labels.Text("markdown.table") : _labels.Text("markdown.table_named", ("headers", string.Join(_labels.Text("list.separator"), names)));
    }

    private static string Tables(string html, List<string> names)
    {
        if (names.Count == 0) return html;
        var builder = new StringBuilder();
        var at = 0;
        foreach (var name in names)
        {
            var start = html.IndexOf("<table>", at, StringComparison.Ordinal);
            var end = start < 0 ? -1 : html.IndexOf("</table>", start, StringComparison.Ordinal);
            if (end < 0) break;
            var table = html[start..(end + "</table>".Length)]
                .Replace("<th>", "<th scope=\"col\">", StringComparison.Ordinal)
                .Replace("<th style=", "<th scope=\"col\" style=", StringComparison.Ordinal);
            builder.Append(html, at, start - at)
                .Append("<div class=\"table-wrap prose-table\" role=\"region\" aria-label=\"").Append(Rendering.Html.Escape(name)).Append("\">")
                .Append(table).Append("</div>");
            at = end + "</table>".Length;
        }
        return builder.Append(html, at, html.Length - at).ToString();
    }

    private string Footnotes(string html, string prefix) =>
        html.Replace("id=\"fn:", $"id=\"{prefix}-", StringComparison.Ordinal)
            .Replace("href=\"#fn:", $"href=\"#{prefix}-", StringComparison.Ordinal)
            .Replace("id=\"fnref:", $"id=\"{prefix}-ref-", StringComparison.Ordinal)
            // The link back is a word apart from the note's last word (Markdig writes them together: "own.Back").
            .Replace("<a href=\"#fnref:", $" <a href=\"#{prefix}-ref-", StringComparison.Ordinal)
            .Replace("<div class=\"footnotes\">\n<hr />\n", $"<div class=\"footnotes\" role=\"note\" aria-label=\"{Rendering.Html.Escape(_labels.Text("markdown.footnotes"))}\">\n", StringComparison.Ordinal)
            .Replace("class=\"footnote-back-ref\">&#8617;</a>", $"class=\"footnote-back-ref\">{Rendering.Html.Escape(_labels.Text("markdown.back_to_text"))}</a>", StringComparison.Ordinal);
}
