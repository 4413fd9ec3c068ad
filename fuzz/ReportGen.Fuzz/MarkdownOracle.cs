using System.Net;
using System.Text.RegularExpressions;

namespace ReportGen.Fuzz;

/// <summary>
/// What MarkdownRenderer promises of its HTML, checked on every output: raw HTML is shown as text (so only the tags
/// CommonMark itself writes appear), no image, and no link to a scheme other than http, https or mailto, as a browser
/// would read the address (entities decoded, tabs and newlines dropped, leading controls and spaces trimmed).
/// Relative links are not flagged: harmless, though the renderer means to keep only absolute ones and anchors.
/// </summary>
public static partial class MarkdownOracle
{
    private static readonly HashSet<string> AllowedTags = new(StringComparer.Ordinal)
    {
        "p", "em", "strong", "a", "code", "pre", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br",
    };

    private static readonly HashSet<string> AllowedSchemes = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" };

    [GeneratedRegex(@"<\s*/?\s*([A-Za-z][A-Za-z0-9-]*)")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s(?<name>[A-Za-z-]+)\s*=\s*""(?<value>[^""]*)""")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*):")]
    private static partial Regex Scheme();

    public static void Verify(string markdown, string html)
    {
        foreach (Match tag in Tag().Matches(html))
        {
            var name = tag.Groups[1].Value.ToLowerInvariant();
            if (!AllowedTags.Contains(name)) Fail($"the HTML holds a <{name}> tag", markdown, html);
        }
        foreach (Match attribute in Attribute().Matches(html))
        {
            var name = attribute.Groups["name"].Value.ToLowerInvariant();
            if (name.StartsWith("on", StringComparison.Ordinal)) Fail($"the HTML holds an event handler attribute '{name}'", markdown, html);
            if (name is not ("href" or "src")) continue;
            if (name == "src") Fail("the HTML holds a src attribute (an image)", markdown, html);
            var url = WebUtility.HtmlDecode(attribute.Groups["value"].Value);
            url = url.Replace("\t", "").Replace("\n", "").Replace("\r", "").Trim(Enumerable.Range(0, 0x21).Select(c => (char)c).ToArray());
            if (Scheme().Match(url) is { Success: true } scheme && !AllowedSchemes.Contains(scheme.Groups["scheme"].Value))
                Fail($"a link goes to the scheme '{scheme.Groups["scheme"].Value}:'", markdown, html);
        }
    }

    private static void Fail(string what, string markdown, string html) =>
        throw new MarkdownSafetyException($"{what}.\nMarkdown: {Show(markdown)}\nHTML: {Show(html)}");

    private static string Show(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}

public sealed class MarkdownSafetyException(string message) : Exception(message);
