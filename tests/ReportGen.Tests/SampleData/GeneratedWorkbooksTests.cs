using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using ReportGen.SampleData;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.SampleData;

/// <summary>Runs the sample-data generator once per sample edition, with the default seed, into a temporary folder.</summary>
public sealed class GeneratedWorkbooksFixture : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reportgen-sampledata-" + Guid.NewGuid().ToString("N"));

    public GeneratedWorkbooksFixture()
    {
        foreach (var edition in SampleDataGenerator.Editions) SampleDataGenerator.Write(edition, FolderOf(edition), SampleDataGenerator.DefaultSeed);
    }

    public string FolderOf(SampleEdition edition) => Path.Combine(_root, edition.Name);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}

/// <summary>
/// The workbooks committed under each sample edition's data folder (content/hertfordshire/2016-17/data,
/// content/northumbria/joint-equality-objectives/data) are exactly what the generator writes: every sheet, every cell
/// value and type, and every merged range. So the sample data can always be rebuilt from the seed, and nobody edits
/// it by hand.
/// </summary>
public sealed class GeneratedWorkbooksTests(GeneratedWorkbooksFixture generated) : IClassFixture<GeneratedWorkbooksFixture>
{
    private const int MaxDifferencesShown = 10;

    public static TheoryData<string, string> Workbooks
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var edition in SampleDataGenerator.Editions)
                foreach (var workbook in edition.Workbooks) data.Add(edition.Name, workbook.FileName);
            return data;
        }
    }

    public static TheoryData<string> EditionNames => new(SampleDataGenerator.Editions.Select(e => e.Name));

    private static SampleEdition Edition(string name) => SampleDataGenerator.Editions.Single(e => e.Name == name);

    private static string CommittedFolder(SampleEdition edition) => Path.Combine(RepoPaths.Root, edition.DataFolder);

    [Theory]
    [MemberData(nameof(Workbooks))]
    public void Committed_workbook_equals_what_the_generator_writes(string editionName, string fileName)
    {
        var edition = Edition(editionName);
        var committedPath = Path.Combine(CommittedFolder(edition), fileName);
        Assert.True(File.Exists(committedPath), $"{Display(edition, fileName)} is missing. {Regenerate(edition)}");

        using var committed = new XLWorkbook(committedPath);
        using var fresh = new XLWorkbook(Path.Combine(generated.FolderOf(edition), fileName));
        var differences = new List<string>();

        var committedSheets = committed.Worksheets.Select(s => s.Name).ToList();
        var freshSheets = fresh.Worksheets.Select(s => s.Name).ToList();
        if (!committedSheets.SequenceEqual(freshSheets))
            differences.Add($"sheets are [{string.Join(", ", committedSheets)}] but the generator writes [{string.Join(", ", freshSheets)}]");

        foreach (var name in committedSheets.Intersect(freshSheets))
            CompareSheets(committed.Worksheet(name), fresh.Worksheet(name), differences);

        if (differences.Count == 0) return;
        var message = new StringBuilder($"{Display(edition, fileName)} differs from what the generator writes (seed {SampleDataGenerator.DefaultSeed}):\n");
        foreach (var difference in differences.Take(MaxDifferencesShown)) message.Append("  ").Append(difference).Append('\n');
        if (differences.Count > MaxDifferencesShown)
            message.Append($"  … and {differences.Count - MaxDifferencesShown} more differences\n");
        Assert.Fail(message.Append(Regenerate(edition)).ToString());
    }

    [Theory]
    [MemberData(nameof(Workbooks))]
    public void Every_synthetic_sheet_says_so_in_its_first_row_and_names_its_force(string editionName, string fileName)
    {
        var edition = Edition(editionName);
        var synthetic = edition.Workbooks.Single(w => w.FileName == fileName).Synthetic;
        foreach (var path in new[] { Path.Combine(CommittedFolder(edition), fileName), Path.Combine(generated.FolderOf(edition), fileName) })
        {
            Assert.True(File.Exists(path), $"{path} is missing. {Regenerate(edition)}");
            using var workbook = new XLWorkbook(path);
            foreach (var sheet in workbook.Worksheets)
            {
                var firstRow = string.Join(" ", sheet.Row(1).CellsUsed().Select(c => c.GetString()));
                if (synthetic)
                    Assert.True(firstRow.Contains("SYNTHETIC", StringComparison.Ordinal),
                        $"{path}, sheet '{sheet.Name}': row 1 must say the data is SYNTHETIC, but reads \"{firstRow}\"");
                else
                    Assert.True(firstRow.Contains("Real published figures", StringComparison.Ordinal) && !firstRow.Contains("SYNTHETIC", StringComparison.Ordinal),
                        $"{path}, sheet '{sheet.Name}': row 1 must say these are real published figures, but reads \"{firstRow}\"");
                var force = synthetic ? edition.Force.Name : edition.Force.ShortName;
                Assert.True(firstRow.Contains(force, StringComparison.Ordinal), $"{path}, sheet '{sheet.Name}': row 1 must name {force}, but reads \"{firstRow}\"");
            }
        }
    }

    [Theory]
    [MemberData(nameof(EditionNames))]
    public void The_data_folder_holds_only_workbooks_the_generator_writes(string editionName)
    {
        var edition = Edition(editionName);
        var expected = edition.Workbooks.Select(w => w.FileName).ToHashSet();
        var unexpected = Directory.GetFiles(CommittedFolder(edition), "*.xlsx").Select(Path.GetFileName).Where(f => !expected.Contains(f!)).ToList();
        Assert.True(unexpected.Count == 0,
            $"{edition.DataFolder} holds workbooks the generator does not write: {string.Join(", ", unexpected)} " +
            "(a large --hr-rows benchmark file must not be committed there)");
    }

    private static void CompareSheets(IXLWorksheet committed, IXLWorksheet fresh, List<string> differences)
    {
        var where = $"sheet '{committed.Name}'";
        var addresses = committed.CellsUsed().Select(c => c.Address.ToString()!)
            .Union(fresh.CellsUsed().Select(c => c.Address.ToString()!))
            .Select(a => committed.Cell(a))
            .OrderBy(c => c.Address.RowNumber).ThenBy(c => c.Address.ColumnNumber)
            .Select(c => c.Address.ToString()!);
        foreach (var address in addresses)
        {
            var was = Describe(committed.Cell(address));
            var now = Describe(fresh.Cell(address));
            if (was != now) differences.Add($"{where}, cell {address}: committed {was} but the generator writes {now}");
        }

        var mergedWas = Merged(committed);
        var mergedNow = Merged(fresh);
        if (!mergedWas.SequenceEqual(mergedNow))
            differences.Add($"{where}: merged cells are [{string.Join(", ", mergedWas)}] but the generator merges [{string.Join(", ", mergedNow)}]");
    }

    /// <summary>A cell's type and value, so that text "1.0" and the number 1 differ.</summary>
    private static string Describe(IXLCell cell)
    {
        if (cell.IsEmpty()) return "(empty)";
        var value = cell.DataType switch
        {
            XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            XLDataType.Number => cell.GetDouble().ToString("R", CultureInfo.InvariantCulture),
            _ => cell.GetString(),
        };
        return $"{cell.DataType} \"{value}\"";
    }

    private static List<string> Merged(IXLWorksheet sheet) =>
        sheet.MergedRanges.Select(r => r.RangeAddress.ToString()!).Order(StringComparer.Ordinal).ToList();

    private static string Display(SampleEdition edition, string fileName) => $"{edition.DataFolder}/{fileName}";

    private static string Regenerate(SampleEdition edition) =>
        $"If the generator changed on purpose, regenerate the committed workbooks from the repository root with:\n    {edition.Command}\nthen review the change.";
}
