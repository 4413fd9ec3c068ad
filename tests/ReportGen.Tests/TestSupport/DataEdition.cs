using ClosedXML.Excel;

namespace ReportGen.Tests.TestSupport;

/// <summary>
/// An edition with a data/ folder: a workbook written cell by cell (so tests control every quirk of a real export),
/// and the data.yaml / statistics.yaml that declare it.
/// </summary>
public sealed class DataEdition : IDisposable
{
    private readonly TempEdition _edition;

    public DataEdition(string dataYaml, string? statisticsYaml = null)
    {
        _edition = new TempEdition(SampleEditions.EditionYaml, SampleEditions.ObjectivesYaml);
        Directory.CreateDirectory(Path.Combine(Folder, "data"));
        File.WriteAllText(Path.Combine(Folder, "data.yaml"), dataYaml);
        if (statisticsYaml is not null) File.WriteAllText(Path.Combine(Folder, "statistics.yaml"), statisticsYaml);
    }

    public string Folder => _edition.Folder;
    public string Root => _edition.Root;

    /// <summary>Writes data/&lt;name&gt; with one sheet; each row is a list of cell values (null leaves a cell empty).</summary>
    public void Workbook(string name, string sheet, IEnumerable<object?[]> rows, Action<IXLWorksheet>? tweak = null)
    {
        using var workbook = new XLWorkbook();
        var ws = workbook.Worksheets.Add(sheet);
        var r = 1;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                var cell = ws.Cell(r, c + 1);
                switch (row[c])
                {
                    case null: break;
                    case string s: cell.SetValue(s); cell.DataType = XLDataType.Text; break;
                    case DateTime d: cell.SetValue(d); break;
                    case int i: cell.SetValue(i); break;
                    case double x: cell.SetValue(x); break;
                }
            }
            r++;
        }
        tweak?.Invoke(ws);
        workbook.SaveAs(Path.Combine(Folder, "data", name));
    }

    public void Dispose() => _edition.Dispose();
}
