using System.Globalization;
using ReportGen.Diagnostics;
using ReportGen.Rendering;
using ReportGen.Statistics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Statistics;

/// <summary>
/// The conventions police and Race Disparity Unit tables use, on crafted data with answers worked out by hand:
/// groupings (BME, Chinese under Asian or Other), intervals of gaps and ratios, the direction of a gap, precision and
/// rounding, date ranges, joint control of linked tables, and the checked totals of aggregate sheets.
/// </summary>
public sealed class ConventionsTests
{
    private const string StaffData = """
        sources:
          - id: staff
            file: data/staff.xlsx
            sheet: Staff
            fields: { ethnicity: Ethnicity, role: Role, outcome: Outcome, start_date: Start Date }
        """;

    private static DataEdition Staff(string statistics, params (string Ethnicity, string Role, string Outcome, int Times)[] people)
    {
        var data = new DataEdition(StaffData, statistics);
        var rows = new List<object?[]> { new object?[] { "Ethnicity", "Role", "Outcome", "Start Date" } };
        foreach (var (ethnicity, role, outcome, times) in people)
            for (var i = 0; i < times; i++) rows.Add([ethnicity, role, outcome, new DateTime(2016, 1 + i % 12, 1 + i % 28)]);
        data.Workbook("staff.xlsx", "Staff", rows);
        return data;
    }

    private static StatTable Only(DataEdition data)
    {
        var (tables, diagnostics) = EditionTables.Build(data.Folder);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        return Assert.Single(tables);
    }

