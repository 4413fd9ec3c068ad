using ReportGen.Diagnostics;
using ReportGen.Statistics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Statistics;

/// <summary>
/// The defects found by rebuilding published police figures from real inputs, each reproduced from its real case:
/// City of London's three Gypsy or Irish Traveller residents, the "West Midland" typo, Kent's population read as
/// nearly all White, FTE treated as people, and "Mixed/Other" filed under Mixed.
/// </summary>
public sealed class RealDataDefectsTests
{
    /// <summary>Census 2011 QS201EW, City of London police force area (../shared/data/census2011_ethnic_group_by_police_force_area.csv).</summary>
    private static readonly (string Label, double People)[] CityOfLondon =
    [
        ("White: English/Welsh/Scottish/Northern Irish/British", 4243), ("White: Irish", 180), ("White: Gypsy or Irish Traveller", 3),
        ("White: Other White", 1373), ("Mixed/multiple ethnic group: White and Black Caribbean", 38),
        ("Mixed/multiple ethnic group: White and Black African", 37), ("Mixed/multiple ethnic group: White and Asian", 111),
        ("Mixed/multiple ethnic group: Other Mixed", 103), ("Asian/Asian British: Indian", 216), ("Asian/Asian British: Pakistani", 16),
        ("Asian/Asian British: Bangladeshi", 232), ("Asian/Asian British: Chinese", 263), ("Asian/Asian British: Other Asian", 213),
        ("Black/African/Caribbean/Black British: African", 98), ("Black/African/Caribbean/Black British: Caribbean", 46),
        ("Black/African/Caribbean/Black British: Other Black", 49), ("Other ethnic group: Arab", 69), ("Other ethnic group: Any other ethnic group", 85),
    ];

    private static string StopsAndPopulation(bool populationIsPublic) => $$"""
        sources:
          - id: stops
            file: data/stops.xlsx
            sheet: Stops
            fields: { ethnicity: Ethnicity, force: Force }
          - id: population
            title: Census 2011 (QS201EW)
            file: data/population.xlsx
            sheet: Population
            kind: aggregate
            public: {{(populationIsPublic ? "true" : "false")}}
            fields: { ethnicity: Ethnic group, count: Usual residents }
        """;

    private static void WriteStops(DataEdition data, params (string Ethnicity, string Force, int Times)[] stops)
    {
        var rows = new List<object?[]> { new object?[] { "Ethnicity", "Force" } };
        foreach (var (ethnicity, force, times) in stops)
            for (var i = 0; i < times; i++) rows.Add([ethnicity, force]);
        data.Workbook("stops.xlsx", "Stops", rows);
    }

    private static void WritePopulation(DataEdition data, IEnumerable<(string Label, double People)> groups) =>
        data.Workbook("population.xlsx", "Population", [["Ethnic group", "Usual residents"], .. groups.Select(g => new object?[] { g.Label, g.People })]);

    private const string CategoryRateTable = """
        tables:
          - id: stop-rate
            title: Stops per 1,000 people by ethnic category
            kind: rate
            source: stops
            rows: ethnicity
            level: category
            benchmark: { source: population }
            reference: English, Welsh, Scottish, Northern Irish or British
        """;

    /// <summary>Stops in the City of London by ethnic category, per head of its Census 2011 population.</summary>
    private static StatTable CityOfLondonRates(bool populationIsPublic)
    {
        using var data = new DataEdition(StopsAndPopulation(populationIsPublic), CategoryRateTable);
        WriteStops(data, ("White - British", "City of London", 120), ("White - Irish", "City of London", 6), ("Asian - Bangladeshi", "City of London", 14));
        WritePopulation(data, CityOfLondon);
        var (tables, diagnostics) = EditionTables.Build(data.Folder);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        return Assert.Single(tables);
    }

    [Fact]
    public void A_public_population_group_of_3_is_shown_as_published_and_never_fails_disclosure_control()
    {
        var table = CityOfLondonRates(populationIsPublic: true);
        var gypsy = table.Row("Gypsy or Irish Traveller");
        Assert.Equal("3", gypsy["population"]);
        Assert.Equal("0", gypsy["count"]);
        Assert.Equal("0.0", gypsy["rate"]);
        Assert.Equal("7375", table.Row("Total")["population"]);
    }

    [Fact]
    public void A_population_that_is_not_declared_public_is_controlled_like_any_count_and_the_build_still_succeeds()
    {
        var gypsy = CityOfLondonRates(populationIsPublic: false).Row("Gypsy or Irish Traveller");
        Assert.Equal(Symbols.Withheld, gypsy["population"]);
        Assert.Equal(Symbols.Withheld, gypsy["rate"]);
    }

