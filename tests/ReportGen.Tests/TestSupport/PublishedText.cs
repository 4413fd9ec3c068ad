using AngleSharp.Html.Parser;
using UglyToad.PdfPig;

namespace ReportGen.Tests.TestSupport;

/// <summary>What a reader sees or hears of a published page or PDF, for tests of the words it prints.</summary>
public static class PublishedText
{
    /// <summary>A page's title, its text, and the attributes a screen reader reads; less the parts <paramref name="leaveOut"/> selects.</summary>
    public static IEnumerable<string> OfPage(string htmlFile, string leaveOut = "script, style")
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(htmlFile));
        var styles = string.Concat(page.QuerySelectorAll("head style").Select(s => s.TextContent));
        foreach (var element in page.QuerySelectorAll(leaveOut)) element.Remove();
        yield return page.Title ?? "";
        yield return page.Body!.TextContent;
        foreach (var element in page.All)
        foreach (var name in (string[])["aria-label", "title", "alt"])
            if (element.GetAttribute(name) is { } value) yield return value;
        // The running header and page numbers are CSS strings: what the PDF prints of them.
        foreach (System.Text.RegularExpressions.Match css in System.Text.RegularExpressions.Regex.Matches(styles, "\"([^\"]*)\""))
            yield return css.Groups[1].Value;
    }

    /// <summary>A PDF's title, the words of each page, and its bookmarks.</summary>
    public static IEnumerable<string> OfPdf(string pdfFile)
    {
        using var pdf = PdfDocument.Open(pdfFile);
        yield return pdf.Information.Title ?? "";
        foreach (var page in pdf.GetPages()) yield return string.Join(" ", page.GetWords().Select(w => w.Text));
        if (pdf.TryGetBookmarks(out var bookmarks))
            foreach (var node in bookmarks.GetNodes()) yield return node.Title;
    }
}
