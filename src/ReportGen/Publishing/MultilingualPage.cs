using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ReportGen.Publishing;

/// <summary>
/// One page holding an edition's publication in each of its languages, one after the other in the edition's order
/// (Welsh first, under the Welsh Language Standards), to print as one PDF: each language's page becomes a part of its
/// own, marked with its language (so that the PDF's structure elements carry it, and a screen reader changes voice),
/// starting a page, with its own running header and page label (CSS named pages); every id the part's markup gives
/// or refers to is prefixed with the language ("cy-objective-1"), so that the two parts' links and contents stay apart.
/// </summary>
public static partial class MultilingualPage
{
    /// <summary>The attributes whose value is one id, or several separated by spaces.</summary>
    private static readonly string[] IdLists = ["aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-details", "headers", "for", "data-page-for"];

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex(@"@page(\s*:first)?\s*\{")]
    private static partial Regex PageRule();

    /// <param name="pages">Each language's page as its build wrote it, in the edition's order.</param>
    public static string Combine(IReadOnlyList<(string Language, string Html)> pages)
    {
        var parser = new HtmlParser();
        var documents = pages.Select(p => (p.Language, Document: parser.ParseDocument(p.Html))).ToList();
        var first = documents[0].Document;
        var html = new StringBuilder("<!DOCTYPE html>\n");
        html.Append("<html lang=\"").Append(Rendering.Html.Escape(documents[0].Language)).Append("\">\n<head>\n");
        foreach (var element in first.Head!.Children.Where(e => e.LocalName is "meta" or "link" && e.GetAttribute("rel") != "alternate"))
            html.Append(element.OuterHtml).Append('\n');
        html.Append("<title>").Append(Rendering.Html.Escape(string.Join(" / ", documents.Select(d => d.Document.Title)))).Append("</title>\n<style>\n");
        foreach (var (language, document) in documents)
        {
            // The part's running header and page label: its page's @page rules, for pages of its own name.
            var name = PageName(language);
            var rules = string.Concat(document.Head!.QuerySelectorAll("style").Select(s => s.TextContent));
            html.Append(PageRule().Replace(rules, m => m.Groups[1].Success ? $"@page {name}:first {{" : $"@page {name} {{")).Append('\n');
            html.Append('.').Append(PartClass(language)).Append(" { page: ").Append(name).Append("; }\n");
        }
        html.Append(".language-part + .language-part { break-before: page; }\n</style>\n</head>\n<body>\n");
        foreach (var (language, document) in documents)
        {
            Prefix(document.Body!, language);
            // A page's script serves its web page (table regions), not print: none is kept.
            foreach (var script in document.Body!.QuerySelectorAll("script")) script.Remove();
            // A section, not a div: the browser tags a section (with its language), and folds a div into its parent.
            html.Append("<section class=\"language-part ").Append(PartClass(language)).Append("\" lang=\"").Append(Rendering.Html.Escape(language)).Append("\">\n")
                .Append(document.Body.InnerHtml).Append("\n</section>\n");
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string PageName(string language) => "language-" + Regex.Replace(language.ToLowerInvariant(), "[^a-z0-9]", "-");

    private static string PartClass(string language) => "language-part--" + Regex.Replace(language.ToLowerInvariant(), "[^a-z0-9]", "-");

    /// <summary>Every id in the part, and every reference to one, prefixed with the language.</summary>
    private static void Prefix(IElement root, string language)
    {
        var prefix = Regex.Replace(language.ToLowerInvariant(), "[^a-z0-9]", "-") + "-";
        foreach (var element in root.QuerySelectorAll("*").Prepend(root))
        {
            if (element.Id is { Length: > 0 } id) element.Id = prefix + id;
            foreach (var name in IdLists)
                if (element.GetAttribute(name) is { Length: > 0 } ids)
                    element.SetAttribute(name, string.Join(' ', ids.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(i => prefix + i)));
            foreach (var name in (string[])["href", "xlink:href"])
                if (element.GetAttribute(name) is { Length: > 1 } href && href[0] == '#')
                    element.SetAttribute(name, "#" + prefix + href[1..]);
            foreach (var attribute in element.Attributes.ToList())
                if (attribute.Value.Contains("url(#", StringComparison.Ordinal))
                    element.SetAttribute(attribute.Name, UrlReference().Replace(attribute.Value, m => $"url(#{prefix}{m.Groups[1].Value})"));
        }
    }
}
