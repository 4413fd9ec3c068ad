using AngleSharp.Html.Parser;
using ClosedXML.Excel;
using ReportGen.Publishing;
using ReportGen.Tests.EndToEnd;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Publishing;

/// <summary>
/// Every sample's workbook is laid out as ONS's "Releasing statistics in spreadsheets" asks (the samples are on
/// default@5, whose set.json has "onsSpreadsheets"): cover, contents with links, notes, one Excel table to a sheet under
/// its lines, no blank row, panes frozen under the header, every note of the web page, and the symbols explained.
/// </summary>
[Collection(SampleBuildCollection.Name)]
public sealed class OnsWorkbookTests(SampleBuildFixture samples)
{
    /// <summary>The samples that publish tables (the illustrative progress report has none).</summary>
    public static TheoryData<string> Samples => new(SampleBuildFixture.Samples.Where(s => File.Exists(Path.Combine(RepoPaths.Content, s, "statistics.yaml"))));

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_workbook_has_a_cover_contents_with_links_notes_and_one_excel_table_to_a_sheet_with_no_blank_row(string sample)
    {
        var output = samples.OutputOf(sample);
        using var workbook = new XLWorkbook(Path.Combine(output, "data", DataDownloads.WorkbookName));
        var names = workbook.Worksheets.Select(w => w.Name).ToList();
        Assert.Equal([OnsWorkbook.CoverSheet, OnsWorkbook.ContentsSheet, OnsWorkbook.NotesSheet], names.Take(3));
        var tableSheets = names.Where(n => n.StartsWith("Table_", StringComparison.Ordinal)).ToList();
        Assert.Equal(Directory.GetFiles(Path.Combine(output, "data"), "*.csv").Count(f => Path.GetFileName(f) is not (DataDownloads.FigureIdsName or DataDownloads.SymbolsName)), tableSheets.Count);

        // Every sheet but the cover: one Excel table, with a header row, under lines that fill every row from A1.
        foreach (var sheet in workbook.Worksheets.Skip(1))
        {
            var table = Assert.Single(sheet.Tables);
            Assert.True(table.ShowHeaderRow, $"{sheet.Name}: the table has no header row");
            var header = table.RangeAddress.FirstAddress.RowNumber;
            var last = table.RangeAddress.LastAddress.RowNumber;
            for (var r = 1; r <= last; r++)
                Assert.False(sheet.Row(r).IsEmpty(), $"{sheet.Name}: row {r} is blank");
            for (var r = 1; r < header; r++)
                Assert.True(sheet.Row(r).CellsUsed().Count() == 1 && !sheet.Cell(r, 1).IsEmpty(), $"{sheet.Name}: row {r} above the table is not one line in column A");
            Assert.Equal(header, sheet.SheetView.SplitRow);
            Assert.Equal(sheet.LastRowUsed()!.RowNumber(), last);
            Assert.DoesNotContain(table.DataRange.Cells(), c => c.IsEmpty());
        }

        // Contents: every sheet after it, each name a link to that sheet.
        var contents = workbook.Worksheet(OnsWorkbook.ContentsSheet).Tables.Single().DataRange.Rows().ToList();
        Assert.Equal(names.Skip(3).Prepend(OnsWorkbook.NotesSheet), contents.Select(r => r.Cell(1).GetString()));
        Assert.All(contents, r => Assert.Equal($"'{r.Cell(1).GetString()}'!A1", r.Cell(1).GetHyperlink().InternalAddress));

        // The cover explains every symbol.
        var cover = workbook.Worksheet(OnsWorkbook.CoverSheet).Column(1).CellsUsed().Select(c => c.GetString()).ToList();
        foreach (var symbol in new[] { "!", "?", "-", "~0", "N/A" })
            Assert.Contains(cover, line => line.StartsWith($"Symbol {symbol} ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_note_under_a_table_of_the_web_page_is_on_the_notes_sheet_and_named_by_its_table(string sample)
    {
        var output = samples.OutputOf(sample);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "index.html")));
        using var workbook = new XLWorkbook(Path.Combine(output, "data", DataDownloads.WorkbookName));
        var notes = workbook.Worksheet(OnsWorkbook.NotesSheet).Tables.Single().DataRange.Rows()
            .ToDictionary(r => r.Cell(2).GetString(), r => (Number: r.Cell(1).GetString(), Sheets: r.Cell(3).GetString().Split(", ")));
        var tables = page.QuerySelectorAll(".stat-table").ToList();
        Assert.NotEmpty(tables);
        // The sheets are in the order of the tables' declarations; the page groups them into sections.
        var sheets = workbook.Worksheets.Where(w => w.Name.StartsWith("Table_", StringComparison.Ordinal)).ToDictionary(w => w.Cell(1, 1).GetString());
        Assert.Equal(tables.Count, sheets.Count);
        for (var t = 0; t < tables.Count; t++)
        {
            Assert.True(sheets.TryGetValue(tables[t].QuerySelector("h3")!.TextContent.Trim(), out var sheet), $"no sheet has the title of the table '{tables[t].QuerySelector("h3")!.TextContent.Trim()}'");
            var lines = string.Join("\n", Enumerable.Range(1, sheet.Tables.Single().RangeAddress.FirstAddress.RowNumber - 1).Select(r => sheet.Cell(r, 1).GetString()));
            var texts = tables[t].QuerySelectorAll(".table-notes > p").Select(p => p.TextContent.Trim())
                .Where(p => !p.StartsWith("Source:", StringComparison.Ordinal) && !p.StartsWith("Download", StringComparison.Ordinal) && !p.StartsWith("No chart is shown", StringComparison.Ordinal));
            foreach (var text in texts)
            {
                Assert.True(notes.TryGetValue(text, out var note), $"{sheet.Name}: the note \"{text}\" is not on the Notes sheet");
                Assert.Contains(sheet.Name, note.Sheets);
                Assert.Contains(note.Number, lines, StringComparison.Ordinal);
            }
            // Each symbol the page explains under the table is explained on its sheet.
            foreach (var symbol in tables[t].QuerySelectorAll(".symbol-notes li").Select(li => li.TextContent.Trim()))
                Assert.Contains("Symbol " + symbol, lines, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_symbols_of_the_csv_files_are_explained_beside_them(string sample)
    {
        var data = Path.Combine(samples.OutputOf(sample), "data");
        var path = Path.Combine(data, DataDownloads.SymbolsName);
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(path)[..3]);
        var lines = File.ReadAllLines(path);
        Assert.Equal("symbol,meaning", lines[0]);
        foreach (var symbol in new[] { "!", "?", "-", "~0", "N/A" })
            Assert.Contains(lines, l => l.StartsWith(symbol + ",", StringComparison.Ordinal));
        Assert.Contains(DataDownloads.SymbolsName, File.ReadAllText(Path.Combine(data, DataDownloads.PackageName)), StringComparison.Ordinal);
    }
}
