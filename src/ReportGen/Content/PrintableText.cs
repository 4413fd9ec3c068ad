namespace ReportGen.Content;

/// <summary>
/// Text that reaches a publication must be printable. A control character (C0 or C1, or DEL; tab, line feed and
/// carriage return apart), pasted from another program, written as a YAML escape ("\e", "\x00") or as an Excel
/// escape (_x001B_), would reach the web page, the CSV and the terminal raw, and make the spreadsheet download
/// unwritable; it is an error where it was written.
/// </summary>
public static class PrintableText
{
    /// <summary>The index of the first control character in the text, or -1.</summary>
    public static int ControlCharacterIn(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (char.IsControl(text[i]) && text[i] is not ('\t' or '\n' or '\r')) return i;
        return -1;
    }

    /// <summary>"U+001B", for a message.</summary>
    public static string Name(char c) => "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}
