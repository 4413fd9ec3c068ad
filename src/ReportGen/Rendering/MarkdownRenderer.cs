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

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>Why <paramref name="markdown"/> cannot be rendered, or null when it can: checked with the content, before anything is built.</summary>
    public static string? Problem(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return null;
        try
        {
            Markdown.Parse(markdown.Replace("\r\n", "\n"), Pipeline);
            return null;
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested beyond its depth limit (quotes or lists inside one another, some 128 deep).
            return "the Markdown is nested too deeply (quotes or lists inside one another); write it with fewer levels";
        }
    }

    public static HtmlFragment ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return HtmlFragment.Empty;
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown.Replace("\r\n", "\n"), Pipeline);
        }
        catch (ArgumentException)
        {
            // The content was checked (Problem) before rendering; text that still cannot be parsed is shown as plain text.
            return new HtmlFragment("<p>" + Html.Escape(markdown) + "</p>");
        }
        NeutraliseLinks(document);
        var html = document.ToHtml(Pipeline);
        return new HtmlFragment(html.TrimEnd('\n'));
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
