using System.Globalization;
using ReportGen.Content;
using ReportGen.Data;

namespace ReportGen.Statistics;

/// <summary>
/// Tables that compare groups:
/// <list type="bullet">
/// <item>rate: events per 1,000 (or <c>per:</c>) of a base — the population, or another source such as the workforce
/// ("3.0 complaints per 100 officers") — and the disproportionality ratio against the reference group ("Black people
/// were 3.5 times as likely to be stopped and searched as White people");</item>
/// <item>likelihood: the relative likelihood of a successful outcome (appointment from application, promotion),
/// flagged when below four fifths of the reference group's (the four-fifths rule);</item>
/// <item>proportion: the percentage of each group's records with an outcome (the positive outcome rate of hate
/// crimes, repeat victims), with no reference group;</item>
/// <item>survey: see <see cref="SurveyBuilder"/>.</item>
/// </list>
/// With <c>intervals: true</c>, a ratio also gets its 95% interval (the log method) and whether that excludes 1.
/// </summary>
internal static class ComparisonBuilder
{
    private const string TotalKey = "Total";
    private const double FourFifths = 0.8;
    private const string NotStated = TableGrouping.NotStatedLabel;

    public static StatTable Build(TableDeclaration table, RecordSet set, RecordSet? population) => table.Kind switch
    {
        "rate" => Rate(table, set, population!),
        "likelihood" or "proportion" => Likelihood(table, set),
        "survey" => SurveyBuilder.Build(table, set),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table.Kind, "not a comparison table"),
    };

    internal static double Z95 { get; } = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.975);

    private static StatTable Rate(TableDeclaration table, RecordSet set, RecordSet populationSet)
    {
        var (grouping, population) = TableGrouping.Of(table, set, populationSet);
        var per = table.Per ?? 1000;
        var unit = table.Benchmark!.Unit ?? "people";
        var keys = grouping.RowKeys;
        var counts = keys.ToDictionary(k => k, k => grouping.Count(k, null, $"count of {table.Rows} = {k}"));
        var total = grouping.Count(null, null, "total count");
        var populations = keys.ToDictionary(k => k, k => population!.Count(k, null, $"{unit} with {table.Rows} = {k} (the base)"));
        var populationTotal = population!.Count(null, null, $"all {unit} (the base)");

        Figure RateOf(Figure count, Figure people) =>
            Figure.Derived(FigureKind.Rate, [count, people], v => v[1] > 0 ? per * v[0] / v[1] : null).Per(people);
        var rates = keys.ToDictionary(k => k, k => k == NotStated ? Figure.NotApplicable(FigureKind.Rate) : RateOf(counts[k], populations[k]));
        var hasReference = rates.ContainsKey(table.Reference!);

        var rows = new List<StatRow>();
        foreach (var k in keys)
        {
            var cells = new List<Figure> { counts[k], k == NotStated ? Figure.NotApplicable(FigureKind.Count) : populations[k], rates[k] };
            var applies = k != NotStated && hasReference;
            cells.Add(applies ? Ratio(rates[k], rates[table.Reference!]) : Figure.NotApplicable(FigureKind.Ratio));
            if (table.Intervals == true)
                cells.AddRange(applies && k != table.Reference
                    ? RatioInterval(cells[^1], [counts[k], counts[table.Reference!]], v => Math.Sqrt(1 / v[0] + 1 / v[1]))
                    : NoInterval());
            rows.Add(new StatRow(k, cells, IsNotStated: k == NotStated));
        }
        var totalCells = new List<Figure> { total, populationTotal, RateOf(total, populationTotal), Figure.NotApplicable(FigureKind.Ratio) };
        if (table.Intervals == true) totalCells.AddRange(NoInterval());
        rows.Add(new StatRow(TotalKey, totalCells, IsTotal: true));

        var lines = new List<CountLine> { new(total, counts.Values.ToList()) };
        if (!populationSet.IsPublic) lines.Add(new CountLine(populationTotal, populations.Values.ToList()));
        var perText = per.ToString("N0", CultureInfo.InvariantCulture);
        var columns = new List<StatColumn>
        {
            new("count", Headers.Of("number"), FigureKind.Count),
            new("population", unit == "people" ? Headers.Of("population") : Capitalised(unit), FigureKind.Count),
            new("rate", Headers.Of("rate", ("per", perText), ("unit", unit)), FigureKind.Rate),
            new("ratio", Headers.Of("times_as_likely", ("reference", table.Reference), ("unit", unit)), FigureKind.Ratio),
        };
        if (table.Intervals == true) columns.AddRange(IntervalColumns());
        return Finish(table, grouping, populationSet, rows, lines, columns, total, counts.GetValueOrDefault(NotStated));
    }

    private static StatTable Likelihood(TableDeclaration table, RecordSet set)
    {
        var (grouping, _) = TableGrouping.Of(table, set, null);
        var succeeded = grouping.Succeeded();
        var label = table.Outcome!.Label ?? string.Join(" or ", table.Outcome.Success!);
        var keys = grouping.RowKeys;
        var compares = table.Kind == "likelihood";
        var candidates = keys.ToDictionary(k => k, k => grouping.Count(k, null, $"count of {table.Rows} = {k}"));
        var successes = keys.ToDictionary(k => k, k => grouping.Count(k, succeeded, $"count of {table.Rows} = {k}, {table.Outcome.Field} = {label}"));
        var rates = keys.ToDictionary(k => k, k => Figure.Percent(successes[k], candidates[k]));
        var hasReference = compares && rates.ContainsKey(table.Reference!);

        var rows = new List<StatRow>();
        foreach (var k in keys)
        {
            var cells = new List<Figure> { candidates[k], successes[k], rates[k] };
            if (compares)
            {
                var ratio = !hasReference || k == table.Reference ? Figure.NotApplicable(FigureKind.Ratio) : Ratio(rates[k], rates[table.Reference!]);
                cells.Add(ratio);
                cells.Add(ratio.Symbol is not null ? Figure.NotApplicable(FigureKind.Flag) : Figure.Derived(FigureKind.Flag, [ratio], v => v[0] < FourFifths ? 1 : 0));
                if (table.Intervals == true)
                    cells.AddRange(ratio.Symbol is null
                        ? RatioInterval(ratio, [successes[k], candidates[k], successes[table.Reference!], candidates[table.Reference!]],
                            v => Math.Sqrt(1 / v[0] - 1 / v[1] + 1 / v[2] - 1 / v[3]))
                        : NoInterval());
            }
            rows.Add(new StatRow(k, cells, IsNotStated: k == NotStated));
        }
        var total = grouping.Count(null, null, "total count");
        var totalSuccesses = grouping.Count(null, succeeded, $"total {label}");
        var totalCells = new List<Figure> { total, totalSuccesses, Figure.Percent(totalSuccesses, total) };
        if (compares) totalCells.AddRange([Figure.NotApplicable(FigureKind.Ratio), Figure.NotApplicable(FigureKind.Flag)]);
        if (compares && table.Intervals == true) totalCells.AddRange(NoInterval());
        rows.Add(new StatRow(TotalKey, totalCells, IsTotal: true));

        var columns = new List<StatColumn>
        {
            new("candidates", table.Label ?? Headers.Of("number"), FigureKind.Count),
            new("successes", label, FigureKind.Count),
            new("rate", Headers.Of("label_percent", ("label", label)), FigureKind.Percent),
        };
        if (compares)
        {
            columns.Add(new("ratio", Headers.Of("relative_likelihood", ("reference", table.Reference)), FigureKind.Ratio));
            columns.Add(new("flag", Headers.Of("four_fifths"), FigureKind.Flag));
            if (table.Intervals == true) columns.AddRange(IntervalColumns());
        }
        return Finish(table, grouping, null, rows,
            [new CountLine(total, candidates.Values.ToList()), new CountLine(totalSuccesses, successes.Values.ToList())], columns,
            total, candidates.GetValueOrDefault(NotStated));
    }

    private static Figure Ratio(Figure rate, Figure reference) =>
        Figure.Derived(FigureKind.Ratio, [rate, reference], v => v[1] > 0 ? v[0] / v[1] : null);

    /// <summary>
    /// The 95% interval of a ratio by the log method, exp(ln r ± 1.96 × se), with se from the counts behind it
    /// (Poisson counts for a ratio of rates; Katz's formula for a ratio of proportions), and whether it excludes 1
    /// as shown. No interval when any of those counts is zero.
    /// </summary>
    private static IEnumerable<Figure> RatioInterval(Figure ratio, Figure[] counts, Func<double[], double> standardError)
    {
        Figure Bound(int sign) => Figure.Derived(FigureKind.Ratio, [ratio, .. counts], v =>
        {
            var c = v[1..];
            if (v[0] <= 0 || c.Any(x => x <= 0)) return null;
            return Math.Exp(Math.Log(v[0]) + sign * Z95 * standardError(c));
        });
        var lower = Bound(-1);
        var upper = Bound(+1);
        return [lower, upper, Figure.Derived(FigureKind.Flag, [lower, upper], v => v[0] > 1 || v[1] < 1 ? 1 : 0)];
    }

    private static Figure[] NoInterval() =>
        [Figure.NotApplicable(FigureKind.Ratio), Figure.NotApplicable(FigureKind.Ratio), Figure.NotApplicable(FigureKind.Flag)];

    private static IEnumerable<StatColumn> IntervalColumns() =>
    [
        new("ratio_lower", Headers.Of("ratio_lower"), FigureKind.Ratio),
        new("ratio_upper", Headers.Of("ratio_upper"), FigureKind.Ratio),
        new("ratio_significant", Headers.Of("ratio_significant"), FigureKind.Flag),
    ];

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The table, with the share not stated for its notes, so every table says what its figures rest on.</summary>
    internal static StatTable Finish(TableDeclaration table, TableGrouping grouping, RecordSet? other, List<StatRow> rows,
        List<CountLine> lines, List<StatColumn> columns, Figure total, Figure? notStated) =>
        StatTable.For(table, grouping.Set, other, columns, rows, lines, grouping.Notes) with
        {
            NoteFigures = notStated is null ? new Dictionary<string, Figure>() : new() { ["not-stated-share"] = Figure.Percent(notStated, total) },
        };
}
