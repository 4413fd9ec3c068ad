using ClosedXML.Excel;
using ReportGen.Publishing;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Statistics;

/// <summary>
/// A builder that builds the same edition again reuses its statistics only while the files they come from are the
/// same bytes, and what it writes is exactly what a fresh builder writes.
/// </summary>
public sealed class StatisticsCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("reportgen-cache-").FullName;
    private string Edition => Path.Combine(_root, "content", "hertfordshire", "2016-17");

    public StatisticsCacheTests() => TestFolders.Copy(Path.Combine(RepoPaths.Content, "hertfordshire", "2016-17"), Edition);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<Dictionary<string, byte[]>> FreshBuild(string name)
    {
        await using var fresh = new ReportBuilder(new BuildOptions(Path.Combine(_root, name), OutputFormats.Html, RepoPaths.Templates));
        var result = await fresh.BuildAsync(Edition);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return SampleEditions.Snapshot(result.OutputFolder!);
    }

    private static void AssertSame(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, bytes) in expected) Assert.True(bytes.AsSpan().SequenceEqual(actual[file]), $"{file} differs from a fresh build's");
    }

    [Fact]
    public async Task An_edit_to_the_objectives_reuses_the_statistics_and_writes_what_a_fresh_build_writes()
    {
        await using var builder = new ReportBuilder(new BuildOptions(Path.Combine(_root, "warm"), OutputFormats.Html, RepoPaths.Templates));
        Assert.True((await builder.BuildAsync(Edition)).Succeeded);
        var hits = builder.Statistics.Hits;

        var objectives = Path.Combine(Edition, "objectives.yaml");
        File.WriteAllText(objectives, File.ReadAllText(objectives).Replace("title: ", "title: Draft ", StringComparison.Ordinal));
        var again = await builder.BuildAsync(Edition);

        Assert.True(again.Succeeded, string.Join("\n", again.Diagnostics));
        Assert.True(builder.Statistics.Hits > hits, "the statistics were computed again");
        var warm = SampleEditions.Snapshot(again.OutputFolder!);
        Assert.Contains("Draft ", System.Text.Encoding.UTF8.GetString(warm["index.html"]), StringComparison.Ordinal);
        AssertSame(await FreshBuild("fresh"), warm);

        // The preview is the page the build wrote.
        var preview = builder.Preview(Edition);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(warm["index.html"]), preview.Html);
        Assert.True(File.Exists(Path.Combine(preview.AssetsFolder!, "report.css")));
    }

    [Fact]
    public async Task A_changed_cell_of_a_workbook_is_read_again_and_the_same_bytes_with_a_new_time_are_not()
    {
        await using var builder = new ReportBuilder(new BuildOptions(Path.Combine(_root, "warm"), OutputFormats.Html, RepoPaths.Templates));
        var first = await builder.BuildAsync(Edition);
        Assert.True(first.Succeeded);
        var before = SampleEditions.Snapshot(first.OutputFolder!);

        var workbook = Path.Combine(Edition, "data", "hr-extract.xlsx");
        File.SetLastWriteTimeUtc(workbook, DateTime.UtcNow.AddMinutes(5));
        var hits = builder.Statistics.Hits;
        Assert.True((await builder.BuildAsync(Edition)).Succeeded);
        Assert.True(builder.Statistics.Hits > hits, "the same bytes were read again");

        // The sex of one person still in post changed: the workforce tables move.
        using (var book = new XLWorkbook(workbook))
        {
            var sheet = book.Worksheet("Workforce");
            var sex = sheet.CellsUsed().First(c => c.GetString() == "Sex");
            var leaving = sheet.CellsUsed().First(c => c.GetString() == "Leaving Date");
            var row = Enumerable.Range(sex.Address.RowNumber + 1, 100).First(r => sheet.Cell(r, leaving.Address.ColumnNumber).IsEmpty());
            var cell = sheet.Cell(row, sex.Address.ColumnNumber);
            cell.SetValue(cell.GetString() == "Female" ? "Male" : "Female");
            book.Save();
        }
        var misses = builder.Statistics.Misses;
        var changed = await builder.BuildAsync(Edition);
        Assert.True(changed.Succeeded, string.Join("\n", changed.Diagnostics));
        // Computed again for the edition; its replaced version 1.0, read from its own frozen tables, is reused.
        Assert.Equal(misses + 1, builder.Statistics.Misses);
        var after = SampleEditions.Snapshot(changed.OutputFolder!);
        Assert.False(before["data/workforce-sex-by-role.csv"].AsSpan().SequenceEqual(after["data/workforce-sex-by-role.csv"]), "the changed cell did not reach the tables");
        AssertSame(await FreshBuild("fresh"), after);
    }
}
