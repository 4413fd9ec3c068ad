using System.Text;
using ReportGen.Content;
using ReportGen.Publishing;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Publishing;

public sealed class PdfNormaliserTests
{
    private const string Info = "1 0 obj\n<</Title (T) /CreationDate (D:20261122181944+00'00') /ModDate (D:20261122181944+00'00')>>\nendobj\nxref\n";

    [Fact]
    public void Print_time_becomes_the_publication_date_and_file_length_is_kept()
    {
        var result = Normalise(Info, "edition:\n  title: T\n  published: 2017-06\n");
        Assert.Contains("/CreationDate (D:20170601000000Z)", result);
        Assert.Contains("/ModDate (D:20170601000000Z)", result);
        Assert.DoesNotContain("2026", result);
        Assert.Equal(Info.Length, result.Length);
    }

    [Fact]
    public void Print_time_is_removed_when_the_edition_gives_no_date()
    {
        var result = Normalise(Info, "edition:\n  title: T\n");
        Assert.DoesNotContain("CreationDate", result);
        Assert.DoesNotContain("ModDate", result);
        Assert.Equal(Info.Length, result.Length);
        Assert.EndsWith("xref\n", result);
    }

    private static string Normalise(string pdfText, string editionInfoYaml)
    {
        using var temp = new TempEdition("organisation:\n  name: O\n" + editionInfoYaml, SampleEditions.ObjectivesYaml);
        var edition = EditionLoader.Load(temp.Folder, new Diagnostics.DiagnosticBag())!;
        var path = temp.PathOf("test.pdf");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(pdfText));
        PdfNormaliser.MakeReproducible(path, edition);
        return Encoding.Latin1.GetString(File.ReadAllBytes(path));
    }
}
