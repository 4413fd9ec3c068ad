using System.IO.Compression;
using System.Xml;
using ReportGen.Diagnostics;

namespace ReportGen.Data;

/// <summary>
/// Looks at a workbook's bytes before it is opened, so that a broken or hostile file is refused with a clear message
/// instead of hanging the build or exhausting memory: too large, not a zip (an old .xls, a password-protected
/// workbook, a CSV renamed .xlsx), a truncated zip, a zip bomb, a zip without a workbook in it. Links to other
/// workbooks are reported: their cached values are read, and the linked files are never opened.
/// </summary>
public static class WorkbookGuard
{
    public const long MaxFileBytes = 50L * 1024 * 1024;
    public const long MaxExpandedBytes = 400L * 1024 * 1024;
    /// <summary>Far more than any force's HR extract (the benchmark reads 50,000 rows in about seven seconds).</summary>
    public const int MaxRows = 200_000;
    private const int MaxEntryRatio = 200;
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleCompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static bool IsSafe(string path, string display, DiagnosticBag diagnostics)
    {
        var location = new SourceLocation(display);
        bool Refuse(string message)
        {
            diagnostics.Error(DiagnosticCodes.UnreadableWorkbook, message, location);
            return false;
        }

        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
            return Refuse($"is larger than {MaxFileBytes / (1024 * 1024)} MB; export only the columns and rows the report needs");

        var head = new byte[8];
        using (var file = File.OpenRead(path)) _ = file.Read(head, 0, head.Length);
        if (head.AsSpan().StartsWith(OleCompoundFile))
            return Refuse("is an old Excel 97-2003 (.xls) file or a workbook protected with a password; open it in Excel, remove any password, and save it as an Excel workbook (.xlsx)");
        if (!head.AsSpan().StartsWith(Zip))
            return Refuse(head.Take((int)Math.Min(length, 8)).All(b => b is >= 0x20 and < 0x7F or (byte)'\t' or (byte)'\r' or (byte)'\n')
                ? "is a text or CSV file, not an Excel workbook, although it is named .xlsx; open it in Excel and save it as an Excel workbook (.xlsx)"
                : "is not an Excel workbook (.xlsx); save it from Excel as an Excel workbook");

        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.GetEntry("xl/workbook.xml") is null)
                return Refuse("is a zip file but holds no Excel workbook; save it from Excel as an Excel workbook (.xlsx)");
            long expanded = 0;
            foreach (var entry in zip.Entries)
            {
                expanded += entry.Length;
                if (expanded > MaxExpandedBytes || entry.Length > 10 * 1024 * 1024 && entry.Length > MaxEntryRatio * Math.Max(1, entry.CompressedLength))
                    return Refuse($"expands to far more than its size on disk (more than {MaxExpandedBytes / (1024 * 1024)} MB, or over {MaxEntryRatio} times compressed), as a zip bomb would; it was not opened. Export only the columns and rows the report needs");
            }
            foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
                if (CountRows(sheet) > MaxRows)
                    return Refuse(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"has a sheet of more than {MaxRows:N0} rows; export only the rows the report needs (one reporting year, people in scope)"));
            if (zip.Entries.Any(e => e.FullName.StartsWith("xl/externalLinks/", StringComparison.Ordinal)))
                diagnostics.Warning(DiagnosticCodes.ExternalLinks,
                    "links to other workbooks; the values Excel last saved are read, and the linked workbooks are never opened. Replace the links by values if they may be out of date", location);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException)
        {
            return Refuse("is damaged or incomplete (perhaps cut short while copying); export or copy it again");
        }
        return true;
    }

    /// <summary>Counts a worksheet's rows by streaming its XML, in constant memory, stopping once over the limit.</summary>
    private static int CountRows(ZipArchiveEntry sheet)
    {
        using var stream = sheet.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        var rows = 0;
        while (reader.Read() && rows <= MaxRows)
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row") rows++;
        return rows;
    }
}
