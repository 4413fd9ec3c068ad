using ReportGen.Content;
using ReportGen.Data;

namespace ReportGen.Statistics;

/// <summary>
/// Counts and percentages by one characteristic, optionally split by a second field (a cross-tabulation) and
/// compared with a population benchmark. Percentages are of those whose value is known: "Not stated" is left out
/// of the base (the Home Office convention) and its share of the total is given beside the table.
/// </summary>
public static class BreakdownBuilder
{
    private const string AllKey = "All";
    private const string NotStatedLabel = "Not stated";

    public static StatTable Build(TableDeclaration table, RecordSet set, RecordSet? benchmark)
    {
        var rowsField = set.Field(table.Rows!)!;
        var byCategory = table.Level == "category";
        var records = RecordFilter.Apply(set, table.Where).ToList();

        string KeyOf(object? value, FieldSpec field, bool detailed) => value switch
        {
            Category c => detailed ? c.Label : c.Group,
            string s => s,
            _ => NotStatedLabel,
        };

        var rowKeys = RowKeys(rowsField, records, set, byCategory, KeyOf, table.Order);
        var columnsField = table.Columns is null ? null : set.Field(table.Columns);
        var columnKeys = columnsField is null
            ? [AllKey]
            : records.Select(r => KeyOf(r.Values[set.IndexOf(columnsField.Name)], columnsField, false)).Distinct().Order(StringComparer.Ordinal).ToList();

        // Sum the weight of every record into its (row, column) cell, remembering the rows of the sheet it came from.
        var sums = new Dictionary<(string Row, string Column), (double Sum, List<int> Rows)>();
        foreach (var record in records)
        {
            var row = KeyOf(record.Values[set.IndexOf(rowsField.Name)], rowsField, byCategory);
            var column = columnsField is null ? AllKey : KeyOf(record.Values[set.IndexOf(columnsField.Name)], columnsField, false);
            var cell = sums.TryGetValue((row, column), out var existing) ? existing : (Sum: 0d, Rows: new List<int>());
            cell.Rows.Add(record.Row);
            sums[(row, column)] = (cell.Sum + set.WeightOf(record), cell.Rows);
        }

        Figure Count(IEnumerable<(string Row, string Column)> cells, string what)
        {
            var keys = cells.ToList();
            var parts = keys.Select(c => sums.GetValueOrDefault(c, (0d, new List<int>()))).ToList();
            return new Figure(FigureKind.Count, parts.Sum(p => p.Item1),
                new Provenance(set.Id, set.File, set.Sheet, parts.SelectMany(p => p.Item2).Order().ToList(), what))
            {
                IsNotStatedCount = keys.Count > 0 && keys.All(k => k.Row == NotStatedLabel),
            };
        }

        var groups = columnKeys.Count > 1 ? [.. columnKeys, "Total"] : columnKeys;
        var counts = new Dictionary<(string Row, string Group), Figure>();
        foreach (var group in groups)
        {
            var columns = group == "Total" ? columnKeys : [group];
            foreach (var row in rowKeys)
                counts[(row, group)] = Count(columns.Select(c => (row, c)), $"count of {table.Rows} = {row}" + (group == AllKey ? "" : $", {table.Columns} = {group}"));
            counts[("Total", group)] = Count(rowKeys.SelectMany(r => columns.Select(c => (r, c))), "total count" + (group == AllKey ? "" : $", {table.Columns} = {group}"));
        }

        var benchmarkShares = benchmark is null ? null : BenchmarkShares(table, benchmark, rowKeys, byCategory, KeyOf);
        var columnsOut = new List<StatColumn>();
        foreach (var group in groups)
        {
            var label = group == AllKey ? null : group;
            columnsOut.Add(new StatColumn($"{group}:count", "Number", FigureKind.Count, label));
            columnsOut.Add(new StatColumn($"{group}:percent", "Percentage", FigureKind.Percent, label));
        }
        if (benchmarkShares is not null)
        {
            columnsOut.Add(new StatColumn("benchmark:percent", table.Benchmark!.Label ?? "Population percentage", FigureKind.Percent));
            columnsOut.Add(new StatColumn("benchmark:difference", "Difference (percentage points)", FigureKind.PercentagePoints));
        }

        var rows = new List<StatRow>();
        foreach (var row in rowKeys.Append("Total"))
        {
            var isNotStated = row == NotStatedLabel;
            var cells = new List<Figure>();
            foreach (var group in groups)
            {
                var count = counts[(row, group)];
                cells.Add(count);
                cells.Add(isNotStated ? Figure.NotApplicable(FigureKind.Percent) : PercentOfKnown(count, counts, group, row == "Total"));
            }
            if (benchmarkShares is not null)
            {
                var workforce = cells[(groups.Count - 1) * 2 + 1];
                var population = isNotStated ? Figure.NotApplicable(FigureKind.Percent) : row == "Total" ? Fixed(100) : benchmarkShares[row];
                cells.Add(population);
                cells.Add(isNotStated || row == "Total"
                    ? Figure.NotApplicable(FigureKind.PercentagePoints)
                    : new Figure(FigureKind.PercentagePoints, workforce.Value - population.Value, null, [workforce, population]));
            }
            rows.Add(new StatRow(row, cells, IsTotal: row == "Total", IsNotStated: isNotStated));
        }

        var lines = new List<CountLine>();
        foreach (var group in groups)
            lines.Add(new CountLine(counts[("Total", group)], rowKeys.Select(r => counts[(r, group)]).ToList()));
        if (columnKeys.Count > 1)
            foreach (var row in rowKeys.Append("Total"))
                lines.Add(new CountLine(counts[(row, "Total")], columnKeys.Select(c => counts[(row, c)]).ToList()));

        var noteFigures = new Dictionary<string, Figure>();
        if (rowKeys.Contains(NotStatedLabel))
        {
            var notStated = counts[(NotStatedLabel, groups[^1])];
            var total = counts[("Total", groups[^1])];
            noteFigures["not-stated-share"] = new Figure(FigureKind.Percent, total.Value > 0 ? 100 * notStated.Value / total.Value : null,
                null, [notStated, total]);
        }

        return new StatTable
        {
            Id = table.Id!,
            Title = table.Title!,
            Section = table.Section ?? "workforce",
            RowHeader = Heading(table.Rows!),
            Columns = columnsOut,
            Rows = rows,
            Lines = lines,
            Notes = table.Notes ?? [],
            SourceTitles = new[] { set.Declaration.Title ?? set.Id, benchmark?.Declaration.Title ?? benchmark?.Id }.OfType<string>().ToList(),
            NoteFigures = noteFigures,
            Chart = table.Chart,
            Label = table.Label,
            HasBenchmark = benchmarkShares is not null,
        };
    }

