using AngleSharp.Html.Parser;
using ReportGen.Diagnostics;
using ReportGen.Tests.TestSupport;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace ReportGen.Tests.EndToEnd;

/// <summary>
/// Builds, with the real browser, the test edition that uses every part of content model 2 (default@6), and an edition
/// of nineteen one-line objectives: what a real publication's shape needs, published complete and accessibly.
/// </summary>
public sealed class ContentModelFixture : IAsyncLifetime
{
    public static string Model2Edition => Path.Combine(RepoPaths.Root, "tests", "ReportGen.Tests", "Editions", "test-fire", "edi-2021-22");

    public string Root { get; } = Directory.CreateTempSubdirectory("reportgen-model2-").FullName;
    public string Output => Path.Combine(Root, "out");
    public EditionBuildResult Model2 { get; private set; } = null!;
    public EditionBuildResult Nineteen { get; private set; } = null!;
    public TempEdition NineteenEdition { get; } = new(
        """
        organisation:
          name: Nineteen Objectives Police
        edition:
          template: default@6
          title: Equality objectives 2021-2025
          reporting_period: { start: 2021-04, end: 2025-03 }
        accessibility:
          contact: { email: equality@nineteen.example }
        """,
        "objectives:\n" + string.Concat(Enumerable.Range(1, 19).Select(n =>
            $"  - id: objective-{n}\n    number: {n}\n    title: Objective number {n} of nineteen, each a single line as the force published it\n" +
            $"    statement: We will improve service {n} for people with protected characteristics, and report our progress each year.\n")),
        organisation: "nineteen", edition: "2021-25");

    public async Task InitializeAsync()
    {
        await using var builder = new ReportBuilder(new BuildOptions(Output, TemplatesRoot: RepoPaths.Templates));
        Model2 = await builder.BuildAsync(Model2Edition);
        Nineteen = await builder.BuildAsync(NineteenEdition.Folder);
    }

