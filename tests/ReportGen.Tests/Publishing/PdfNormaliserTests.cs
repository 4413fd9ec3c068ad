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

    [Fact]
    public void Tag_ids_are_numbered_from_1_in_order_whatever_the_browser_counter_started_at()
    {
        // Two prints of one page: the browser's DOM node counter started 7 further on the second time.
        static string Tags(int start) =>
            $"3 0 obj\n<</Type /StructTreeRoot /IDTree <</Names [(node{start:D8}) 4 0 R (node{start + 5:D8}) 5 0 R]>>>>\nendobj\n" +
            $"4 0 obj\n<</Type /StructElem /S /P /ID (node{start:D8})>>\nendobj\n5 0 obj\n<</Type /StructElem /S /Table /ID (node{start + 5:D8})>>\nendobj\n";
        var first = Normalise(Tags(120), "edition:\n  title: T\n");
        var second = Normalise(Tags(127), "edition:\n  title: T\n");

        Assert.Equal(first, second);
        Assert.Contains("/ID (node00000001)", first);
        Assert.Contains("[(node00000001) 4 0 R (node00000002) 5 0 R]", first);
        Assert.Equal(Tags(120).Length, first.Length);
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
