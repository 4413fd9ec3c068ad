// The ClosedXML reader as it was before the streaming reader replaced it (commit 41780b9), unchanged but for its
// namespace (and the reader's class name): the benchmark times it, and checks that both readers read alike.
using System.IO.Compression;
using System.Xml.Linq;
using ClosedXML.Excel;

namespace ReportGen.WorkbookBench.ClosedXmlBaseline;

/// <summary>
/// Opens a workbook (already passed by <see cref="WorkbookGuard"/>) for the spreadsheet library. A package without a
/// styles part is valid OOXML, and programs other than Excel write them, but ClosedXML 0.95 then loses or cannot read
/// number cells that carry no type attribute; such a package is opened from a copy in memory with an empty styles
/// part added, which changes no value.
/// </summary>
internal static class WorkbookPackage
{
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string StylesRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    private const string StylesContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    private const string WorkbookRelationships = "xl/_rels/workbook.xml.rels";

    private const string EmptyStyles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>
        """;

    public static XLWorkbook Open(string path)
    {
        using (var zip = ZipFile.OpenRead(path))
            if (HasStyles(zip) || zip.GetEntry(WorkbookRelationships) is null || zip.GetEntry("[Content_Types].xml") is null)
                return new XLWorkbook(path);
        return new XLWorkbook(WithEmptyStyles(path));
    }

    private static bool HasStyles(ZipArchive zip)
    {
        using var stream = zip.GetEntry(WorkbookRelationships)?.Open();
        return stream is null || XDocument.Load(stream).Root!.Elements(XName.Get("Relationship", Relationships))
            .Any(r => (string?)r.Attribute("Type") == StylesRelationship);
    }

    private static MemoryStream WithEmptyStyles(string path)
    {
        var copy = new MemoryStream();
        using (var source = ZipFile.OpenRead(path))
        using (var target = new ZipArchive(copy, ZipArchiveMode.Create, leaveOpen: true))
        {
            var stylesName = source.GetEntry("xl/styles.xml") is null ? "styles.xml" : "styles-added-by-reportgen.xml";
            foreach (var entry in source.Entries)
            {
                using var input = entry.Open();
                using var output = target.CreateEntry(entry.FullName).Open();
                if (entry.FullName == WorkbookRelationships)
                {
                    var rels = XDocument.Load(input);
                    rels.Root!.Add(new XElement(XName.Get("Relationship", Relationships),
                        new XAttribute("Id", "rIdReportGenStyles"), new XAttribute("Type", StylesRelationship), new XAttribute("Target", stylesName)));
                    rels.Save(output);
                }
                else if (entry.FullName == "[Content_Types].xml")
                {
                    var types = XDocument.Load(input);
                    types.Root!.Add(new XElement(XName.Get("Override", ContentTypes),
                        new XAttribute("PartName", "/xl/" + stylesName), new XAttribute("ContentType", StylesContentType)));
                    types.Save(output);
                }
                else input.CopyTo(output);
            }
            using var styles = new StreamWriter(target.CreateEntry("xl/" + stylesName).Open());
            styles.Write(EmptyStyles.Trim());
        }
        copy.Position = 0;
        return copy;
    }
}