    public Task DisposeAsync()
    {
        NineteenEdition.Dispose();
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class ContentModelBuildTests(ContentModelFixture fixture) : IClassFixture<ContentModelFixture>
{
    private string Folder => fixture.Model2.OutputFolder!;
    private string Html => File.ReadAllText(Path.Combine(Folder, "index.html"));
    private string Pdf => Path.Combine(Folder, "report.pdf");

    [Fact]
    public void The_edition_builds_and_its_only_warnings_are_the_refused_link_and_image_at_their_lines()
    {
        Assert.True(fixture.Model2.Succeeded, string.Join("\n", fixture.Model2.Diagnostics));
        var warnings = fixture.Model2.Diagnostics.Where(d => d.Severity == Severity.Warning).ToList();
        Assert.Equal(2, warnings.Count);
        var line = Array.FindIndex(File.ReadAllLines(Path.Combine(ContentModelFixture.Model2Edition, "edition.yaml")), l => l.Contains("javascript:alert(1)", StringComparison.Ordinal)) + 1;
        Assert.All(warnings, w => Assert.Equal(line, w.Location!.Line));
        Assert.Contains(warnings, w => w.Message.Contains("javascript:alert(1)", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.Contains("an image", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_part_of_the_content_is_on_the_page()
    {
        var page = new HtmlParser().ParseDocument(Html);
        string Text(string selector) => page.QuerySelector(selector)?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"no {selector}");

        // Metadata and the contact for other formats, on the title page.
        var facts = Text(".title-page__facts");
        foreach (var fact in new[] { "Edition4", "ReferenceEDI/2022/04", "Prepared byPeople and Culture Directorate", "Presented toPeople Committee, 14 June 2022" })
            Assert.Contains(fact, facts.Replace("\n", "").Replace("  ", ""));
        Assert.Contains("edi@fire.example", Text(".title-page__formats"));
        // The year range of the title is kept on one line.
        Assert.Equal("2021-22", Text("h1 .nowrap"));
        // An open-ended reporting period.
        Assert.Contains("Reporting periodFrom April 2021, with no end set", facts.Replace("\n", "").Replace("  ", ""));
        // Milestones of the whole scheme, and the organisation's own status labels.
        Assert.Contains("Publish the annual equality information report by 31 January", Text("#scheme-milestones"));
        Assert.Equal("Green (complete)", Text("#scheme-milestones .status--complete"));
        Assert.Equal("Amber (on track)", Text("#objective-recruit .status--in-progress"));
        // A signatory by role alone; numbered commitments.
        Assert.Equal("Chief Fire Officer", Text(".signatory__name"));
        Assert.Equal(2, page.QuerySelectorAll("ol.commitments > li").Length);
        // Sections in their places, with their headings demoted beneath them.
        var order = page.QuerySelectorAll("main > section").Select(e => string.IsNullOrEmpty(e.Id) ? e.QuerySelector("h2")!.Id : e.Id).ToList();
        Assert.Equal(["about", "foreword", "what-are-equality-objectives", "objectives", "scheme-milestones", "achievements", "method", "conclusion", "documents", "accessibility"], order);
        Assert.Equal(["The general duty", "The specific duties"], page.QuerySelectorAll("#what-are-equality-objectives h3").Select(h => h.TextContent));
        Assert.Equal("what-are-equality-objectives-the-general-duty", page.QuerySelector("#what-are-equality-objectives h3")!.Id);
        Assert.Equal(["Workforce", "Communities"], page.QuerySelectorAll("#method h3").Select(h => h.TextContent));
        // The organisation's own heading, term, lead-in and closing; themes with their objectives; unnumbered headings.
        Assert.Equal("Our equality outcomes", Text("#objectives-heading"));
        Assert.Equal("Our current equality outcomes are to:", Text(".objectives__intro"));
        Assert.Equal("We will review these outcomes in 2024.", Text(".objectives__closing"));
        Assert.Equal(["Our people", "Our communities"], page.QuerySelectorAll(".theme h3").Select(h => h.TextContent));
        Assert.Equal(["Recruit a workforce that reflects the community by 2021-22", "Reduce fires in homes of older people", "Listen to seldom heard groups"],
            page.QuerySelectorAll(".theme h4[id$='-heading']").Select(h => h.TextContent.Trim()));
        Assert.DoesNotContain("Objective", Text("#objectives"));
        Assert.Contains("What we need to do", Text("#objective-recruit"));
        Assert.Contains("Milestones for Recruit a workforce that reflects the community by 2021-22, action 1", Text("#objective-recruit caption"));
        Assert.Equal("Internal and external outcome", Text("#objective-recruit .objective__scope"));
        // A progress narrative under the organisation's own sub-headings, beneath the objective's (h4, under a theme): h5.
        Assert.Equal(["We said we would", "We have", "We will"], page.QuerySelectorAll("#objective-safety h5").Select(h => h.TextContent));
        // An achievement of the whole edition, and one of an objective.
        Assert.Contains("A station open day brought 300 people in.", Text("#achievements"));
        Assert.Contains("Twelve new recruits.", Text("#objective-recruit"));
        // Documents: the file published beside the report, with its format and size; the link elsewhere.
        Assert.Equal(File.ReadAllBytes(Path.Combine(ContentModelFixture.Model2Edition, "documents", "strategy.txt")), File.ReadAllBytes(Path.Combine(Folder, "documents", "strategy.txt")));
        Assert.Contains("plain text, 1 KB", Text("#documents"));
        Assert.NotNull(page.QuerySelector("#documents a[href='documents/strategy.txt']"));
        Assert.NotNull(page.QuerySelector("#documents a[href='https://www.fire.example/dashboard']"));
    }

    [Fact]
    public void Markdown_tables_and_footnotes_are_accessible_and_refused_links_show_their_text_once()
    {
        var page = new HtmlParser().ParseDocument(Html);
        var tables = page.QuerySelectorAll(".prose-table[role=region]");
        Assert.Equal(["Table: Duty, When", "Table: Status, Meaning"], tables.Select(t => t.GetAttribute("aria-label")));
        Assert.All(page.QuerySelectorAll(".prose-table th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        // Every footnote has a place name of its own, and every link to one leads somewhere.
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var footnoteLinks = page.QuerySelectorAll("a.footnote-ref, a.footnote-back-ref").Select(a => a.GetAttribute("href")![1..]).ToList();
        Assert.Equal(8, footnoteLinks.Count);
        Assert.All(footnoteLinks, target => Assert.Contains(target, ids));
        Assert.Contains("A bad link and an image here.", page.QuerySelector("#what-are-equality-objectives")!.TextContent);
        Assert.DoesNotContain("javascript:", Html);
    }

    [Fact]
    public void The_contents_and_the_pdf_bookmarks_give_every_section_theme_and_objective_at_its_level()
    {
        var page = new HtmlParser().ParseDocument(Html);
        var top = page.QuerySelectorAll(".contents > ol > li > .contents__line > a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Foreword", "Our commitments", "What are equality objectives?", "Our equality outcomes", "Milestones for the whole scheme", "Key achievements", "How we collected the data",
            "Conclusion", "Related documents", "Accessibility statement"], top);
        var outcomes = page.QuerySelectorAll(".contents > ol > li")[3];
        Assert.Equal(["Our people", "Our communities"], outcomes.QuerySelectorAll(":scope > ol > li > .contents__line > a").Select(a => a.TextContent));
        Assert.Equal(3, outcomes.QuerySelectorAll("ol ol a").Length - 2);

        using var pdf = PdfDocument.Open(Pdf);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        BookmarkNode? Find(IEnumerable<BookmarkNode> nodes, string title) =>
            nodes.Select(n => n.Title == title ? n : Find(n.Children, title)).FirstOrDefault(n => n is not null);
        var section = Find(bookmarks.Roots, "What are equality objectives?");
        Assert.NotNull(section);
        Assert.Equal(["The general duty", "The specific duties"], section.Children.Select(c => c.Title));
        var people = Find(bookmarks.Roots, "Our people");
        Assert.NotNull(people);
        Assert.Equal(["Recruit a workforce that reflects the community by 2021-22"], people.Children.Select(c => c.Title));
    }

    [Fact]
    public void The_pdf_passes_the_pdf_ua_checker_its_contents_gives_true_pages_and_no_page_is_near_empty()
    {
        foreach (var result in new[] { fixture.Model2, fixture.Nineteen })
        {
            var pdf = Path.Combine(result.OutputFolder!, "report.pdf");
            var failures = PdfUaChecker.Check(pdf);
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(result.OutputFolder!, "index.html")));
            TaggedText.AssertEveryTableTagged(page, pdf);
            ContentsPageNumbers.AssertEveryEntryNumbered(page, pdf);
            var strays = TaggedText.WordsNotOnThePage(ContentsPageNumbers.AsPrinted(page, pdf), pdf);
            Assert.True(strays.Count == 0, string.Join("\n", strays.Take(20)));
            using var document = PdfDocument.Open(pdf);
            foreach (var printed in document.GetPages().Skip(1))
                Assert.True(printed.GetWords().Count() >= 40, $"{result.EditionFolder}: page {printed.Number} has only {printed.GetWords().Count()} words");
        }
    }

    [Fact]
    public void Nineteen_one_line_objectives_fit_on_a_few_pages_not_a_page_each()
    {
        Assert.True(fixture.Nineteen.Succeeded, string.Join("\n", fixture.Nineteen.Diagnostics));
        using var pdf = PdfDocument.Open(Path.Combine(fixture.Nineteen.OutputFolder!, "report.pdf"));
        // Title page, contents, the objectives at a glance and the nineteen, the accessibility statement.
        Assert.InRange(pdf.NumberOfPages, 4, 8);
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        foreach (var n in Enumerable.Range(1, 19)) Assert.Contains($"We will improve service {n} for people", text);
    }

    [Fact]
    public void The_running_header_is_one_line_that_ends_before_the_page_edge()
    {
        using var pdf = PdfDocument.Open(Pdf);
        var page = pdf.GetPage(2);
        var header = page.GetWords().Where(w => w.BoundingBox.Bottom > page.Height - 60).ToList();
        Assert.NotEmpty(header);
        Assert.Single(header.Select(w => Math.Round(w.BoundingBox.Bottom)).Distinct());
        Assert.True(header.Max(w => w.BoundingBox.Right) < page.Width - 18 / 25.4 * 72, "the header reaches the right margin");
    }

    /// <summary>axe-core's WCAG 2.2 A and AA rules at 1,280 and 320 px: sections, themes, Markdown tables, footnotes and documents included.</summary>
    [Fact]
    public Task The_web_page_has_no_axe_violations_and_does_not_scroll_sideways_at_320_px() =>
        AxePages.Check([Path.Combine(Folder, "index.html")]);
}
