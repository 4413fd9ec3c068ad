using AngleSharp.Html.Parser;
using ReportGen.Publishing;
using ReportGen.Tests.TestSupport;
using UglyToad.PdfPig;

namespace ReportGen.Tests.Publishing;

/// <summary>
/// Tables made to be too wide for an A4 page, built with the newest template set through the real browser: every
/// cell of every table is printed, in order, and nothing is drawn off the page.
/// </summary>
public sealed class WideTablePrintTests
{
    private const string DataYaml = """
        sources:
          - id: staff
            title: Crafted staff counts
            file: data/staff.xlsx
            sheet: Staff
            kind: aggregate
            fields: { role: Role, ethnicity: Ethnicity, sex: Sex, count: Count }
        """;

    private const string StatisticsYaml = """
        tables:
          - id: ethnicity-by-role
            title: Staff by ethnic group and role
            source: staff
            rows: ethnicity
            columns: role
          - id: sex-by-role
            title: Staff by sex and role
            source: staff
            rows: sex
            columns: role
        """;

    /// <summary>Five roles and the total, with wide names and counts in the hundreds of thousands.</summary>
    private static readonly string[] Roles =
    [
        "Police community support officers (PCSO)", "Special constabulary volunteers", "Police staff and contractors", "Designated detention officers",
        // One long word, as a code from an HR system can be: a header that cannot wrap.
        "CUSTODYDETENTIONOFFICERSANDINVESTIGATORS",
    ];

    [Fact]
    public async Task A_table_of_wide_columns_is_printed_whole_in_parts_that_fit_the_page()
    {
        using var data = new DataEdition(DataYaml, StatisticsYaml);
        var rows = new List<object?[]> { new object?[] { "Role", "Ethnicity", "Sex", "Count" } };
        var ethnicities = new[] { "White", "Asian", "Black", "Mixed", "Other" };
        for (var r = 0; r < Roles.Length; r++)
        for (var e = 0; e < ethnicities.Length; e++)
        foreach (var sex in new[] { "Female", "Male" })
            rows.Add([Roles[r], ethnicities[e], sex, 123_456 + 1_111 * (r * 10 + e) + (sex == "Male" ? 7 : 0)]);
        data.Workbook("staff.xlsx", "Staff", rows);

        await using var builder = new ReportBuilder(new BuildOptions(Path.Combine(data.Root, "out"), OutputFormats.All, RepoPaths.Templates));
        var result = await builder.BuildAsync(data.Folder);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(result.OutputFolder!, "index.html")));
        using var pdf = PdfDocument.Open(Path.Combine(result.OutputFolder!, "report.pdf"));
        PrintedTables.AssertEveryCellPrinted(page, pdf);
        PrintedTables.AssertNothingOffThePage(pdf);
        PrintedTables.AssertTablesFitTheirPages(pdf);
    }
}
