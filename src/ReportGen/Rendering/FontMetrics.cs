using System.Buffers.Binary;
using System.IO.Compression;

namespace ReportGen.Rendering;

/// <summary>
/// The advance width of each character in a font file the template set ships (WOFF2, or a plain TrueType/OpenType
/// file), read from its <c>cmap</c>, <c>hmtx</c>, <c>hhea</c> and <c>head</c> tables. The charts use it to make room
/// for their labels with the font the reader's browser will draw them in, instead of guessing a width per character.
/// Kerning is not applied; <see cref="TextMeasure"/> leaves a margin for it.
/// </summary>
public sealed class FontMetrics
{
    private readonly Dictionary<int, ushort> _glyphs;
    private readonly ushort[] _advances;

    private FontMetrics(Dictionary<int, ushort> glyphs, ushort[] advances, int unitsPerEm)
    {
        _glyphs = glyphs;
        _advances = advances;
        UnitsPerEm = unitsPerEm;
    }

    public int UnitsPerEm { get; }

    /// <summary>The characters the font has a glyph for.</summary>
    public int CharacterCount => _glyphs.Count;

    /// <summary>The advance of a character in em (1 = the font size), or null when the font has no glyph for it.</summary>
    public double? Advance(int codePoint)
    {
        if (!_glyphs.TryGetValue(codePoint, out var glyph) || glyph == 0) return null;
        // Glyphs past the last long metric share its advance (the hmtx convention for monospaced runs).
        var advance = _advances[Math.Min(glyph, _advances.Length - 1)];
        return (double)advance / UnitsPerEm;
    }

    /// <summary>Reads a font file; throws <see cref="InvalidDataException"/> when it is not a font this can read.</summary>
    public static FontMetrics Read(string path) => Read(File.ReadAllBytes(path));

