using ReportGen.Rendering;
using ReportGen.Statistics;

namespace ReportGen.Tests.TestSupport;

public static class TableCells
{
    /// <summary>A cell of a controlled table as the CSV download writes it, by row label and column key.</summary>
    public static string Cell(this StatTable table, string row, string columnKey) =>
        FigureFormat.ForMachines(table.Rows.Single(r => r.Label == row).Cells[table.Columns.ToList().FindIndex(c => c.Key == columnKey)]);
}

/// <summary>Reads an edition's sources and builds its tables under disclosure control, as a build does, without rendering.</summary>
public static class EditionTables
{
    public static (IReadOnlyList<StatTable> Tables, IReadOnlyList<ReportGen.Diagnostics.Diagnostic> Diagnostics) Build(string folder)
    {
        var diagnostics = new ReportGen.Diagnostics.DiagnosticBag();
        var edition = ReportGen.Content.EditionLoader.Load(folder, diagnostics);
        if (edition is null || diagnostics.HasErrors) return ([], diagnostics.Items);
        var sources = StatisticsBuilder.ReadSources(edition, diagnostics);
        var tables = diagnostics.HasErrors ? [] : StatisticsBuilder.Build(edition, sources, diagnostics);
        return (tables, diagnostics.Items);
    }

    /// <summary>The cells of one row of a table, as the CSV download writes them, by column key.</summary>
    public static IReadOnlyDictionary<string, string> Row(this StatTable table, string row) =>
        table.Columns.Select((c, i) => (c.Key, Text: FigureFormat.ForMachines(table.Rows.Single(r => r.Label == row).Cells[i])))
            .ToDictionary(c => c.Key, c => c.Text);
}
