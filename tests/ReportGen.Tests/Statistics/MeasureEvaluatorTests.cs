using ReportGen.Content;
using ReportGen.Diagnostics;
using ReportGen.Statistics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Statistics;

/// <summary>Measures bound to data, across two editions built from crafted workbooks.</summary>
public sealed class MeasureEvaluatorTests
{
    private const string DataYaml = """
        sources:
          - id: survey
            file: data/survey.xlsx
            sheet: Responses
            fields: { disability: Disability, satisfaction: Satisfaction }
        """;

    private const string StatisticsYaml = """
        tables:
          - id: satisfaction
            title: Satisfaction by disability
            kind: survey
            source: survey
            rows: disability
            reference: Not disabled
            outcome: { field: satisfaction, success: [Satisfied] }
        """;

    private static string Objectives(string direction, string row, string column) => $$"""
        objectives:
          - id: satisfaction
            number: 1
            title: Satisfaction
            measures:
              - text: Satisfaction of disabled victims
                statistic: { table: satisfaction, row: {{row}}, column: {{column}} }
                direction: {{direction}}
        """;

    /// <summary>Writes an edition folder with survey responses: (disability, satisfied, dissatisfied).</summary>
    private static void WriteEdition(string folder, string? previous, string objectives, params (string Disability, int Satisfied, int Not)[] groups)
    {
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        File.WriteAllText(Path.Combine(folder, "edition.yaml"),
            "organisation:\n  name: Test Constabulary\nedition:\n  title: Test\n" + (previous is null ? "" : $"  previous: {previous}\n") + SampleEditions.AccessibilityYaml);
        File.WriteAllText(Path.Combine(folder, "objectives.yaml"), objectives);
        File.WriteAllText(Path.Combine(folder, "data.yaml"), DataYaml);
        File.WriteAllText(Path.Combine(folder, "statistics.yaml"), StatisticsYaml);
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.Worksheets.Add("Responses");
        sheet.Cell(1, 1).Value = "Disability";
        sheet.Cell(1, 2).Value = "Satisfaction";
        var row = 2;
        foreach (var (disability, satisfied, not) in groups)
            for (var i = 0; i < satisfied + not; i++)
            {
                sheet.Cell(row, 1).Value = disability;
                sheet.Cell(row++, 2).Value = i < satisfied ? "Satisfied" : "Dissatisfied";
            }
        workbook.SaveAs(Path.Combine(folder, "data", "survey.xlsx"));
    }

