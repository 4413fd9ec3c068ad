using System.IO.Compression;
using System.Text;
using ReportGen.Data;
using ReportGen.Diagnostics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Data;

/// <summary>Broken and hostile workbooks are refused before they are opened, each with a message that says what to do.</summary>
public sealed class WorkbookGuardTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reportgen-guard-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (bool Safe, DiagnosticBag Diagnostics) Check(string name, Action<string> write)
    {
        var path = Path.Combine(_folder, name);
        write(path);
        var diagnostics = new DiagnosticBag();
        return (WorkbookGuard.IsSafe(path, "data/" + name, diagnostics), diagnostics);
    }

    private static void ValidWorkbook(string path)
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        workbook.Worksheets.Add("Staff").Cell(1, 1).Value = "Role";
        workbook.SaveAs(path);
    }

    private static string Refusal(DiagnosticBag diagnostics)
    {
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.UnreadableWorkbook, error.Code);
        Assert.StartsWith("data/", error.Location!.File);
        return error.Message;
    }

    [Fact]
    public void A_csv_renamed_xlsx_is_refused_as_text()
    {
        var (safe, diagnostics) = Check("csv.xlsx", p => File.WriteAllText(p, "Role,Sex\nPolice Officer,Male\n"));
        Assert.False(safe);
        Assert.Contains("text or CSV file", Refusal(diagnostics));
    }

    [Fact]
    public void An_old_xls_or_password_protected_workbook_is_refused()
    {
        var (safe, diagnostics) = Check("old.xlsx", HostileWorkbooks.OldXlsOrEncrypted);
        Assert.False(safe);
        Assert.Contains("remove any password", Refusal(diagnostics));
    }

    [Fact]
    public void A_truncated_workbook_is_refused_as_damaged()
    {
        var (safe, diagnostics) = Check("cut.xlsx", p =>
        {
            ValidWorkbook(p);
            var bytes = File.ReadAllBytes(p);
            File.WriteAllBytes(p, bytes[..(bytes.Length / 2)]);
        });
        Assert.False(safe);
        Assert.Contains("damaged or incomplete", Refusal(diagnostics));
    }

    [Fact]
    public void A_zip_with_no_workbook_in_it_is_refused()
    {
        var (safe, diagnostics) = Check("other.xlsx", p =>
        {
            using var zip = ZipFile.Open(p, ZipArchiveMode.Create);
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("not a workbook");
        });
        Assert.False(safe);
        Assert.Contains("holds no Excel workbook", Refusal(diagnostics));
    }

    [Fact]
    public void A_zip_bomb_is_refused_without_being_expanded()
    {
        var (safe, diagnostics) = Check("bomb.xlsx", HostileWorkbooks.ZipBomb);
        Assert.True(new FileInfo(Path.Combine(_folder, "bomb.xlsx")).Length < 200_000);
        Assert.False(safe);
        Assert.Contains("zip bomb", Refusal(diagnostics));
    }

    [Fact]
    public void A_sheet_of_a_million_rows_is_refused_before_it_is_loaded()
    {
        var (safe, diagnostics) = Check("million.xlsx", p =>
        {
            using var zip = ZipFile.Open(p, ZipArchiveMode.Create);
            using (var w = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open())) w.Write("<workbook/>");
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            sheet.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (var r = 1; r <= 1_000_000; r++) sheet.Write($"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
            sheet.Write("</sheetData></worksheet>");
        });
        Assert.False(safe);
        Assert.Contains("more than 200,000 rows", Refusal(diagnostics));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var (safe, diagnostics) = Check("huge.xlsx", p =>
        {
            using var file = File.Create(p);
            file.Write("PK\u0003\u0004"u8);
            file.SetLength(WorkbookGuard.MaxFileBytes + 1);
        });
        Assert.False(safe);
        Assert.Contains("larger than 50 MB", Refusal(diagnostics));
    }

    [Fact]
    public void Links_to_other_workbooks_are_a_warning_and_the_workbook_is_still_read()
    {
        var (safe, diagnostics) = Check("linked.xlsx", p =>
        {
            ValidWorkbook(p);
            using var zip = ZipFile.Open(p, ZipArchiveMode.Update);
            using var writer = new StreamWriter(zip.CreateEntry("xl/externalLinks/externalLink1.xml").Open(), Encoding.UTF8);
            writer.Write("<externalLink/>");
        });
        Assert.True(safe);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(DiagnosticCodes.ExternalLinks, warning.Code);
    }

    [Fact]
    public void An_ordinary_workbook_passes()
    {
        var (safe, diagnostics) = Check("ok.xlsx", ValidWorkbook);
        Assert.True(safe);
        Assert.Empty(diagnostics.Items);
    }
}
