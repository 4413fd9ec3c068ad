using ReportGen.Content;
using ReportGen.Data;

namespace ReportGen.Statistics;

/// <summary>
/// Tables that compare each group with a reference group:
/// <list type="bullet">
/// <item>rate: events per 1,000 people of the population, and the disproportionality ratio against the reference
/// ("Black people were 3.5 times as likely to be stopped and searched as White people");</item>
/// <item>likelihood: the relative likelihood of a successful outcome (appointment from application, promotion),
/// flagged when below four fifths of the reference group's (the four-fifths rule);</item>
/// <item>survey: the percentage with an outcome (satisfied), its 95% Wilson interval, the gap to the reference
/// group and whether a two-proportion test finds it significant at 5%; estimates on fewer responses than the
/// minimum base are not shown.</item>
/// </list>
/// </summary>
internal static class ComparisonBuilder
{
    private const string TotalKey = "Total";
    private const double FourFifths = 0.8;
    private const double Significance = 0.05;

    public static StatTable Build(TableDeclaration table, RecordSet set, RecordSet? population) => table.Kind switch
    {
        "rate" => Rate(table, set, population!),
        "likelihood" => Likelihood(table, set),
        "survey" => Survey(table, set),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table.Kind, "not a comparison table"),
    };

    private static StatTable Rate(TableDeclaration table, RecordSet set, RecordSet populationSet)
    {
        var grouping = new TableGrouping(table, set);
        var per = table.Per ?? 1000;
        var populationGrouping = TableGrouping.ForBenchmark(table, populationSet);
        var counts = grouping.RowKeys.ToDictionary(k => k, k => grouping.Count(k, null, $"count of {table.Rows} = {k}"));
        var total = grouping.Count(null, null, "total count");
        var populations = grouping.RowKeys.ToDictionary(k => k, k => Published(populationGrouping.Count(k, null, $"population with {table.Rows} = {k} (published figures)")));

        Figure RateOf(Figure count, Figure people) =>
            new(FigureKind.Rate, people.Value > 0 ? per * count.Value / people.Value : null, null, [count]) { Denominator = people };
        var rates = grouping.RowKeys.ToDictionary(k => k, k => k == TableGrouping.NotStatedLabel ? Figure.NotApplicable(FigureKind.Rate) : RateOf(counts[k], populations[k]));
        var reference = rates.GetValueOrDefault(table.Reference!);

        var rows = grouping.RowKeys.Select(k => new StatRow(k,
        [
            counts[k],
            k == TableGrouping.NotStatedLabel ? Figure.NotApplicable(FigureKind.Count) : populations[k],
            rates[k],
            k == TableGrouping.NotStatedLabel || reference is null ? Figure.NotApplicable(FigureKind.Ratio)
                : new Figure(FigureKind.Ratio, reference.Value > 0 ? rates[k].Value / reference.Value : null, null, [rates[k], reference]),
        ], IsNotStated: k == TableGrouping.NotStatedLabel)).ToList();
        var knownPopulation = Published(new Figure(FigureKind.Count, populations.Where(p => p.Key != TableGrouping.NotStatedLabel).Sum(p => p.Value.Value), null));
        rows.Add(new StatRow(TotalKey, [total, knownPopulation, RateOf(total, knownPopulation), Figure.NotApplicable(FigureKind.Ratio)], IsTotal: true));

        return Table(table, set, populationSet, rows, [new CountLine(total, counts.Values.ToList())],
        [
            new("count", "Number", FigureKind.Count),
            new("population", "Population", FigureKind.Count),
            new("rate", $"Rate per {per:N0} people", FigureKind.Rate),
            new("ratio", $"Times as likely as {table.Reference} people", FigureKind.Ratio),
        ]);
    }

    private static StatTable Likelihood(TableDeclaration table, RecordSet set)
    {
        var grouping = new TableGrouping(table, set);
        var succeeded = grouping.Succeeded();
        var label = table.Outcome!.Label ?? string.Join(" or ", table.Outcome.Success!);
        var keys = grouping.RowKeys;
        var candidates = keys.ToDictionary(k => k, k => grouping.Count(k, null, $"count of {table.Rows} = {k}"));
        var successes = keys.ToDictionary(k => k, k => grouping.Count(k, succeeded, $"count of {table.Rows} = {k}, {table.Outcome.Field} = {label}"));
        Figure RateOf(Figure x, Figure n) => new(FigureKind.Percent, n.Value > 0 ? 100 * x.Value / n.Value : null, null, [x, n]);
        var rates = keys.ToDictionary(k => k, k => RateOf(successes[k], candidates[k]));
        var reference = rates.GetValueOrDefault(table.Reference!);

        var rows = new List<StatRow>();
        foreach (var k in keys)
        {
            var ratio = reference is null || k == table.Reference ? Figure.NotApplicable(FigureKind.Ratio)
                : new Figure(FigureKind.Ratio, reference.Value > 0 ? rates[k].Value / reference.Value : null, null, [rates[k], reference]);
            var flag = ratio.Symbol is not null ? Figure.NotApplicable(FigureKind.Flag)
                : new Figure(FigureKind.Flag, ratio.Value is { } r ? (r < FourFifths ? 1 : 0) : null, null, [ratio]);
            rows.Add(new StatRow(k, [candidates[k], successes[k], rates[k], ratio, flag], IsNotStated: k == TableGrouping.NotStatedLabel));
        }
        var total = grouping.Count(null, null, "total count");
        var totalSuccesses = grouping.Count(null, succeeded, $"total {label}");
        rows.Add(new StatRow(TotalKey, [total, totalSuccesses, RateOf(totalSuccesses, total), Figure.NotApplicable(FigureKind.Ratio), Figure.NotApplicable(FigureKind.Flag)], IsTotal: true));

        return Table(table, set, null, rows,
            [new CountLine(total, candidates.Values.ToList()), new CountLine(totalSuccesses, successes.Values.ToList())],
            [
                new("candidates", table.Label ?? "Number", FigureKind.Count),
                new("successes", label, FigureKind.Count),
                new("rate", $"{label} (%)", FigureKind.Percent),
                new("ratio", $"Relative likelihood compared with {table.Reference}", FigureKind.Ratio),
                new("flag", "Below four fifths?", FigureKind.Flag),
            ]);
    }

    private static StatTable Survey(TableDeclaration table, RecordSet set)
    {
        var grouping = new TableGrouping(table, set);
        var succeeded = grouping.Succeeded();
        var label = table.Outcome!.Label ?? string.Join(" or ", table.Outcome.Success!);
        var rows = new List<StatRow>();
        var bases = new List<Figure>();
        var estimates = new Dictionary<string, (Figure Base, double X, Figure Percent)>();
        foreach (var k in grouping.RowKeys.Append(TotalKey))
        {
            var responses = grouping.Count(k == TotalKey ? null : k, null, k == TotalKey ? "all responses" : $"responses with {table.Rows} = {k}");
            var satisfied = grouping.Count(k == TotalKey ? null : k, succeeded, $"responses {label}" + (k == TotalKey ? "" : $" with {table.Rows} = {k}")).Value ?? 0;
            var n = responses.Value ?? 0;
            var percent = new Figure(FigureKind.Percent, n > 0 ? 100 * satisfied / n : null, responses.Provenance, [responses]) { Base = responses };
            estimates[k] = (responses, satisfied, percent);
            if (k != TotalKey) bases.Add(responses);
        }

        var reference = estimates.GetValueOrDefault(table.Reference!);
        foreach (var (k, (responses, x, percent)) in estimates)
        {
            var n = responses.Value ?? 0;
            var (lower, upper) = n > 0 ? Proportions.Wilson(x, n) : (double.NaN, double.NaN);
            Figure Bound(double value) => new(FigureKind.Percent, n > 0 ? 100 * value : null, null, [percent]) { Base = responses };
            Figure gap, significant;
            if (reference.Base is null || k == table.Reference || k == TotalKey || n == 0 || reference.Base.Value is not > 0)
            {
                gap = Figure.NotApplicable(FigureKind.PercentagePoints);
                significant = Figure.NotApplicable(FigureKind.Flag);
            }
            else
            {
                gap = new Figure(FigureKind.PercentagePoints, percent.Value - reference.Percent.Value, null, [percent, reference.Percent]);
                var (_, p) = Proportions.TwoProportionTest(x, n, reference.X, reference.Base.Value!.Value);
                significant = new Figure(FigureKind.Flag, p < Significance ? 1 : 0, null, [gap]);
            }
            rows.Add(new StatRow(k, [responses, percent, Bound(lower), Bound(upper), gap, significant], IsTotal: k == TotalKey, IsNotStated: k == TableGrouping.NotStatedLabel));
        }

        return Table(table, set, null, rows, [new CountLine(estimates[TotalKey].Base, bases)],
        [
            new("responses", "Responses", FigureKind.Count),
            new("percent", $"{label} (%)", FigureKind.Percent),
            new("lower", "95% interval: lower", FigureKind.Percent),
            new("upper", "95% interval: upper", FigureKind.Percent),
            new("gap", $"Difference from {table.Reference} (percentage points)", FigureKind.PercentagePoints),
            new("significant", "Significant difference?", FigureKind.Flag),
        ]);
    }

    /// <summary>A published population figure: not subject to disclosure control, since it is already public.</summary>
    private static Figure Published(Figure figure) => new(FigureKind.Count, figure.Value, figure.Provenance) { Published = figure.Value };

    private static StatTable Table(TableDeclaration table, RecordSet set, RecordSet? population, List<StatRow> rows, List<CountLine> lines, List<StatColumn> columns) =>
        StatTable.For(table, set, population, columns, rows, lines);
}
