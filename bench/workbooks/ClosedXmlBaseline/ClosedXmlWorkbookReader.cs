// The ClosedXML reader as it was before the streaming reader replaced it (commit 41780b9), unchanged but for its
// namespace (and the reader's class name): the benchmark times it, and checks that both readers read alike.
using System.Globalization;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using ReportGen.Content;
using ReportGen.Data;
using ReportGen.Diagnostics;

namespace ReportGen.WorkbookBench.ClosedXmlBaseline;

/// <summary>
/// Reads a declared source from a workbook as HR, survey and records systems export them: title rows above the
/// header, the header found by name (merged header cells included), blank rows skipped, notes below the table
/// left out, numbers stored as text read as numbers, labels standardised. Problems are reported by sheet and cell.
/// </summary>
public sealed partial class ClosedXmlWorkbookReader(Edition edition, DiagnosticBag diagnostics)
{
    private const int HeaderSearchRows = 50;
    private static readonly string[] TotalLabels = ["total", "all", "grand total", "all categories"];

    [GeneratedRegex(@"^\s*(notes?\b|source\b|\*|†)", RegexOptions.IgnoreCase)]
    private static partial Regex NotesLine();

    public RecordSet? Read(SourceDeclaration source)
    {
        var display = new DisplayPaths(edition.Folder).Of(source.File!);
        var path = Path.GetFullPath(Path.Combine(edition.Folder, source.File!));
        if (!File.Exists(path))
        {
            Error(DiagnosticCodes.DataFileMissing, $"source '{source.Id}' names {source.File}, which does not exist; put the workbook there or correct 'file:'",
                edition.Sources.Of(source, new DisplayPaths(edition.Folder).Of(EditionLoader.DataFileName)));
            return null;
        }

        // The path was checked to lie inside the edition; no symbolic link, to the file or to a folder on the way to it,
        // may lead out of it either.
        if (EditionFiles.ResolveInside(edition.Folder, source.File!) is not { } real)
        {
            Error(DiagnosticCodes.InvalidValue, "is, or lies in a folder that is, a link to somewhere outside the edition folder; copy the workbook into the edition's data/ folder instead", new SourceLocation(display));
            return null;
        }
        path = real;
        if (!WorkbookGuard.IsSafe(path, display, diagnostics)) return null;
        XLWorkbook workbook;
        try
        {
            workbook = WorkbookPackage.Open(path);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The library's own message ("Specified part does not exist", "Object reference not set") means nothing to
            // the person holding the file: say what is wrong with it in their terms.
            var what = ex.Message.Contains("part", StringComparison.OrdinalIgnoreCase) && ex.Message.Contains("exist", StringComparison.OrdinalIgnoreCase)
                ? "a part of the file that the workbook refers to is missing"
                : "its contents are not laid out as an Excel workbook's are";
            Error(DiagnosticCodes.UnreadableWorkbook, $"cannot be read as an Excel workbook (.xlsx): {what}, as happens when a program other than Excel writes it wrongly or the file was altered; open it in Excel or LibreOffice and save it again as an .xlsx workbook, or export it again", new SourceLocation(display));
            return null;
        }
        using (workbook)
        {
            if (!workbook.Worksheets.TryGetWorksheet(source.Sheet!, out var sheet))
            {
                Error(DiagnosticCodes.SheetMissing, $"has no sheet '{source.Sheet}'; its sheets are: {string.Join(", ", workbook.Worksheets.Select(w => $"'{w.Name}'"))}", new SourceLocation(display));
                return null;
            }
            return ReadSheet(source, sheet, display);
        }
    }

    /// <summary>Each cell inside a merged range → the range's first cell, which holds its value. Built once per sheet.</summary>
    private Dictionary<(int Row, int Column), IXLCell> _merged = [];