    private static MeasureResult Evaluate(string direction, string row, (string, int, int)[] before, (string, int, int)[] after, string column = "percent")
    {
        using var temp = new TempEdition(null, null);
        var current = temp.Folder;
        WriteEdition(Path.Combine(Path.GetDirectoryName(current)!, "2015-16"), null, Objectives(direction, row, column), before);
        WriteEdition(current, "2015-16", Objectives(direction, row, column), after);

        var diagnostics = new DiagnosticBag();
        var edition = EditionLoader.Load(current, diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
        var tables = StatisticsBuilder.Build(edition, StatisticsBuilder.ReadSources(edition, diagnostics), diagnostics);
        var previous = MeasureBinder.PreviousTables(edition, diagnostics);
        var results = MeasureBinder.Bind(edition, tables, previous, diagnostics);
        Assert.Empty(diagnostics.Items);

        // The table itself gains the previous edition's figure and the change.
        var withChange = Assert.Single(ChangeOverTime.Add(tables, previous, "2015-16"));
        var disabled = withChange.Rows.Single(r => r.Label == "Disabled");
        Assert.Equal(["previous", "change"], withChange.Columns.TakeLast(2).Select(c => c.Key));
        var latest = disabled.Cells[withChange.Columns.ToList().FindIndex(c => c.Key == "percent")];
        var change = disabled.Cells[^1];
        Assert.Equal(latest.Published - disabled.Cells[^2].Published, change.Published);
        return Assert.Single(Assert.Single(results).Value);
    }

    [Fact]
    public void A_significant_rise_in_the_direction_of_progress_is_improved()
    {
        // 120 of 200 (60%) → 160 of 200 (80%): z = 4.36, p < 0.001.
        var result = Evaluate("up", "Disabled", [("Yes", 120, 80), ("No", 500, 100)], [("Yes", 160, 40), ("No", 500, 100)]);
        Assert.Equal(MeasureStatus.Improved, result.Status);
        Assert.Equal(20.0, result.Change!.Value, 6);
        Assert.Equal(60.0, result.Previous!.Published);
    }

    [Fact]
    public void The_same_rise_is_worsened_when_progress_means_down()
    {
        var result = Evaluate("down", "Disabled", [("Yes", 120, 80), ("No", 500, 100)], [("Yes", 160, 40), ("No", 500, 100)]);
        Assert.Equal(MeasureStatus.Worsened, result.Status);
    }

    [Fact]
    public void A_change_within_chance_is_no_significant_change()
    {
        // 150 of 200 (75%) → 156 of 200 (78%): p = 0.48.
        var result = Evaluate("up", "Disabled", [("Yes", 150, 50), ("No", 500, 100)], [("Yes", 156, 44), ("No", 500, 100)]);
        Assert.Equal(MeasureStatus.NoSignificantChange, result.Status);
        Assert.Equal(3.0, result.Change!.Value, 6);
    }

    [Fact]
    public void A_gap_closing_towards_parity_is_improved()
    {
        // Disabled 60% vs not disabled 83.3% (gap −23.3) → disabled 80% vs 83.3% (gap −3.3).
        var result = Evaluate("parity", "Disabled", [("Yes", 120, 80), ("No", 500, 100)], [("Yes", 160, 40), ("No", 500, 100)], column: "gap");
        Assert.Equal(MeasureStatus.Improved, result.Status);
        Assert.Equal(20.0, result.Change!.Value, 6);
    }

    [Fact]
    public void An_estimate_under_the_minimum_base_is_not_enough_data()
    {
        var result = Evaluate("up", "Disabled", [("Yes", 120, 80), ("No", 500, 100)], [("Yes", 30, 10), ("No", 500, 100)]);
        Assert.Equal(MeasureStatus.NotEnoughData, result.Status);
        Assert.Equal(Symbols.Unreliable, result.Latest.Symbol);
    }

    [Fact]
    public async Task The_built_page_shows_the_status_and_the_change_column()
    {
        using var temp = new TempEdition(null, null);
        WriteEdition(Path.Combine(Path.GetDirectoryName(temp.Folder)!, "2015-16"), null, Objectives("up", "Disabled", "percent"), [("Yes", 120, 80), ("No", 500, 100)]);
        WriteEdition(temp.Folder, "2015-16", Objectives("up", "Disabled", "percent"), [("Yes", 160, 40), ("No", 500, 100)]);

        await using var builder = new ReportBuilder(new BuildOptions(Path.Combine(temp.Root, "out"), OutputFormats.Html));
        var result = await builder.BuildAsync(temp.Folder);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var html = File.ReadAllText(Path.Combine(result.OutputFolder!, "index.html"));
        Assert.Contains("status--improved\">Improved</span>", html);
        Assert.Contains("Latest figure: <strong data-figure=\"satisfaction:disabled:percent\">80.0%</strong>; change since the previous edition: +20.0 percentage points (from 60.0%)", html);
        Assert.Contains("Change since 2015-16 (percentage points)", html);
        Assert.Contains("Disabled,200,80.0,", File.ReadAllText(Path.Combine(result.OutputFolder!, "data", "satisfaction.csv")));
    }

    [Fact]
    public void Rates_are_compared_as_two_poisson_rates()
    {
        var before = RatePer100K(200);
        var after = RatePer100K(300);
        Publish(before, after);
        Assert.Equal(MeasureStatus.Worsened, MeasureEvaluator.Evaluate(after, before, "down").Status);
        Assert.Equal(MeasureStatus.Improved, MeasureEvaluator.Evaluate(after, before, "up").Status);
    }

    [Fact]
    public void Without_a_previous_edition_the_status_is_not_enough_data()
    {
        var latest = Figure.Derived(FigureKind.Percent, [], _ => 80);
        Publish(latest);
        var result = MeasureEvaluator.Evaluate(latest, null, "up");
        Assert.Equal(MeasureStatus.NotEnoughData, result.Status);
        Assert.Contains("no earlier edition", result.Explanation);
    }

    private static Figure Count(double value) => new(FigureKind.Count, value, null);

    private static Figure RatePer100K(double events)
    {
        var people = Count(100_000);
        return Figure.Derived(FigureKind.Rate, [Count(events), people], v => 1000 * v[0] / v[1]).Per(people);
    }

    private static void Publish(params Figure[] figures)
    {
        var table = new StatTable
        {
            Id = "t", Title = "t", Section = "service", RowHeader = "r", Columns = [], Lines = [],
            Rows = [new StatRow("r", figures)],
        };
        DisclosureControl.Apply(table, new DisclosureSettings());
    }
}