    [Theory]
    [InlineData("5b", "Asian", 30)]
    [InlineData("5a", "Other", 25)]
    public void Chinese_is_counted_under_asian_or_under_other_as_the_grouping_says(string grouping, string chineseRow, int count)
    {
        using var data = Staff($"tables:\n  - {{ id: t, title: T, source: staff, rows: ethnicity, grouping: {grouping} }}\n",
            ("White", "Officer", "x", 100), ("Indian", "Officer", "x", 10), ("Chinese", "Officer", "x", 20), ("Arab", "Officer", "x", 5));
        var table = Only(data);

        Assert.Equal(count.ToString(CultureInfo.InvariantCulture), table.Row(chineseRow)["All:count"]);
        Assert.Contains(table.Notes, n => n.Contains(grouping == "5a" ? "Chinese is counted under Other" : "Chinese is counted under Asian", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bme_grouping_puts_everyone_not_white_together_and_says_so()
    {
        using var data = Staff("tables:\n  - { id: t, title: T, source: staff, rows: ethnicity, grouping: bme }\n",
            ("White - Irish", "Officer", "x", 40), ("White British", "Officer", "x", 50), ("Black", "Officer", "x", 6), ("Mixed", "Officer", "x", 4), ("Not stated", "Officer", "x", 5));
        var table = Only(data);

        Assert.Equal(["White", "Black, Asian and minority ethnic", "Not stated", "Total"], table.Rows.Select(r => r.Label));
        Assert.Equal("90", table.Row("White")["All:count"]);
        Assert.Equal("10", table.Row("Black, Asian and minority ethnic")["All:count"]);
        Assert.Equal("10.0", table.Row("Black, Asian and minority ethnic")["All:percent"]);
        Assert.Contains(table.Notes, n => n.StartsWith("'Black, Asian and minority ethnic' is everyone whose ethnic group is not White", StringComparison.Ordinal));
    }

    [Fact]
    public void Under_white_british_a_record_giving_only_white_is_not_stated_and_the_note_says_why()
    {
        using var data = Staff("tables:\n  - { id: t, title: T, source: staff, rows: ethnicity, grouping: white-british }\n",
            ("White British", "Officer", "x", 50), ("White - Irish", "Officer", "x", 10), ("White", "Officer", "x", 7), ("Asian", "Officer", "x", 8));
        var table = Only(data);

        Assert.Equal("50", table.Row("White British")["All:count"]);
        Assert.Equal("18", table.Row("Ethnic minorities (including White minorities)")["All:count"]);
        Assert.Equal("7", table.Row("Not stated")["All:count"]);
        Assert.Contains(table.Notes, n => n.Contains("give only the broad group White", StringComparison.Ordinal) && n.Contains("as not stated", StringComparison.Ordinal));
    }

    private const string SurveyTable = """
        tables:
          - id: t
            title: T
            kind: survey
            source: staff
            rows: ethnicity
            grouping: bme
            reference: White
            gap: {0}
            outcome: {{ field: outcome, success: [Yes] }}
        """;

    [Theory]
    [InlineData("group-minus-reference", "-10.0")]
    [InlineData("reference-minus-group", "10.0")]
    public void A_survey_gap_has_its_95_percent_interval_and_is_significant_exactly_when_the_interval_shown_excludes_zero(string direction, string gap)
    {
        // White 800 of 1,000 satisfied (80%), BME 70 of 100 (70%): ± 1.96 × √(0.8 × 0.2 / 1000 + 0.7 × 0.3 / 100) = ± 9.3 points.
        using var data = Staff(string.Format(CultureInfo.InvariantCulture, SurveyTable, direction),
            ("White", "-", "Yes", 800), ("White", "-", "No", 200), ("Black", "-", "Yes", 70), ("Black", "-", "No", 30));
        var row = Only(data).Row("Black, Asian and minority ethnic");

        Assert.Equal("70.0", row["percent"]);
        Assert.Equal(gap, row["gap"]);
        Assert.Equal("9.3", row["gap_margin"]);
        Assert.Equal("Yes", row["significant"]);
    }

    [Fact]
    public void A_gap_inside_its_interval_is_not_significant()
    {
        // White 80/100 (80%), BME 45/60 (75%): ± 1.96 × √(0.0016 + 0.003125) = ± 13.5 points, more than the 5.0 gap.
        using var data = Staff(string.Format(CultureInfo.InvariantCulture, SurveyTable, "group-minus-reference"),
            ("White", "-", "Yes", 80), ("White", "-", "No", 20), ("Asian", "-", "Yes", 45), ("Asian", "-", "No", 15));
        var row = Only(data).Row("Black, Asian and minority ethnic");

        Assert.Equal("-5.0", row["gap"]);
        Assert.Equal("13.5", row["gap_margin"]);
        Assert.Equal("No", row["significant"]);
    }

    [Fact]
    public void A_likelihood_ratio_has_its_katz_interval_and_a_proportion_table_needs_no_reference()
    {
        // White 200 of 1,000 promoted (20%), Black 20 of 200 (10%): ratio 0.50, se = √(1/20 − 1/200 + 1/200 − 1/1000) = 0.2214,
        // interval exp(ln 0.5 ± 1.96 × 0.2214) = 0.32 to 0.77, which excludes 1.
        using var data = Staff("""
            tables:
              - { id: t, title: T, kind: likelihood, source: staff, rows: ethnicity, reference: White, intervals: true, outcome: { field: outcome, success: [Promoted] } }
              - { id: p, title: P, kind: proportion, source: staff, rows: ethnicity, outcome: { field: outcome, success: [Promoted] } }
            """, ("White", "-", "Promoted", 200), ("White", "-", "No", 800), ("Black", "-", "Promoted", 20), ("Black", "-", "No", 180));
        var (tables, diagnostics) = EditionTables.Build(data.Folder);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);

        var black = tables.Single(t => t.Id == "t").Row("Black");
        Assert.Equal("0.50", black["ratio"]);
        Assert.Equal("Yes", black["flag"]);
        Assert.Equal("0.32", black["ratio_lower"]);
        Assert.Equal("0.77", black["ratio_upper"]);
        Assert.Equal("Yes", black["ratio_significant"]);
        var proportion = tables.Single(t => t.Id == "p");
        Assert.Equal(["candidates", "successes", "rate"], proportion.Columns.Select(c => c.Key));
        Assert.Equal("10.0", proportion.Row("Black")["rate"]);
    }

    [Fact]
    public void Precision_is_set_per_table_and_figures_are_rounded_half_away_from_zero_once()
    {
        // 1 of 8 is 12.5%: 12.50 to two places, 13 to none (half away from zero, not to even).
        using var data = Staff("""
            precision: { percent: 0 }
            tables:
              - { id: two, title: Two, source: staff, rows: role, precision: { percent: 2 } }
              - { id: none, title: None, source: staff, rows: role }
            """, ("White", "Officer", "-", 7), ("White", "Staff", "-", 49));
        var (tables, _) = EditionTables.Build(data.Folder);

        Assert.Equal("12.50", tables.Single(t => t.Id == "two").Row("Officer")["All:percent"]);
        Assert.Equal("13", tables.Single(t => t.Id == "none").Row("Officer")["All:percent"]);
        Assert.Equal(2.68, Figure.Round(2.675, 2));
        Assert.Equal(-2.68, Figure.Round(-2.675, 2));
        Assert.Equal("0.0", FigureFormat.ForMachines(Published(-0.04)));
    }

    private static Figure Published(double value)
    {
        var figure = Figure.Derived(FigureKind.PercentagePoints, [], _ => value);
        DisclosureControl.Apply(new StatTable { Id = "t", Title = "t", Section = "service", RowHeader = "r", Columns = [], Lines = [], Rows = [new StatRow("r", [figure])] }, new DisclosureSettings());
        return figure;
    }

    [Fact]
    public void A_date_range_keeps_the_records_from_the_start_of_its_first_month_to_the_end_of_its_last()
    {
        // Start dates run through 2016 (month = 1 + i % 12): April to June holds 3 of every 12.
        using var data = Staff("tables:\n  - { id: t, title: T, source: staff, where: { start_date: { from: 2016-04, to: 2016-06 } }, rows: role }\n",
            ("White", "Officer", "-", 120));
        Assert.Equal("30", Only(data).Row("Total")["All:count"]);
    }

    [Fact]
    public void A_count_withheld_in_one_table_is_withheld_in_every_table_that_shows_the_same_people()
    {
        // By ethnicity alone, Black (3) is withheld and so, to protect it, is the next smallest group, Mixed (6). The
        // cross-tabulation shows Mixed as a row total: unless it is withheld there too, 3 = total − the rest.
        using var data = Staff("""
            tables:
              - { id: by-ethnicity, title: A, source: staff, rows: ethnicity }
              - { id: by-role, title: B, source: staff, rows: ethnicity, columns: role }
            """, ("White", "Officer", "-", 60), ("White", "Staff", "-", 40), ("Black", "Officer", "-", 3), ("Mixed", "Staff", "-", 6), ("Asian", "Officer", "-", 20), ("Asian", "Staff", "-", 9));
        var (tables, _) = EditionTables.Build(data.Folder);
        var alone = tables.Single(t => t.Id == "by-ethnicity");
        var crossed = tables.Single(t => t.Id == "by-role");

        Assert.Equal(Symbols.Withheld, alone.Row("Black")["All:count"]);
        foreach (var group in new[] { "Asian", "Black", "Mixed", "White" })
            Assert.Equal(alone.Row(group)["All:count"] == Symbols.Withheld, crossed.Row(group)["Total:count"] == Symbols.Withheld);
        Assert.Empty(DisclosureControl.Verify(tables, new DisclosureSettings()));
    }

    [Fact]
    public void A_total_row_that_is_not_the_sum_of_its_rows_is_a_warning_at_its_cell()
    {
        using var data = new DataEdition("""
            sources:
              - id: officers
                file: data/officers.xlsx
                sheet: Officers
                kind: aggregate
                fields: { rank: Rank, sex: Sex, count: Headcount }
            """, "tables:\n  - { id: t, title: T, source: officers, rows: rank, columns: sex }\n");
        data.Workbook("officers.xlsx", "Officers",
        [
            ["Rank", "Sex", "Headcount"],
            ["Constable", "Female", 210.0], ["Constable", "Male", 560.0], ["Constable", "Total", 770.0],
            ["Sergeant", "Female", 30.0], ["Sergeant", "Male", 90.0], ["Sergeant", "Total", 125.0],
            ["Total", null, 890.0],
        ]);

        var (_, diagnostics) = EditionTables.Build(data.Folder);

        var warning = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.TotalMismatch);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("Officers!C7", warning.Location!.Cell);
        Assert.Contains("the total 125", warning.Message);
        Assert.Contains("2 rows it totals (120)", warning.Message);
    }

    [Fact]
    public void A_table_too_wide_for_the_page_is_printed_in_parts_that_hold_every_cell_once()
    {
        using var data = Staff("tables:\n  - { id: t, title: Wide, source: staff, rows: ethnicity, columns: role }\n",
            [.. Enumerable.Range(1, 8).Select(i => ("White", $"Role {i}", "-", 10 + i))]);
        var table = Only(data);
        var view = TableViewBuilder.Build(table, new DisclosureSettings(), CultureInfo.GetCultureInfo("en-GB"));

        Assert.Equal(18, view.Columns.Count);
        Assert.True(view.PrintParts.Count >= 2);
        Assert.All(view.PrintParts, p => Assert.InRange(p.Columns.Count, 2, TableViewBuilder.MaxPrintColumns));
        Assert.Equal(view.Columns, view.PrintParts.SelectMany(p => p.Columns));
        for (var r = 0; r < view.Rows.Count; r++)
            Assert.Equal(view.Rows[r].Cells, view.PrintParts.SelectMany(p => p.Rows[r].Cells));
        Assert.Equal("Wide (part 1 of 2)", view.PrintParts[0].Caption);
    }
}
