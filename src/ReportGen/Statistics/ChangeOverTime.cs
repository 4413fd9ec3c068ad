namespace ReportGen.Statistics;

/// <summary>
/// Adds change since the previous edition to the tables that the previous edition also published (same id): the
/// previous figure of the table's main measure (its overall percentage, a survey estimate, a rate) and the change,
/// in percentage points for percentages. Both editions' figures have passed their own disclosure control; a change
/// is shown only when both figures are published.
/// </summary>
public static class ChangeOverTime
{
    public static IReadOnlyList<StatTable> Add(IReadOnlyList<StatTable> tables, IReadOnlyList<StatTable>? previous, string? previousName)
    {
        if (previous is null || previousName is null) return tables;
        return tables.Select(table =>
        {
            var before = previous.FirstOrDefault(p => p.Id == table.Id);
            var key = MeasureKey(table);
            if (before is null || key is null) return table;
            var index = table.Columns.ToList().FindIndex(c => c.Key == key);
            var beforeIndex = before.Columns.ToList().FindIndex(c => c.Key == key);
            if (beforeIndex < 0) return table;
            var kind = table.Columns[index].Kind;
            var changeKind = kind == FigureKind.Percent ? FigureKind.PercentagePoints : kind;

            var rows = table.Rows.Select(row =>
            {
                var earlier = before.Rows.FirstOrDefault(r => r.Label == row.Label)?.Cells[beforeIndex];
                var previousCell = earlier ?? Figure.NotApplicable(kind);
                var latest = row.Cells[index];
                // The change between two published figures, as a reader would work it out from them.
                var change = Figure.Derived(changeKind, [latest, previousCell], v => v[0] - v[1]);
                change.Decimals = table.Precision.For(changeKind);
                if (latest.Published is null || earlier?.Published is null)
                    change.Symbol = latest.Symbol ?? earlier?.Symbol ?? Symbols.NotApplicable;
                else
                {
                    change.Exact = latest.Published - earlier.Published;
                    change.Published = Figure.Round(change.Exact.Value, change.Decimals);
                }
                return row with { Cells = [.. row.Cells, previousCell, change] };
            }).ToList();

            return table with
            {
                Columns = [.. table.Columns,
                    new StatColumn("previous", Headers.Of("previous", ("header", table.Columns[index].Header), ("previous", previousName)), kind),
                    new StatColumn("change", Headers.Of(kind == FigureKind.Percent ? "change.points" : "change", ("previous", previousName)), changeKind)],
                Rows = rows,
            };
        }).ToList();
    }

    private static string? MeasureKey(StatTable table) => table.Kind switch
    {
        "survey" => "percent",
        "rate" or "likelihood" => "rate",
        _ => table.Columns.LastOrDefault(c => c.Key.EndsWith(":percent", StringComparison.Ordinal))?.Key,
    };
}
