using ReportGen.Content;
using ReportGen.Data;

namespace ReportGen.Statistics;

/// <summary>
/// Counts and percentages by one characteristic, optionally split by a second field (a cross-tabulation) and
/// compared with a population benchmark. Percentages are of those whose value is known: "Not stated" is left out
/// of the base (the Home Office convention) and its share of the total is given beside the table.
/// </summary>
internal static class BreakdownBuilder
{
    private const string AllKey = "All";
    private const string TotalKey = "Total";
    private const string NotStated = TableGrouping.NotStatedLabel;

    public static StatTable Build(TableDeclaration table, RecordSet set, RecordSet? benchmark)
    {
        var grouping = new TableGrouping(table, set);
        var rowKeys = grouping.RowKeys;
        var columnKeys = table.Columns is null
            ? [AllKey]
            : grouping.Records.Select(r => grouping.ValueOf(r, table.Columns)).Distinct().Order(StringComparer.Ordinal).ToList();
        var groups = columnKeys.Count > 1 ? [.. columnKeys, TotalKey] : columnKeys;

        Func<DataRecord, bool>? InGroup(string group) =>
            group is AllKey or TotalKey ? null : r => grouping.ValueOf(r, table.Columns!) == group;
        string Describe(string? row, string group) =>
            (row is null ? "total count" : $"count of {table.Rows} = {row}") + (group is AllKey or TotalKey ? "" : $", {table.Columns} = {group}");

        var counts = new Dictionary<(string Row, string Group), Figure>();
        foreach (var group in groups)
        {
            foreach (var row in rowKeys) counts[(row, group)] = grouping.Count(row, InGroup(group), Describe(row, group));
            counts[(TotalKey, group)] = grouping.Count(null, InGroup(group), Describe(null, group));
        }

        var shares = benchmark is null ? null : BenchmarkShares(table, benchmark, rowKeys);
        var columns = new List<StatColumn>();
        foreach (var group in groups)
        {
            var label = group == AllKey ? null : group;
            columns.Add(new StatColumn($"{group}:count", "Number", FigureKind.Count, label));
            columns.Add(new StatColumn($"{group}:percent", "Percentage", FigureKind.Percent, label));
        }
        if (shares is not null)
        {
            columns.Add(new StatColumn("benchmark:percent", table.Benchmark!.Label ?? "Population percentage", FigureKind.Percent));
            columns.Add(new StatColumn("benchmark:difference", "Difference (percentage points)", FigureKind.PercentagePoints));
        }

        var rows = new List<StatRow>();
        foreach (var row in rowKeys.Append(TotalKey))
        {
            var isNotStated = row == NotStated;
            var cells = new List<Figure>();
            foreach (var group in groups)
            {
                cells.Add(counts[(row, group)]);
                cells.Add(isNotStated ? Figure.NotApplicable(FigureKind.Percent) : PercentOfKnown(counts, row, group));
            }
            if (shares is not null)
            {
                var percent = cells[^1];
                var population = isNotStated ? Figure.NotApplicable(FigureKind.Percent) : row == TotalKey ? new Figure(FigureKind.Percent, 100, null) : shares[row];
                cells.Add(population);
                cells.Add(isNotStated || row == TotalKey
                    ? Figure.NotApplicable(FigureKind.PercentagePoints)
                    : new Figure(FigureKind.PercentagePoints, percent.Value - population.Value, null, [percent, population]));
            }
            rows.Add(new StatRow(row, cells, IsTotal: row == TotalKey, IsNotStated: isNotStated));
        }

        var lines = groups.Select(g => new CountLine(counts[(TotalKey, g)], rowKeys.Select(r => counts[(r, g)]).ToList())).ToList();
        if (columnKeys.Count > 1)
            lines.AddRange(rowKeys.Append(TotalKey).Select(r => new CountLine(counts[(r, TotalKey)], columnKeys.Select(c => counts[(r, c)]).ToList())));

        var noteFigures = new Dictionary<string, Figure>();
        if (rowKeys.Contains(NotStated))
        {
            var notStated = counts[(NotStated, groups[^1])];
            var total = counts[(TotalKey, groups[^1])];
            noteFigures["not-stated-share"] = new Figure(FigureKind.Percent, total.Value > 0 ? 100 * notStated.Value / total.Value : null, null, [notStated, total]);
        }

        return StatTable.For(table, set, benchmark, columns, rows, lines) with
        {
            NoteFigures = noteFigures,
            HasBenchmark = shares is not null,
        };
    }

    /// <summary>A count as a percentage of the known total of its column: the total less "Not stated".</summary>
    private static Figure PercentOfKnown(Dictionary<(string Row, string Group), Figure> counts, string row, string group)
    {
        var total = counts[(TotalKey, group)];
        var notStated = counts.GetValueOrDefault((NotStated, group));
        var known = total.Value - (notStated?.Value ?? 0);
        if (row == TotalKey) return new Figure(FigureKind.Percent, known > 0 ? 100 : null, null, [total]);
        var count = counts[(row, group)];
        return new Figure(FigureKind.Percent, known > 0 ? 100 * count.Value / known : null, null,
            notStated is null ? [count, total] : [count, total, notStated]);
    }

    /// <summary>Each row's share of the population, of those whose value is known. Published figures: not controlled.</summary>
    internal static Dictionary<string, Figure> BenchmarkShares(TableDeclaration table, RecordSet benchmark, IReadOnlyList<string> rowKeys)
    {
        var population = TableGrouping.ForBenchmark(table, benchmark);
        var counts = rowKeys.ToDictionary(k => k, k => population.Count(k, null, $"population with {table.Rows} = {k} (published figures)"));
        var known = counts.Where(c => c.Key != NotStated).Sum(c => c.Value.Value ?? 0);
        return rowKeys.Where(k => k != NotStated).ToDictionary(k => k, k =>
            new Figure(FigureKind.Percent, known > 0 ? 100 * counts[k].Value / known : null, counts[k].Provenance));
    }
}
