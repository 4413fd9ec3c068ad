using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ReportGen.Rendering;

/// <summary>
/// Renders the Markdown of long text fields. Raw HTML is disabled (it is shown as text), images are not
/// allowed, and links are kept only when they go to http, https or mailto addresses or to an anchor; any
/// other link (javascript:, data:, file:) is replaced by its text.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .Build();

    /// <summary>Content model 2 (default@6): Markdown as authors write it, with pipe tables and footnotes.</summary>
    internal static readonly MarkdownPipeline AuthorsPipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseFootnotes()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>
    /// Why <paramref name="markdown"/> cannot be rendered, or null when it can: checked with the content, before
    /// anything is built, by rendering it exactly as <see cref="ToHtml"/> will, so that a text that passes here never
    /// fails there (Markdig refuses, while parsing or while writing HTML, input nested beyond its depth limit: quotes,
    /// lists or 128 unclosed brackets inside one another).
    /// </summary>
    public static string? Problem(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) || Render(markdown) is not null && ReportMarkdown.Renders(markdown)
            ? null
            : "the Markdown is nested too deeply (quotes, lists or brackets inside one another); write it with fewer levels";

    public static HtmlFragment ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return HtmlFragment.Empty;
        // The content was checked (Problem) before rendering; text that still cannot be rendered is shown as plain text.
        return new HtmlFragment(Render(markdown) ?? "<p>" + Html.Escape(markdown) + "</p>");
    }

    /// <summary>The HTML of the Markdown, or null when Markdig refuses it as nested too deeply.</summary>
    private static string? Render(string markdown)
    {
        try
        {
            var document = Markdown.Parse(markdown.Replace("\r\n", "\n"), Pipeline);
            NeutraliseLinks(document);
            return document.ToHtml(Pipeline).TrimEnd('\n');
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The links and images of <paramref name="markdown"/> that are not published, each with the text shown in its
    /// place: an image (never allowed: its description is shown) or a link to anything but a web, email or in-page address.
    /// </summary>
    public static IReadOnlyList<(string Shown, string Why)> Refused(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return [];
        MarkdownDocument document;
        try { document = Markdown.Parse(markdown.Replace("\r\n", "\n"), AuthorsPipeline); }
        catch (ArgumentException) { return []; }
        var refused = new List<(string, string)>();
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.IsImage)
                refused.Add((TextOf(link), "an image, which a report may not show (write what it shows in words, or publish it as a document)"));
            else if (!IsSafe(link.Url))
                refused.Add((TextOf(link), $"a link to '{link.Url}', which is not a web, email or in-page address (only http:, https:, mailto: and # links are published)"));
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
            if (!autolink.IsEmail && !IsSafe(autolink.Url))
                refused.Add((autolink.Url, $"a link to '{autolink.Url}', which is not a web, email or in-page address"));
        return refused;
    }

    internal static string TextOf(LinkInline link)
    {
        var text = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        return text.Length > 0 ? text : link.Url ?? "";
    }

    /// <summary>
    /// Content model 2's: a refused link or image is replaced by its text once (model 1's also kept the link's own
    /// children, so that its text appeared twice: "Rel wordsRel words"; kept so that its editions do not change).
    /// </summary>
    internal static void NeutraliseLinksOnce(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
            if (link.IsImage || !IsSafe(link.Url)) link.ReplaceBy(new LiteralInline(TextOf(link)), copyChildren: false);
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
            if (!autolink.IsEmail && !IsSafe(autolink.Url)) autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
    }

    private static void NeutraliseLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!link.IsImage && IsSafe(link.Url)) continue;
            var text = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
            link.ReplaceBy(new LiteralInline(text.Length > 0 ? text : link.Url ?? ""));
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (autolink.IsEmail || IsSafe(autolink.Url)) continue;
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    internal static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var trimmed = url.Trim();
        if (trimmed.StartsWith('#')) return true;
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)) return false;
        return SafeSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
    }
}
