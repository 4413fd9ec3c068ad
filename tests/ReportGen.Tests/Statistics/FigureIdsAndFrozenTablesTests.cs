using ReportGen.Diagnostics;
using ReportGen.Statistics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Statistics;

/// <summary>Figure ids are stable slugs, unique within a table; frozen tables that cannot be used say why, at their file.</summary>
public sealed class FigureIdsAndFrozenTablesTests
{
    [Theory]
    [InlineData("Mixed / multiple ethnic groups", "mixed-multiple-ethnic-groups")]
    [InlineData("Black or Black British: African", "black-or-black-british-african")]
    [InlineData("  Not stated  ", "not-stated")]
    [InlineData("Cymraeg – Gŵyl", "cymraeg-gwyl")]
    [InlineData("All:percent", "all-percent")]
    [InlineData("16-24", "16-24")]
    [InlineData("!!!", "row")]
    public void A_label_becomes_a_slug_of_lower_case_letters_digits_and_hyphens(string label, string slug) =>
        Assert.Equal(slug, FigureIds.Slug(label, "row"));

    [Fact]
    public void Labels_that_give_the_same_slug_get_numbered_in_row_order_and_ids_do_not_depend_on_the_figures()
    {
        var ids = FigureIds.CellIds("t", ["Asian", "asian", "Asian!", "Black"], ["All:count", "All:percent"]);

        Assert.Equal(["t:asian:all-count", "t:asian-2:all-count", "t:asian-3:all-count", "t:black:all-count"], ids.Select(r => r[0]));
        Assert.Equal("t:black:all-percent", ids[3][1]);
        Assert.Equal(8, ids.SelectMany(r => r).Distinct().Count());
        Assert.Equal(ids.SelectMany(r => r), FigureIds.CellIds("t", ["Asian", "asian", "Asian!", "Black"], ["All:count", "All:percent"]).SelectMany(r => r));
    }

    private const string DataYaml = """
        sources:
          - id: staff
            title: Staff list
            file: data/staff.xlsx
            sheet: Staff
            fields: { team: Team, sex: Sex }
        """;

    private const string StatisticsYaml = "tables:\n  - id: teams\n    title: Staff by team\n    source: staff\n    rows: team\n    columns: sex\n";

    private static DataEdition Frozen()
    {
        var data = new DataEdition(DataYaml, StatisticsYaml);
        data.Workbook("staff.xlsx", "Staff", [["Team", "Sex"], .. Enumerable.Range(0, 60).Select(i => new object?[] { i % 2 == 0 ? "Neighbourhood" : "Response", i % 3 == 0 ? "Female" : "Male" })]);
        var (diagnostics, folder, tables) = new ReportBuilder(new BuildOptions(Path.Combine(data.Root, "out"), OutputFormats.Html, RepoPaths.Templates)).Freeze(data.Folder);
        Assert.True(folder is not null, string.Join("\n", diagnostics));
        Assert.Equal(1, tables);
        File.Delete(Path.Combine(data.Folder, "data", "staff.xlsx"));
        return data;
    }

    private static IReadOnlyList<Diagnostic> Check(DataEdition data) =>
        new ReportBuilder(new BuildOptions(Path.Combine(data.Root, "out"), OutputFormats.Html, RepoPaths.Templates)).Check(data.Folder);

    [Fact]
    public void A_frozen_edition_checks_clean_without_its_workbook()
    {
        using var data = Frozen();
        Assert.DoesNotContain(Check(data), d => d.Severity == Severity.Error);
    }

    [Fact]
    public void A_frozen_table_that_cannot_be_read_is_an_error_at_its_file()
    {
        using var data = Frozen();
        File.WriteAllText(Path.Combine(data.Folder, "frozen", "teams.json"), "{ \"id\": \"teams\", \"figures\": [ { \"id\": 1 } ] }");

        var error = Assert.Single(Check(data), d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.FrozenUnreadable, error.Code);
        Assert.Contains("frozen/teams.json: error RG0214: cannot be read as a frozen table", error.ToString());
    }

    [Fact]
    public void A_table_declared_after_the_freeze_is_an_error_while_its_workbook_is_gone_and_a_changed_declaration_a_warning()
    {
        using var data = Frozen();
        File.AppendAllText(Path.Combine(data.Folder, "statistics.yaml"), "  - id: sexes\n    title: Staff by sex\n    source: staff\n    rows: sex\n");

        var diagnostics = Check(data);
        Assert.Contains(diagnostics, d => d.Severity == Severity.Warning && d.Code == DiagnosticCodes.FrozenUnreadable && d.Message.StartsWith("statistics.yaml has changed since the tables were frozen", StringComparison.Ordinal));
        var error = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains("table 'sexes' is declared in statistics.yaml but was not frozen, and its workbook is gone", error.Message);
    }

    [Fact]
    public void An_edition_whose_workbook_is_gone_and_that_was_never_frozen_says_the_workbook_is_missing()
    {
        using var data = Frozen();
        Directory.Delete(Path.Combine(data.Folder, "frozen"), recursive: true);

        Assert.Contains(Check(data), d => d.Severity == Severity.Error && d.Code == DiagnosticCodes.DataFileMissing);
    }
}
