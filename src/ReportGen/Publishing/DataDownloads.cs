using System.Text.Json;
using ClosedXML.Excel;
using CsvHelper;
using ReportGen.Content;
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

    public static void Write(string outputFolder, IReadOnlyList<StatTable> tables, Edition edition)
    {
        if (tables.Count == 0) return;
        var folder = Directory.CreateDirectory(Path.Combine(outputFolder, Folder)).FullName;
        foreach (var table in tables) WriteCsv(Path.Combine(folder, table.Id + ".csv"), table);
        WriteWorkbook(Path.Combine(folder, WorkbookName), tables, edition);
        WritePackage(Path.Combine(folder, PackageName), tables, edition);
    }

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

    private static void WriteWorkbook(string path, IReadOnlyList<StatTable> tables, Edition edition)
    {
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = $"{edition.Info.Title}: tables";
        workbook.Properties.Author = edition.Organisation.Name;
        var contents = workbook.Worksheets.Add("Contents");
        Text(contents.Cell(1, 1), $"{edition.Organisation.Name}: {edition.Info.Title}");
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
            Text(contents.Cell(5 + t, 3), string.Join("; ", table.SourceTitles));

            var sheet = workbook.Worksheets.Add(name);
            Text(sheet.Cell(1, 1), table.Title);
            sheet.Cell(1, 1).Style.Font.Bold = true;
            Text(sheet.Cell(2, 1), "Source: " + string.Join("; ", table.SourceTitles));
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
        ReproducibleWorkbook.Save(workbook, path, Timestamp(edition));
    }

    /// <summary>A text cell: always text, never read as a formula, whatever it begins with.</summary>
    private static void Text(IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
    }

    private static void SetFigure(IXLCell cell, Figure figure)
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

    private static void WritePackage(string path, IReadOnlyList<StatTable> tables, Edition edition)
    {
        var package = new
        {
            profile = "tabular-data-package",
            name = $"{edition.OrganisationKey}-{edition.EditionKey}".ToLowerInvariant(),
            title = $"{edition.Organisation.Name}: {edition.Info.Title}",
            description = $"The tables of the report, after disclosure control: counts from 1 to {DisclosureSettings.From(edition.Statistics.Disclosure).Threshold - 1} are withheld, with any count from which they could be worked out.",
            resources = tables.Select(t => new
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
            }).ToList(),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(package, JsonOutput.Options).ReplaceLineEndings("\n") + "\n");
    }

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
    private static DateTime Timestamp(Edition edition) =>
        edition.Info.Published?.Start ?? new DateTime(1980, 1, 1, 0, 0, 0, DateTimeKind.Utc);
}
