using System.IO.Compression;

namespace ReportGen.Tests.TestSupport;

/// <summary>Files that are not the workbooks they claim to be, written for the tests of refusals.</summary>
public static class HostileWorkbooks
{
    /// <summary>The header of an OLE compound file: an old .xls, or an .xlsx encrypted with a password.</summary>
    public static void OldXlsOrEncrypted(string path) =>
        File.WriteAllBytes(path, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);

    /// <summary>A zip under 200 kB holding a workbook part and a 12 MB sheet of zeros: a small zip bomb.</summary>
    public static void ZipBomb(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open())) writer.Write("<workbook/>");
        using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
        var zeros = new byte[1024 * 1024];
        for (var i = 0; i < 12; i++) sheet.Write(zeros);
    }

    /// <summary>
    /// The smallest valid package, written by hand as other programs write it: no styles part, no shared strings
    /// (text as inline strings), and number cells without the optional <c>t</c> attribute. <paramref name="sheetData"/>
    /// is the XML inside the sheet's sheetData element; <paramref name="prolog"/> goes before the sheet's root element.
    /// </summary>
    public static void Minimal(string path, string sheetName, string sheetData, string prolog = "")
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string xml)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(xml);
        }
        Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        Part("xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheetData}</sheetData></worksheet>""");
    }

    /// <summary>An inline-string cell, as <see cref="Minimal"/> takes them.</summary>
    public static string Text(string reference, string text) => $"""<c r="{reference}" t="inlineStr"><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>""";

    /// <summary>A number cell without a <c>t</c> attribute (a number, by default) and without a style.</summary>
    public static string Number(string reference, string number) => $"""<c r="{reference}"><v>{number}</v></c>""";

    /// <summary>A text cell whose value is wrapped in <paramref name="depth"/> nested elements: a 3 KB stack overflow.</summary>
    public static string DeeplyNested(string reference, int depth) =>
        $"""<c r="{reference}" t="inlineStr"><is>{string.Concat(Enumerable.Repeat("<r>", depth))}<t>x</t>{string.Concat(Enumerable.Repeat("</r>", depth))}</is></c>""";
}
