using System.Text.Json;
using ClosedXML.Excel;
using CsvHelper;
using System.Globalization;
using ReportGen.Content;
using ReportGen.Diagnostics;
using ReportGen.Rendering;
using ReportGen.Statistics;

namespace ReportGen.Publishing;

/// <summary>
/// Writes the published tables beside the report, under data/: each as a CSV file (UTF-8 with a byte-order mark, so
/// Excel opens it correctly), all of them in one xlsx workbook, and a Frictionless datapackage.json describing the
/// files and their columns. Only the controlled figures are written: withheld values carry their symbol, never
/// their value, and no row-level data is ever written.
/// </summary>
public static class DataDownloads
{
    public const string Folder = "data";
    public const string WorkbookName = "all-tables.xlsx";
    public const string PackageName = "datapackage.json";
    public const string FigureIdsName = "figure-ids.csv";
    public const string FigureIdsSheet = "Figure ids";

    /// <param name="figureIds">
    /// Whether to publish each figure's stable id (its template set says so): data/figure-ids.csv gives every CSV
    /// cell's id, and the workbook's last sheet every cell's. The tables themselves are unchanged, so that a
    /// spreadsheet or script reading them is not disturbed.
    /// </param>
    /// <param name="ons">
    /// Whether the workbook is laid out as ONS recommends for published spreadsheets (<see cref="OnsWorkbook"/>), and the
    /// CSVs' symbols are explained beside them in data/symbols.csv and in the package (the set says so; from default@5).
    /// </param>
    public static void Write(string outputFolder, IReadOnlyList<StatTable> tables, Edition edition, bool figureIds = false, bool ons = false)
    {
        if (tables.Count == 0) return;
        var folder = Directory.CreateDirectory(Path.Combine(outputFolder, Folder)).FullName;
        foreach (var table in tables) WriteCsv(Path.Combine(folder, table.Id + ".csv"), table);
        if (figureIds) WriteFigureIds(Path.Combine(folder, FigureIdsName), tables);
        if (ons)
        {
            OnsWorkbook.Write(Path.Combine(folder, WorkbookName), OnsWorkbook.Layout(tables, edition), edition, figureIds);
            WriteSymbols(Path.Combine(folder, SymbolsName), edition);
        }
        else WriteWorkbook(Path.Combine(folder, WorkbookName), tables, edition, figureIds);
        WritePackage(Path.Combine(folder, PackageName), tables, edition, figureIds, ons);
    }

    public const string SymbolsName = "symbols.csv";