    [Fact]
    public void A_filter_value_that_matches_nothing_is_an_error_naming_the_value_the_source_and_the_closest_values()
    {
        using var data = new DataEdition(StopsAndPopulation(populationIsPublic: true), """
            tables:
              - id: stops
                title: Stops in the West Midlands
                source: stops
                where: { force: West Midland }
                rows: ethnicity
            """);
        WriteStops(data, ("White", "West Midlands", 50), ("Black", "West Midlands", 20), ("White", "Staffordshire", 30));
        WritePopulation(data, CityOfLondon);

        var (_, diagnostics) = EditionTables.Build(data.Folder);

        var error = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.FilterMatchesNothing);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("'West Midland' matches no row of source 'stops'", error.Message);
        Assert.Contains("'West Midlands'", error.Message);
        Assert.EndsWith("statistics.yaml", error.Location!.File);
        Assert.Equal(5, error.Location.Line);
    }

    [Fact]
    public void A_benchmark_filter_on_a_field_the_population_does_not_have_is_a_located_error_not_a_crash()
    {
        using var data = new DataEdition(StopsAndPopulation(populationIsPublic: true), """
            tables:
              - id: stops
                title: Stops by ethnic group
                source: stops
                rows: ethnicity
                benchmark:
                  source: population
                  where: { force: West Midlands }
            """);
        WriteStops(data, ("White", "West Midlands", 50), ("Black", "West Midlands", 20));
        WritePopulation(data, CityOfLondon);

        var (_, diagnostics) = EditionTables.Build(data.Folder);

        var error = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.InvalidValue, error.Code);
        Assert.Contains("source 'population' has no field 'force'", error.Message);
        Assert.Equal(8, error.Location!.Line);
    }

    /// <summary>Census 2011 Kent, in the groups police tables use (../shared/data/census2011_police_defined_groups_by_pfa_counts.csv).</summary>
    private static readonly (string Group, double People)[] Kent =
        [("White", 1607681), ("Black", 22879), ("Asian", 54186), ("Chinese", 7043), ("Mixed", 27283), ("Other", 8593)];

    [Fact]
    public void With_text_rows_the_benchmark_rests_on_the_whole_population_not_only_the_groups_in_the_data()
    {
        // Officer-defined ethnicity, read as text: the stops hold only White and Black, yet Kent is 93.1% White.
        using var data = new DataEdition("""
            sources:
              - id: stops
                file: data/stops.xlsx
                sheet: Stops
                fields: { officer_defined: Officer-defined ethnicity }
              - id: population
                file: data/population.xlsx
                sheet: Population
                kind: aggregate
                public: true
                fields: { officer_defined: Ethnic group, count: Usual residents }
            """, """
            tables:
              - id: stops
                title: Stops by officer-defined ethnicity
                source: stops
                rows: officer_defined
                benchmark: { source: population }
              - id: stop-rate
                title: Stops per 1,000 people
                kind: rate
                source: stops
                rows: officer_defined
                benchmark: { source: population }
                reference: White
            """);
        var rows = new List<object?[]> { new object?[] { "Officer-defined ethnicity" } };
        rows.AddRange(Enumerable.Repeat(new object?[] { "White" }, 3000));
        rows.AddRange(Enumerable.Repeat(new object?[] { "BLACK" }, 400));
        data.Workbook("stops.xlsx", "Stops", rows);
        data.Workbook("population.xlsx", "Population", [["Ethnic group", "Usual residents"], .. Kent.Select(k => new object?[] { k.Group, k.People })]);

        var (tables, diagnostics) = EditionTables.Build(data.Folder);

        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        var breakdown = tables.Single(t => t.Id == "stops");
        Assert.Equal(["Asian", "BLACK", "Chinese", "Mixed", "Other", "White", "Total"], breakdown.Rows.Select(r => r.Label));
        Assert.Equal("93.1", breakdown.Row("White")["benchmark:percent"]);
        Assert.Equal("1.3", breakdown.Row("BLACK")["benchmark:percent"]);
        Assert.Equal("0", breakdown.Row("Asian")["All:count"]);
        // 3,400 stops over 1,727,665 people: 2.0 per 1,000, not 3400 / (1607681 + 22879) = 2.1.
        Assert.Equal("2.0", tables.Single(t => t.Id == "stop-rate").Row("Total")["rate"]);
        Assert.Equal("1727665", tables.Single(t => t.Id == "stop-rate").Row("Total")["population"]);
    }

    [Fact]
    public void Fte_is_its_own_unit_published_to_one_decimal_and_withheld_only_with_the_people_behind_it()
    {
        using var data = new DataEdition("""
            sources:
              - id: officers
                file: data/officers.xlsx
                sheet: Officers
                kind: aggregate
                unit: fte
                fields: { rank: Rank, sex: Sex, count: FTE, headcount: Headcount }
            """, """
            tables:
              - id: fte-by-rank
                title: Officers (FTE) by rank and sex
                source: officers
                rows: rank
                columns: sex
            """);
        data.Workbook("officers.xlsx", "Officers",
        [
            ["Rank", "Sex", "Headcount", "FTE"],
            ["Constable", "Female", 210.0, 187.43], ["Constable", "Male", 560.0, 551.2],
            ["Sergeant", "Female", 3.0, 2.5], ["Sergeant", "Male", 41.0, 40.6],
            ["Inspector", "Female", 6.0, 3.6], ["Inspector", "Male", 30.0, 29.5],
            ["Chief Officer", "Female", 2.0, 2.0], ["Chief Officer", "Male", 7.0, 7.0],
        ]);

        var (tables, diagnostics) = EditionTables.Build(data.Folder);

        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        var table = Assert.Single(tables);
        Assert.Equal("FTE", table.Columns.First().Header);
        Assert.Equal(FigureKind.Fte, table.Columns.First().Kind);
        Assert.Equal("187.4", table.Row("Constable")["Female:count"]);
        // 3.6 FTE is six people: published. Three women sergeants and two women chief officers: withheld, with what
        // would give them away (the men of their ranks).
        Assert.Equal("3.6", table.Row("Inspector")["Female:count"]);
        Assert.Equal(Symbols.Withheld, table.Row("Sergeant")["Female:count"]);
        Assert.Equal(Symbols.Withheld, table.Row("Chief Officer")["Female:count"]);
        Assert.Equal(Symbols.Withheld, table.Row("Chief Officer")["Male:count"]);
        Assert.Equal("823.8", table.Row("Total")["Total:count"]);
    }

    [Fact]
    public void An_fte_source_that_is_not_public_needs_the_headcount_behind_it()
    {
        using var data = new DataEdition("""
            sources:
              - id: officers
                file: data/officers.xlsx
                sheet: Officers
                kind: aggregate
                unit: fte
                fields: { rank: Rank, count: FTE }
            """, """
            tables:
              - id: fte-by-rank
                title: Officers (FTE) by rank
                source: officers
                rows: rank
            """);
        data.Workbook("officers.xlsx", "Officers", [["Rank", "FTE"], ["Constable", 187.4]]);

        var (_, diagnostics) = EditionTables.Build(data.Folder);

        var error = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains("needs a 'headcount' field", error.Message);
        Assert.Equal(2, error.Location!.Line);
    }

    private const string MergedData = """
        sources:
          - id: staff
            file: data/staff.xlsx
            sheet: Staff
            fields: { ethnicity: Ethnicity }
          - id: population
            file: data/population.xlsx
            sheet: Population
            kind: aggregate
            public: true
            fields: { ethnicity: Ethnic group, count: Usual residents }
        """;

    private const string BenchmarkTable = """
        tables:
          - id: staff
            title: Staff by ethnic group
            source: staff
            rows: ethnicity
            benchmark: { source: population }
        """;

    private static void WriteMergedStaff(DataEdition data)
    {
        var rows = new List<object?[]> { new object?[] { "Ethnicity" } };
        foreach (var (label, times) in new[] { ("White", 900), ("Asian", 40), ("Black", 20), ("Mixed/Other", 30) })
            rows.AddRange(Enumerable.Repeat(new object?[] { label }, times));
        data.Workbook("staff.xlsx", "Staff", rows);
        data.Workbook("population.xlsx", "Population", [["Ethnic group", "Usual residents"], ["White", 9000.0], ["Asian", 500.0], ["Black", 200.0], ["Mixed", 200.0], ["Other", 100.0]]);
    }

    [Fact]
    public void A_label_naming_two_groups_is_never_suggested_as_one_of_them()
    {
        using var data = new DataEdition(MergedData, BenchmarkTable);
        WriteMergedStaff(data);

        var (_, diagnostics) = EditionTables.Build(data.Folder);

        var error = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.UnknownLabel);
        Assert.DoesNotContain("did you mean", error.Message);
        Assert.Contains("names more than one ethnicity group (Mixed, Other)", error.Message);
        Assert.Contains("'Mixed/Other: [Mixed, Other]'", error.Message);
    }

    [Fact]
    public void A_merged_label_declared_in_data_yaml_joins_its_groups_in_the_table_and_in_the_population()
    {
        using var data = new DataEdition(MergedData + "\nmerged:\n  ethnicity:\n    Mixed/Other: [Mixed, Other]\n", BenchmarkTable);
        WriteMergedStaff(data);

        var (tables, diagnostics) = EditionTables.Build(data.Folder);

        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        var table = Assert.Single(tables);
        Assert.Equal(["Asian", "Black", "Mixed/Other", "White", "Not stated", "Total"], table.Rows.Select(r => r.Label));
        Assert.Equal("30", table.Row("Mixed/Other")["All:count"]);
        Assert.Equal("3.0", table.Row("Mixed/Other")["benchmark:percent"]);   // (200 + 100) / 10,000
        Assert.Contains(table.Notes, n => n.Contains("gives Mixed and Other together as 'Mixed/Other'", StringComparison.Ordinal));
    }
}
