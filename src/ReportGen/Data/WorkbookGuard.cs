using System.Globalization;
using System.IO.Compression;
using System.Xml;
using ReportGen.Diagnostics;

namespace ReportGen.Data;

/// <summary>
/// Looks at a workbook's bytes before it is opened, so that a broken or hostile file is refused with a clear message
/// instead of hanging the build or exhausting memory: too large, not a zip (an old .xls, a password-protected
/// workbook, a CSV renamed .xlsx), a truncated zip, a zip bomb, a zip without a workbook in it, XML with a DTD
/// (entity bombs, external entities), nested deeply enough to overflow a parser, or not well-formed. Links to other
/// workbooks are reported: their cached values are read, and the linked files are never opened.
/// </summary>
public static class WorkbookGuard
{
    public const long MaxFileBytes = 50L * 1024 * 1024;
    public const long MaxExpandedBytes = 400L * 1024 * 1024;
    /// <summary>Far more than any force's HR extract (bench/workbooks reads 200,000 rows in about three seconds).</summary>
    public const int MaxRows = 200_000;
    private const int MaxEntryRatio = 200;
    /// <summary>Excel's deepest parts (charts, drawings, extension lists) nest about 20 elements deep.</summary>
    public const int MaxXmlDepth = 100;
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
        if (length == 0)
            return Refuse("is empty (0 bytes), perhaps saved or copied while it was still open; export or copy it again");
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
            foreach (var part in zip.Entries.Where(IsXml))
                if (ScanPart(part) is { } problem)
                    return Refuse(problem);
            if (zip.Entries.Any(e => e.FullName.StartsWith("xl/externalLinks/", StringComparison.Ordinal)))
                diagnostics.Warning(DiagnosticCodes.ExternalLinks,
                    "links to other workbooks; the values Excel last saved are read, and the linked workbooks are never opened. Replace the links by values if they may be out of date", location);
        }
        catch (InvalidDataException)
        {
            return Refuse("is damaged or incomplete (perhaps cut short while copying); export or copy it again");
        }
        return true;
    }

    private static bool IsXml(ZipArchiveEntry entry) =>
        entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Streams one XML part, in constant memory, before any library parses it: a document type declaration (the
    /// way in for entity bombs and external entities, and never written by Excel), nesting deep enough to overflow a
    /// parser's stack, a sheet of too many rows, a cell reference outside Excel's grid, or XML that is not
    /// well-formed, each gives the refusal to report; null when the part is fine.
    /// </summary>
    private static string? ScanPart(ZipArchiveEntry part)
    {
        var isSheet = part.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal);
        var name = part.FullName;
        var rows = 0;
        string? cell = null;
        try
        {
            using var stream = part.Open();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersFromEntities = 0,
                IgnoreWhitespace = true,
            });
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.Depth >= MaxXmlDepth)
                    return $"nests its XML more than {MaxXmlDepth} levels deep in {name}{(cell is null ? "" : $", in cell {cell}")} (Excel writes fewer than 20), " +
                           "as a file made to crash the program reading it would; it was not opened. Export the data again from the system it came from";
                if (!isSheet) continue;
                if (reader.LocalName == "row" && ++rows > MaxRows)
                    return string.Create(CultureInfo.InvariantCulture, $"has a sheet of more than {MaxRows:N0} rows; export only the rows the report needs (one reporting year, people in scope)");
                if (reader.LocalName == "c" && reader.GetAttribute("r") is { } reference)
                {
                    cell = reference;
                    if (!InGrid(reference))
                        return $"has a cell reference '{SafeReference(reference)}' in {name} outside Excel's grid (columns A to XFD, rows 1 to 1,048,576), which Excel never writes; save it again from Excel, or export the data again";
                }
            }
            return null;
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return $"holds a document type declaration (<!DOCTYPE>) in {name}, which Excel never writes and which can be used to attack " +
                   "the program reading it (entity expansion, reading other files); it was not opened. Open it in Excel and save it again, or export the data again";
        }
        catch (XmlException ex)
        {
            return string.Create(CultureInfo.InvariantCulture, $"is damaged: its part {name} is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}); open it in Excel and save it again, or export or copy it again");
        }
    }

    /// <summary>Whether an A1 reference lies in Excel's grid: columns A to XFD (16,384), rows 1 to 1,048,576.</summary>
    internal static bool InGrid(string reference)
    {
        var i = 0;
        var column = 0;
        while (i < reference.Length && char.ToUpperInvariant(reference[i]) is >= 'A' and <= 'Z' && i < 4) column = column * 26 + (char.ToUpperInvariant(reference[i++]) - 'A' + 1);
        if (i == 0 || i == reference.Length || column > 16_384) return false;
        return int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row is >= 1 and <= 1_048_576;
    }

    private static string SafeReference(string reference) =>
        reference.Length > 20 || reference.Any(char.IsControl) ? "(unreadable)" : reference;

}
