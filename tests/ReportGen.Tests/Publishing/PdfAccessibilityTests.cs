using System.Text;
using AngleSharp.Html.Parser;
using ReportGen.Publishing;
using ReportGen.Tests.EndToEnd;
using ReportGen.Tests.TestSupport;
using UglyToad.PdfPig;

namespace ReportGen.Tests.Publishing;

/// <summary>The Hertfordshire sample built with the newest template set, whose PDFs are completed for PDF/UA-1: built once for the class.</summary>
public sealed class NewestSetPdfFixture : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("reportgen-pdfua-").FullName;
    public string Output => Path.Combine(Root, "out", "hertfordshire", "2016-17");
    public string Pdf => Path.Combine(Output, "report.pdf");

    public async Task InitializeAsync()
    {
        var edition = Path.Combine(Root, "content", "hertfordshire", "2016-17");
        TestFolders.Copy(Path.Combine(RepoPaths.Content, "hertfordshire", "2016-17"), edition);
        SampleEditions.UseNewestSet(edition);
        await using var builder = new ReportBuilder(new BuildOptions(Path.Combine(Root, "out"), OutputFormats.All, RepoPaths.Templates));
        var result = await builder.BuildAsync(edition);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The test suite's PDF/UA-1 checker (<see cref="PdfUaChecker"/>) passes the newest set's PDFs, finds each of its
/// rules broken in the browser's own PDF (what the older sets publish) or in a PDF broken on purpose, and the
/// completion keeps the browser's text, pages and tables.
/// </summary>
[Collection(SampleBuildCollection.Name)]
public sealed class PdfAccessibilityTests(NewestSetPdfFixture newest) : IClassFixture<NewestSetPdfFixture>
{
    [Fact]
    public void The_newest_sets_pdfs_pass_every_rule_of_the_checker()
    {
        foreach (var pdf in new[] { newest.Pdf, Path.Combine(newest.Output, "versions", "1.0", "report.pdf") })
        {
            var failures = PdfUaChecker.Check(pdf);
            Assert.True(failures.Count == 0, $"{Path.GetRelativePath(newest.Root, pdf)}:\n" + string.Join("\n", failures));
        }
    }

    [Fact]
    public void The_page_links_to_its_pdf_and_the_pdf_does_not_offer_itself()
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(newest.Output, "index.html")));
        var link = page.QuerySelector("a[href='report.pdf']");
        Assert.NotNull(link);
        Assert.StartsWith("Download the PDF", link!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main[tabindex='-1']#main"));
        using var pdf = PdfDocument.Open(newest.Pdf);
        Assert.DoesNotContain("Download the PDF", string.Concat(pdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_pdf_ends_with_the_accessibility_statement_and_its_contact()
    {
        using var pdf = PdfDocument.Open(newest.Pdf);
        var last = pdf.GetPage(pdf.NumberOfPages).Text;
        Assert.Contains("Accessibility statement", last, StringComparison.Ordinal);
        // The sample's own contact (a reserved example domain).
        Assert.Contains("equality@hertfordshire-constabulary.example", last, StringComparison.Ordinal);
    }

    [Fact]
    public void The_completed_pdf_keeps_every_table_cell_and_nothing_is_off_its_pages()
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(newest.Output, "index.html")));
        using var pdf = PdfDocument.Open(newest.Pdf);
        PrintedTables.AssertEveryCellPrinted(page, pdf);
        PrintedTables.AssertNothingOffThePage(pdf);
    }

    [Fact]
    public void The_contents_gives_the_page_of_every_entry()
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(newest.Output, "index.html")));
        ContentsPageNumbers.AssertEveryEntryNumbered(page, newest.Pdf);
        // The web page has no page numbers: they are filled in only for the print.
        Assert.All(page.QuerySelectorAll("[data-page-for]"), e => Assert.Equal("", e.TextContent));
    }

    [Fact]
    public void The_cover_page_has_no_running_header_and_the_pages_after_it_have()
    {
        using var pdf = PdfDocument.Open(newest.Pdf);
        const string header = "Hertfordshire Constabulary · Equality objectives and key achievements 2016/17";
        Assert.DoesNotContain(header, pdf.GetPage(1).Text, StringComparison.Ordinal);
        Assert.All(pdf.GetPages().Skip(1), p => Assert.StartsWith(header, p.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_table_is_in_the_tags_cell_for_cell()
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(newest.Output, "index.html")));
        TaggedText.AssertEveryTableTagged(page, newest.Pdf);
    }

    [Fact]
    public void A_screen_reader_reads_the_words_the_page_prints_none_run_together_at_a_line_break()
    {
        var page = ContentsPageNumbers.AsPrinted(new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(newest.Output, "index.html"))), newest.Pdf);
        var strays = TaggedText.WordsNotOnThePage(page, newest.Pdf);
        Assert.True(strays.Count == 0, $"{strays.Count} words are read that the page does not have:\n" + string.Join("\n", strays.Take(30)));

        // The browser's own PDF (what the sets before default@5 publish) runs words together: the check can fail.
        var own = TaggedText.WordsNotOnThePage(page, BrowsersOwn(newest.Pdf));
        Assert.Contains(own, w => w.Contains("'increaseunderstanding'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_checker_finds_what_the_browsers_own_pdf_lacks()
    {
        // The sets before default@4 publish the browser's PDF as it printed it. (Its figures have their alternative text
        // since default@4 put each chart in a div: the broken PDFs below test that rule.)
        var failures = PdfUaChecker.Check(BrowsersOwn(newest.Pdf));
        foreach (var rule in new[] { PdfUaChecker.Metadata, PdfUaChecker.Artifacts, PdfUaChecker.LinkContents, PdfUaChecker.Roles, PdfUaChecker.Lists })
            Assert.Contains(failures, f => f.StartsWith(rule, StringComparison.Ordinal));
    }

    /// <summary>The newest set's good PDF with one key misspelt (same length, so the file stays readable): the rule it breaks is reported.</summary>
    [Theory]
    [InlineData("/Lang (", "/Lanx (", PdfUaChecker.Language)]
    [InlineData("/DisplayDocTitle", "/DisplayDocTitlx", PdfUaChecker.DisplayTitle)]
    [InlineData("/MarkInfo", "/MarkInfx", PdfUaChecker.Tagged)]
    [InlineData("/Tabs /S", "/Tabx /S", PdfUaChecker.TabOrder)]
    [InlineData("/ToUnicode", "/ToUnicodx", PdfUaChecker.Fonts)]
    [InlineData("/RoleMap", "/RoleMax", PdfUaChecker.Roles)]
    [InlineData("/ColSpan", "/ColSpax", PdfUaChecker.TableRows)]
    [InlineData("pdfuaid:part>1<", "pdfuaid:part>2<", PdfUaChecker.Metadata)]
    [InlineData("/Alt", "/Alx", PdfUaChecker.FigureAlt)]
    [InlineData("/S /LBody", "/S /Div  ", PdfUaChecker.Lists)]
    public void A_pdf_broken_on_purpose_fails_the_rule_it_breaks(string from, string to, string rule)
    {
        var bytes = File.ReadAllBytes(newest.Pdf);
        var text = Encoding.Latin1.GetString(bytes);
        Assert.True(text.Contains(from, StringComparison.Ordinal), $"the PDF has no '{from}' to break");
        var broken = Path.Combine(newest.Root, $"broken-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(broken, Encoding.Latin1.GetBytes(text.Replace(from, to, StringComparison.Ordinal)));
        Assert.Contains(PdfUaChecker.Check(broken), f => f.StartsWith(rule, StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_a_whole_pdf_is_refused_with_a_reason_never_another_exception()
    {
        var edition = ReportGen.Content.EditionLoader.Load(Path.Combine(RepoPaths.Content, "hertfordshire", "2016-17"), new ReportGen.Diagnostics.DiagnosticBag())!;
        var source = File.ReadAllBytes(BrowsersOwn(newest.Pdf));
        var random = new Random(11);
        foreach (var bytes in new[] { "not a PDF"u8.ToArray(), source[..(source.Length / 2)], source[..1000], source.Select((b, i) => i % 997 == 0 ? (byte)random.Next(256) : b).ToArray() })
        {
            var path = Path.Combine(newest.Root, $"damaged-{Guid.NewGuid():N}.pdf");
            File.WriteAllBytes(path, bytes);
            try { PdfAccessibility.Apply(path, edition); }
            catch (InvalidDataException) { }
        }
    }

    [Fact]
    public void Completing_keeps_the_browsers_text_and_is_the_same_bytes_each_time()
    {
        // The browser's own PDF, completed twice, gives one result, with every page's text unchanged.
        var source = BrowsersOwn(newest.Pdf);
        var edition = ReportGen.Content.EditionLoader.Load(Path.Combine(RepoPaths.Content, "hertfordshire", "2016-17"), new ReportGen.Diagnostics.DiagnosticBag())!;
        var (first, second) = (Path.Combine(newest.Root, "a.pdf"), Path.Combine(newest.Root, "b.pdf"));
        File.Copy(source, first, true);
        File.Copy(source, second, true);
        PdfAccessibility.Apply(first, edition);
        PdfAccessibility.Apply(second, edition);
        Assert.True(File.ReadAllBytes(first).AsSpan().SequenceEqual(File.ReadAllBytes(second)));
        using var before = PdfDocument.Open(source);
        using var after = PdfDocument.Open(first);
        Assert.Equal(before.NumberOfPages, after.NumberOfPages);
        for (var p = 1; p <= before.NumberOfPages; p++) Assert.Equal(before.GetPage(p).Text, after.GetPage(p).Text);
        var failures = PdfUaChecker.Check(first);
        foreach (var rule in new[] { PdfUaChecker.Artifacts, PdfUaChecker.LinkContents, PdfUaChecker.Metadata, PdfUaChecker.Roles, PdfUaChecker.Lists })
            Assert.DoesNotContain(failures, f => f.StartsWith(rule, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_level_of_completion_does_what_it_did_level_1_adding_no_list_bodies_or_spoken_text()
    {
        // An edition published with default@4 (level 1) must read the same after level 2 was added.
        var edition = ReportGen.Content.EditionLoader.Load(Path.Combine(RepoPaths.Content, "hertfordshire", "2016-17"), new ReportGen.Diagnostics.DiagnosticBag())!;
        var (one, two) = (Path.Combine(newest.Root, "level-1.pdf"), Path.Combine(newest.Root, "level-2.pdf"));
        File.Copy(BrowsersOwn(newest.Pdf), one, true);
        File.Copy(one, two, true);
        PdfAccessibility.Apply(one, edition, level: 1);
        PdfAccessibility.Apply(two, edition, level: 2);
        var (first, second) = (Encoding.Latin1.GetString(File.ReadAllBytes(one)), Encoding.Latin1.GetString(File.ReadAllBytes(two)));
        Assert.DoesNotContain("/LBody", first, StringComparison.Ordinal);
        Assert.Contains(PdfUaChecker.Check(one), f => f.StartsWith(PdfUaChecker.Lists, StringComparison.Ordinal));
        Assert.Contains("/LBody", second, StringComparison.Ordinal);
        Assert.Empty(PdfUaChecker.Check(two));
        using var pdf = PdfDocument.Open(one);
        Assert.DoesNotContain(pdf.GetPages().SelectMany(p => p.GetMarkedContents()), m => m.ActualText is not null);
    }

    /// <summary>
    /// The PDF as the browser printed it: the completion is an incremental update appended to the browser's bytes, so
    /// those bytes are the completed file up to its first end-of-file marker.
    /// </summary>
    private string BrowsersOwn(string completed)
    {
        var bytes = File.ReadAllBytes(completed);
        var end = Encoding.Latin1.GetString(bytes).IndexOf("%%EOF", StringComparison.Ordinal);
        Assert.True(end > 0 && end + 6 < bytes.Length, "the PDF has no incremental update after the browser's own bytes");
        var path = Path.Combine(newest.Root, $"own-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, [.. bytes[..(end + 5)], (byte)'\n']);
        return path;
    }
}
