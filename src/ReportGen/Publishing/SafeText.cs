using System.Text;

namespace ReportGen.Publishing;

/// <summary>
/// Text from content and workbooks made safe for the outputs that would otherwise act on it: a CSV cell that a
/// spreadsheet would run as a formula, and a terminal line that a control character would drive.
/// </summary>
public static class SafeText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// A text cell for a CSV file: one that a spreadsheet would take for a formula (it begins with =, +, -, @, a tab
    /// or a carriage return) gets a leading apostrophe, as OWASP advises, which spreadsheets show as plain text.
    /// Only text is passed here, never a figure: "-3.9" stays a number.
    /// </summary>
    public static string ForCsv(string text) =>
        text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0 ? "'" + text : text;

    /// <summary>A line for a terminal or a log: control characters (ESC, BEL, NUL …) are written as visible \uXXXX.</summary>
    public static string ForTerminal(string text)
    {
        if (!text.Any(IsControl)) return text;
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
            if (IsControl(c)) result.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else result.Append(c);
        return result.ToString();
    }

    private static bool IsControl(char c) => c < 0x20 || c is >= '\u007F' and <= '\u009F';
}
