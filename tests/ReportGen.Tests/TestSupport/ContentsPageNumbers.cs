using System.Text.RegularExpressions;
using AngleSharp.Dom;
using UglyToad.PdfPig;

namespace ReportGen.Tests.TestSupport;

/// <summary>
/// A printed contents tells the truth: for each entry of the page's contents, the PDF's contents prints the entry's
/// title followed by a number, and that page of the PDF has the title on it. Read from the pages' text, not from the
/// destinations the numbers were worked out from.
/// </summary>
public static partial class ContentsPageNumbers
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    private static string Squeeze(string text) => Space().Replace(text, "");

    public static void AssertEveryEntryNumbered(IDocument page, string pdfPath)
    {
        using var pdf = PdfDocument.Open(pdfPath);
        var pages = pdf.GetPages().Select(p => Squeeze(p.Text)).ToList();
        var entries = page.QuerySelectorAll("nav.contents a[href^='#']").Select(a => Squeeze(a.TextContent)).ToList();
        Assert.NotEmpty(entries);
        // The contents is the first page holding the first entry's title; its words (and the next pages', for a long
        // contents) are read in order: each entry's title, word by word, then its number.
        var contents = pages.FindIndex(p => p.Contains(entries[0], StringComparison.Ordinal));
        Assert.True(contents >= 0, $"no page of the PDF prints the contents' first entry '{entries[0]}'");
        var words = pdf.GetPages().Skip(contents).Take(3).SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        Assert.DoesNotContain(global::ReportGen.Publishing.ContentsPages.Placeholder, words);
        var at = 0;
        foreach (var entry in entries)
        {
            // An entry of two lines has its number beside its first line, so the number may come among its words.
            static int? Number(string word) => int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
            int? number = null;
            for (var start = at; start < words.Count && number is null; start++)
            {
                var joined = "";
                int? among = null;
                var end = start;
                while (end < words.Count && joined.Length < entry.Length)
                {
                    if (among is null && joined.Length > 0 && Number(words[end]) is { } n && !entry.AsSpan(joined.Length).StartsWith(words[end], StringComparison.Ordinal)) among = n;
                    else joined += words[end];
                    end++;
                }
                if (joined != entry) continue;
                number = among ?? (end < words.Count ? Number(words[end]) : null);
                if (number is not null) at = among is null ? end + 1 : end;
            }
            Assert.True(number is not null, $"the PDF's contents does not give '{entry}' a page number (after the entries before it)");
            Assert.True(number > contents + 1 && number <= pages.Count, $"the contents gives '{entry}' page {number}, which is not a page after the contents");
            Assert.True(pages[number!.Value - 1].Contains(entry, StringComparison.Ordinal), $"the contents gives '{entry}' page {number}, but page {number} does not have it");
        }
    }

    /// <summary>The page as it was printed: each contents entry's number, which the web page leaves empty, filled in from the PDF.</summary>
    public static IDocument AsPrinted(IDocument page, string pdfPath)
    {
        var destinations = global::ReportGen.Publishing.ContentsPages.Destinations(pdfPath);
        foreach (var place in page.QuerySelectorAll("[data-page-for]"))
            place.TextContent = destinations.TryGetValue(place.GetAttribute("data-page-for")!, out var number) ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        return page;
    }
}