    private static Figure Fixed(double value) => new(FigureKind.Percent, value, null);

    /// <summary>A count as a percentage of the known total of its column: the total less "Not stated".</summary>
    private static Figure PercentOfKnown(Figure count, Dictionary<(string Row, string Group), Figure> counts, string group, bool isTotal)
    {
        var total = counts[("Total", group)];
        var notStated = counts.GetValueOrDefault((NotStatedLabel, group));
        var known = total.Value - (notStated?.Value ?? 0);
        if (isTotal) return new Figure(FigureKind.Percent, known > 0 ? 100 : null, null, [total]);
        var value = known > 0 ? 100 * count.Value / known : null;
        return new Figure(FigureKind.Percent, value, null, notStated is null ? [count, total] : [count, total, notStated]);
    }

    private static List<string> RowKeys(FieldSpec field, List<DataRecord> records, RecordSet set, bool detailed,
        Func<object?, FieldSpec, bool, string> keyOf, IReadOnlyList<string>? order)
    {
        if (field.Standardiser is { } standardiser)
        {
            var classification = standardiser.Classification;
            if (!detailed) return [.. classification.Groups];
            var present = records.Select(r => keyOf(r.Values[set.IndexOf(field.Name)], field, true)).ToHashSet();
            return classification.Categories.Where(c => present.Contains(c.Label) || !c.Label.Contains("(category not given)", StringComparison.Ordinal))
                .Select(c => c.Label).Distinct().ToList();
        }
        var values = records.Select(r => keyOf(r.Values[set.IndexOf(field.Name)], field, false)).Distinct().ToList();
        var listed = (order ?? []).Where(values.Contains).ToList();
        return [.. listed, .. values.Where(v => v != NotStatedLabel && !listed.Contains(v)).Order(StringComparer.Ordinal), .. values.Where(v => v == NotStatedLabel)];
    }

    private static Dictionary<string, Figure> BenchmarkShares(TableDeclaration table, RecordSet benchmark, List<string> rowKeys, bool detailed,
        Func<object?, FieldSpec, bool, string> keyOf)
    {
        var field = benchmark.Field(table.Rows!)!;
        var records = RecordFilter.Apply(benchmark, table.Benchmark!.Where).ToList();
        var byKey = records.GroupBy(r => keyOf(r.Values[benchmark.IndexOf(field.Name)], field, detailed))
            .ToDictionary(g => g.Key, g => (Sum: g.Sum(benchmark.WeightOf), Rows: g.Select(r => r.Row).ToList()));
        var known = byKey.Where(k => k.Key != NotStatedLabel).Sum(k => k.Value.Sum);
        return rowKeys.Where(k => k != NotStatedLabel).ToDictionary(k => k, k =>
        {
            var part = byKey.GetValueOrDefault(k, (0, []));
            return new Figure(FigureKind.Percent, known > 0 ? 100 * part.Sum / known : null,
                new Provenance(benchmark.Id, benchmark.File, benchmark.Sheet, part.Rows, $"share of {table.Rows} = {k} in the population (published figures)"));
        });
    }

    private static string Heading(string field) => field switch
    {
        "ethnicity" => "Ethnic group",
        "sexual_orientation" => "Sexual orientation",
        "gender_identity" => "Gender identity",
        "age" => "Age band",
        _ => char.ToUpperInvariant(field[0]) + field[1..].Replace('_', ' '),
    };
}
