using ReportGen.Content;
using ReportGen.Diagnostics;
using ReportGen.Rendering;
using ReportGen.Statistics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Statistics;

/// <summary>Rates, relative likelihoods and survey estimates on crafted data with answers worked out by hand.</summary>
public sealed class ComparisonBuilderTests
{
    private const string DataYaml = """
        sources:
          - id: events
            title: Crafted records
            file: data/events.xlsx
            sheet: Events
            fields: { ethnicity: Ethnicity, outcome: Outcome }
          - id: population
            file: data/population.xlsx
            sheet: Population
            kind: aggregate
            fields: { ethnicity: Ethnic group, count: People }
        """;

    private static StatTable Build(string tableYaml, params (string Ethnicity, string Outcome, int Times)[] events)
    {
        using var data = new DataEdition(DataYaml, "disclosure: { minimum_base: 50 }\ntables:\n" + tableYaml);
        var rows = new List<object?[]> { new object?[] { "Ethnicity", "Outcome" } };
        foreach (var (ethnicity, outcome, times) in events)
            for (var i = 0; i < times; i++) rows.Add([ethnicity, outcome]);
        data.Workbook("events.xlsx", "Events", rows);
        data.Workbook("population.xlsx", "Population", [["Ethnic group", "People"], ["White", 100000.0], ["Black", 5000.0], ["Asian", 10000.0]]);
        var diagnostics = new DiagnosticBag();
        var edition = EditionLoader.Load(data.Folder, diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
        var tables = StatisticsBuilder.Build(edition, StatisticsBuilder.ReadSources(edition, diagnostics), diagnostics);
        // The population source serves only the rate table; elsewhere it is (rightly) warned about as unused.
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error);
        return Assert.Single(tables);
    }


    [Fact]
    public void Rate_per_1000_and_times_as_likely_as_the_reference_group()
    {
        // White: 200 per 100,000 = 2.0 per 1,000. Black: 35 per 5,000 = 7.0 per 1,000, 3.5 times as likely.
        var table = Build("""
              - id: stops
                title: Stops
                kind: rate
                source: events
                rows: ethnicity
                benchmark: { source: population }
                reference: White
            """, ("White", "x", 200), ("Black", "x", 35), ("Asian", "x", 30));

        Assert.Equal("2.0", table.Cell("White", "rate"));
        Assert.Equal("7.0", table.Cell("Black", "rate"));
        Assert.Equal("3.50", table.Cell("Black", "ratio"));
        Assert.Equal("1.50", table.Cell("Asian", "ratio"));   // 3.0 / 2.0
        Assert.Equal("1.00", table.Cell("White", "ratio"));
        Assert.Equal("2.3", table.Cell("Total", "rate"));     // 265 per 115,000 = 2.30
    }

    [Fact]
    public void Relative_likelihood_is_flagged_below_four_fifths()
    {
        // White: 30 of 100 appointed (30%). Asian: 9 of 50 (18%), 0.60 — flagged. Black: 14 of 50 (28%), 0.93.
        var table = Build("""
              - id: appointments
                title: Appointments
                kind: likelihood
                source: events
                rows: ethnicity
                reference: White
                outcome: { field: outcome, success: [Appointed], label: Appointed }
            """,
            ("White", "Appointed", 30), ("White", "Unsuccessful", 70), ("Asian", "Appointed", 9), ("Asian", "Unsuccessful", 41),
            ("Black", "Appointed", 14), ("Black", "Unsuccessful", 36));

        Assert.Equal("30.0", table.Cell("White", "rate"));
        Assert.Equal("0.60", table.Cell("Asian", "ratio"));
        Assert.Equal("Yes", table.Cell("Asian", "flag"));
        Assert.Equal("0.93", table.Cell("Black", "ratio"));
        Assert.Equal("No", table.Cell("Black", "flag"));
        Assert.Equal("53", table.Cell("Total", "successes"));
    }

    [Fact]
    public void Survey_estimate_has_a_wilson_interval_a_tested_gap_and_a_minimum_base()
    {
        // White: 160 of 200 satisfied (80.0%, interval 73.9–85.0). Black: 45 of 60 (75.0%), gap −5.0, p = 0.37.
        // Asian: 30 of 40 — under the minimum base of 50, so not shown.
        var table = Build("""
              - id: satisfaction
                title: Satisfaction
                kind: survey
                source: events
                rows: ethnicity
                reference: White
                outcome: { field: outcome, success: [Very satisfied, Fairly satisfied], label: Satisfied }
            """,
            ("White", "Very satisfied", 100), ("White", "Fairly satisfied", 60), ("White", "Dissatisfied", 40),
            ("Black", "Fairly satisfied", 45), ("Black", "Dissatisfied", 15), ("Asian", "Very satisfied", 30), ("Asian", "Dissatisfied", 10));

        Assert.Equal("80.0", table.Cell("White", "percent"));
        Assert.Equal("73.9", table.Cell("White", "lower"));
        Assert.Equal("85.0", table.Cell("White", "upper"));
        Assert.Equal("75.0", table.Cell("Black", "percent"));
        Assert.Equal("-5.0", table.Cell("Black", "gap"));
        Assert.Equal("No", table.Cell("Black", "significant"));
        Assert.Equal("40", table.Cell("Asian", "responses"));
        Assert.Equal("?", table.Cell("Asian", "percent"));
        Assert.Equal("?", table.Cell("Asian", "lower"));
        Assert.Equal("?", table.Cell("Asian", "gap"));
    }
}
