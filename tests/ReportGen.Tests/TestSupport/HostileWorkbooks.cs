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
}
