using CsvHelper;
using ReportGen.Content;
using ReportGen.Rendering;
using ReportGen.Statistics;

namespace ReportGen.Publishing;

/// <summary>
/// Writes every published table as a CSV file (UTF-8 with a byte-order mark, so Excel opens it correctly) under
/// data/. Only the controlled figures are written: withheld values carry their symbol, never their value.
/// </summary>
public static class DataDownloads
{
    public const string Folder = "data";

    public static void Write(string outputFolder, IReadOnlyList<StatTable> tables, Edition edition)
    {
        if (tables.Count == 0) return;
        var folder = Directory.CreateDirectory(Path.Combine(outputFolder, Folder)).FullName;
        foreach (var table in tables)
        {
            using var stream = File.Create(Path.Combine(folder, table.Id + ".csv"));
            using var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, NewLine = "\r\n" }, leaveOpen: false);
            csv.WriteRecord([table.RowHeader, .. table.Columns.Select(Header)]);
            foreach (var row in table.Rows)
                csv.WriteRecord([row.Label, .. row.Cells.Select(FigureFormat.ForMachines)]);
        }
    }

    internal static string Header(StatColumn column) => column.Group is null ? column.Header : $"{column.Group}: {column.Header}";
}
