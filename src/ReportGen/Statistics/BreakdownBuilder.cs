using ReportGen.Content;
using ReportGen.Data;

namespace ReportGen.Statistics;

/// <summary>
/// Counts (or FTE) and percentages by one characteristic, optionally split by a second field (a cross-tabulation) and
/// compared with a population benchmark. Percentages are of those whose value is known: "Not stated" is left out
/// of the base (the Home Office convention) and its share of the total is given beside the table. The benchmark's
/// base is everyone its filter selects, whatever rows the table's own records happen to have.
/// </summary>
internal static class BreakdownBuilder
{
    private const string AllKey = "All";
    private const string TotalKey = "Total";
    private const string NotStated = TableGrouping.NotStatedLabel;

    public static StatTable Build(TableDeclaration table, RecordSet set, RecordSet? benchmark)
    {
        var (grouping, population) = TableGrouping.Of(table, set, benchmark);
        var rowKeys = grouping.RowKeys;
        var columnKeys = table.Columns is null
            ? [AllKey]
            : grouping.Records.Select(r => grouping.ValueOf(r, table.Columns)).Distinct().Order(StringComparer.Ordinal).ToList();
        var groups = columnKeys.Count > 1 ? [.. columnKeys, TotalKey] : columnKeys;
        var unit = grouping.IsFte ? "FTE" : "count";

        Func<DataRecord, bool>? InGroup(string group) =>
            group is AllKey or TotalKey ? null : r => grouping.ValueOf(r, table.Columns!) == group;
        string Describe(string? row, string group) =>
            (row is null ? $"total {unit}" : $"{unit} of {table.Rows} = {row}") + (group is AllKey or TotalKey ? "" : $", {table.Columns} = {group}");

        var cells = new Dictionary<(string Row, string Group), Figure>();
        foreach (var group in groups)
        {
            foreach (var row in rowKeys) cells[(row, group)] = grouping.Measure(row, InGroup(group), Describe(row, group));
            cells[(TotalKey, group)] = grouping.Measure(null, InGroup(group), Describe(null, group));
        }

        var known = population is null ? default : KnownPopulation(population);
        var shares = population is null ? null : BenchmarkShares(known.Total, known.Counts);
        var measureKind = grouping.IsFte ? FigureKind.Fte : FigureKind.Count;
        var columns = new List<StatColumn>();
        foreach (var group in groups)
        {
            var label = group == AllKey ? null : group;
            columns.Add(new StatColumn($"{group}:count", Headers.Of(grouping.IsFte ? "fte" : "number"), measureKind, label));
            columns.Add(new StatColumn($"{group}:percent", Headers.Of(grouping.IsFte ? "percent_fte" : "percent"), FigureKind.Percent, label));
        }
        if (shares is not null && columnKeys.Count > 1)
        {
            // Split by columns: the benchmark is a group of its own, compared with the Total column.
            var benchmarkGroup = table.Benchmark!.Label ?? "Population";
            columns.Add(new StatColumn("benchmark:percent", Headers.Of("percent"), FigureKind.Percent, benchmarkGroup));
            columns.Add(new StatColumn("benchmark:difference", Headers.Of("difference_from", ("group", TotalKey)), FigureKind.PercentagePoints, benchmarkGroup));
        }
        else if (shares is not null)
        {
            columns.Add(new StatColumn("benchmark:percent", table.Benchmark!.Label ?? Headers.Of("population_percent"), FigureKind.Percent));
            columns.Add(new StatColumn("benchmark:difference", Headers.Of("difference"), FigureKind.PercentagePoints));
        }

        var rows = new List<StatRow>();
        foreach (var row in rowKeys.Append(TotalKey))
        {
            var isNotStated = row == NotStated;
            var figures = new List<Figure>();
            foreach (var group in groups)
            {
                figures.Add(cells[(row, group)]);
                figures.Add(isNotStated ? Figure.NotApplicable(FigureKind.Percent) : PercentOfKnown(cells, row, group));
            }
            if (shares is not null)
            {
                var percent = figures[^1];
                var share = isNotStated ? Figure.NotApplicable(FigureKind.Percent) : shares[row];
                figures.Add(share);
                figures.Add(isNotStated || row == TotalKey
                    ? Figure.NotApplicable(FigureKind.PercentagePoints)
                    : Figure.Derived(FigureKind.PercentagePoints, [percent, share], v => v[0] - v[1]));
            }
            rows.Add(new StatRow(row, figures, IsTotal: row == TotalKey, IsNotStated: isNotStated));
        }

        // Secondary suppression runs on the people behind the cells: their counts, or the headcounts behind FTE.
        Figure People(Figure f) => f.Headcount ?? f;
        var lines = groups.Select(g => new CountLine(People(cells[(TotalKey, g)]), rowKeys.Select(r => People(cells[(r, g)])).ToList())).ToList();
        if (columnKeys.Count > 1)
            lines.AddRange(rowKeys.Append(TotalKey).Select(r => new CountLine(People(cells[(r, TotalKey)]), columnKeys.Select(c => People(cells[(r, c)])).ToList())));
        // A population that is not public is controlled like any count: its parts add up to its known total.
        if (population is not null && !population.Set.IsPublic) lines.Add(new CountLine(known.Total, known.Counts.Values.ToList()));

        var noteFigures = new Dictionary<string, Figure>();
        if (rowKeys.Contains(NotStated))
            noteFigures["not-stated-share"] = Figure.Percent(cells[(NotStated, groups[^1])], cells[(TotalKey, groups[^1])]);

        return StatTable.For(table, set, benchmark, columns, rows, lines, grouping.Notes) with
        {
            NoteFigures = noteFigures,
            HasBenchmark = shares is not null,
        };
    }

    /// <summary>A count as a percentage of the known total of its column: the total less "Not stated".</summary>
    private static Figure PercentOfKnown(Dictionary<(string Row, string Group), Figure> cells, string row, string group)
    {
        var total = cells[(TotalKey, group)];
        var notStated = cells.GetValueOrDefault((NotStated, group));
        Figure[] known = notStated is null ? [total] : [total, notStated];
        double Known(double[] v, int at) => v[at] - (notStated is null ? 0 : v[at + 1]);
        // The total is 100% of those known, whether or not the not-stated count can be published.
        if (row == TotalKey) return Figure.AllOf(total);
        return Figure.Derived(FigureKind.Percent, [cells[(row, group)], .. known], v => Known(v, 1) > 0 ? 100 * v[0] / Known(v, 1) : null);
    }

    /// <summary>Each row's share of the population, of everyone the benchmark's filter selects whose value is known.</summary>
    private static Dictionary<string, Figure> BenchmarkShares(Figure known, Dictionary<string, Figure> counts)
    {
        var shares = counts.ToDictionary(c => c.Key, c => Figure.Percent(c.Value, known));
        shares[TotalKey] = Figure.AllOf(known);
        return shares;
    }

    /// <summary>The population whose value is known, and its count in each row (the same rows give the same cells).</summary>
    private static (Figure Total, Dictionary<string, Figure> Counts) KnownPopulation(TableGrouping population)
    {
        var rows = population.Table.Rows;
        var counts = population.RowKeys.Where(k => k != NotStated)
            .ToDictionary(k => k, k => population.Count(k, null, $"population with {rows} = {k}"));
        return (population.Count(null, r => population.RowOf(r) != NotStated, $"population whose {rows} is known"), counts);
    }
}
