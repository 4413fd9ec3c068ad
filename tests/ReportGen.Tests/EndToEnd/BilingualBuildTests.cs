using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using ReportGen.Diagnostics;
using ReportGen.Tests.TestSupport;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace ReportGen.Tests.EndToEnd;

/// <summary>
/// The bilingual sample (Pembrokeshire Coast National Park Authority, Welsh and English): a Welsh and an English
/// publication that link to each other with the same pages and links, under a page listing both, Welsh first; no
/// English in the Welsh; every page accessible; each PDF in its own language, element by element.
/// </summary>
[Collection(SampleBuildCollection.Name)]
public sealed partial class BilingualBuildTests(SampleBuildFixture fixture)
{
    private const string Sample = "pembrokeshire-coast/equality-report-2023-24";
    private string Folder => fixture.OutputOf(Sample);
    private EditionBuildResult Result => fixture.Results[$"{fixture.FirstOutput}|{Sample}"];

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    [GeneratedRegex(@"https?://\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex AddressOrEmail();

    [Fact]
    public void It_builds_and_its_only_warnings_are_that_the_Welsh_labels_await_review()
    {
        Assert.True(Result.Succeeded, string.Join("\n", Result.Diagnostics));
        Assert.All(Result.Diagnostics, d => Assert.Equal(DiagnosticCodes.LabelUnreviewed, d.Code));
    }

    [Fact]
    public void The_Welsh_and_English_publications_have_the_same_files_pages_and_links()
    {
        string[] Files(string language) => Directory.EnumerateFiles(Path.Combine(Folder, language), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(Folder, language), f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Files("cy"), Files("en"));
        Assert.Contains("report.pdf", Files("cy"));
        var cy = Page("cy/index.html");
        var en = Page("en/index.html");
        // The same parts, headings and links, in the same order: only the words differ.
        Assert.Equal(en.QuerySelectorAll("[id]").Select(e => e.Id), cy.QuerySelectorAll("[id]").Select(e => e.Id));
        Assert.Equal(en.QuerySelectorAll("h1, h2, h3, h4").Select(e => e.LocalName), cy.QuerySelectorAll("h1, h2, h3, h4").Select(e => e.LocalName));
        static IEnumerable<string> Links(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!).Where(h => h.StartsWith('#'));
        Assert.Equal(Links(en), Links(cy));
        using var cyPdf = PdfDocument.Open(Path.Combine(Folder, "cy", "report.pdf"));
        using var enPdf = PdfDocument.Open(Path.Combine(Folder, "en", "report.pdf"));
        Assert.True(cyPdf.TryGetBookmarks(out var cyMarks));
        Assert.True(enPdf.TryGetBookmarks(out var enMarks));
        Assert.Equal(enMarks.GetNodes().Count(), cyMarks.GetNodes().Count());
    }

    [Fact]
    public void Each_page_links_to_the_other_language_and_the_page_above_lists_both_Welsh_first()
    {
        foreach (var (language, other) in new[] { ("cy", "en"), ("en", "cy") })
        {
            var page = Page($"{language}/index.html");
            Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
            var alternate = Assert.Single(page.QuerySelectorAll($"link[rel=alternate][hreflang={other}]"));
            Assert.Equal($"../{other}/index.html", alternate.GetAttribute("href"));
            Assert.True(File.Exists(Path.Combine(Folder, language, alternate.GetAttribute("href")!)));
            var switcher = Assert.Single(page.QuerySelectorAll($"nav.language-switch a[hreflang={other}]"));
            Assert.Equal(other, switcher.GetAttribute("lang"));
            Assert.Equal(other == "cy" ? "Cymraeg" : "English", switcher.TextContent.Trim());
        }
        var list = Page("index.html");
        Assert.Equal("cy", list.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["cy", "en"], list.QuerySelectorAll("section[lang]").Select(s => s.GetAttribute("lang")));
        Assert.Equal(["cy/index.html", "en/index.html"], list.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Adroddiad Cydraddoldeb Blynyddol 2023/24", list.QuerySelector("h1")!.TextContent.Trim());
    }

    /// <summary>
    /// Words the Welsh publication may print as the English one does: names and abbreviations (PDF, WCAG, EHRC, the
    /// set's name default@7), and Welsh words spelt as English ones are: a, i, o, y; at ("cyfrannu at"), we ("tudalen
    /// we"), set ("set templedi"), label, staff, cell, print ("print bras"), problem, sector.
    /// </summary>
    private static readonly HashSet<string> SameInBoth = new(StringComparer.Ordinal)
    {
        "pdf", "wcag", "aa", "iso", "ua", "axe", "core", "reportgen", "ehrc", "eass", "braille", "default",
        "a", "i", "o", "y", "at", "we", "set", "label", "staff", "cell", "print", "problem", "sector",
    };

    private static IEnumerable<string> WordsOf(IEnumerable<string> texts) =>
        texts.SelectMany(t => Word().Matches(AddressOrEmail().Replace(t, " ")).Select(m => m.Value.ToLowerInvariant()));

    [Fact]
    public void No_English_word_is_in_the_Welsh_page_or_PDF()
    {
        var english = WordsOf(PublishedText.OfPage(Path.Combine(Folder, "en/index.html"), "script, style, nav.language-switch").Concat(PublishedText.OfPdf(Path.Combine(Folder, "en/report.pdf")))).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("aims", english);
        var welsh = WordsOf(PublishedText.OfPage(Path.Combine(Folder, "cy/index.html"), "script, style, nav.language-switch").Concat(PublishedText.OfPdf(Path.Combine(Folder, "cy/report.pdf")))).ToList();
        Assert.Contains("nodau", welsh);
        var found = welsh.Where(w => english.Contains(w) && !SameInBoth.Contains(w)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(found.Count == 0, "English in the Welsh publication: " + string.Join(", ", found));
    }

    [Fact]
    public void Each_PDF_says_its_language_and_no_element_of_its_structure_says_another()
    {
        foreach (var language in new[] { "cy", "en" })
        {
            using var pdf = PdfDocument.Open(Path.Combine(Folder, language, "report.pdf"));
            var catalog = pdf.Structure.Catalog.CatalogDictionary;
            Assert.True(catalog.TryGet(NameToken.Create("Lang"), out StringToken lang));
            Assert.Equal(language, lang.Data);
            var languages = StructureLanguages(pdf, language).ToList();
            Assert.True(languages.Count > 20, $"only {languages.Count} structure elements were walked");
            Assert.All(languages, l => Assert.Equal(language, l));
        }
    }

    [Fact]
    public void The_PDF_of_both_languages_holds_the_Welsh_then_the_English_each_element_in_its_own_language()
    {
        var file = Path.Combine(Folder, ReportBuilder.MultilingualPdfName(["cy", "en"]));
        using var both = PdfDocument.Open(file);
        using var cy = PdfDocument.Open(Path.Combine(Folder, "cy", "report.pdf"));
        using var en = PdfDocument.Open(Path.Combine(Folder, "en", "report.pdf"));
        Assert.Equal(cy.NumberOfPages + en.NumberOfPages, both.NumberOfPages);
        // Each language's pages as its own PDF prints them: the Welsh first, then the English, with their own page labels.
        Assert.Contains("Adroddiad Cydraddoldeb Blynyddol", both.GetPage(1).Text, StringComparison.Ordinal);
        Assert.Contains($"Tudalen 1 o {both.NumberOfPages}", both.GetPage(1).Text, StringComparison.Ordinal);
        var firstEnglish = both.GetPage(cy.NumberOfPages + 1).Text;
        Assert.Contains("Annual Equality Report", firstEnglish, StringComparison.Ordinal);
        Assert.Contains($"Page {cy.NumberOfPages + 1} of {both.NumberOfPages}", firstEnglish, StringComparison.Ordinal);
        Assert.DoesNotContain("Annual Equality Report", string.Concat(Enumerable.Range(1, cy.NumberOfPages).Select(n => both.GetPage(n).Text)), StringComparison.Ordinal);
        // The structure tree: the document in Welsh, the Welsh part's elements in Welsh, then the English part's in English.
        var languages = StructureLanguages(both, "cy").ToList();
        var switchAt = languages.IndexOf("en");
        Assert.True(switchAt > 20, $"the Welsh part has {switchAt} elements");
        Assert.All(languages.Take(switchAt), l => Assert.Equal("cy", l));
        Assert.All(languages.Skip(switchAt), l => Assert.Equal("en", l));
        Assert.True(languages.Count - switchAt > 20, $"the English part has {languages.Count - switchAt} elements");
        var failures = PdfUaChecker.Check(file);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public Task Every_page_has_no_axe_violations_at_1280_and_320_px() =>
        AxePages.Check(Directory.EnumerateFiles(Folder, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal));

    [Fact]
    public void Each_PDF_passes_the_PDF_UA_checker()
    {
        foreach (var language in new[] { "cy", "en" })
        {
            var failures = PdfUaChecker.Check(Path.Combine(Folder, language, "report.pdf"));
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
    }

    private AngleSharp.Html.Dom.IHtmlDocument Page(string file) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(Folder, file)));

    /// <summary>The language of every element of the PDF's structure tree: its own /Lang, or the one it inherits.</summary>
    private static IEnumerable<string> StructureLanguages(PdfDocument pdf, string documentLanguage)
    {
        IToken? Resolve(IToken? token) => token is IndirectReferenceToken r ? pdf.Structure.GetObject(r.Data).Data : token;
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        if (!catalog.TryGet(NameToken.Create("StructTreeRoot"), out var rootToken) || Resolve(rootToken) is not DictionaryToken root) yield break;
        // Depth first, in document order.
        var stack = new Stack<(IToken Node, string Language)>();
        if (root.TryGet(NameToken.Create("K"), out var kids)) stack.Push((kids, documentLanguage));
        while (stack.Count > 0)
        {
            var (node, inherited) = stack.Pop();
            switch (Resolve(node))
            {
                case ArrayToken array:
                    foreach (var item in array.Data.Reverse()) stack.Push((item, inherited));
                    break;
                case DictionaryToken element when element.TryGet(NameToken.Create("S"), out _):
                    var own = element.TryGet(NameToken.Create("Lang"), out var l) ? Resolve(l) switch { StringToken s => s.Data, HexToken h => h.Data, _ => inherited } : inherited;
                    yield return own;
                    if (element.TryGet(NameToken.Create("K"), out var children)) stack.Push((children, own));
                    break;
            }
        }
    }
}
