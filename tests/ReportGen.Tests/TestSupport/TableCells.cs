using ReportGen.Rendering;
using ReportGen.Statistics;

namespace ReportGen.Tests.TestSupport;

public static class TableCells
{
    /// <summary>A cell of a controlled table as the CSV download writes it, by row label and column key.</summary>
    public static string Cell(this StatTable table, string row, string columnKey) =>
        FigureFormat.ForMachines(table.Rows.Single(r => r.Label == row).Cells[table.Columns.ToList().FindIndex(c => c.Key == columnKey)]);
}
