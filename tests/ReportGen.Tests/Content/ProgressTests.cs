using ReportGen.Content;
using ReportGen.Diagnostics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Content;

/// <summary>Progress across editions, worked examples: statuses last time and now, what went back, what is overdue, what was dropped or added.</summary>
public sealed class ProgressTests
{
    private const string EditionYaml = "organisation:\n  name: A\nedition:\n  title: T {0}\n  published: 2018-06\n{1}";

    private static (Edition Current, Edition Previous, TempEdition Folders) Load(string previousObjectives, string currentObjectives)
    {
        var folders = new TempEdition(string.Format(System.Globalization.CultureInfo.InvariantCulture, EditionYaml, "2016/17", ""), previousObjectives, edition: "2016-17");
        var current = Path.Combine(Path.GetDirectoryName(folders.Folder)!, "2017-18");
        Directory.CreateDirectory(current);
        File.WriteAllText(Path.Combine(current, "edition.yaml"), string.Format(System.Globalization.CultureInfo.InvariantCulture, EditionYaml, "2017/18", "  previous: 2016-17\n"));
        File.WriteAllText(Path.Combine(current, "objectives.yaml"), currentObjectives);
        var diagnostics = new DiagnosticBag();
        var loadedPrevious = EditionLoader.Load(folders.Folder, diagnostics);
        var loadedCurrent = EditionLoader.Load(current, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        return (loadedCurrent!, loadedPrevious!, folders);
    }

    private static string Objectives(params string[] milestones) =>
        "objectives:\n  - id: o\n    title: O\n    actions:\n      - text: A\n        milestones:\n" + string.Concat(milestones.Select(m => "          - " + m.Replace("\n", "\n            ") + "\n"));

    [Fact]
    public void Statuses_are_matched_by_id_or_by_text_and_a_status_that_went_back_is_flagged()
    {
        var (current, previous, folders) = Load(
            Objectives("id: survey\ntext: Survey victims\nstatus: complete", "text: Train   staff\nstatus: in-progress", "text: Gone\nstatus: not-started"),
            Objectives("id: survey\ntext: Survey victims again (new wording)\nstatus: in-progress", "text: Train staff\nstatus: complete", "text: Brand new\nstatus: not-started\ndue: 2019-03"));
        using var _ = folders;

        var report = ProgressReport.Compare(current, previous, o => o.Title!, new DiagnosticBag());

        var byText = report.Milestones.ToDictionary(p => p.Key.Text!, p => p.Value);
        Assert.Equal(new MilestoneProgress("complete", Regressed: true, Overdue: false, New: false), byText["Survey victims again (new wording)"]);
        Assert.Equal(new MilestoneProgress("in-progress", Regressed: false, Overdue: false, New: false), byText["Train staff"]);
        Assert.Equal(new MilestoneProgress(null, Regressed: false, Overdue: false, New: true), byText["Brand new"]);
        Assert.Equal([new ProgressItem("milestone", "Gone", "O")], report.Dropped);
        Assert.Equal([new ProgressItem("milestone", "Brand new", "O")], report.Added);
        Assert.Equal("T 2016/17", report.PreviousTitle);
    }

    [Theory]
    [InlineData("in-progress", "2018-05", true)]    // due before the report (June 2018), not complete
    [InlineData("not-started", "2018-05", true)]
    [InlineData("in-progress", "2018-06", false)]   // due in the report's own month: not yet overdue
    [InlineData("complete", "2018-05", false)]
    [InlineData("dropped", "2018-05", false)]
    public void A_milestone_is_overdue_by_its_date_only_when_its_status_says_it_is_not_done(string status, string due, bool overdue)
    {
        var (current, previous, folders) = Load(Objectives("text: M"), Objectives($"text: M\nstatus: {status}\ndue: {due}"));
        using var _ = folders;

        Assert.Equal(overdue, ProgressReport.Compare(current, previous, o => o.Title!, new DiagnosticBag()).Milestones.Single().Value.Overdue);
    }

    [Fact]
    public void A_milestone_with_no_status_is_never_said_to_be_overdue()
    {
        var (current, previous, folders) = Load(Objectives("text: M"), Objectives("text: M\ndue: 2015-04"));
        using var _ = folders;

        Assert.False(ProgressReport.Compare(current, previous, o => o.Title!, new DiagnosticBag()).Milestones.Single().Value.Overdue);
    }

    [Fact]
    public void Last_status_stands_in_for_a_previous_edition_that_gave_none_and_may_not_contradict_one_that_did()
    {
        var (current, previous, folders) = Load(
            Objectives("text: Without\n", "text: With\nstatus: in-progress"),
            Objectives("text: Without\nlast_status: complete\nstatus: not-started", "text: With\nlast_status: complete\nstatus: complete"));
        using var _ = folders;
        var diagnostics = new DiagnosticBag();

        var report = ProgressReport.Compare(current, previous, o => o.Title!, diagnostics);

        Assert.True(report.Milestones.Single(m => m.Key.Text == "Without").Value is { LastStatus: "complete", Regressed: true, New: false });
        var error = Assert.Single(diagnostics.Items);
        Assert.Contains("last_status 'complete' is not what the previous edition gives ('in-progress')", error.Message);
        var lines = File.ReadAllLines(Path.Combine(current.Folder, "objectives.yaml"));
        Assert.Equal("last_status: complete", lines[error.Location!.Line - 1].Trim());
        Assert.Contains("text: With", lines[error.Location.Line - 2]);
    }
}
