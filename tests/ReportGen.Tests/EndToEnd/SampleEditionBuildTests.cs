using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using ReportGen.Content;
using ReportGen.Diagnostics;
using ReportGen.Tests.TestSupport;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace ReportGen.Tests.EndToEnd;

/// <summary>End-to-end builds of every sample edition with the real browser: the files a user publishes.</summary>
[Collection(SampleBuildCollection.Name)]
public sealed partial class SampleEditionBuildTests(SampleBuildFixture fixture)
{
    public static TheoryData<string> Samples => new(SampleBuildFixture.Samples);

    [Theory, MemberData(nameof(Samples))]
    public void Builds_index_html_and_report_pdf_without_diagnostics(string sample)
    {
        var result = fixture.Results[$"{fixture.FirstOutput}|{sample}"];
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.True(File.Exists(Path.Combine(fixture.OutputOf(sample), "index.html")));
        Assert.True(File.Exists(Path.Combine(fixture.OutputOf(sample), "report.pdf")));
        Assert.True(File.Exists(Path.Combine(fixture.OutputOf(sample), "assets", "report.css")));
    }

    [Theory, MemberData(nameof(Samples))]
    public void Pdf_is_tagged_with_title_language_and_embedded_shipped_font(string sample)
    {
        var edition = Load(sample);
        using var pdf = PdfDocument.Open(PdfPath(sample));
        var catalog = pdf.Structure.Catalog.CatalogDictionary;

        Assert.True(catalog.TryGet(NameToken.Create("MarkInfo"), pdf.Structure.TokenScanner, out DictionaryToken? markInfo));
        Assert.True(markInfo!.TryGet(NameToken.Create("Marked"), out BooleanToken marked) && marked.Data);
        Assert.True(catalog.ContainsKey(NameToken.Create("StructTreeRoot")));
        Assert.True(catalog.TryGet(NameToken.Create("Lang"), out StringToken lang));
        Assert.Equal("en-GB", lang.Data);
        Assert.Equal($"{edition.Info.Title} — {edition.Organisation.Name}", pdf.Information.Title);

        var fonts = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Matches("^[A-Z]{6}\\+AtkinsonHyperlegible-", f));
    }

    [Theory, MemberData(nameof(Samples))]
    public void Pdf_bookmarks_list_every_objective_heading_exactly(string sample)
    {
        var edition = Load(sample);
        using var pdf = PdfDocument.Open(PdfPath(sample));
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var titles = bookmarks!.GetNodes().Select(n => n.Title).ToList();

        Assert.Equal(edition.Info.Title, titles[0]);
        var objectiveBookmarks = titles.Where(t => t.StartsWith("Objective ", StringComparison.Ordinal)).ToList();
        Assert.Equal(edition.Objectives.OrderBy(o => o.Number).Select(o => $"Objective {o.Number}: {o.Title}"), objectiveBookmarks);
        Assert.Contains("Contents", titles);
        Assert.Contains("Glossary", titles);
        // Chromium can write a heading twice into the outline ("ContentsContents"); no title may be doubled.
        Assert.All(titles, t => Assert.False(t.Length > 1 && t.Length % 2 == 0 && t[..(t.Length / 2)] == t[(t.Length / 2)..], $"doubled bookmark '{t}'"));
    }

    [Theory, MemberData(nameof(Samples))]
    public void Pdf_text_shows_objectives_and_achievements_in_reading_order(string sample)
    {
        var edition = Load(sample);
        var text = PdfText(sample);
        var position = 0;
        foreach (var objective in edition.Objectives.OrderBy(o => o.Number))
        {
            var heading = Normalise($"Objective {objective.Number}: {objective.Title}");
            var found = text.IndexOf(heading, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{heading}' not found after position {position} in the PDF text");
            position = found + heading.Length;

            // Each of its achievements follows its heading, before the next objective.
            foreach (var achievement in edition.Achievements.Where(a => a.Objectives![0] == objective.Id))
            {
                var opening = Normalise(string.Join(' ', achievement.Text!.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Take(8)));
                var at = text.IndexOf(opening, position, StringComparison.Ordinal);
                Assert.True(at >= 0, $"achievement '{achievement.Id}' ('{opening}') not found after its objective in the PDF text");
            }
        }
    }

    [Theory, MemberData(nameof(Samples))]
    public void Pdf_has_a4_pages_none_of_them_empty_or_near_empty(string sample)
    {
        using var pdf = PdfDocument.Open(PdfPath(sample));
        Assert.InRange(pdf.NumberOfPages, 5, 60);
        foreach (var page in pdf.GetPages())
        {
            Assert.Equal(595, page.Width, 1.0);
            Assert.Equal(842, page.Height, 1.0);
            if (page.Number == 1) continue; // the title page is sparse by design
            // A page holds the running header and footer (about 15 words) plus real content.
            var words = page.GetWords().Count();
            Assert.True(words >= 40, $"page {page.Number} of {sample} has only {words} words: a near-empty page");
        }
    }

    [Theory, MemberData(nameof(Samples))]
    public void Pdf_pages_carry_running_header_and_page_n_of_m_footer(string sample)
    {
        var edition = Load(sample);
        using var pdf = PdfDocument.Open(PdfPath(sample));
        var total = pdf.NumberOfPages;
        foreach (var page in pdf.GetPages().Skip(1))
        {
            var text = Normalise(string.Join(' ', page.GetWords().Select(w => w.Text)));
            Assert.Contains($"Page {page.Number} of {total}", text);
            Assert.Contains(Normalise(edition.Info.Title!), text);
        }
    }

    [Theory, MemberData(nameof(Samples))]
    public void Building_twice_gives_byte_identical_html_and_pdf(string sample)
    {
        var files = new[] { "index.html", "report.pdf", "assets/report.css" }
            .Concat(Directory.Exists(Path.Combine(fixture.OutputOf(sample), "data"))
                ? Directory.GetFiles(Path.Combine(fixture.OutputOf(sample), "data")).Select(f => "data/" + Path.GetFileName(f))
                : []);
        foreach (var file in files)
        {
            var first = File.ReadAllBytes(Path.Combine(fixture.OutputOf(sample), file));
            var second = File.ReadAllBytes(Path.Combine(fixture.OutputOf(sample, second: true), file));
            var at = first.AsSpan().CommonPrefixLength(second);
            Assert.True(first.AsSpan().SequenceEqual(second),
                $"{file} differs between two builds of {sample}: {first.Length} and {second.Length} bytes, first difference at byte {at}: " +
                $"'{System.Text.Encoding.Latin1.GetString(first, Math.Max(0, at - 40), Math.Min(80, first.Length - Math.Max(0, at - 40)))}'");
        }
    }

    [Theory, MemberData(nameof(Samples))]
    public void Outputs_hold_no_machine_paths_and_load_nothing_from_the_internet(string sample)
    {
        var html = File.ReadAllText(Path.Combine(fixture.OutputOf(sample), "index.html"));
        var pdf = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(PdfPath(sample)));
        foreach (var machinePath in new[] { fixture.Root, RepoPaths.Root, Path.GetTempPath().TrimEnd('/') })
        {
            Assert.DoesNotContain(machinePath, html, StringComparison.Ordinal);
            Assert.DoesNotContain(machinePath, pdf, StringComparison.Ordinal);
        }
        var document = new HtmlParser().ParseDocument(html);
        var references = document.QuerySelectorAll("link[href], script[src], img[src], iframe[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!);
        Assert.All(references, r => Assert.DoesNotMatch("^(https?:)?//", r));
        Assert.DoesNotMatch(@"url\(\s*['""]?(https?:)?//", File.ReadAllText(Path.Combine(fixture.OutputOf(sample), "assets", "report.css")));
    }

    [Fact]
    public void Every_chart_is_an_accessible_svg_published_beside_its_data_table_and_download()
    {
        var html = File.ReadAllText(Path.Combine(fixture.OutputOf("hertfordshire/2016-17"), "index.html"));
        var document = new HtmlParser().ParseDocument(html);
        var charts = document.QuerySelectorAll(".chart svg").ToList();
        Assert.True(charts.Count >= 6, $"expected the sample's bar, stacked and line charts, found {charts.Count}");
        foreach (var svg in charts)
        {
            Assert.Equal("img", svg.GetAttribute("role"));
            var labelledBy = svg.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.Equal("title", document.GetElementById(labelledBy[0])!.LocalName);
            Assert.Equal("desc", document.GetElementById(labelledBy[1])!.LocalName);
            Assert.False(string.IsNullOrWhiteSpace(document.GetElementById(labelledBy[1])!.TextContent));
            var block = svg.Closest(".stat-table")!;
            Assert.NotNull(block.QuerySelector("table.figures caption"));
            var download = block.QuerySelector("a[download][href$='.csv']")!.GetAttribute("href")!;
            Assert.True(File.Exists(Path.Combine(fixture.OutputOf("hertfordshire/2016-17"), download)), $"{download} is missing");
        }
        Assert.Contains("class=\"synthetic-notice\"", html);
        Assert.True(File.Exists(Path.Combine(fixture.OutputOf("hertfordshire/2016-17"), "data", "all-tables.xlsx")));
        Assert.True(File.Exists(Path.Combine(fixture.OutputOf("hertfordshire/2016-17"), "data", "datapackage.json")));
    }

    [Theory, MemberData(nameof(Samples))]
    public void Every_column_header_and_row_of_every_table_is_printed_in_the_pdf(string sample)
    {
        // A table wider than the page must not lose a column: every header and row label the web page shows is
        // somewhere in the PDF's text (spaces aside, since a header may wrap over lines).
        var document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(fixture.OutputOf(sample), "index.html")));
        using var pdf = PdfDocument.Open(PdfPath(sample));
        var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
        // What is printed: every table, in its parts when it is too wide for the page (the whole is for the screen).
        var tables = document.QuerySelectorAll("table.figures").Where(t => t.Closest(".screen-only") is null).ToList();
        if (sample.StartsWith("northumbria", StringComparison.Ordinal)) Assert.True(tables.Count >= 40, $"only {tables.Count} tables");
        // Each header or row label must be printed at least as often as the web page's tables show it.
        var expected = tables.SelectMany(t => t.QuerySelectorAll("thead th, tbody th").Select(h => Squeeze(h.TextContent)).Where(h => h.Length > 0))
            .GroupBy(h => h).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (label, times) in expected)
        {
            var printed = Regex.Matches(text, Regex.Escape(label)).Count;
            Assert.True(printed >= times, $"'{label}' is in {times} tables of the web page but printed {printed} times in the PDF");
        }
    }

    [Theory, MemberData(nameof(Samples))]
    public void Every_cell_of_every_printed_table_is_in_the_pdf_in_order_and_no_text_is_off_its_page(string sample)
    {
        var document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(fixture.OutputOf(sample), "index.html")));
        using var pdf = PdfDocument.Open(PdfPath(sample));
        PrintedTables.AssertEveryCellPrinted(document, pdf);
        PrintedTables.AssertNothingOffThePage(pdf);
    }

    /// <summary>
    /// Every sample PDF, and every version a correction replaced, as a screen reader meets it: the test suite's PDF/UA-1
    /// checker finds nothing, every printed table is in the tags cell for cell, every word read from the tags is a word
    /// of the page, and the contents gives the right page for every entry.
    /// </summary>
    [Theory, MemberData(nameof(Samples))]
    public void The_pdf_passes_the_pdf_ua_checker_reads_as_the_page_does_and_its_contents_gives_true_page_numbers(string sample)
    {
        var output = fixture.OutputOf(sample);
        var superseded = Path.Combine(output, ReportBuilder.SupersededFolder);
        foreach (var folder in (Directory.Exists(superseded) ? Directory.GetDirectories(superseded) : []).Prepend(output))
        {
            var pdf = Path.Combine(folder, "report.pdf");
            var failures = PdfUaChecker.Check(pdf);
            Assert.True(failures.Count == 0, $"{Path.GetRelativePath(output, pdf)}:\n" + string.Join("\n", failures));
            var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(folder, "index.html")));
            TaggedText.AssertEveryTableTagged(page, pdf);
            ContentsPageNumbers.AssertEveryEntryNumbered(page, pdf);
            var strays = TaggedText.WordsNotOnThePage(ContentsPageNumbers.AsPrinted(page, pdf), pdf);
            Assert.True(strays.Count == 0, $"{Path.GetRelativePath(output, pdf)}: {strays.Count} words are read that the page does not have:\n" + string.Join("\n", strays.Take(20)));
        }
    }

    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", "");

    private static Edition Load(string sample)
    {
        var diagnostics = new DiagnosticBag();
        return EditionLoader.Load(Path.Combine(RepoPaths.Content, sample), diagnostics)
               ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
    }

    private string PdfPath(string sample) => Path.Combine(fixture.OutputOf(sample), "report.pdf");

    private string PdfText(string sample)
    {
        using var pdf = PdfDocument.Open(PdfPath(sample));
        return Normalise(string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();
}
