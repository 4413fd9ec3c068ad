using ReportGen.Content;
using ReportGen.Diagnostics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Content;

/// <summary>
/// What check says about an edition's place among its editions and its milestones' dates: previous: naming the
/// edition itself (an error) or a cycle of editions (a warning), and a milestone due before the report's date
/// that is still not started (a warning), each at its line.
/// </summary>
public sealed class EditionChecksTests
{
    private const string Objectives = "objectives:\n  - id: first\n    number: 1\n    title: First objective\n";

    private static string Edition(string extra = "") => $"organisation:\n  name: Test Constabulary\nedition:\n  title: Test edition\n{extra}";

    [Fact]
    public void Previous_naming_the_edition_itself_is_an_error_at_the_edition()
    {
        using var edition = new TempEdition(Edition("  previous: 2017-18\n"), Objectives, edition: "2017-18");
        var diagnostics = new DiagnosticBag();
        Assert.Null(EditionLoader.Load(edition.Folder, diagnostics));
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal((Severity.Error, "RG0102", 4), (error.Severity, error.Code, error.Location!.Line));
        Assert.Contains("previous '2017-18' names this edition itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Editions_whose_previous_come_back_round_are_a_warning_naming_the_cycle()
    {
        using var edition = new TempEdition(Edition("  previous: 2016-17\n"), Objectives, edition: "2017-18");
        var sibling = Path.Combine(Path.GetDirectoryName(edition.Folder)!, "2016-17");
        Directory.CreateDirectory(sibling);
        File.WriteAllText(Path.Combine(sibling, "edition.yaml"), Edition("  previous: 2017-18\n"));
        File.WriteAllText(Path.Combine(sibling, "objectives.yaml"), Objectives);
        var diagnostics = new DiagnosticBag();
        Assert.NotNull(EditionLoader.Load(edition.Folder, diagnostics));
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal((Severity.Warning, 4), (warning.Severity, warning.Location!.Line));
        Assert.Contains("form a cycle (2017-18 → 2016-17 → 2017-18)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_of_previous_editions_that_ends_is_no_warning()
    {
        using var edition = new TempEdition(Edition("  previous: 2016-17\n"), Objectives, edition: "2017-18");
        var sibling = Path.Combine(Path.GetDirectoryName(edition.Folder)!, "2016-17");
        Directory.CreateDirectory(sibling);
        File.WriteAllText(Path.Combine(sibling, "edition.yaml"), Edition("  previous: 2015-16\n"));
        var diagnostics = new DiagnosticBag();
        Assert.NotNull(EditionLoader.Load(edition.Folder, diagnostics));
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData("published: 2018-06", "2018-03", "not-started", true)]
    [InlineData("published: 2018-06", "2018-06", "not-started", false)]
    [InlineData("reporting_period: { start: 2017-04, end: 2018-03 }", "2017-12", "not-started", true)]
    [InlineData("published: 2018-06", "2018-03", "in-progress", false)]
    [InlineData("published: 2018-06", "2019-03", "not-started", false)]
    [InlineData("title_note: none", "2000-01", "not-started", false)]
    public void A_milestone_due_before_the_reports_date_and_not_started_is_a_warning_at_the_milestone(string dated, string due, string status, bool warned)
    {
        var editionYaml = dated == "title_note: none" ? Edition() : Edition($"  {dated}\n");
        var objectives = Objectives + $"    actions:\n      - text: Do it\n        milestones:\n          - text: Step one\n            due: {due}\n            status: {status}\n";
        using var edition = new TempEdition(editionYaml, objectives);
        var diagnostics = new DiagnosticBag();
        Assert.NotNull(EditionLoader.Load(edition.Folder, diagnostics));
        if (!warned)
        {
            Assert.Empty(diagnostics.Items);
            return;
        }
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal((Severity.Warning, 8), (warning.Severity, warning.Location!.Line));
        Assert.EndsWith("objectives.yaml", warning.Location.File, StringComparison.Ordinal);
        Assert.Contains($"was due by {due}", warning.Message, StringComparison.Ordinal);
    }
}
