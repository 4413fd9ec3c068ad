using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ClosedXML.Excel;
using ReportGen.Tests.TestSupport;
using UglyToad.PdfPig;

namespace ReportGen.Tests.EndToEnd;

/// <summary>
/// The leak that was found, rebuilt: counts rounded to 5 (true 19, 12, 28, 3,634 and 11; published 20, 10, 30, 3,635
/// and 10), with percentages and rates per head of a public population. Every output — HTML, PDF, CSV, the xlsx
/// workbook and datapackage.json — is attacked for the true counts, and none gives one back.
/// </summary>
public sealed class RoundedCountsEndToEndTests
{
    private const string DataYaml = """
        sources:
          - id: stops
            title: Crafted stop records
            file: data/stops.xlsx
            sheet: Stops
            fields: { ethnicity: Ethnicity }
          - id: population
            title: A published population
            file: data/population.xlsx
            sheet: Population
            kind: aggregate
            public: true
            fields: { ethnicity: Ethnic group, count: People }
        """;

    private const string StatisticsYaml = """
        disclosure: { threshold: 5, round_to: 5 }
        tables:
          - id: stops
            title: Stops by ethnic group
            source: stops
            rows: ethnicity
            benchmark: { source: population, label: Population }
          - id: stop-rate
            title: Stops per 1,000 people
            kind: rate
            source: stops
            rows: ethnicity
            benchmark: { source: population }
            reference: White
        """;

    private static readonly Dictionary<string, double> True = new() { ["Asian"] = 19, ["Black"] = 12, ["Mixed"] = 28, ["White"] = 3634, ["Other"] = 11, ["Not stated"] = 0 };

    private static readonly (string Group, double People)[] Population =
        [("White", 1_919_138), ("Black", 164_069), ("Asian", 514_981), ("Mixed", 96_204), ("Other", 42_068)];

    private static double? Truth(string row, string header) =>
        header.EndsWith("Number", StringComparison.Ordinal) ? row == "Total" ? True.Values.Sum() : True.GetValueOrDefault(row) : null;

    [Fact]
    public async Task No_output_gives_back_a_count_that_was_rounded()
    {
        using var data = new DataEdition(DataYaml, StatisticsYaml);
        var rows = new List<object?[]> { new object?[] { "Ethnicity" } };
        foreach (var (group, times) in True) rows.AddRange(Enumerable.Repeat(new object?[] { group }, (int)times));
        data.Workbook("stops.xlsx", "Stops", rows);
        data.Workbook("population.xlsx", "Population", [["Ethnic group", "People"], .. Population.Select(p => new object?[] { p.Group, p.People })]);

        await using var builder = new ReportBuilder(new BuildOptions(Path.Combine(data.Root, "out"), TemplatesRoot: RepoPaths.Templates));
        var result = await builder.BuildAsync(data.Folder);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var output = result.OutputFolder!;

        var csv = new[] { "stops", "stop-rate" }.Select(id => PublishedTable.FromCsv(id, File.ReadAllText(Path.Combine(output, "data", id + ".csv")))).ToList();
        Assert.Equal("20", csv[0].Rows.Single(r => r.Label == "Asian").Cells[0]);
        Assert.Equal("3635", csv[0].Rows.Single(r => r.Label == "White").Cells[0]);
        var html = HtmlTables(File.ReadAllText(Path.Combine(output, "index.html")));
        var xlsx = WorkbookTables(Path.Combine(output, "data", "all-tables.xlsx"), out var xlsxNumbers);
        foreach (var table in csv.Concat(html).Concat(xlsx))
            Assert.Empty(CountRecovery.Attack(table, Truth, 5));

        // The workbook stores each figure exactly as published, never a more precise value.
        var csvNumbers = csv.SelectMany(t => t.Rows.SelectMany(r => r.Cells)).Where(IsNumber).Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToHashSet();
        Assert.All(xlsxNumbers, n => Assert.Contains(n, csvNumbers));

        // The PDF prints the same page: every number on a table row of the PDF is one the web page shows.
        var pageNumbers = html.SelectMany(t => t.Rows.SelectMany(r => r.Cells)).Select(c => c.Replace(",", "", StringComparison.Ordinal)).ToHashSet();
        using var pdf = PdfDocument.Open(Path.Combine(output, "report.pdf"));
        var checkedWords = 0;
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().ToList();
            foreach (var label in words.Where(w => True.ContainsKey(w.Text) || w.Text == "Total"))
            foreach (var word in words.Where(w => Math.Abs(w.BoundingBox.Bottom - label.BoundingBox.Bottom) < 2 && w.BoundingBox.Left > label.BoundingBox.Right))
            {
                var text = word.Text.Replace(",", "", StringComparison.Ordinal);
                if (!char.IsAsciiDigit(text.TrimStart('+', '\u2212')[0])) continue;
                checkedWords++;
                Assert.True(pageNumbers.Contains(text) || pageNumbers.Contains(word.Text), $"the PDF shows {word.Text} on the row {label.Text}, which the web page does not");
            }
        }
        Assert.True(checkedWords > 20, "the PDF's table rows were not found");

        // datapackage.json says how precise each figure is.
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "data", "datapackage.json")));
        var descriptions = package.RootElement.GetProperty("resources").EnumerateArray()
            .SelectMany(r => r.GetProperty("schema").GetProperty("fields").EnumerateArray())
            .Select(f => f.TryGetProperty("description", out var d) ? d.GetString() : null).ToList();
        Assert.Contains("a percentage, to 1 decimal place", descriptions);
        Assert.Contains("a rate per head of the base, to 1 decimal place", descriptions);
    }

    private static bool IsNumber(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static List<PublishedTable> HtmlTables(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelectorAll("table.figures").Select(t => new PublishedTable(
            "html " + t.QuerySelector("caption")!.TextContent,
            t.QuerySelectorAll("thead tr:last-child th").Skip(1).Select(h => h.TextContent.Trim()).ToList(),
            t.QuerySelectorAll("tbody tr").Select(r => (r.Children[0].TextContent.Trim(), (IReadOnlyList<string>)r.Children.Skip(1).Select(c => c.TextContent.Trim()).ToList())).ToList())).ToList();
    }

    private static List<PublishedTable> WorkbookTables(string path, out List<double> numbers)
    {
        using var workbook = new XLWorkbook(path);
        var tables = new List<PublishedTable>();
        numbers = [];
        foreach (var table in WorkbookSheets.Tables(workbook))
        {
            var (sheet, header, last) = table;
            var headers = Enumerable.Range(2, last - 1).Select(c => sheet.Cell(header, c).GetString()).ToList();
            var rows = new List<(string, IReadOnlyList<string>)>();
            foreach (var r in table.Rows())
            {
                var cells = Enumerable.Range(2, last - 1).Select(c => sheet.Cell(r, c)).ToList();
                numbers.AddRange(cells.Where(c => c.DataType == XLDataType.Number).Select(c => c.GetDouble()));
                rows.Add((sheet.Cell(r, 1).GetString(), cells.Select(c => c.DataType == XLDataType.Number ? c.GetDouble().ToString("R", CultureInfo.InvariantCulture) : c.GetString()).ToList()));
            }
            tables.Add(new PublishedTable("xlsx " + sheet.Name, headers, rows));
        }
        return tables;
    }
}
