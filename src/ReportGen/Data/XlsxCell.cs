using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportGen.Data;

/// <summary>
/// What a cell's value is taken to be. These are the kinds ClosedXML 0.95 (the reader before this one) gave cells,
/// decided the same way (by the cell's type attribute and its number format), so that every published figure, and
/// every diagnostic, reads a workbook as before.
/// </summary>
internal enum CellKind : byte { Text, Number, Boolean, Date, Duration }

/// <summary>
/// One cell of a sheet as <see cref="XlsxSheet"/> keeps it: its column, its kind, whether it holds a formula (its
/// value is then the one Excel last saved), and its value. The default is an empty cell. Kept small, as a sheet of
/// 200,000 rows holds millions of them: a number, and a date's ticks, share one field.
/// </summary>
internal readonly partial struct XlsxCell
{
    private readonly long _bits;

    private XlsxCell(int column, CellKind kind, bool hasFormula, string? text, long bits)
    {
        Column = column;
        Kind = kind;
        HasFormula = hasFormula;
        Text = text;
        _bits = bits;
    }

    public int Column { get; }
    public CellKind Kind { get; }
    public bool HasFormula { get; }
    /// <summary>The text of a text, boolean or duration cell, or a formula's saved value as Excel wrote it.</summary>
    public string? Text { get; }

    public double Number => BitConverter.Int64BitsToDouble(_bits);
    public DateTime Date => new(_bits);

    /// <summary>Whether the cell counts towards the sheet's used rows and columns: it has a value or a formula.</summary>
    public bool IsUsed => HasFormula || Kind != CellKind.Text || !string.IsNullOrEmpty(Text);

    public static XlsxCell OfText(int column, string? text, bool hasFormula = false) => new(column, CellKind.Text, hasFormula, text, 0);
    public static XlsxCell OfNumber(int column, double number, bool hasFormula = false) => new(column, CellKind.Number, hasFormula, null, BitConverter.DoubleToInt64Bits(number));
    public static XlsxCell OfDate(int column, DateTime date, bool hasFormula = false) => new(column, CellKind.Date, hasFormula, null, date.Ticks);
    public static XlsxCell OfKind(int column, CellKind kind, string text, bool hasFormula = false) => new(column, kind, hasFormula, text, 0);

    public XlsxCell At(int column) => new(column, Kind, HasFormula, Text, _bits);

    /// <summary>
    /// The cell's text as the reader compares and reports it: a number in its shortest invariant form, a date as
    /// yyyy-MM-dd, text with Excel's _xHHHH_ escapes of characters XML cannot hold turned back into the characters.
    /// A formula's saved value is given as Excel wrote it.
    /// </summary>
    public string DisplayText => Kind switch
    {
        CellKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        CellKind.Date => HasFormula ? Date.ToString(CultureInfo.InvariantCulture) : IsoDate(Date),
        _ when HasFormula || Text is null || !Text.Contains("_x", StringComparison.Ordinal) => Text ?? "",
        _ => Unescape(Text),
    };

    /// <summary>A date as yyyy-MM-dd, written digit by digit: a sheet has a date in every row, and a format string is slow.</summary>
    private static string IsoDate(DateTime date) => string.Create(10, date, static (text, d) =>
    {
        d.Year.TryFormat(text[..4], out _, "D4", CultureInfo.InvariantCulture);
        text[4] = '-';
        d.Month.TryFormat(text[5..7], out _, "D2", CultureInfo.InvariantCulture);
        text[7] = '-';
        d.Day.TryFormat(text[8..], out _, "D2", CultureInfo.InvariantCulture);
    });

    [GeneratedRegex("(?<!_x005F)_x(?!005F)([0-9A-F]{4})_")]
    private static partial Regex EscapedCharacter();

    private static string Unescape(string text)
    {
        var result = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match match in EscapedCharacter().Matches(text))
        {
            result.Append(text, last, match.Index - last).Append((char)int.Parse(match.Groups[1].ValueSpan, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
            last = match.Index + match.Length;
        }
        return result.Append(text, last, text.Length - last).ToString();
    }

    /// <summary>A cell reference such as D6, from a 1-based row and column.</summary>
    public static string Address(int row, int column)
    {
        Span<char> letters = stackalloc char[4];
        var at = letters.Length;
        for (var c = column; c > 0; c = (c - 1) / 26) letters[--at] = (char)('A' + (c - 1) % 26);
        return string.Concat(letters[at..], row.ToString(CultureInfo.InvariantCulture));
    }
}
