using System.Text.Json;
using AngleSharp.Html.Parser;
using ClosedXML.Excel;
using ReportGen.Publishing;
using ReportGen.Tests.TestSupport;
using UglyToad.PdfPig;

namespace ReportGen.Tests.EndToEnd;

/// <summary>
/// Crafted data full of small counts, built through the whole pipeline with the real browser: no count from 1 to 4
/// appears in any output (HTML table, PDF text, CSV), and none can be worked out from the totals shown.
/// </summary>
public sealed class DisclosureEndToEndTests
{
    private const string DataYaml = """
        sources:
          - id: staff
            title: Crafted staff list
            file: data/staff.xlsx
            sheet: Staff
            fields: { role: Role, ethnicity: Ethnicity, sex: Sex }
        """;

    private const string StatisticsYaml = """
        tables:
          - id: by-ethnicity
            title: Staff by ethnic group
            source: staff
            rows: ethnicity
            chart: bar
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

    private static readonly (string Role, string Ethnicity, string Sex, int Times)[] Staff =
    [
        ("Officer", "White", "Male", 40), ("Officer", "White", "Female", 12), ("Officer", "Black", "Male", 3),
        ("Officer", "Asian", "Female", 1), ("Officer", "Mixed", "Male", 6), ("Staff", "White", "Female", 25),
        ("Staff", "Asian", "Male", 2), ("Staff", "Other", "Female", 4), ("Staff", "Not stated", "Male", 7),
        ("PCSO", "White", "Male", 9), ("PCSO", "Black", "Female", 1),
    ];

    [Fact]
    public async Task No_count_from_1_to_4_reaches_html_pdf_csv_or_xlsx_and_none_can_be_recovered_from_totals()
    {
        using var data = new DataEdition(DataYaml, StatisticsYaml);
        var rows = new List<object?[]> { new object?[] { "Role", "Ethnicity", "Sex" } };
        foreach (var (role, ethnicity, sex, times) in Staff)
            for (var i = 0; i < times; i++) rows.Add([role, ethnicity, sex]);
        data.Workbook("staff.xlsx", "Staff", rows);

        await using var builder = new ReportBuilder(new BuildOptions(Path.Combine(data.Root, "out")));
        var result = await builder.BuildAsync(data.Folder);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var output = result.OutputFolder!;

        // CSV: every count column, every row.
        // The tables' CSV files; figure-ids.csv says where each figure is (its row numbers are not counts of people),
        // and symbols.csv what each symbol means.
        var csvFiles = Directory.GetFiles(Path.Combine(output, "data"), "*.csv").Where(f => Path.GetFileName(f) is not (DataDownloads.FigureIdsName or DataDownloads.SymbolsName)).ToArray();
        Assert.True(File.Exists(Path.Combine(output, "data", DataDownloads.FigureIdsName)));
        Assert.True(File.Exists(Path.Combine(output, "data", DataDownloads.SymbolsName)));
        Assert.Equal(["all-tables.xlsx"], Directory.GetFiles(output, "*.xlsx", SearchOption.AllDirectories).Select(Path.GetFileName));
        Assert.Equal(3, csvFiles.Length);
        foreach (var csv in csvFiles)
        {
            var lines = File.ReadAllLines(csv);
            Assert.StartsWith("\uFEFF", File.ReadAllText(csv));
            var header = lines[0].TrimStart('\uFEFF').Split(',');
            var countColumns = header.Select((h, i) => (h, i)).Where(c => c.h.EndsWith("Number", StringComparison.Ordinal)).Select(c => c.i).ToList();
            var table = lines.Skip(1).Select(l => l.Split(',')).ToList();
            foreach (var cells in table)
            foreach (var i in countColumns)
                Assert.False(IsSmallCount(cells[i]), $"{Path.GetFileName(csv)}: {cells[0]} shows {cells[i]}");
            AssertNothingRecoverable(table, countColumns, Path.GetFileName(csv));
        }
        Assert.Contains(File.ReadLines(Path.Combine(output, "data", "by-ethnicity.csv")), l => l.StartsWith("Black,!", StringComparison.Ordinal));

        // xlsx: every count column of every table sheet.
        using (var workbook = new XLWorkbook(Path.Combine(output, "data", "all-tables.xlsx")))
        {
            var sheets = WorkbookSheets.Tables(workbook);
            Assert.Equal(3, sheets.Count);
            foreach (var (sheet, header, lastColumn) in sheets)
            {
                var countColumns = Enumerable.Range(2, lastColumn - 1).Where(c => sheet.Cell(header, c).GetString().EndsWith("Number", StringComparison.Ordinal)).ToList();
                Assert.NotEmpty(countColumns);
                foreach (var r in sheets.Single(s => s.Sheet == sheet).Rows())
                foreach (var c in countColumns)
                {
                    var cell = sheet.Cell(r, c);
                    var value = cell.DataType == XLDataType.Number ? cell.GetDouble() : (double?)null;
                    Assert.False(value is >= 1 and <= 4, $"xlsx {sheet.Name} {sheet.Cell(r, 1).GetString()} shows {value}");
                }
            }
        }

        // datapackage.json describes every CSV, and names the symbols as missing values.
        using (var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "data", "datapackage.json"))))
        {
            var resources = package.RootElement.GetProperty("resources").EnumerateArray().Where(r => r.GetProperty("name").GetString() is not ("figure-ids" or "symbols")).ToList();
            Assert.Equal(csvFiles.Select(Path.GetFileName).Order(), resources.Select(r => r.GetProperty("path").GetString()).Order());
            Assert.Contains(package.RootElement.GetProperty("resources").EnumerateArray(), r => r.GetProperty("path").GetString() == DataDownloads.FigureIdsName);
            Assert.All(resources, r => Assert.Contains("!", r.GetProperty("schema").GetProperty("missingValues").EnumerateArray().Select(v => v.GetString())));
        }

        // HTML: every number cell of every table under a "Number" header.
        var document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "index.html")));
        var checkedCells = 0;
        foreach (var table in document.QuerySelectorAll("table.figures"))
        {
            var headers = table.QuerySelectorAll("thead tr:last-child th").Select(h => h.TextContent.Trim()).ToList();
            foreach (var row in table.QuerySelectorAll("tbody tr"))
            {
                var cells = row.Children.Select(c => c.TextContent.Trim()).ToList();
                // The row header's heading may span both header rows (newer sets), and is then not in the last one.
                var offset = cells.Count - headers.Count;
                for (var i = 1; i < cells.Count; i++)
                {
                    if (headers[i - offset] != "Number") continue;
                    checkedCells++;
                    Assert.False(IsSmallCount(cells[i]), $"HTML table shows {cells[i]} for {cells[0]}");
                }
            }
        }
        Assert.True(checkedCells > 20);

        // PDF: on each line of text that starts with a row label, no word is a count from 1 to 4.
        using var pdf = PdfDocument.Open(Path.Combine(output, "report.pdf"));
        var labels = new HashSet<string> { "Asian", "Black", "Mixed", "White", "Other", "Female", "Male", "Total" };
        var lineCount = 0;
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().ToList();
            foreach (var label in words.Where(w => labels.Contains(w.Text)))
            {
                var line = words.Where(w => Math.Abs(w.BoundingBox.Bottom - label.BoundingBox.Bottom) < 2 && w.BoundingBox.Left > label.BoundingBox.Right).ToList();
                if (line.Count == 0) continue;
                lineCount++;
                Assert.DoesNotContain(line, w => IsSmallCount(w.Text));
            }
        }
        Assert.True(lineCount > 10, "the PDF's table rows were not found");
    }

    private static bool IsSmallCount(string text) => int.TryParse(text, out var n) && n is >= 1 and <= 4;

    /// <summary>In each count column, and across each row's group counts, a withheld cell never stands alone beside a shown total.</summary>
    private static void AssertNothingRecoverable(List<string[]> rows, List<int> countColumns, string file)
    {
        var body = rows.Where(r => r[0] != "Total").ToList();
        var total = rows.Single(r => r[0] == "Total");
        foreach (var column in countColumns)
            if (total[column] != "!")
                Assert.True(body.Count(r => r[column] == "!") != 1, $"{file}: a lone withheld count in column {column} can be worked out from its total");
        if (countColumns.Count < 2) return;
        foreach (var row in rows)
            if (row[countColumns[^1]] != "!")
                Assert.True(countColumns.SkipLast(1).Count(c => row[c] == "!") != 1, $"{file}: a lone withheld count in row '{row[0]}' can be worked out from its total");
    }
}
