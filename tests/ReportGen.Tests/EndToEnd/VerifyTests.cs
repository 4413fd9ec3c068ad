using ClosedXML.Excel;
using ReportGen.Cli;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.EndToEnd;

/// <summary>
/// <c>reportgen verify</c> on the Hertfordshire sample: a fresh build verifies (PDF included); after one cell of a
/// workbook changes it fails and names that workbook; after a template file changes it names that file; a workbook
/// that is gone is reported as gone, not as a crash.
/// </summary>
public sealed class VerifyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("reportgen-verify-test-").FullName;
    private string Edition => Path.Combine(_root, "content", "hertfordshire", "2016-17");
    private string Templates => Path.Combine(_root, "templates");
    private string Built => Path.Combine(_root, "out", "hertfordshire", "2016-17");

    public VerifyTests()
    {
        TestFolders.Copy(Path.Combine(RepoPaths.Content, "hertfordshire", "2016-17"), Edition);
        TestFolders.Copy(RepoPaths.Templates, Templates);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task Build(string format)
    {
        var exit = await CommandLine.RunAsync(["build", Edition, "--out", Path.Combine(_root, "out"), "--templates", Templates, "--format", format], new StringWriter(), new StringWriter());
        Assert.Equal(ExitCodes.Success, exit);
    }

    private async Task<(int Exit, string Printed)> Verify(params string[] more)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(["verify", Built, "--edition", Edition, "--templates", Templates, .. more], stdout, stderr);
        return (exit, stdout.ToString() + stderr.ToString());
    }

    [Fact]
    public async Task A_fresh_build_with_its_pdf_verifies()
    {
        await Build("html,pdf");

        var (exit, printed) = await Verify();

        Assert.True(exit == ExitCodes.Success, printed);
        Assert.Contains("  identical  report.pdf", printed);
        Assert.Contains("  identical  index.html", printed);
        Assert.Contains("verified: all ", printed);
        Assert.DoesNotContain("DIFFERENT", printed);
    }

    [Fact]
    public async Task One_changed_cell_of_a_workbook_fails_and_names_the_workbook()
    {
        await Build("html");
        var workbookPath = Path.Combine(Edition, "data", "hr-extract.xlsx");
        using (var workbook = new XLWorkbook(workbookPath))
        {
            var sheet = workbook.Worksheet("Workforce");
            var sex = sheet.Row(1).CellsUsed().Concat(sheet.Rows(1, 20).SelectMany(r => r.CellsUsed())).First(c => c.GetString() == "Sex");
            var cell = sheet.Cell(sex.Address.RowNumber + 5, sex.Address.ColumnNumber);
            cell.SetValue(cell.GetString() == "Male" ? "Female" : "Male");
            workbook.Save();
        }

        var (exit, printed) = await Verify();

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("input changed since the build: data/hr-extract.xlsx", printed);
        // One person's sex changed: no published figure moves (counts are rounded), but the input is not the one built from.
        Assert.Contains("not verified: every file is identical to a rebuild, but 1 input or template file(s) changed since the build", printed);
    }

    [Fact]
    public async Task A_changed_template_file_fails_and_names_the_file()
    {
        await Build("html");
        File.AppendAllText(Path.Combine(Templates, "default@5", "assets", "report.css"), "\n/* changed */\n");

        var (exit, printed) = await Verify("--format", "json");

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("\"name\": \"templates/default@5/assets/report.css\"", printed);
        Assert.Contains("\"change\": \"changed\"", printed);
        Assert.Contains("\"verified\": false", printed);
        Assert.Contains("\"verdict\": \"different\"", printed);
        Assert.Contains("since it was built, template templates/default@5/assets/report.css has changed", printed);
    }

    [Fact]
    public async Task A_workbook_that_is_gone_is_reported_as_gone()
    {
        await Build("html");
        File.Delete(Path.Combine(Edition, "data", "hr-extract.xlsx"));

        var (exit, printed) = await Verify();

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("input missing since the build: data/hr-extract.xlsx", printed);
        Assert.DoesNotContain("   at ", printed);
    }

    [Fact]
    public async Task A_frozen_edition_whose_workbooks_are_deleted_builds_the_same_bytes_and_still_verifies()
    {
        await Build("html,pdf");
        var freeze = new StringWriter();
        Assert.Equal(ExitCodes.Success, await CommandLine.RunAsync(["freeze", Edition, "--templates", Templates], freeze, freeze));
        Assert.Contains("froze 22 table(s)", freeze.ToString());
        var published = Directory.GetFiles(Built, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "manifest.json")
            .ToDictionary(f => Path.GetRelativePath(Built, f), File.ReadAllBytes);

        // The row-level data is deleted under the retention schedule.
        foreach (var workbook in Directory.GetFiles(Path.Combine(Edition, "data"), "*.xlsx")) File.Delete(workbook);

        var (exit, printed) = await Verify();
        Assert.True(exit == ExitCodes.Success, printed);
        Assert.Contains("input gone since the build: data/hr-extract.xlsx; its figures come from the frozen tables", printed);
        Assert.Contains("  identical  report.pdf", printed);
        Assert.Contains("  identical  data/all-tables.xlsx", printed);

        // A build says that its figures came from the frozen tables, and makes the same bytes as the build from the workbooks.
        var stdout = new StringWriter();
        var again = Path.Combine(_root, "again");
        Assert.Equal(ExitCodes.Success, await CommandLine.RunAsync(["build", Edition, "--out", again, "--templates", Templates], stdout, new StringWriter()));
        Assert.Contains("a workbook is gone, so the figures of all 22 tables came from the frozen tables (frozen/)", stdout.ToString());
        var rebuilt = Path.Combine(again, "hertfordshire", "2016-17");
        foreach (var (file, bytes) in published)
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(rebuilt, file))), $"{file} differs when built from the frozen tables");
        Assert.Equal(published.Count, Directory.GetFiles(rebuilt, "*", SearchOption.AllDirectories).Length - 1);

        // Freezing again needs the workbooks: the frozen tables are kept as they are.
        var refused = new StringWriter();
        Assert.Equal(ExitCodes.ContentErrors, await CommandLine.RunAsync(["freeze", Edition, "--templates", Templates], refused, refused));
        Assert.Contains("cannot be frozen again: data/", refused.ToString());
    }

    [Fact]
    public async Task Frozen_tables_hold_only_what_the_public_output_shows()
    {
        var freeze = new StringWriter();
        Assert.Equal(ExitCodes.Success, await CommandLine.RunAsync(["freeze", Edition, "--templates", Templates], freeze, freeze));
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(Edition, "frozen"), "*.json").Where(f => !f.EndsWith("frozen.json", StringComparison.Ordinal)))
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            foreach (var figure in document.RootElement.GetProperty("figures").EnumerateArray())
            {
                var kind = figure.GetProperty("kind").GetString();
                var isPublic = figure.TryGetProperty("public", out var p) && p.GetBoolean();
                if (kind != "count" || isPublic) continue;
                foreach (var name in new[] { "published", "exact" })
                    if (figure.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Number)
                        Assert.False(value.GetDouble() is > 0 and < 5, $"{Path.GetFileName(file)}: {figure.GetProperty("id").GetString()} keeps the count {value.GetDouble()}, which disclosure control withholds");
                // Withheld counts keep their symbol and nothing else.
                if (figure.TryGetProperty("symbol", out var symbol) && symbol.GetString() == "!")
                    Assert.False(figure.TryGetProperty("published", out _) || figure.TryGetProperty("exact", out _), $"{figure.GetProperty("id").GetString()} is withheld but keeps a value");
                shown.Add(figure.GetProperty("id").GetString()!);
            }
        }
        Assert.Contains("workforce-ethnicity:black:all-count", shown);
    }

    /// <summary>
    /// As if the edition had been printed by another browser build: the manifest names another browser, and the
    /// published PDF is <paramref name="pdf"/>'s bytes, recorded in the manifest as published.
    /// </summary>
    private void AsIfPrintedByAnotherBrowser(byte[] pdf)
    {
        var manifestPath = Path.Combine(Built, "manifest.json");
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["predicate"]!["runDetails"]!["builder"]!["version"]!["browser"] = "HeadlessChrome/1.0.0.0 (another build)";
        File.WriteAllBytes(Path.Combine(Built, "report.pdf"), pdf);
        foreach (var subject in manifest["subject"]!.AsArray().Where(s => (string?)s!["name"] == "report.pdf"))
            subject!["digest"]!["sha256"] = ReportGen.Publishing.Manifest.Sha256(Path.Combine(Built, "report.pdf"));
        File.WriteAllText(manifestPath, manifest.ToJsonString());
    }

    [Fact]
    public async Task A_pdf_printed_by_another_browser_is_compared_by_its_text_pages_and_bookmarks()
    {
        await Build("html,pdf");
        // Other bytes, the same document: what another browser build gives.
        AsIfPrintedByAnotherBrowser([.. File.ReadAllBytes(Path.Combine(Built, "report.pdf")), .. "\n% printed by another build\n"u8.ToArray()]);

        var (exit, printed) = await Verify();

        Assert.True(exit == ExitCodes.Success, printed);
        Assert.Contains("  same text  report.pdf: it was printed by HeadlessChrome/1.0.0.0 (another build) and is printed by ", printed);
        Assert.Matches("compared by its text instead: its [0-9]+ pages, their text and its [1-9][0-9]* bookmarks are the same", printed);
        Assert.Contains("PDF(s) printed by another browser read the same", printed);
    }

    [Fact]
    public async Task A_pdf_printed_by_another_browser_whose_text_differs_fails_and_names_the_page()
    {
        await Build("html,pdf");
        // A PDF of as many pages that reads otherwise on its first page: the edition with another subtitle.
        var other = Path.Combine(_root, "other", "hertfordshire", "2016-17");
        TestFolders.Copy(Edition, other);
        var yaml = Path.Combine(other, "edition.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("Policing Hertfordshire for everyone", "Policing Hertfordshire for all", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Success, await CommandLine.RunAsync(["build", other, "--out", Path.Combine(_root, "other-out"), "--templates", Templates], new StringWriter(), new StringWriter()));
        AsIfPrintedByAnotherBrowser(File.ReadAllBytes(Path.Combine(_root, "other-out", "hertfordshire", "2016-17", "report.pdf")));

        var (exit, printed) = await Verify();

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("  DIFFERENT  report.pdf: it was printed by HeadlessChrome/1.0.0.0 (another build)", printed);
        Assert.Contains("compared by its text instead: the text of page 1 differs", printed);
    }
}