    /// <summary>
    /// What each symbol in the CSVs means, beside them: a CSV holds one table and nothing else (a line of notes would
    /// break every program that reads it), so its symbols are explained in a file of their own, which the package names.
    /// </summary>
    private static void WriteSymbols(string path, Edition edition)
    {
        var settings = DisclosureSettings.From(edition.Statistics.Disclosure);
        using var stream = File.Create(path);
        using var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, NewLine = "\r\n" }, leaveOpen: false);
        csv.WriteRecord(["symbol", "meaning"]);
        foreach (var symbol in Symbols.All)
            csv.WriteRecord([symbol, Symbols.Explain(symbol, settings.Threshold, settings.MinimumBase)[(symbol.Length + 1)..]]);
    }


    /// <summary>
    /// Where each published figure sits, by its id: the CSV file, its row and column there (the header is row 1, the
    /// row labels column 1), and the table's row and column as labelled.
    /// </summary>
    private static void WriteFigureIds(string path, IReadOnlyList<StatTable> tables)
    {
        using var stream = File.Create(path);
        using var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, NewLine = "\r\n" }, leaveOpen: false);
        csv.WriteRecord(["figure_id", "file", "csv_row", "csv_column", "row", "column"]);
        foreach (var (table, figure, row, column) in Placed(tables))
            csv.WriteRecord([figure.Id, table.Id + ".csv", (row + 2).ToString(CultureInfo.InvariantCulture), (column + 2).ToString(CultureInfo.InvariantCulture),
                SafeText.ForCsv(figure.Row), SafeText.ForCsv(figure.Column)]);
    }

    /// <summary>The figures of each table's cells with their row and column indexes (note figures are not cells of a download).</summary>
    internal static IEnumerable<(StatTable Table, PublishedFigure Figure, int Row, int Column)> Placed(IReadOnlyList<StatTable> tables)
    {
        foreach (var table in tables)
        {
            var ids = FigureIds.Of(table);
            var i = 0;
            for (var r = 0; r < table.Rows.Count; r++)
            for (var c = 0; c < table.Columns.Count && c < table.Rows[r].Cells.Count; c++)
                yield return (table, ids[i++], r, c);
        }
    }

    /// <summary>The most characters a spreadsheet cell holds (Excel's limit, which the spreadsheet library enforces).</summary>
    public const int MaxCellText = 32_767;

    /// <summary>
    /// Refuses, before anything is built, a text that no cell of the spreadsheet download could hold, naming the table
    /// (or the edition) it belongs to: whenever check passes, build can write every output.
    /// </summary>
    public static void Check(IReadOnlyList<StatTable> tables, Edition edition, DiagnosticBag diagnostics, bool figureIds = false, bool ons = false)
    {
        if (tables.Count == 0) return;
        var display = new DisplayPaths(edition.Folder);
        foreach (var (text, what, table) in WorkbookTexts(tables, edition, figureIds, ons).Where(t => t.Text.Length > MaxCellText))
        {
            var declaration = table is null ? null : edition.Statistics.Tables?.FirstOrDefault(d => d.Id == table.Id);
            var location = declaration is not null
                ? edition.Sources.Of(declaration, display.Of(EditionLoader.StatisticsFileName))
                : edition.Sources.Of(edition.Info, display.Of(EditionLoader.EditionFileName));
            diagnostics.Error(DiagnosticCodes.InvalidValue, string.Create(CultureInfo.InvariantCulture,
                $"{what}{(table is null ? "" : $" of table '{table.Id}'")} is {text.Length:N0} characters long, and a spreadsheet cell (so the table's download in {WorkbookName}) holds at most {MaxCellText:N0}; shorten it"),
                location);
        }
    }

    /// <summary>
    /// Every text <see cref="WriteWorkbook"/> writes, with what it is and its table (null for the contents sheet's
    /// title). It lists the same values the writer writes; a test checks that every text cell of a written workbook is
    /// among them.
    /// </summary>
    internal static IEnumerable<(string Text, string What, StatTable? Table)> WorkbookTexts(IReadOnlyList<StatTable> tables, Edition edition, bool figureIds = false, bool ons = false)
    {
        // A figure's id is made of its table's id, row label and column key: an id too long for a cell is reported
        // once per table, and not at all when its row label or heading is too long already (that is the error).
        if (figureIds)
            foreach (var group in Placed(tables).GroupBy(p => p.Table))
                if (group.Where(p => p.Figure.Row.Length <= MaxCellText && p.Figure.Column.Length <= MaxCellText).MaxBy(p => p.Figure.Id.Length) is { } longest)
                    yield return (longest.Figure.Id, $"the id of the figure in row '{Start(longest.Figure.Row)}'", group.Key);
        if (ons)
        {
            foreach (var text in OnsWorkbook.Texts(OnsWorkbook.Layout(tables, edition))) yield return text;
            yield break;
        }
        yield return (ContentsTitle(edition), "the organisation's name with the edition's title", null);
        foreach (var table in tables)
        {
            yield return (table.Title, "the title", table);
            yield return (SourceLine(table), "the list of sources", table);
            yield return (table.RowHeader, "the row heading", table);
            foreach (var column in table.Columns) yield return (Header(column), $"the column heading '{Start(Header(column))}'", table);
            foreach (var row in table.Rows) yield return (row.Label, $"the row label '{Start(row.Label)}' (from the workbook)", table);
            foreach (var note in table.Notes) yield return (note, $"the note '{Start(note)}'", table);
        }
    }

    private static string Start(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string ContentsTitle(Edition edition) => $"{edition.Organisation.Name}: {edition.Info.Title}";

    internal static string SourceLine(StatTable table) => "Source: " + string.Join("; ", table.SourceTitles);

    internal static string Header(StatColumn column) => column.Group is null ? column.Header : $"{column.Group}: {column.Header}";

    private static void WriteCsv(string path, StatTable table)
    {
        using var stream = File.Create(path);
        using var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, NewLine = "\r\n" }, leaveOpen: false);
        // Labels and headers come from workbooks: none may start a formula in the spreadsheet that opens the file.
        csv.WriteRecord([SafeText.ForCsv(table.RowHeader), .. table.Columns.Select(c => SafeText.ForCsv(Header(c)))]);
        foreach (var row in table.Rows)
            csv.WriteRecord([SafeText.ForCsv(row.Label), .. row.Cells.Select(FigureFormat.ForMachines)]);
    }

    private static void WriteWorkbook(string path, IReadOnlyList<StatTable> tables, Edition edition, bool figureIds)
    {
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = $"{edition.Info.Title}: tables";
        workbook.Properties.Author = edition.Organisation.Name;
        var contents = workbook.Worksheets.Add("Contents");
        Text(contents.Cell(1, 1), ContentsTitle(edition));
        Text(contents.Cell(2, 1), "Every table of the report, after disclosure control. Symbols: ! withheld, ? too few responses to be reliable, - not collected, N/A not applicable, ~0 rounds to zero.");
        Text(contents.Cell(4, 1), "Sheet");
        Text(contents.Cell(4, 2), "Table");
        Text(contents.Cell(4, 3), "Source");
        contents.Range(4, 1, 4, 3).Style.Font.Bold = true;
        contents.Column(1).Width = 12;
        contents.Column(2).Width = 80;
        contents.Column(3).Width = 80;

        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            var name = $"Table {t + 1}";
            Text(contents.Cell(5 + t, 1), name);
            Text(contents.Cell(5 + t, 2), table.Title);
            Text(contents.Cell(5 + t, 3), SourceLine(table)["Source: ".Length..]);

            var sheet = workbook.Worksheets.Add(name);
            Text(sheet.Cell(1, 1), table.Title);
            sheet.Cell(1, 1).Style.Font.Bold = true;
            Text(sheet.Cell(2, 1), SourceLine(table));
            Text(sheet.Cell(4, 1), table.RowHeader);
            for (var c = 0; c < table.Columns.Count; c++) Text(sheet.Cell(4, c + 2), Header(table.Columns[c]));
            sheet.Range(4, 1, 4, table.Columns.Count + 1).Style.Font.Bold = true;
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                Text(sheet.Cell(5 + r, 1), row.Label);
                for (var c = 0; c < row.Cells.Count; c++) SetFigure(sheet.Cell(5 + r, c + 2), row.Cells[c]);
            }
            var notesRow = 6 + table.Rows.Count;
            foreach (var note in table.Notes) Text(sheet.Cell(notesRow++, 1), note);
            sheet.Column(1).Width = 34;
            for (var c = 0; c < table.Columns.Count; c++) sheet.Column(c + 2).Width = 18;
        }
        if (figureIds)
        {
            var ids = workbook.Worksheets.Add(FigureIdsSheet);
            Text(ids.Cell(1, 1), "The stable id of every figure of the tables, by its sheet and cell: the same id as on the web page (data-figure) and in the audit trail.");
            string[] headings = ["Figure id", "Sheet", "Cell", "Row", "Column"];
            for (var h = 0; h < headings.Length; h++) Text(ids.Cell(3, h + 1), headings[h]);
            ids.Range(3, 1, 3, headings.Length).Style.Font.Bold = true;
            var line = 4;
            var number = new Dictionary<StatTable, int>(ReferenceEqualityComparer.Instance);
            for (var t = 0; t < tables.Count; t++) number[tables[t]] = t + 1;
            foreach (var (table, figure, row, column) in Placed(tables))
            {
                Text(ids.Cell(line, 1), figure.Id);
                Text(ids.Cell(line, 2), $"Table {number[table]}");
                Text(ids.Cell(line, 3), XLHelper.GetColumnLetterFromNumber(column + 2) + (5 + row).ToString(CultureInfo.InvariantCulture));
                Text(ids.Cell(line, 4), figure.Row);
                Text(ids.Cell(line, 5), figure.Column);
                line++;
            }
            ids.Column(1).Width = 60;
            ids.Column(2).Width = 10;
            ids.Column(3).Width = 8;
            ids.Column(4).Width = 34;
            ids.Column(5).Width = 34;
        }
        ReproducibleWorkbook.Save(workbook, path, Timestamp(edition));
    }

    /// <summary>A text cell: always text, never read as a formula, whatever it begins with.</summary>
    internal static void Text(IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
    }

    internal static void SetFigure(IXLCell cell, Figure figure)
    {
        if (figure.Symbol is not null || figure.Kind == FigureKind.Flag)
        {
            cell.Value = FigureFormat.ForMachines(figure);
            cell.DataType = XLDataType.Text;
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
            return;
        }
        // The published value itself, already rounded to its decimal places: never a more precise one.
        cell.Value = figure.Published!.Value;
        cell.Style.NumberFormat.Format = FigureFormat.SpreadsheetFormat(figure);
    }

    private static void WritePackage(string path, IReadOnlyList<StatTable> tables, Edition edition, bool figureIds, bool ons)
    {
        var settings = DisclosureSettings.From(edition.Statistics.Disclosure);
        var package = new
        {
            profile = "tabular-data-package",
            name = $"{edition.OrganisationKey}-{edition.EditionKey}".ToLowerInvariant(),
            title = $"{edition.Organisation.Name}: {edition.Info.Title}",
            description = $"The tables of the report, after disclosure control: counts from 1 to {DisclosureSettings.From(edition.Statistics.Disclosure).Threshold - 1} are withheld, with any count from which they could be worked out.",
            resources = tables.Select(t => (object)new
            {
                name = t.Id,
                path = t.Id + ".csv",
                title = t.Title,
                profile = "tabular-data-resource",
                format = "csv",
                mediatype = "text/csv",
                encoding = "utf-8-sig",
                sources = t.SourceTitles.Select(s => new { title = s }).ToList(),
                schema = new
                {
                    fields = new[] { new { name = t.RowHeader, type = "string", description = (string?)null } }
                        .Concat(t.Columns.Select(c => new { name = Header(c), type = FieldType(c.Kind), description = (string?)Describe(c.Kind, t.Precision.For(c.Kind)) }))
                        .ToList(),
                    missingValues = new[] { Symbols.Withheld, Symbols.Unreliable, Symbols.NotCollected, Symbols.NotApplicable, Symbols.RoundsToZero },
                },
            }).Concat(figureIds ? [FigureIdsResource()] : []).Concat(ons ? [SymbolsResource(settings)] : []).ToList(),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(package, JsonOutput.Options).ReplaceLineEndings("\n") + "\n");
    }

    /// <summary>data/symbols.csv as a resource of the package, each symbol's meaning in its schema too.</summary>
    private static object SymbolsResource(DisclosureSettings settings) => CsvResource("symbols", SymbolsName,
        "What each symbol in the tables means, where a figure is not shown",
        [
            new Field("symbol", "string", "the symbol, in a cell of a table's CSV in place of a figure: " +
                string.Join(" ", Symbols.All.Select(s => Symbols.Explain(s, settings.Threshold, settings.MinimumBase)))),
            new Field("meaning", "string", "what the symbol means"),
        ]);

    /// <summary>data/figure-ids.csv as a resource of the package, in the same shape as the tables' (so one list holds both).</summary>
    private static object FigureIdsResource() => CsvResource("figure-ids", FigureIdsName,
        "The stable id of every figure of the tables, by file, row and column",
        [
            new Field("figure_id", "string", "the figure's id: the same on the web page (data-figure) and in the audit trail"),
            new Field("file", "string", "the table's CSV file"),
            new Field("csv_row", "integer", "the figure's row in that file, the header being row 1"),
            new Field("csv_column", "integer", "the figure's column in that file, the row labels being column 1"),
            new Field("row", "string", "the table's row label"),
            new Field("column", "string", "the table's column heading"),
        ]);

    /// <summary>A field of a resource's schema, written as {name, type, description}.</summary>
    private sealed record Field(string name, string type, string description);

    /// <summary>A CSV file beside the tables as a resource of the package.</summary>
    private static object CsvResource(string name, string path, string title, Field[] fields) => new
    {
        name,
        path,
        title,
        profile = "tabular-data-resource",
        format = "csv",
        mediatype = "text/csv",
        encoding = "utf-8-sig",
        schema = new { fields },
    };

    private static string FieldType(FigureKind kind) => kind switch
    {
        FigureKind.Count => "integer",
        FigureKind.Flag => "string",
        _ => "number",
    };

    private static string Describe(FigureKind kind, int decimals)
    {
        var places = decimals switch { 0 => ", a whole number", 1 => ", to 1 decimal place", _ => $", to {decimals} decimal places" };
        return kind switch
        {
            FigureKind.Count => "a count of people, cases or responses",
            FigureKind.Fte => "full-time equivalents (FTE), not a count of people" + places,
            FigureKind.Percent => "a percentage" + places,
            FigureKind.PercentagePoints => "a difference in percentage points" + places,
            FigureKind.Margin => "the half-width of a 95% interval, in percentage points" + places,
            FigureKind.Rate => "a rate per head of the base" + places,
            FigureKind.Ratio => "a ratio to the reference group" + places,
            _ => "Yes or No",
        };
    }

    /// <summary>The time stamp written into the workbook: the publication date, or a fixed date when there is none.</summary>
    internal static DateTime Timestamp(Edition edition) =>
        edition.Info.Published?.Start ?? new DateTime(1980, 1, 1, 0, 0, 0, DateTimeKind.Utc);
}
