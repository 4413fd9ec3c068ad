using ReportGen.Content;
using ReportGen.Data;
using ReportGen.Diagnostics;
using ReportGen.Statistics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Statistics;

/// <summary>Worked examples with answers worked out by hand.</summary>
public sealed class BreakdownBuilderTests
{
    private const string DataYaml = """
        sources:
          - id: staff
            title: Staff list
            file: data/staff.xlsx
            sheet: Staff
            fields: { role: Role, ethnicity: Ethnicity }
          - id: population
            title: Census 2011
            file: data/census.xlsx
            sheet: Census
            kind: aggregate
            fields: { ethnicity: Ethnic group, count: People }
        """;

    private static (StatTable Table, DiagnosticBag Diagnostics) Build(string statisticsYaml, params (string Role, string Ethnicity, int Times)[] staff)
    {
        using var data = new DataEdition(DataYaml, statisticsYaml);
        var rows = new List<object?[]> { new object?[] { "Role", "Ethnicity" } };
        foreach (var (role, ethnicity, times) in staff)
            for (var i = 0; i < times; i++) rows.Add([role, ethnicity]);
        data.Workbook("staff.xlsx", "Staff", rows);
        data.Workbook("census.xlsx", "Census", [["Ethnic group", "People"], ["White", 800.0], ["Asian", 100.0], ["Black", 60.0], ["Mixed", 30.0], ["Other", 10.0]]);

        var diagnostics = new DiagnosticBag();
        var edition = EditionLoader.Load(data.Folder, diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
        var sources = StatisticsBuilder.ReadSources(edition, diagnostics);
        var tables = StatisticsBuilder.Build(edition, sources, diagnostics);
        return (Assert.Single(tables), diagnostics);
    }


    [Fact]
    public void A_table_split_by_columns_compares_its_total_column_with_the_benchmark()
    {
        // Officers: White 60 and 10 each of the others; staff: White 80 and 5 each. Total 200: White 140, others 15 each.
        var (table, diagnostics) = Build("""
            tables:
              - id: by-ethnicity-and-role
                title: Staff by ethnic group and role
                source: staff
                rows: ethnicity
                columns: role
                benchmark: { source: population, label: Population (Census 2011) }
            """,
            ("Officer", "White", 60), ("Officer", "Asian", 10), ("Officer", "Black", 10), ("Officer", "Mixed", 10), ("Officer", "Other", 10),
            ("Staff", "White", 80), ("Staff", "Asian", 5), ("Staff", "Black", 5), ("Staff", "Mixed", 5), ("Staff", "Other", 5));

        Assert.Empty(diagnostics.Items);
        Assert.Equal(["Officer", "Officer", "Staff", "Staff", "Total", "Total", "Population (Census 2011)", "Population (Census 2011)"], table.Columns.Select(c => c.Group));
        Assert.Equal("Difference from Total (percentage points)", table.Columns[^1].Header);
        Assert.Equal("60.0", table.Cell("White", "Officer:percent"));
        Assert.Equal("70.0", table.Cell("White", "Total:percent"));         // 140 / 200
        Assert.Equal("80.0", table.Cell("White", "benchmark:percent"));     // 800 / 1000
        Assert.Equal("-10.0", table.Cell("White", "benchmark:difference")); // 70.0 − 80.0
        Assert.Equal("-2.5", table.Cell("Asian", "benchmark:difference"));  // 7.5 − 10.0
        Assert.Equal("1.5", table.Cell("Black", "benchmark:difference"));   // 7.5 − 6.0
        Assert.Equal("6.5", table.Cell("Other", "benchmark:difference"));   // 7.5 − 1.0
        Assert.Equal("N/A", table.Cell("Total", "benchmark:difference"));
    }

    [Fact]
    public void Percentages_are_of_those_who_stated_with_the_not_stated_share_beside_and_benchmark_difference()
    {
        // 100 people: White 72, Asian 10, Black 6, Mixed 5, Other 2, Not stated 5. Known = 95.
        var (table, diagnostics) = Build("""
            tables:
              - id: by-ethnicity
                title: Staff by ethnic group
                source: staff
                rows: ethnicity
                benchmark: { source: population, label: Population (Census 2011) }
            """,
            ("Officer", "White", 72), ("Officer", "Asian", 10), ("Officer", "Black", 6), ("Officer", "Mixed", 5), ("Officer", "Other", 2), ("Officer", "Not stated", 5));

        Assert.Empty(diagnostics.Items);
        Assert.Equal("72", table.Cell("White", "All:count"));
        Assert.Equal("75.8", table.Cell("White", "All:percent"));        // 72 / 95
        Assert.Equal("10.5", table.Cell("Asian", "All:percent"));        // 10 / 95
        Assert.Equal("80.0", table.Cell("White", "benchmark:percent"));  // 800 / 1000
        Assert.Equal("-4.2", table.Cell("White", "benchmark:difference")); // 75.79 − 80.00
        Assert.Equal("0.5", table.Cell("Asian", "benchmark:difference"));  // 10.53 − 10.00
        Assert.Equal("N/A", table.Cell("Not stated", "All:percent"));
        Assert.Equal("100", table.Cell("Total", "All:count"));
        Assert.Equal(5.0, table.NoteFigures["not-stated-share"].Published);
        // Other (2) is withheld; the next smallest count, Not stated (5), goes with it, and so do their percentages.
        Assert.Equal("!", table.Cell("Other", "All:count"));
        Assert.Equal("!", table.Cell("Other", "All:percent"));
        Assert.Equal("!", table.Cell("Other", "benchmark:difference"));
        Assert.Equal("1.0", table.Cell("Other", "benchmark:percent"));    // 10 / 1000
    }

    [Fact]
    public void Every_figure_keeps_the_source_rows_that_fed_it()
    {
        var (table, _) = Build("""
            tables:
              - id: by-ethnicity
                title: Staff by ethnic group
                source: staff
                rows: ethnicity
            """, ("Officer", "White", 6), ("Officer", "Black", 5));

        var black = table.Rows.Single(r => r.Label == "Black").Cells[0];
        Assert.Equal(5, black.Value);
        Assert.Equal("staff", black.Provenance!.SourceId);
        Assert.Equal("Staff", black.Provenance.Sheet);
        Assert.EndsWith("data/staff.xlsx", black.Provenance.File);
        Assert.Equal([8, 9, 10, 11, 12], black.Provenance.Rows);
    }

    [Fact]
    public void A_cross_tabulation_splits_counts_by_a_second_field_with_row_and_column_totals_protected()
    {
        var (table, _) = Build("""
            tables:
              - id: ethnicity-by-role
                title: Ethnic group by role
                source: staff
                rows: ethnicity
                columns: role
            """, ("Officer", "White", 40), ("Officer", "Black", 3), ("Staff", "White", 30), ("Staff", "Black", 8), ("Staff", "Asian", 6));

        Assert.Equal(["Officer", "Staff", "Total"], table.Columns.Select(c => c.Group).Distinct());
        // Black officers (3) are withheld. In the officers' column the only other non-zero count is White (40), so it
        // goes too; that leaves White staff (30) alone in the White row, and Black staff (8) alone in the Black row.
        Assert.Equal("!", table.Cell("Black", "Officer:count"));
        Assert.Equal("!", table.Cell("White", "Officer:count"));
        Assert.Equal("!", table.Cell("White", "Staff:count"));
        Assert.Equal("!", table.Cell("Black", "Staff:count"));
        Assert.Equal("0", table.Cell("Asian", "Officer:count"));
        Assert.Equal("6", table.Cell("Asian", "Staff:count"));
        Assert.Equal("87", table.Cell("Total", "Total:count"));
        Assert.Empty(DisclosureControl.Verify(table, new DisclosureSettings()));
        Assert.DoesNotContain(table.AllFigures, f => f.Kind == FigureKind.Count && f.Published is > 0 and < 5);
    }
}