    private RecordSet? ReadSheet(SourceDeclaration source, IXLWorksheet sheet, string display)
    {
        // A field without a header is an error of data.yaml, reported when it is checked; it is never read.
        if (source.Fields!.Values.Any(string.IsNullOrWhiteSpace)) return null;
        _merged = [];
        _cellProblems = [];
        foreach (var range in sheet.MergedRanges)
        {
            var first = range.FirstCell();
            foreach (var cell in range.Cells()) _merged[(cell.Address.RowNumber, cell.Address.ColumnNumber)] = first;
        }

        var fields = source.Fields!.Select(f =>
        {
            var kind = FieldKinds.KindOf(f.Key, source);
            var standardiser = FieldKinds.ClassificationOf(f.Key, source) is { } name ? Standardiser(name) : null;
            return new FieldSpec(f.Key, f.Value, kind, standardiser);
        }).ToList();

        var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
        var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        if (lastRow == 0 || lastColumn == 0)
        {
            Error(DiagnosticCodes.HeaderNotFound, $"sheet '{sheet.Name}' is empty; export the data into it again, or name the sheet that holds it under 'sheet:' in {EditionLoader.DataFileName}", new SourceLocation(display));
            return null;
        }
        var headerRow = FindHeader(source, sheet, fields, lastRow, lastColumn, display);
        if (headerRow == 0) return null;

        // A header cell merged downwards (a two-row header) ends the header at the merge's last row.
        var headerBottom = fields.Select(f => sheet.Cell(headerRow, f.Column))
            .Select(c => c.IsMerged() ? c.MergedRange().LastRow().RowNumber() : headerRow).Max();


        var records = new List<DataRecord>();
        var totals = source.Kind == "aggregate" ? new AggregateTotals(fields) : null;
        var unknownLabels = new Dictionary<(string Field, string Label), (string Cell, int Count)>();
        var blankSeen = false;
        for (var row = headerBottom + 1; row <= lastRow; row++)
        {
            var cells = fields.Select(f => sheet.Cell(row, f.Column)).ToList();
            var texts = cells.Select(CellText).ToList();
            if (texts.All(string.IsNullOrWhiteSpace))
            {
                blankSeen = true;
                continue;
            }
            // A notes line (after a blank row, or alone on its row) ends the table; a "Total" row is left out. Both
            // may stand in a column no field reads, so the row's first text is looked at, but only for rows that
            // leave a field empty: a full data row is neither.
            if (texts.Any(t => t.Length == 0))
            {
                var first = FirstText(sheet, row, lastColumn);
                if (NotesLine().IsMatch(first) && (blankSeen || texts.Count(t => t.Length > 0) <= 1)) break;
                if (IsTotal(first)) { totals?.AddTotal(texts, cells[totals.CountIndex]); continue; }
            }
            if (texts.Any(IsTotal)) { totals?.AddTotal(texts, cells[totals.CountIndex]); continue; }
            totals?.AddPart(texts);

            var values = new object?[fields.Count];
            for (var i = 0; i < fields.Count; i++)
                values[i] = Convert(fields[i], cells[i], texts[i], sheet.Name, display, unknownLabels);
            records.Add(new DataRecord(row, values));
        }

        foreach (var ((field, label), (cell, count)) in unknownLabels)
        {
            var standardiser = fields.First(f => f.Name == field).Standardiser!;
            var name = standardiser.Classification.Name;
            var cells = count > 1 ? $" ({count} cells)" : "";
            // A label naming several groups at once ("Mixed/Other") is never matched to one of them.
            var message = standardiser.PartsOfMerged(label) is { } parts
                ? $"'{label}' in column '{source.Fields![field]}' names more than one {name.Replace('_', ' ')} group ({string.Join(", ", parts)}){cells}. " +
                  $"If the source publishes them together, declare it under 'merged: {name}:' in {EditionLoader.DataFileName} as '{label}: [{string.Join(", ", parts)}]', and tables will show them together; otherwise correct the cell"
                : $"'{label}' in column '{source.Fields![field]}' is not a known {name.Replace('_', ' ')} label{cells}" +
                  (standardiser.Closest(label) is { } closest ? $"; did you mean '{closest}'?" : "") +
                  $" Correct the cell, or map the label under 'synonyms: {name}:' in {EditionLoader.DataFileName}";
            Error(DiagnosticCodes.UnknownLabel, message, SourceLocation.InCell(display, sheet.Name, cell));
        }
        totals?.Check(display, sheet.Name, diagnostics);
        ReportMoreCellProblems(source);

        AddAgeFromDateOfBirth(source, fields, records);
        return new RecordSet(source, display, sheet.Name, fields, records);
    }

