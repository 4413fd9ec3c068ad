using System.Text.Json;
using AngleSharp.Html.Parser;
using ReportGen.Cli;
using ReportGen.Publishing;
using ReportGen.Tests.TestSupport;
using UglyToad.PdfPig;

namespace ReportGen.Tests.EndToEnd;

/// <summary>
/// The Hertfordshire sample as built: every published figure carries its id in the page and the downloads, the audit
/// trail (beside the public output, never in it) traces each to its sheet rows, <c>reportgen explain</c> prints the
/// chain; and its correction to 1.1 gives the notice, the corrections page and the superseded 1.0.
/// </summary>
[Collection(SampleBuildCollection.Name)]
public sealed class AuditAndCorrectionsTests(SampleBuildFixture fixture)
{
    private const string Sample = "hertfordshire/2016-17";
    private string Built => fixture.OutputOf(Sample);
    private string Audit => Path.Combine(fixture.FirstOutput, AuditTrail.Folder, Sample);

    private JsonElement Figures()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Audit, AuditTrail.FileName)));
        return document.RootElement.Clone();
    }

    [Fact]
    public void Every_figure_cell_of_the_page_has_an_id_that_the_audit_trail_and_the_downloads_know()
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(Built, "index.html")));
        var cells = page.QuerySelectorAll("table.figures td.num");
        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.False(string.IsNullOrEmpty(c.GetAttribute("data-figure")), $"a figure cell without an id: {c.OuterHtml}"));

        var audit = Figures().GetProperty("figures").EnumerateArray().Where(f => f.GetProperty("shown").GetBoolean())
            .ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("published").GetString()!);
        var ids = page.QuerySelectorAll("[data-figure]").Select(e => e.GetAttribute("data-figure")!).ToHashSet();
        Assert.All(ids, id => Assert.True(audit.ContainsKey(id), $"{id} is on the page but not in the audit trail"));

        // data/figure-ids.csv names the cell of every figure of every CSV, and the id there is the page's.
        var lines = File.ReadAllLines(Path.Combine(Built, "data", DataDownloads.FigureIdsName)).Skip(1).Select(l => l.Split(',')).ToList();
        // Every cell of every table's CSV: its data rows times its figure columns (the datapackage's fields but the row label).
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(Built, "data", DataDownloads.PackageName)));
        var csvCells = package.RootElement.GetProperty("resources").EnumerateArray().Where(r => r.GetProperty("name").GetString() is not ("figure-ids" or "symbols"))
            .Sum(r => (File.ReadAllLines(Path.Combine(Built, "data", r.GetProperty("path").GetString()!)).Length - 1) * (r.GetProperty("schema").GetProperty("fields").GetArrayLength() - 1));
        Assert.Equal(csvCells, lines.Count);
        Assert.Equal(lines.Count, lines.Select(l => l[0]).Distinct().Count());
        foreach (var line in lines.Where(l => l[0] == "workforce-ethnicity:black:all-count"))
        {
            var csv = File.ReadAllLines(Path.Combine(Built, "data", line[1]));
            var value = csv[int.Parse(line[2]) - 1].Split(',')[int.Parse(line[3]) - 1];
            Assert.Equal(audit[line[0]], value);
        }
        Assert.Contains("workforce-ethnicity:black:all-count", ids);

        // The audit trail is never inside the public output.
        Assert.False(Directory.Exists(Path.Combine(Built, AuditTrail.Folder)));
        Assert.Contains("Not for publication", File.ReadAllText(Path.Combine(Audit, AuditTrail.ReadmeName)));
    }

    [Fact]
    public async Task Explain_leads_from_a_withheld_figure_to_its_workbook_its_filter_and_its_sheet_rows()
    {
        var stdout = new StringWriter();
        var exit = await CommandLine.RunAsync(["explain", Built, "workforce-ethnicity:black:all-percent"], stdout, new StringWriter());
        var printed = stdout.ToString();

        Assert.True(exit == ExitCodes.Success, printed);
        Assert.Contains("Published: ! (percentage) [workforce-ethnicity:black:all-percent]", printed);
        Assert.Contains("Rule: withheld: a figure it is computed from (or the responses it rests on) is withheld", printed);
        Assert.Contains("Input 1: ! (count) [workforce-ethnicity:black:all-count]", printed);
        Assert.Contains("secondary suppression", printed);
        Assert.Contains("Filter as written in statistics.yaml: leaving_date: blank", printed);
        Assert.Contains("data/hr-extract.xlsx, sheet 'Workforce'", printed);
        Assert.Contains("Workbook SHA-256: " + Manifest.Sha256(Path.Combine(RepoPaths.Content, Sample, "data", "hr-extract.xlsx")), printed);
        Assert.Contains("ethnicity from column E ('Ethnic Origin')", printed);
        Assert.Contains("Sheet rows that fed it (27): 558, 965, 967", printed);
    }

    [Fact]
    public async Task Explain_of_an_unknown_figure_suggests_the_nearest_ids()
    {
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(["explain", Built, "workforce-ethnicity:blak:all-percent"], new StringWriter(), stderr);

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("has no figure 'workforce-ethnicity:blak:all-percent'", stderr.ToString());
        Assert.Contains("the nearest are: workforce-ethnicity:black:all-percent", stderr.ToString());
        Assert.DoesNotContain("   at ", stderr.ToString());
    }

    [Fact]
    public void The_correction_gives_its_notice_the_corrections_page_and_the_superseded_version()
    {
        var parser = new HtmlParser();
        var current = parser.ParseDocument(File.ReadAllText(Path.Combine(Built, "index.html")));
        Assert.Contains("This publication has been corrected", current.QuerySelector(".notice--corrected")!.TextContent);
        // The sample was corrected twice: 1.1 redated a measure of 1.0, and 1.2 re-issued 1.1 as an accessible PDF.
        Assert.Contains("Version 1.2, 1 December 2026", current.QuerySelector(".notice--corrected")!.TextContent);
        Assert.Contains("Have a fully representative consultative panel", current.QuerySelector("#corrections")!.TextContent);

        var corrections = parser.ParseDocument(File.ReadAllText(Path.Combine(Built, "corrections.html")));
        var links = corrections.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Where(h => h.StartsWith("versions/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(["versions/1.0/index.html", "versions/1.1/index.html"], links);
        Assert.Contains("What was wrong", corrections.Body!.TextContent);

        var superseded = parser.ParseDocument(File.ReadAllText(Path.Combine(Built, "versions", "1.0", "index.html")));
        var banner = superseded.QuerySelector(".notice--superseded")!;
        Assert.Contains("This is version 1.0 of this publication", banner.TextContent);
        Assert.Contains("replaced by version 1.1", banner.TextContent);
        Assert.Contains(banner.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../../index.html");
        Assert.Null(superseded.QuerySelector(".notice--corrected"));
        var second = parser.ParseDocument(File.ReadAllText(Path.Combine(Built, "versions", "1.1", "index.html")));
        Assert.Contains("This is version 1.1 of this publication, as it was published. It was corrected, and replaced by version 1.2", second.QuerySelector(".notice--superseded")!.TextContent);
        foreach (var version in new[] { "1.0", "1.1" })
        {
            Assert.True(File.Exists(Path.Combine(Built, "versions", version, "assets", "report.css")));
            Assert.True(File.Exists(Path.Combine(Built, "versions", version, "data", "all-tables.xlsx")));
        }

        // The measure as each version gave it: misdated in 1.0, corrected in 1.1 and so in 1.2.
        static string DueOf(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("li")
            .First(li => li.TextContent.TrimStart().StartsWith("Have a fully representative consultative panel", StringComparison.Ordinal)).QuerySelector("time")!.GetAttribute("datetime")!;
        Assert.Equal("2018-04", DueOf(current));
        Assert.Equal("2018-04", DueOf(second));
        Assert.Equal("2017-04", DueOf(superseded));

        using var pdf = PdfDocument.Open(Path.Combine(Built, "versions", "1.0", "report.pdf"));
        Assert.Contains("This version has been superseded", string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)).Replace("  ", " "));
        using var corrected = PdfDocument.Open(Path.Combine(Built, "report.pdf"));
        Assert.Contains("This publication has been corrected", string.Join(" ", corrected.GetPage(1).GetWords().Select(w => w.Text)));
    }
}
