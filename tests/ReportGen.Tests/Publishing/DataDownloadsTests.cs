using ClosedXML.Excel;
using ReportGen.Content;
using ReportGen.Diagnostics;
using ReportGen.Publishing;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Publishing;

/// <summary>
/// The spreadsheet download can hold every text the report has, or check says which cannot: whenever check passes,
/// build writes it.
/// </summary>
public sealed class DataDownloadsTests
{
    private const string DataYaml = """
        sources:
          - id: staff
            title: Staff list
            file: data/staff.xlsx
            sheet: Staff
            fields: { team: Team, sex: Sex }
        """;

    private static string Statistics(string title) =>
        $"tables:\n  - id: teams\n    title: {title}\n    source: staff\n    rows: team\n    columns: sex\n    notes: [A note.]\n";

    private static void Staff(DataEdition data, string team) =>
        data.Workbook("staff.xlsx", "Staff", [["Team", "Sex"], .. Enumerable.Range(0, 40).Select(i => new object?[] { i % 2 == 0 ? team : "Response", i % 3 == 0 ? "Female" : "Male" })]);

    /// <summary>
    /// Both layouts of the workbook: the one default@1 to default@4 publish, and ONS's (from default@5), which the
    /// newest set gives a draft.
    /// </summary>
    [Theory]
    [InlineData("default@4")]
    [InlineData(null)]
    public async Task Every_text_cell_of_the_written_workbook_is_one_that_check_looks_at(string? template)
    {
        using var data = new DataEdition(DataYaml, Statistics("Staff by team and sex"));
        Staff(data, "Neighbourhood");
        var yaml = Path.Combine(data.Folder, "edition.yaml");
        if (template is not null) File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("edition:\n", $"edition:\n  template: {template}\n", StringComparison.Ordinal));
        await using var builder = new ReportBuilder(new BuildOptions(Path.Combine(data.Root, "out"), OutputFormats.Html, RepoPaths.Templates));
        var result = await builder.BuildAsync(data.Folder);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var loading = new DiagnosticBag();
        var edition = EditionLoader.Load(data.Folder, loading)!;
        var (tables, _) = EditionTables.Build(data.Folder);
        var ons = template is null;
        var checkedTexts = DataDownloads.WorkbookTexts(tables, edition, figureIds: true, ons).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        using var workbook = new XLWorkbook(Path.Combine(result.OutputFolder!, "data", DataDownloads.WorkbookName));
        // The fixed wording of the meta sheets (their titles, lines and headings, sheet names, note numbers and cell
        // references) is ReportGen's own; every other text comes from the edition.
        var fixedWords = (ons
            ? new[] { "Contents", "Notes", OnsWorkbook.FigureIdsSheet }.SelectMany(n => workbook.Worksheet(n).Range("A1:E3").CellsUsed().Concat(workbook.Worksheet(n).Column(1).CellsUsed()))
                .Concat(workbook.Worksheet(OnsWorkbook.FigureIdsSheet).Columns(2, 3).CellsUsed())
            : workbook.Worksheet("Contents").Range("A2:C4").CellsUsed()
                .Concat(workbook.Worksheet(DataDownloads.FigureIdsSheet).Range("A1:E3").CellsUsed())
                .Concat(workbook.Worksheet(DataDownloads.FigureIdsSheet).Column(3).CellsUsed()))
            .Select(c => c.GetString())
            .Concat(ons ? [OnsWorkbook.NotesTitle, OnsWorkbook.FigureIdsTitle] : [])
            .Concat(workbook.Worksheets.Skip(1).Select(w => w.Name)).ToHashSet(StringComparer.Ordinal);
        var texts = workbook.Worksheets.SelectMany(w => w.CellsUsed()).Where(c => c.DataType == XLDataType.Text).Select(c => c.GetString()).ToList();
        Assert.Contains("Neighbourhood", texts);
        Assert.All(texts.Where(t => !fixedWords.Contains(t) && !FigureSymbol(t)), t =>
            Assert.True(checkedTexts.Contains(t) || checkedTexts.Any(c => c.EndsWith(t, StringComparison.Ordinal)) || CoveredId(t), $"'{t}' is written but not checked"));

        // A figure id is checked through the longest id of its table: if that fits a cell, every id of the table does.
        bool CoveredId(string text) => text.Split(':') is [var table, _, _] &&
            checkedTexts.Any(c => c.StartsWith(table + ":", StringComparison.Ordinal) && c.Count(ch => ch == ':') == 2 && c.Length >= text.Length);
    }

    private static bool FigureSymbol(string text) => text is "!" or "?" or "-" or "N/A" or "~0" || text.StartsWith('±');

    [Fact]
    public void A_title_longer_than_a_spreadsheet_cell_holds_is_an_error_at_its_table()
    {
        using var data = new DataEdition(DataYaml, Statistics(new string('T', DataDownloads.MaxCellText + 1)));
        Staff(data, "Neighbourhood");

        var diagnostics = new ReportBuilder(new BuildOptions(Path.Combine(data.Root, "out"), OutputFormats.Html, RepoPaths.Templates)).Check(data.Folder);

        var error = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.EndsWith("statistics.yaml(2,5): error RG0102: the title of table 'teams' is 32,768 characters long, and a spreadsheet cell (so the table's download in all-tables.xlsx) holds at most 32,767; shorten it", error.ToString());
    }

    [Fact]
    public void A_workbook_label_longer_than_a_spreadsheet_cell_holds_is_an_error_not_a_crash_of_build()
    {
        using var data = new DataEdition(DataYaml, Statistics("Staff by team and sex"));
        // A text cell holds at most 32,767 characters in Excel, but other programs write longer ones.
        var label = string.Concat(Enumerable.Repeat("Neighbourhood ", 2_400));
        Staff(data, "N");
        var path = Path.Combine(data.Folder, "data", "staff.xlsx");
        HostileWorkbooks.Minimal(path + ".long", "Staff",
            $"""<row r="1">{HostileWorkbooks.Text("A1", "Team")}{HostileWorkbooks.Text("B1", "Sex")}</row>""" +
            string.Concat(Enumerable.Range(2, 30).Select(r => $"""<row r="{r}">{HostileWorkbooks.Text($"A{r}", r % 2 == 0 ? label : "Response")}{HostileWorkbooks.Text($"B{r}", "Male")}</row>""")));
        File.Move(path + ".long", path, overwrite: true);

        var diagnostics = new ReportBuilder(new BuildOptions(Path.Combine(data.Root, "out"), OutputFormats.Html, RepoPaths.Templates)).Check(data.Folder);

        var error = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.True(error.ToString().Contains("error RG0102: the row label 'Neighbourhood Neighbourhood Neighbourhoo…' (from the workbook) of table 'teams' is 33,599 characters long", StringComparison.Ordinal), error.ToString());
        Assert.Contains("statistics.yaml(2,5)", error.ToString());
    }
}