    public static FontMetrics Read(byte[] file)
    {
        try
        {
            var tables = BinaryPrimitives.ReadUInt32BigEndian(file) == 0x774F4632 /* wOF2 */ ? Woff2Tables(file) : SfntTables(file);
            byte[] Table(string tag) => tables.TryGetValue(tag, out var t) ? t.Data : throw new InvalidDataException($"the font has no '{tag}' table");

            var head = Table("head");
            if (BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(12)) != 0x5F0F3CF5) throw new InvalidDataException("the font's head table is damaged");
            var unitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(head.AsSpan(18));
            if (unitsPerEm is < 16 or > 16384) throw new InvalidDataException("the font's units per em are out of range");
            var metricCount = BinaryPrimitives.ReadUInt16BigEndian(Table("hhea").AsSpan(34));
            if (metricCount == 0) throw new InvalidDataException("the font has no horizontal metrics");

            var hmtx = tables.TryGetValue("hmtx", out var h) ? h : throw new InvalidDataException("the font has no 'hmtx' table");
            var advances = new ushort[metricCount];
            // A WOFF2 hmtx transformed (version 1) starts with a flags byte and keeps the advances as an array of their own.
            if (hmtx.Transformed)
                for (var i = 0; i < metricCount; i++) advances[i] = BinaryPrimitives.ReadUInt16BigEndian(hmtx.Data.AsSpan(1 + 2 * i));
            else
                for (var i = 0; i < metricCount; i++) advances[i] = BinaryPrimitives.ReadUInt16BigEndian(hmtx.Data.AsSpan(4 * i));

            return new FontMetrics(CharacterMap(Table("cmap")), advances, unitsPerEm);
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or InvalidOperationException or IOException)
        {
            throw new InvalidDataException("the font file is damaged or not a TrueType, OpenType or WOFF2 font", ex);
        }
    }

    private readonly record struct FontTable(byte[] Data, bool Transformed);

    private static Dictionary<string, FontTable> SfntTables(byte[] file)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(4));
        var tables = new Dictionary<string, FontTable>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = file.AsSpan(12 + 16 * i);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            tables[tag] = new FontTable(file.AsSpan(offset, length).ToArray(), false);
        }
        return tables;
    }

    private static readonly string[] KnownTags =
    [
        "cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post", "cvt ", "fpgm", "glyf", "loca", "prep", "CFF ", "VORG", "EBDT",
        "EBLC", "gasp", "hdmx", "kern", "LTSH", "PCLT", "VDMX", "vhea", "vmtx", "BASE", "GDEF", "GPOS", "GSUB", "EBSC", "JSTF", "MATH",
        "CBDT", "CBLC", "COLR", "CPAL", "SVG ", "sbix", "acnt", "avar", "bdat", "bloc", "bsln", "cvar", "fdsc", "feat", "fmtx", "fvar",
        "gvar", "hsty", "just", "lcar", "mort", "morx", "opbd", "prop", "trak", "Zapf", "Silf", "Glat", "Gloc", "Feat", "Sill",
    ];

    /// <summary>The tables of a WOFF2 file (W3C WOFF2 §4–5): a directory, then every table in one Brotli stream, in directory order.</summary>
    private static Dictionary<string, FontTable> Woff2Tables(byte[] file)
    {
        if (BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(4)) == 0x74746366 /* ttcf */) throw new InvalidDataException("a font collection is not supported; ship one font per file");
        var count = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(12));
        var compressedLength = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(20));
        var position = 48;
        var entries = new List<(string Tag, int Length, bool Transformed)>();
        for (var i = 0; i < count; i++)
        {
            var flags = file[position++];
            string tag;
            if ((flags & 0x3F) == 0x3F) { tag = System.Text.Encoding.ASCII.GetString(file, position, 4); position += 4; }
            else tag = KnownTags[flags & 0x3F];
            var version = flags >> 6;
            var length = Base128(file, ref position);
            // glyf and loca are transformed at version 0 and plain at 3; every other table is plain at 0.
            var transformed = tag is "glyf" or "loca" ? version != 3 : version != 0;
            if (transformed) length = Base128(file, ref position);
            entries.Add((tag, length, transformed));
        }

        var data = new byte[entries.Sum(e => (long)e.Length) is var total and <= 64 << 20 ? (int)total : throw new InvalidDataException("the font's tables are too large")];
        using (var brotli = new BrotliStream(new MemoryStream(file, position, compressedLength), CompressionMode.Decompress))
            brotli.ReadExactly(data);

        var tables = new Dictionary<string, FontTable>(StringComparer.Ordinal);
        var offset = 0;
        foreach (var (tag, length, transformed) in entries)
        {
            tables[tag] = new FontTable(data.AsSpan(offset, length).ToArray(), transformed);
            offset += length;
        }
        return tables;
    }

    /// <summary>WOFF2's UIntBase128: up to five bytes, seven bits each, most significant first, no leading zeros.</summary>
    private static int Base128(byte[] file, ref int position)
    {
        uint value = 0;
        for (var i = 0; i < 5; i++)
        {
            var b = file[position++];
            if (i == 0 && b == 0x80) throw new InvalidDataException("the font's table directory is damaged");
            if ((value & 0xFE000000) != 0) throw new InvalidDataException("the font's table directory is damaged");
            value = (value << 7) | (uint)(b & 0x7F);
            if ((b & 0x80) == 0) return value <= int.MaxValue ? (int)value : throw new InvalidDataException("the font's table directory is damaged");
        }
        throw new InvalidDataException("the font's table directory is damaged");
    }

    /// <summary>Unicode code point → glyph, from the cmap's Unicode subtable (format 12 preferred, else format 4).</summary>
    private static Dictionary<int, ushort> CharacterMap(byte[] cmap)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(2));
        int? format4 = null, format12 = null;
        for (var i = 0; i < count; i++)
        {
            var record = cmap.AsSpan(4 + 8 * i);
            var (platform, encoding) = (BinaryPrimitives.ReadUInt16BigEndian(record), BinaryPrimitives.ReadUInt16BigEndian(record[2..]));
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]);
            if (platform is not (0 or 3) || platform == 3 && encoding is not (1 or 10)) continue;
            var format = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(offset));
            if (format == 12) format12 ??= offset;
            else if (format == 4) format4 ??= offset;
        }

        var map = new Dictionary<int, ushort>();
        if (format12 is { } at12)
        {
            var groups = BinaryPrimitives.ReadUInt32BigEndian(cmap.AsSpan(at12 + 12));
            for (var g = 0; g < groups; g++)
            {
                var group = cmap.AsSpan(at12 + 16 + 12 * g);
                var (start, end, glyph) = (BinaryPrimitives.ReadUInt32BigEndian(group), BinaryPrimitives.ReadUInt32BigEndian(group[4..]), BinaryPrimitives.ReadUInt32BigEndian(group[8..]));
                if (end < start || end > 0x10FFFF || end - start > 0xFFFF) throw new InvalidDataException("the font's character map is damaged");
                for (var c = start; c <= end; c++) map[(int)c] = (ushort)(glyph + (c - start));
            }
            return map;
        }
        if (format4 is not { } at)
            throw new InvalidDataException("the font has no Unicode character map");

        var segments = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(at + 6)) / 2;
        int Word(int index) => BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(index));
        var ends = at + 14;
        var starts = ends + 2 * segments + 2;
        var deltas = starts + 2 * segments;
        var rangeOffsets = deltas + 2 * segments;
        for (var s = 0; s < segments; s++)
        {
            var (start, end, delta, rangeOffset) = (Word(starts + 2 * s), Word(ends + 2 * s), Word(deltas + 2 * s), Word(rangeOffsets + 2 * s));
            if (start == 0xFFFF) break;
            for (var c = start; c <= end; c++)
            {
                int glyph;
                if (rangeOffset == 0) glyph = (c + delta) & 0xFFFF;
                else
                {
                    glyph = Word(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                map[c] = (ushort)glyph;
            }
        }
        return map;
    }
}
