using System.Globalization;
using ClosedXML.Excel;

namespace ReportGen.SampleData;

/// <summary>A column of a record sheet: its header, its width and, for dates, the number format its cells show.</summary>
public sealed record Column(string Header, double Width, string? Format = null);

/// <summary>
/// The layout most synthetic sheets share: row 1 the SYNTHETIC title, then any preamble lines (a source or "run on"
/// line), a blank row, optional merged group headers, the column headers, one row per record, and after one blank row
/// any notes. A record is an array of cell values in column order: text (an empty string leaves the cell blank), a
/// date, a whole number or a number.
/// </summary>
public sealed record RecordSheet(string Name, string What, IReadOnlyList<Column> Columns)
{
    public IReadOnlyList<string> Preamble { get; init; } = [];

    public IReadOnlyList<(string Text, int First, int Last)> Groups { get; init; } = [];

    /// <summary>Lines under the data, each starting "Notes:" as real exports' do (the tool's reader stops at them).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>A stray empty row after this many records, as hand-edited exports have; none when null.</summary>
    public int? BlankRowAfter { get; init; }

    public int HeaderRow => 3 + Preamble.Count + (Groups.Count > 0 ? 1 : 0);

    public IReadOnlyList<string> Headers => Columns.Select(c => c.Header).ToList();

    /// <summary>Writes the sheet into <paramref name="workbook"/>; returns the number of records written.</summary>
    public int Write(XLWorkbook workbook, ForceIdentity force, int seed, IEnumerable<object?[]> records)
    {
        var sheet = Workbooks.AddSheet(workbook, Name, Workbooks.SyntheticTitle(force, What, seed));
        for (var i = 0; i < Preamble.Count; i++) sheet.Cell(2 + i, 1).SetValue(Preamble[i]);
        if (Groups.Count > 0) Workbooks.GroupHeaders(sheet, HeaderRow - 1, Groups);
        Workbooks.Headers(sheet, HeaderRow, Columns.Select(c => (c.Header, c.Width)).ToList());

        var row = HeaderRow + 1;
        var count = 0;
        foreach (var values in records)
        {
            if (count++ == BlankRowAfter) row++;
            if (values.Length != Columns.Count)
                throw new InvalidOperationException($"sheet '{Name}': a record has {values.Length} values for {Columns.Count} columns");
            for (var c = 0; c < values.Length; c++) Set(sheet.Cell(row, c + 1), values[c]);
            row++;
        }
        for (var c = 0; c < Columns.Count; c++)
            if (Columns[c].Format is { } format && row > HeaderRow + 1)
                sheet.Range(HeaderRow + 1, c + 1, row - 1, c + 1).Style.NumberFormat.Format = format;

        row++;
        foreach (var note in Notes) sheet.Cell(row++, 1).SetValue(note);
        return count;
    }

    /// <summary>A workbook holding this one sheet, saved as <paramref name="fileName"/> in <paramref name="folder"/>.</summary>
    public void Save(string folder, string fileName, ForceIdentity force, int seed, IEnumerable<object?[]> records)
    {
        using var workbook = Workbooks.Create(force);
        Write(workbook, force, seed, records);
        Workbooks.Save(workbook, Path.Combine(folder, fileName));
    }

    private static void Set(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null or "": break;
            case string text: cell.SetValue(text); break;
            case DateTime date: cell.SetValue(date); break;
            case int whole: cell.SetValue(whole); break;
            case double number: cell.SetValue(number); break;
            default: throw new ArgumentException($"cannot write a {value.GetType().Name} to a cell", nameof(value));
        }
    }

    /// <summary>A synthetic reference: <paramref name="prefix"/> and <paramref name="number"/> padded to <paramref name="digits"/>.</summary>
    public static string Ref(string prefix, int number, int digits) =>
        prefix + number.ToString(new string('0', digits), CultureInfo.InvariantCulture);
}