    private int FindHeader(SourceDeclaration source, IXLWorksheet sheet, List<FieldSpec> fields, int lastRow, int lastColumn, string display)
    {
        int Found(int row)
        {
            var headers = Enumerable.Range(1, lastColumn).ToDictionary(c => c, c => Normalise(CellText(sheet.Cell(row, c))));
            var found = 0;
            foreach (var field in fields)
            {
                var column = headers.FirstOrDefault(h => h.Value == Normalise(field.Header)).Key;
                field.Column = column;
                if (column > 0) found++;
            }
            return found;
        }

        var searched = Enumerable.Range(1, Math.Min(lastRow, HeaderSearchRows)).ToArray();
        var candidates = source.HeaderRow is { } given ? [given] : searched;
        var best = (Row: candidates[0], Found: -1);
        foreach (var row in candidates)
        {
            var found = Found(row);
            if (found == fields.Count) return row;
            if (found > best.Found) best = (row, found);
        }

        // A header_row: that is wrong while the headers are there, in another row: say so, and which row.
        if (source.HeaderRow is { } wrong)
        {
            var actual = searched.FirstOrDefault(r => Found(r) == fields.Count);
            var where = wrong > lastRow
                ? string.Create(CultureInfo.InvariantCulture, $"header_row: {wrong} is past the last row of sheet '{sheet.Name}' (row {lastRow})")
                : Enumerable.Range(1, lastColumn).All(c => CellText(sheet.Cell(wrong, c)).Length == 0)
                    ? string.Create(CultureInfo.InvariantCulture, $"header_row: {wrong} is an empty row of sheet '{sheet.Name}'")
                    : null;
            if (actual > 0 || where is not null)
            {
                Error(DiagnosticCodes.HeaderNotFound, (where ?? string.Create(CultureInfo.InvariantCulture, $"header_row: {wrong} does not hold the headers")) +
                    (actual > 0
                        ? string.Create(CultureInfo.InvariantCulture, $"; the headers are in row {actual}: write header_row: {actual}, or leave header_row out and the header row is found by its headers")
                        : "; give the row that holds the headers, or leave header_row out and the header row is found by its headers"),
                    edition.Sources.Of(source, new DisplayPaths(edition.Folder).Of(EditionLoader.DataFileName)));
                return 0;
            }
        }

        var bestHeaders = Enumerable.Range(1, lastColumn).Select(c => CellText(sheet.Cell(best.Row, c))).Where(t => t.Length > 0).ToList();
        foreach (var field in fields)
        {
            if (bestHeaders.Any(h => Normalise(h) == Normalise(field.Header))) continue;
            var closest = Suggest.Closest(field.Header, bestHeaders);
            Error(DiagnosticCodes.HeaderNotFound,
                $"no column '{field.Header}' (field '{field.Name}' of source '{source.Id}') in the header row {best.Row}" +
                (closest is null ? $"; the headers there are: {string.Join(", ", bestHeaders.Select(h => $"'{h}'"))}" : $"; did you mean '{closest}'?") +
                $" Correct the header in {EditionLoader.DataFileName} or in the workbook",
                SourceLocation.InCell(display, sheet.Name, $"A{best.Row}"));
        }
        return 0;
    }

