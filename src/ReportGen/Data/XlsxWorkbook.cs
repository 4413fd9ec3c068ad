using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace ReportGen.Data;

/// <summary>
/// A workbook (already passed by <see cref="WorkbookGuard"/>) opened once for reading: its package relationships,
/// sheet list, date system, shared strings and number formats are read when it is opened, and each sheet, when it is
/// first asked for, in one forward pass of an <see cref="XmlReader"/> over its part. A whole-workbook model
/// (ClosedXML's, before) took four to five times the time and two to three times the memory (bench/workbooks).
/// <para>
/// Cells are read as ClosedXML 0.95 read them, so that every figure and diagnostic stays as it was: the type
/// attribute says what a cell holds, and a number is a date when its number format is a date format (by the same
/// rule: built-in formats 14–22 and 45–47, or a format whose first code outside quotes is d, h, m, s or y); a package
/// without a styles part, as programs other than Excel write, has numbers and no dates.
/// </para>
/// </summary>
internal sealed partial class XlsxWorkbook : IDisposable
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The guard has already refused DTDs, deep nesting and malformed XML; these settings refuse DTDs again.</summary>
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
        // The guard has read every part with the characters checked; checking them again would only cost time.
        CheckCharacters = false,
    };

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>The worksheets in workbook order: their names and the paths of their parts.</summary>
    private readonly List<(string Name, string Part)> _sheets = [];
    private readonly Dictionary<string, XlsxSheet> _read = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool _date1904;
    private string[] _sharedStrings = [];
    /// <summary>The kind each cell style (by index) gives a number; null when the package has no styles part.</summary>
    private CellKind[]? _styleKinds;

    private XlsxWorkbook(string path)
    {
        _zip = ZipFile.OpenRead(path);
        try
        {
            foreach (var entry in _zip.Entries) _entries.TryAdd(entry.FullName, entry);
            if (!_entries.ContainsKey("[Content_Types].xml")) throw new UnreadableWorkbookException();
            CheckRelationshipTargets();

            var workbookPart = Relationships("")
                .FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target ?? throw new UnreadableWorkbookException();
            var parts = Relationships(workbookPart).ToDictionary(r => r.Id, r => r, StringComparer.Ordinal);
            _date1904 = ReadWorkbook(workbookPart, parts);
            if (parts.Values.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)) is { Target: { } strings })
                _sharedStrings = ReadSharedStrings(strings);
            if (parts.Values.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)) is { Target: { } styles })
                _styleKinds = ReadStyles(styles);
        }
        catch
        {
            _zip.Dispose();
            throw;
        }
    }

    /// <summary>Opens the workbook; throws when it cannot be read (<see cref="UnreadableWorkbookException"/> says why, if it can).</summary>
    public static XlsxWorkbook Open(string path) => new(path);

    public void Dispose() => _zip.Dispose();

    /// <summary>The names of the worksheets, in workbook order.</summary>
    public IEnumerable<string> SheetNames => _sheets.Select(s => s.Name);

    /// <summary>
    /// The sheet of this name (as Excel compares names: ignoring case, and quotes around the name), read the first
    /// time it is asked for; null when the workbook has no such worksheet.
    /// </summary>
    public XlsxSheet? Sheet(string name)
    {
        var unquoted = name.Trim('\'').Replace("''", "'", StringComparison.Ordinal);
        if (_read.TryGetValue(unquoted, out var read)) return read;
        if (_sheets.FirstOrDefault(s => string.Equals(s.Name, unquoted, StringComparison.OrdinalIgnoreCase)) is not ({ } sheetName, { } part)) return null;
        return _read[unquoted] = ReadSheet(sheetName, part);
    }

    // ---- The package ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Every relationship in the package that points inside it must lead to a part there, as the Open XML SDK (under
    /// ClosedXML) required: a workbook naming a sheet, styles or a drawing that is not in the file is refused.
    /// </summary>
    private void CheckRelationshipTargets()
    {
        foreach (var rels in _entries.Keys.Select(k => RelationshipsPart().Match(k)).Where(m => m.Success).ToList())
        {
            var source = rels.Groups["folder"].Value + rels.Groups["part"].Value;
            foreach (var relationship in Relationships(source))
                if (!relationship.External && !_entries.ContainsKey(relationship.Target))
                    throw new UnreadableWorkbookException(missingPart: true);
        }
    }

    /// <summary>A relationships part's name: the folder and name of the part whose relationships it holds.</summary>
    [GeneratedRegex(@"^(?<folder>(?:[^/]+/)*)_rels/(?<part>[^/]*)\.rels$", RegexOptions.IgnoreCase)]
    private static partial Regex RelationshipsPart();

    /// <summary>The relationships of a part ("" for the package's own): their ids, types and resolved targets.</summary>
    private List<(string Id, string Type, string Target, bool External)> Relationships(string part)
    {
        var folder = part.Contains('/') ? part[..(part.LastIndexOf('/') + 1)] : "";
        var rels = folder + "_rels/" + part[folder.Length..] + ".rels";
        var found = new List<(string, string, string, bool)>();
        if (!_entries.TryGetValue(rels, out var entry)) return found;
        using var reader = Xml(entry);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship") continue;
            var target = reader.GetAttribute("Target") ?? "";
            var external = string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
            found.Add((reader.GetAttribute("Id") ?? "", reader.GetAttribute("Type") ?? "", external ? target : Resolve(folder, target), external));
        }
        return found;
    }

    /// <summary>A relationship's target as a zip entry name: relative to the source part's folder, or from the root.</summary>
    private static string Resolve(string folder, string target)
    {
        var path = Uri.UnescapeDataString(target.Split('#')[0]);
        var segments = new List<string>();
        foreach (var segment in (path.StartsWith('/') ? path : folder + path).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".") continue;
            if (segment == "..") { if (segments.Count > 0) segments.RemoveAt(segments.Count - 1); }
            else segments.Add(segment);
        }
        return string.Join('/', segments);
    }

    private XmlReader Xml(ZipArchiveEntry entry) => XmlReader.Create(entry.Open(), Settings);

    private XmlReader Xml(string part) =>
        _entries.TryGetValue(part, out var entry) ? Xml(entry) : throw new UnreadableWorkbookException(missingPart: true);

    /// <summary>Reads the sheet list (worksheets only: chart and dialog sheets hold no cells) and the date system.</summary>
    private bool ReadWorkbook(string part, Dictionary<string, (string Id, string Type, string Target, bool External)> parts)
    {
        var date1904 = false;
        var sawSheets = false;
        using var reader = Xml(part);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != MainNamespace) continue;
            switch (reader.LocalName)
            {
                case "workbookPr":
                    date1904 = reader.GetAttribute("date1904") is { } value && XmlBoolean(value);
                    break;
                case "sheets":
                    sawSheets = true;
                    break;
                case "sheet":
                    var name = reader.GetAttribute("name") ?? throw new UnreadableWorkbookException();
                    var id = reader.GetAttribute("id", RelationshipsNamespace) ?? throw new UnreadableWorkbookException();
                    if (!parts.TryGetValue(id, out var relationship)) throw new UnreadableWorkbookException();
                    if (relationship.Type.EndsWith("/worksheet", StringComparison.Ordinal)) _sheets.Add((name, relationship.Target));
                    break;
            }
        }
        return sawSheets ? date1904 : throw new UnreadableWorkbookException();
    }

    private static bool XmlBoolean(string value) => value.Trim() switch
    {
        "1" or "true" => true,
        "0" or "false" => false,
        _ => throw new UnreadableWorkbookException(),
    };

    // ---- Shared strings and styles --------------------------------------------------------------------------------

    /// <summary>
    /// The shared strings, in order. An item of rich text runs is the runs' text put together (phonetic guides left
    /// out); a plain item's _xHHHH_ escapes are decoded here, as ClosedXML did, and again when the cell is read.
    /// </summary>
    private string[] ReadSharedStrings(string part)
    {
        var strings = new List<string>();
        using var reader = Xml(part);
        var nameTable = reader.NameTable;
        var item = nameTable.Add("si");
        reader.Read();
        while (!reader.EOF)
        {
            // Reading an item leaves the reader on what follows it, which may be the next item.
            if (reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, item)) strings.Add(ReadStringItem(reader, sharedString: true));
            else reader.Read();
        }
        return [.. strings];
    }

    /// <summary>
    /// A string item (a shared string's si, or an inline string's is) at the reader, which is left after it. An
    /// inline string's own text comes before its runs, and is not decoded; a shared string's runs come first.
    /// </summary>
    private static string ReadStringItem(XmlReader reader, bool sharedString)
    {
        string? text = null;
        StringBuilder? runs = null;
        if (reader.IsEmptyElement) { reader.Read(); return ""; }
        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
            switch (reader.LocalName)
            {
                case "t" when text is null:
                    text = ReadText(reader);
                    break;
                case "r":
                    runs ??= new StringBuilder();
                    runs.Append(ReadRun(reader));
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        reader.Read();
        if (sharedString) return runs?.ToString() ?? DecodeName(text ?? "");
        return text ?? runs?.ToString() ?? "";
    }

    /// <summary>A rich text run's text; the reader is left after the run.</summary>
    private static string ReadRun(XmlReader reader)
    {
        if (reader.IsEmptyElement) { reader.Read(); return ""; }
        string? text = null;
        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && text is null) text = ReadText(reader);
            else if (reader.NodeType == XmlNodeType.Element) reader.Skip();
            else reader.Read();
        }
        reader.Read();
        return text ?? "";
    }

    [GeneratedRegex("_(X[0-9A-Fa-f]{4})_")]
    private static partial Regex UppercaseEscape();

    /// <summary>Decodes _xHHHH_ escapes as XML names are decoded (an upper-case _XHHHH_ is kept as it is).</summary>
    private static string DecodeName(string text) =>
        text.Contains('_') ? XmlConvert.DecodeName(UppercaseEscape().Replace(text, "_x005F_$1_")) : text;

    /// <summary>The kind each cell style gives a number, by its number format.</summary>
    private CellKind[] ReadStyles(string part)
    {
        var formats = new Dictionary<uint, string>();
        var kinds = new List<CellKind>();
        using var reader = Xml(part);
        var inCellFormats = false;
        while (reader.Read())
        {
            if (reader.NamespaceURI != MainNamespace) continue;
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs") inCellFormats = false;
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "numFmt":
                    if (Unsigned(reader.GetAttribute("numFmtId")) is { } id && reader.GetAttribute("formatCode") is { } code) formats.TryAdd(id, code);
                    break;
                case "cellXfs":
                    inCellFormats = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellFormats:
                    var formatId = Unsigned(reader.GetAttribute("numFmtId"));
                    kinds.Add(formatId is { } number ? KindOf(number, formats.GetValueOrDefault(number, "")) : CellKind.Number);
                    break;
            }
        }
        return [.. kinds];
    }

    private static uint? Unsigned(string? text) =>
        text is not null && uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>What a number with this number format is: a date, a duration, text (format @) or a number.</summary>
    private static CellKind KindOf(uint id, string format)
    {
        if (format.Length == 0)
            return id switch
            {
                46 => CellKind.Duration,
                >= 14 and <= 22 or >= 45 and <= 47 => CellKind.Date,
                49 => CellKind.Text,
                _ => CellKind.Number,
            };
        if (string.IsNullOrWhiteSpace(format)) return CellKind.Number;
        var lower = format.ToLowerInvariant();
        for (var i = 0; i < lower.Length; i++)
        {
            switch (lower[i])
            {
                case '"':
                    var close = lower.IndexOf('"', i + 1);
                    if (close < 0) return CellKind.Number;
                    i = close;
                    break;
                case '#' or '0' or '?':
                    return CellKind.Number;
                case 'd' or 'h' or 'm' or 's' or 'y':
                    return CellKind.Date;
            }
        }
        return CellKind.Number;
    }

    // ---- Sheets ---------------------------------------------------------------------------------------------------

    /// <summary>The names the sheet reader compares, atomised in its reader's name table so that they compare by reference.</summary>
    private sealed class SheetXmlNames(XmlNameTable table)
    {
        public readonly string SheetData = table.Add("sheetData"), Row = table.Add("row"), Cell = table.Add("c"), Value = table.Add("v"),
            Formula = table.Add("f"), InlineString = table.Add("is"), MergeCells = table.Add("mergeCells"), MergeCell = table.Add("mergeCell"),
            Reference = table.Add("r"), Type = table.Add("t"), Style = table.Add("s"), SharedIndex = table.Add("si");
    }

    private XlsxSheet ReadSheet(string name, string part)
    {
        var rows = new Dictionary<int, XlsxCell[]>();
        var merges = new List<(int, int, int, int)>();
        using var reader = Xml(part);
        var names = new SheetXmlNames(reader.NameTable);
        reader.MoveToContent();
        if (reader.IsEmptyElement) return new XlsxSheet(name, rows, merges);
        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element) reader.Read();
            else if (ReferenceEquals(reader.LocalName, names.SheetData)) ReadSheetData(reader, names, rows);
            else if (ReferenceEquals(reader.LocalName, names.MergeCells)) ReadMergeCells(reader, names, merges);
            else reader.Skip();
        }
        return new XlsxSheet(name, rows, merges);
    }

    /// <summary>
    /// Reads the rows of sheetData (the reader is left after it). Millions of cells pass through here: it is
    /// compiled optimised from the first call rather than after the tiered compiler has watched it run.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadSheetData(XmlReader reader, SheetXmlNames names, Dictionary<int, XlsxCell[]> rows)
    {
        var cells = new List<(int Row, XlsxCell Cell)>();
        var lastRow = 0;
        if (reader.IsEmptyElement) { reader.Read(); return; }
        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
            if (!ReferenceEquals(reader.LocalName, names.Row)) { reader.Skip(); continue; }
            lastRow = reader.GetAttribute(names.Reference) is { } r ? int.Parse(r, NumberStyles.None, CultureInfo.InvariantCulture) : lastRow + 1;
            if (reader.IsEmptyElement) { reader.Read(); continue; }
            cells.Clear();
            var rowDepth = reader.Depth;
            var lastColumn = 0;
            reader.Read();
            while (reader.Depth > rowDepth && !reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
                if (!ReferenceEquals(reader.LocalName, names.Cell)) { reader.Skip(); continue; }
                var (cellRow, cell) = ReadCell(reader, names, lastRow, lastColumn);
                lastColumn = cell.Column;
                cells.Add((cellRow, cell));
            }
            reader.Read();
            Store(rows, cells);
        }
        reader.Read();
    }

    private static void ReadMergeCells(XmlReader reader, SheetXmlNames names, List<(int, int, int, int)> merges)
    {
        if (reader.IsEmptyElement) { reader.Read(); return; }
        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
            if (ReferenceEquals(reader.LocalName, names.MergeCell) && reader.GetAttribute("ref") is { } range && Range(range) is { } merge) merges.Add(merge);
            reader.Skip();
        }
        reader.Read();
    }

    /// <summary>
    /// Adds a row's cells to the sheet in column order. A cell stands in the row its own reference names (which is
    /// almost always the row it is written in), and of two cells at the same place the later one counts.
    /// </summary>
    private static void Store(Dictionary<int, XlsxCell[]> rows, List<(int Row, XlsxCell Cell)> cells)
    {
        if (cells.Count == 0) return;
        var row = cells[0].Row;
        var ordered = true;
        for (var i = 1; i < cells.Count && ordered; i++)
            ordered = cells[i].Row == row && cells[i].Cell.Column > cells[i - 1].Cell.Column;
        if (ordered && !rows.ContainsKey(row))
        {
            var array = new XlsxCell[cells.Count];
            for (var i = 0; i < array.Length; i++) array[i] = cells[i].Cell;
            rows[row] = array;
            return;
        }
        foreach (var group in cells.GroupBy(c => c.Row))
        {
            var merged = new SortedDictionary<int, XlsxCell>();
            foreach (var cell in rows.GetValueOrDefault(group.Key) ?? []) merged[cell.Column] = cell;
            foreach (var (_, cell) in group) merged[cell.Column] = cell;
            rows[group.Key] = [.. merged.Values];
        }
    }

    /// <summary>Reads the c element at the reader (which is left after it): the row it stands in and the cell.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int Row, XlsxCell Cell) ReadCell(XmlReader reader, SheetXmlNames names, int row, int lastColumn)
    {
        var column = lastColumn + 1;
        string? type = null, style = null;
        while (reader.MoveToNextAttribute())
        {
            var attribute = reader.LocalName;
            if (ReferenceEquals(attribute, names.Reference)) (row, column) = Reference(reader.Value);
            else if (ReferenceEquals(attribute, names.Type)) type = reader.Value;
            else if (ReferenceEquals(attribute, names.Style)) style = reader.Value;
        }
        reader.MoveToElement();
        string? value = null, inline = null;
        var formula = false;
        var hasFormulaElement = false;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            reader.Read();
            while (reader.Depth > depth && !reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
                if (ReferenceEquals(reader.LocalName, names.Value)) value = ReadText(reader);
                else if (ReferenceEquals(reader.LocalName, names.Formula))
                {
                    // A shared formula's other cells carry only its index; they hold the formula all the same.
                    hasFormulaElement = true;
                    formula |= reader.GetAttribute(names.SharedIndex) is not null;
                    formula |= !string.IsNullOrWhiteSpace(ReadText(reader));
                }
                else if (ReferenceEquals(reader.LocalName, names.InlineString)) inline = ReadStringItem(reader, sharedString: false);
                else reader.Skip();
            }
        }
        reader.Read();
        return (row, formula ? FormulaCell(column, type, value) : hasFormulaElement ? default(XlsxCell).At(column) : ValueCell(column, type, style, value, inline));
    }

    /// <summary>
    /// The text of the element at the reader, which is left after it: as ReadElementContentAsString reads it, without
    /// the general machinery that costs more than the XML of a value does.
    /// </summary>
    private static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement) { reader.Read(); return ""; }
        var depth = reader.Depth;
        reader.Read();
        string? text = null;
        StringBuilder? more = null;
        while (reader.Depth > depth && !reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (text is null) text = reader.Value;
                    else (more ??= new StringBuilder(text)).Append(reader.Value);
                    break;
                case XmlNodeType.Element:
                    throw new UnreadableWorkbookException();
            }
            reader.Read();
        }
        reader.Read();
        return more?.ToString() ?? text ?? "";
    }

    /// <summary>A formula's cell holds the value Excel saved for it, of the kind its type attribute says.</summary>
    private static XlsxCell FormulaCell(int column, string? type, string? value)
    {
        if (value is null || value.Length == 0) return XlsxCell.OfText(column, "", hasFormula: true);
        switch (type)
        {
            case "n":
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? XlsxCell.OfNumber(column, number, hasFormula: true)
                    : XlsxCell.OfText(column, "", hasFormula: true);
            case "b":
                return XlsxCell.OfKind(column, CellKind.Boolean, BooleanText(value), hasFormula: true);
            case "d":
                return DateOf(value) is { } date ? XlsxCell.OfDate(column, date, hasFormula: true) : XlsxCell.OfText(column, "", hasFormula: true);
            default:
                return XlsxCell.OfText(column, value, hasFormula: true);
        }
    }

    /// <summary>A cell without a formula, by its type attribute (no attribute is a number).</summary>
    private XlsxCell ValueCell(int column, string? type, string? style, string? value, string? inline)
    {
        switch (type)
        {
            case "inlineStr":
                return XlsxCell.OfText(column, inline ?? "");
            case "s":
                return XlsxCell.OfText(column, int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < _sharedStrings.Length
                    ? _sharedStrings[index] : "");
            case "str":
                return XlsxCell.OfText(column, value ?? "");
            case "b":
                return value is null ? default(XlsxCell).At(column) : XlsxCell.OfKind(column, CellKind.Boolean, BooleanText(value));
            case "d":
                if (string.IsNullOrWhiteSpace(value)) return default(XlsxCell).At(column);
                return XlsxCell.OfDate(column, DateOf(value) ?? throw new UnreadableWorkbookException());
            case "e":
                // An error typed in as a value, without a formula, was read as an empty cell before: so it stays.
                return default(XlsxCell).At(column);
            case null or "n":
                if (string.IsNullOrWhiteSpace(value)) return default(XlsxCell).At(column);
                var number = double.Parse(value, type is null ? NumberStyles.Float | NumberStyles.AllowThousands : NumberStyles.Float, CultureInfo.InvariantCulture);
                return NumberCell(column, StyleKind(style), number);
            default:
                throw new UnreadableWorkbookException();
        }
    }

    /// <summary>A number, as its number format shows it: a number, a date, a duration or text.</summary>
    private XlsxCell NumberCell(int column, CellKind kind, double number)
    {
        switch (kind)
        {
            case CellKind.Date when IsDateSerial(number):
                var date = DateTime.FromOADate(number);
                return XlsxCell.OfDate(column, _date1904 ? date.AddDays(1462) : date);
            case CellKind.Duration:
                return XlsxCell.OfKind(column, CellKind.Duration, TimeSpan.FromMilliseconds(Math.Round(TimeSpan.FromDays(number).TotalMilliseconds)).ToString());
            case CellKind.Text:
                return XlsxCell.OfText(column, number.ToString(CultureInfo.InvariantCulture));
            default:
                return XlsxCell.OfNumber(column, number);
        }
    }

    private CellKind StyleKind(string? style)
    {
        if (_styleKinds is null) return CellKind.Number;
        var index = style is null ? 0 : int.Parse(style, NumberStyles.None, CultureInfo.InvariantCulture);
        return index < _styleKinds.Length ? _styleKinds[index] : CellKind.Number;
    }

    /// <summary>Whether a number is a date Excel can show: from year 100 to 9999.</summary>
    private static bool IsDateSerial(double number) => number is >= -657435.0 and < 2958466.0;

    /// <summary>A date cell's value: a serial number, or an ISO 8601 date as the d type holds it.</summary>
    private static DateTime? DateOf(string value)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
            return IsDateSerial(serial) ? DateTime.FromOADate(serial) : null;
        return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date : null;
    }

    private static string BooleanText(string value) =>
        bool.TryParse(value, out var parsed) ? parsed.ToString() : value == "0" ? bool.FalseString : bool.TrueString;

    /// <summary>A cell reference (D6) as a row and column.</summary>
    private static (int Row, int Column) Reference(string reference)
    {
        var i = 0;
        var column = 0;
        while (i < reference.Length && i < 4 && char.ToUpperInvariant(reference[i]) is >= 'A' and <= 'Z')
            column = column * 26 + (char.ToUpperInvariant(reference[i++]) - 'A' + 1);
        if (i == 0 || !int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) || row < 1 || column > 16_384)
            throw new UnreadableWorkbookException();
        return (row, column);
    }

    /// <summary>A merged range (A4:C4) as its corners; null for a single cell, which merges nothing.</summary>
    private static (int Top, int Left, int Bottom, int Right)? Range(string range)
    {
        var parts = range.Split(':');
        if (parts.Length == 1)
        {
            Reference(parts[0]);
            return null;
        }
        if (parts.Length != 2) throw new UnreadableWorkbookException();
        var (top, left) = Reference(parts[0].Replace("$", "", StringComparison.Ordinal));
        var (bottom, right) = Reference(parts[1].Replace("$", "", StringComparison.Ordinal));
        (top, bottom) = (Math.Min(top, bottom), Math.Max(top, bottom));
        (left, right) = (Math.Min(left, right), Math.Max(left, right));
        return top == bottom && left == right ? null : (top, left, bottom, right);
    }
}

/// <summary>A workbook whose package is not laid out as an Excel workbook's is, or that refers to a part it does not hold.</summary>
internal sealed class UnreadableWorkbookException(bool missingPart = false) : Exception
{
    public bool MissingPart { get; } = missingPart;
}
