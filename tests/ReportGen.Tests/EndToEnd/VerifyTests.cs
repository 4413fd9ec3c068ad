using ClosedXML.Excel;
using ReportGen.Cli;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.EndToEnd;

/// <summary>
/// <c>reportgen verify</c> on the Hertfordshire sample: a fresh build verifies (PDF included); after one cell of a
/// workbook changes it fails and names that workbook; after a template file changes it names that file; a workbook
/// that is gone is reported as gone, not as a crash.
/// </summary>
public sealed class VerifyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("reportgen-verify-test-").FullName;
    private string Edition => Path.Combine(_root, "content", "hertfordshire", "2016-17");
    private string Templates => Path.Combine(_root, "templates");
    private string Built => Path.Combine(_root, "out", "hertfordshire", "2016-17");

    public VerifyTests()
    {
        TestFolders.Copy(Path.Combine(RepoPaths.Content, "hertfordshire", "2016-17"), Edition);
        TestFolders.Copy(RepoPaths.Templates, Templates);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task Build(string format)
    {
        var exit = await CommandLine.RunAsync(["build", Edition, "--out", Path.Combine(_root, "out"), "--templates", Templates, "--format", format], new StringWriter(), new StringWriter());
        Assert.Equal(ExitCodes.Success, exit);
    }

    private async Task<(int Exit, string Printed)> Verify(params string[] more)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(["verify", Built, "--edition", Edition, "--templates", Templates, .. more], stdout, stderr);
        return (exit, stdout.ToString() + stderr.ToString());
    }

    [Fact]
    public async Task A_fresh_build_with_its_pdf_verifies()
    {
        await Build("html,pdf");

        var (exit, printed) = await Verify();

        Assert.True(exit == ExitCodes.Success, printed);
        Assert.Contains("  identical  report.pdf", printed);
        Assert.Contains("  identical  index.html", printed);
        Assert.Contains("verified: all ", printed);
        Assert.DoesNotContain("DIFFERENT", printed);
    }

    [Fact]
    public async Task One_changed_cell_of_a_workbook_fails_and_names_the_workbook()
    {
        await Build("html");
        var workbookPath = Path.Combine(Edition, "data", "hr-extract.xlsx");
        using (var workbook = new XLWorkbook(workbookPath))
        {
            var sheet = workbook.Worksheet("Workforce");
            var sex = sheet.Row(1).CellsUsed().Concat(sheet.Rows(1, 20).SelectMany(r => r.CellsUsed())).First(c => c.GetString() == "Sex");
            var cell = sheet.Cell(sex.Address.RowNumber + 5, sex.Address.ColumnNumber);
            cell.SetValue(cell.GetString() == "Male" ? "Female" : "Male");
            workbook.Save();
        }

        var (exit, printed) = await Verify();

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("input changed since the build: data/hr-extract.xlsx", printed);
        // One person's sex changed: no published figure moves (counts are rounded), but the input is not the one built from.
        Assert.Contains("not verified: every file is identical to a rebuild, but 1 input or template file(s) changed since the build", printed);
    }

    [Fact]
    public async Task A_changed_template_file_fails_and_names_the_file()
    {
        await Build("html");
        File.AppendAllText(Path.Combine(Templates, "default@1", "assets", "report.css"), "\n/* changed */\n");

        var (exit, printed) = await Verify("--format", "json");

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("\"name\": \"templates/default@1/assets/report.css\"", printed);
        Assert.Contains("\"change\": \"changed\"", printed);
        Assert.Contains("\"verified\": false", printed);
        Assert.Contains("\"verdict\": \"different\"", printed);
        Assert.Contains("since it was built, template templates/default@1/assets/report.css has changed", printed);
    }

    [Fact]
    public async Task A_workbook_that_is_gone_is_reported_as_gone()
    {
        await Build("html");
        File.Delete(Path.Combine(Edition, "data", "hr-extract.xlsx"));

        var (exit, printed) = await Verify();

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("input missing since the build: data/hr-extract.xlsx", printed);
        Assert.DoesNotContain("   at ", printed);
    }
}