    private object? Convert(FieldSpec field, IXLCell cell, string text, string sheet, string display,
        Dictionary<(string, string), (string, int)> unknownLabels)
    {
        string address = "";
        if (field.Kind != FieldKind.Text || cell.HasFormula) address = cell.Address.ToString()!;
        if (PrintableText.ControlCharacterIn(text) is var at and >= 0)
        {
            CellError(DiagnosticCodes.InvalidCell, field, $"the cell in column '{field.Header}' holds the control character {PrintableText.Name(text[at])}, which cannot be printed " +
                "(in the file it may be written _x001B_, or it was pasted in from another program); remove it", SourceLocation.InCell(display, sheet, cell.Address.ToString()!));
            return null;
        }
        if (cell.HasFormula && text.StartsWith('#'))
        {
            CellError(DiagnosticCodes.FormulaError, field, $"the formula in column '{field.Header}' gives the error {text}; fix the formula or replace it by its value", SourceLocation.InCell(display, sheet, address));
            return null;
        }
        switch (field.Kind)
        {
            case FieldKind.Category:
                if (field.Standardiser!.Classification.Name == "age" && TryNumber(cell, text, out var age))
                    return field.Standardiser.Classification.Categories.Single(c => c.Code == FieldKinds.AgeBandCode(age));
                if (field.Standardiser.TryMap(text, out var category)) return category;
                var key = (field.Name, text.Trim());
                unknownLabels[key] = unknownLabels.TryGetValue(key, out var seen) ? (seen.Item1, seen.Item2 + 1) : (address, 1);
                return null;
            case FieldKind.Number:
                if (text.Trim() is "" ) return null;
                if (text.Trim() is "-" or "–") return 0d;
                if (TryNumber(cell, text, out var number)) return number;
                CellError(DiagnosticCodes.NotANumber, field, $"'{text.Trim()}' in column '{field.Header}' is not a number; write a number (or - for none)", SourceLocation.InCell(display, sheet, address));
                return null;
            case FieldKind.Date:
                if (text.Trim().Length == 0) return null;
                if (cell.DataType == XLDataType.DateTime) return cell.GetDateTime();
                // A date written as text is read only in the one form that cannot be misread (2010-04-01): a workbook
                // without styles, as some programs write, has no other way to hold a date; 01/04/2010 may be either.
                if (DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)) return iso;
                CellError(DiagnosticCodes.NotADate, field, cell.DataType == XLDataType.Number
                    ? $"'{text.Trim()}' in column '{field.Header}' is a number, not a date (the cell is not formatted as a date); format the column as a date in Excel, or write the date as 2010-04-01"
                    : $"'{text.Trim()}' in column '{field.Header}' is text, not a date; format the column as a date in Excel and re-enter it, or write it as 2010-04-01",
                    SourceLocation.InCell(display, sheet, address));
                return null;
            default:
                return text.Trim().Length == 0 ? null : Spaces().Replace(text.Trim(), " ");
        }
    }

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex ThousandsGrouped();

    /// <summary>
    /// A number, or a number stored as text. Commas are accepted only as thousands separators ("902,006"):
    /// "1,0" is not read as 10.
    /// </summary>
    private static bool TryNumber(IXLCell cell, string text, out double value)
    {
        if (cell.DataType == XLDataType.Number) { value = cell.GetDouble(); return true; }
        return TryParseNumber(text, out value);
    }

    /// <summary>A number written as text: "902,006" or "12.5"; commas only as thousands separators.</summary>
    internal static bool TryParseNumber(string text, out double value)
    {
        var trimmed = text.Trim();
        if (trimmed.Contains(',') && !ThousandsGrouped().IsMatch(trimmed)) { value = 0; return false; }
        return double.TryParse(trimmed.Replace(",", ""), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private void AddAgeFromDateOfBirth(SourceDeclaration source, List<FieldSpec> fields, List<DataRecord> records)
    {
        var dob = fields.FindIndex(f => f.Name == "date_of_birth");
        if (dob < 0 || source.AsAt is not { } asAt || fields.Any(f => f.Name == "age")) return;
        var at = new DateTime(asAt.Year, asAt.Month ?? 12, asAt.Day ?? DateTime.DaysInMonth(asAt.Year, asAt.Month ?? 12));
        var ages = Classification.BuiltIn["age"];
        fields.Add(new FieldSpec("age", "(age at " + asAt + ", from date of birth)", FieldKind.Category, Standardiser("age")));
        for (var i = 0; i < records.Count; i++)
        {
            var age = records[i].Values[dob] is DateTime born ? at.Year - born.Year - (at < born.AddYears(at.Year - born.Year) ? 1 : 0) : (int?)null;
            var band = age is { } years ? ages.Categories.Single(c => c.Code == FieldKinds.AgeBandCode(years)) : ages.NotStated;
            records[i] = records[i] with { Values = [.. records[i].Values, band] };
        }
    }

    private LabelStandardiser Standardiser(string classification) =>
        new(Classification.BuiltIn[classification], edition.Data.Synonyms?.GetValueOrDefault(classification), edition.Data.Merged?.GetValueOrDefault(classification));

    internal static bool IsTotal(string text) => TotalLabels.Contains(text.Trim().ToLowerInvariant());

    /// <summary>A cell's text; a merged cell reads the value of its merged range.</summary>
    private string CellText(IXLCell cell)
    {
        if (_merged.Count > 0 && _merged.TryGetValue((cell.Address.RowNumber, cell.Address.ColumnNumber), out var first)) cell = first;
        if (cell.HasFormula) return cell.CachedValue?.ToString() ?? "";
        return cell.DataType switch
        {
            XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
            XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => cell.GetString(),
        };
    }

    private string FirstText(IXLWorksheet sheet, int row, int lastColumn) =>
        Enumerable.Range(1, Math.Max(lastColumn, 1)).Select(c => CellText(sheet.Cell(row, c))).FirstOrDefault(t => t.Trim().Length > 0) ?? "";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Normalise(string header) => Spaces().Replace(header.Trim(), " ").ToLowerInvariant();

    private void Error(string code, string message, SourceLocation location) => diagnostics.Error(code, message, location);

    /// <summary>How many cells of a column gave each kind of problem, and where the first one not reported was.</summary>
    private Dictionary<(string Code, string Field), (int Count, FieldSpec Field, SourceLocation FirstUnreported, SourceLocation Last)> _cellProblems = [];

    /// <summary>Cells of one column with the same problem reported one by one, up to this many; then counted.</summary>
    public const int CellProblemsShown = 3;

    /// <summary>
    /// A problem in one cell. The first few of a column are reported each at its cell; the rest are counted and
    /// reported once, at the end, so that a whole column mapped wrongly gives four lines, not thousands.
    /// </summary>
    private void CellError(string code, FieldSpec field, string message, SourceLocation location)
    {
        var key = (code, field.Name);
        var count = _cellProblems.TryGetValue(key, out var seen) ? seen.Count + 1 : 1;
        if (count <= CellProblemsShown) Error(code, message, location);
        _cellProblems[key] = (count, field, count == CellProblemsShown + 1 ? location : seen.FirstUnreported, location);
    }

    private void ReportMoreCellProblems(SourceDeclaration source)
    {
        foreach (var ((code, _), (count, field, first, last)) in _cellProblems.Where(p => p.Value.Count > CellProblemsShown))
        {
            var more = count - CellProblemsShown;
            Error(code, string.Create(CultureInfo.InvariantCulture,
                $"and {more:N0} more cell{(more == 1 ? "" : "s")} in column '{field.Header}' (from here to {last.Cell}) with the same problem, {count:N0} in all. ") +
                $"If the whole column is wrong, check that field '{field.Name}' of source '{source.Id}' names the right column in {EditionLoader.DataFileName}", first);
        }
    }
}
