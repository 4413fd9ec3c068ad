using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;

namespace ReportGen.Publishing;

/// <summary>
/// Saves a ClosedXML workbook so the same cells give the same bytes: every zip entry gets the given time stamp,
/// and the package's random names (System.IO.Packaging names the core-properties part and the root relationships
/// after new GUIDs) are replaced by fixed ones.
/// </summary>
public static partial class ReproducibleWorkbook
{
    private const string CorePropertiesPart = "package/services/metadata/core-properties/core.psmdcp";

    [GeneratedRegex("Id=\"R[0-9a-f]{16}\"")]
    private static partial Regex RandomRelationshipId();

    public static void Save(XLWorkbook workbook, string path, DateTime timestamp)
    {
        workbook.Properties.Created = timestamp;
        workbook.Properties.Modified = timestamp;
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);
        saved.Position = 0;
        using var source = new ZipArchive(saved, ZipArchiveMode.Read);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var target = new ZipArchive(file, ZipArchiveMode.Create);
        var coreProperties = source.Entries.Select(e => e.FullName).Single(n => n.EndsWith(".psmdcp", StringComparison.Ordinal));
        foreach (var entry in source.Entries)
        {
            var name = entry.FullName == coreProperties ? CorePropertiesPart : entry.FullName;
            var copy = target.CreateEntry(name, CompressionLevel.Optimal);
            copy.LastWriteTime = new DateTimeOffset(timestamp, TimeSpan.Zero);
            using var from = entry.Open();
            using var to = copy.Open();
            if (entry.FullName == "_rels/.rels")
            {
                var xml = new StreamReader(from).ReadToEnd().Replace(coreProperties, CorePropertiesPart, StringComparison.Ordinal);
                var n = 0;
                xml = RandomRelationshipId().Replace(xml, _ => $"Id=\"rPkg{++n}\"");
                using var writer = new StreamWriter(to, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                writer.Write(xml);
            }
            else
            {
                from.CopyTo(to);
            }
        }
    }
}
