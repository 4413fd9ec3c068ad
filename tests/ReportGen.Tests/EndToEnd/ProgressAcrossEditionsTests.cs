using AngleSharp.Html.Parser;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.EndToEnd;

/// <summary>The illustrative 2017/18 Hertfordshire sample, a progress report on the 2016/17 edition's objectives.</summary>
[Collection(SampleBuildCollection.Name)]
public sealed class ProgressAcrossEditionsTests(SampleBuildFixture fixture)
{
    private const string Sample = "hertfordshire/2017-18";

    [Fact]
    public void Carried_over_milestones_show_last_years_status_and_this_years_and_the_one_that_went_back_is_flagged()
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(fixture.OutputOf(Sample), "index.html")));
        var row = page.QuerySelectorAll("table.milestones tbody tr").Single(r => r.TextContent.Contains("Design a process to improve satisfaction of ASB victims", StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("Complete", cells[1]);
        Assert.Equal("In progress Went back", cells[2]);
        var table = row.Closest("table")!;
        Assert.Equal(["No.", "Milestone", "Last time", "Now", "Progress"], table.QuerySelectorAll("thead th").Select(h => h.TextContent));
        Assert.Single(page.QuerySelectorAll(".flag--went-back"));
        Assert.Single(page.QuerySelectorAll(".flag--overdue"));
    }

    [Fact]
    public void The_progress_section_lists_what_went_back_what_is_overdue_and_what_was_dropped_or_added()
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(fixture.OutputOf(Sample), "index.html")));
        var progress = page.QuerySelector("#progress")!;
        Assert.Equal("Progress since Equality objectives and key achievements 2016/17", progress.QuerySelector("h2")!.TextContent);
        var lists = progress.QuerySelectorAll("h3").ToDictionary(h => h.TextContent, h => h.NextElementSibling!.TextContent.Trim());
        Assert.StartsWith("Design a process to improve satisfaction of ASB victims who LTIDI. (was complete, now in progress)", lists["Milestones that went back"]);
        Assert.StartsWith("Work with the Hertfordshire Equality Council", lists["Milestones overdue by their date"]);
        Assert.Contains("Build understanding of equivalent services outside Hertfordshire", lists["No longer reported"]);
        Assert.Contains("Synthetic milestone (illustrative)", lists["New since then"]);
        // What the 2016/17 edition bound to data is measured again here: not dropped.
        Assert.DoesNotContain("Improve satisfaction levels of people with LTIDI", lists["No longer reported"]);
        Assert.Contains(page.QuerySelectorAll(".contents a"), a => a.GetAttribute("href") == "#progress");
    }

    [Fact]
    public void The_illustrative_edition_says_so_where_a_reader_starts()
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(fixture.OutputOf(Sample), "index.html")));
        Assert.Contains("(illustrative)", page.QuerySelector("h1")!.TextContent);
        var about = System.Text.RegularExpressions.Regex.Replace(page.QuerySelector(".about")!.TextContent, @"\s+", " ");
        Assert.Contains("Every milestone status in this edition, last year's and this year's, is synthetic", about);
    }
}
