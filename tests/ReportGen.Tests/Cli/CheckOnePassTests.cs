using ReportGen.Cli;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Cli;

public sealed class CheckOnePassTests
{
    [Fact]
    public async Task Check_finds_a_content_error_and_a_workbook_error_in_the_same_pass()
    {
        using var data = new DataEdition("""
            sources:
              - id: staff
                file: data/staff.xlsx
                sheet: Staff
                fields: { role: Role, ethnicity: Ethnicity }
            """, """
            tables:
              - id: t
                title: Staff by ethnic group
                source: staff
                rows: ethnicity
            """);
        data.Workbook("staff.xlsx", "Staff", [["Role", "Ethnic group"], ["Police Officer", "White"]]);
        File.AppendAllText(Path.Combine(data.Folder, "objectives.yaml"), "\n    mesures: []\n");

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(["check", data.Folder], stdout, stderr);

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("error RG0103: unknown key 'mesures'", stderr.ToString());
        Assert.Contains("data/staff.xlsx(Staff!A1): error RG0202: no column 'Ethnicity'", stderr.ToString());
        Assert.Contains("2 error(s)", stdout.ToString());
    }
}
