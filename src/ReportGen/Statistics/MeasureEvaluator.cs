using ReportGen.Content;

namespace ReportGen.Statistics;

public enum MeasureStatus { Improved, NoSignificantChange, Worsened, NotEnoughData }

/// <summary>A measure's latest published figure, the same figure in the previous edition, and the status they give.</summary>
/// <param name="Why">How the status was worked out, as a label (measure.why.*) and its values, to print in each language.</param>
public sealed record MeasureResult(Figure Latest, Figure? Previous, double? Change, MeasureStatus Status, Rendering.Phrase Why)
{
    /// <summary>How the status was worked out, in the tool's English.</summary>
    public string Explanation => Rendering.LabelSet.Tool("en").Render(Why);

    /// <summary>For one of a measure's several figures: the label it is shown under.</summary>
    public string? Label { get; init; }
    /// <summary>The decimal places it is shown to: the measure's, or its table's.</summary>
    public int Decimals { get; init; }
    /// <summary>The stable id of the latest figure (<see cref="FigureIds"/>).</summary>
    public string? FigureId { get; init; }
}

/// <summary>
/// Works out an objective measure's status from data, never by hand: the latest published figure is compared with
/// the previous edition's, and the change counts only when a test finds it significant at 5% (a two-proportion test
/// for percentages and gaps, a comparison of two Poisson rates for rates) and goes the way the measure says is
/// progress: up, down, or towards parity (a gap closing towards zero).
/// </summary>
public static class MeasureEvaluator
{
    private const double Significance = 0.05;

    public static Figure? Find(IReadOnlyList<StatTable> tables, StatisticReference reference, out string? problem)
    {
        problem = null;
        var table = tables.FirstOrDefault(t => t.Id == reference.Table);
        if (table is null) { problem = $"there is no table '{reference.Table}' in statistics.yaml"; return null; }
        var row = table.Rows.FirstOrDefault(r => r.Label == reference.Row);
        if (row is null)
        {
            problem = $"table '{table.Id}' has no row '{reference.Row}'; its rows are: {string.Join(", ", table.Rows.Select(r => $"'{r.Label}'"))}";
            return null;
        }
        var keys = table.Columns.Select(c => c.Key.Split(':')[^1]).ToList();
        var index = keys.LastIndexOf(reference.Column!);
        if (index < 0)
        {
            problem = $"table '{table.Id}' has no column '{reference.Column}'; use one of: {string.Join(", ", keys.Distinct())}";
            return null;
        }
        return row.Cells[index];
    }

    public static MeasureResult Evaluate(Figure latest, Figure? previous, string direction)
    {
        if (latest.Published is null)
            return new(latest, previous, null, MeasureStatus.NotEnoughData, new Rendering.Phrase("measure.why.latest_withheld"));
        if (previous is null)
            return new(latest, null, null, MeasureStatus.NotEnoughData, new Rendering.Phrase("measure.why.no_earlier"));
        if (previous.Published is null)
            return new(latest, previous, null, MeasureStatus.NotEnoughData, new Rendering.Phrase("measure.why.earlier_withheld"));

        var change = latest.Published.Value - previous.Published.Value;
        var p = PValue(latest, previous);
        if (p is null)
            return new(latest, previous, change, MeasureStatus.NotEnoughData, new Rendering.Phrase("measure.why.no_test"));
        if (p >= Significance)
            return new(latest, previous, change, MeasureStatus.NoSignificantChange, new Rendering.Phrase("measure.why.chance", ("p", p.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))));

        var better = direction switch
        {
            "up" => change > 0,
            "down" => change < 0,
            _ => Math.Abs(latest.Published.Value) < Math.Abs(previous.Published.Value),
        };
        return new(latest, previous, change, better ? MeasureStatus.Improved : MeasureStatus.Worsened, new Rendering.Phrase("measure.why.significant", ("p", p.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>The two-sided p-value of the change between two editions' figures, or null when no test applies.</summary>
    private static double? PValue(Figure latest, Figure previous)
    {
        if (latest.Kind == FigureKind.PercentagePoints)
            return latest.DependsOn.FirstOrDefault() is { Kind: FigureKind.Percent } a && previous.DependsOn.FirstOrDefault() is { Kind: FigureKind.Percent } b ? PValue(a, b) : null;
        if (latest.Kind == FigureKind.Percent && Binomial(latest) is { } x && Binomial(previous) is { } y)
            return Proportions.TwoProportionTest(x.Successes, x.Trials, y.Successes, y.Trials).P;
        if (latest.Kind == FigureKind.Rate && Events(latest) is { } e1 && Events(previous) is { } e2)
        {
            var (r1, r2) = (e1.Events / e1.Exposure, e2.Events / e2.Exposure);
            var standardError = Math.Sqrt(e1.Events / (e1.Exposure * e1.Exposure) + e2.Events / (e2.Exposure * e2.Exposure));
            if (standardError == 0) return 1;
            return 2 * (1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, Math.Abs((r1 - r2) / standardError)));
        }
        return null;
    }

    /// <summary>
    /// The successes and trials behind a percentage, from their published values (so the test reads no more than the
    /// tables publish): a survey estimate's base, or a count over its known total.
    /// </summary>
    private static (double Successes, double Trials)? Binomial(Figure percent)
    {
        if (percent.Base?.Exact is > 0 and var n && percent.Exact is { } p) return (p * n / 100, n);
        if (percent.DependsOn is [{ Kind: FigureKind.Count } count, { Kind: FigureKind.Count } total, ..] && percent.DependsOn.Count <= 3)
        {
            var notStated = percent.DependsOn.Count == 3 ? percent.DependsOn[2].Exact ?? 0 : 0;
            var trials = (total.Exact ?? 0) - notStated;
            return trials > 0 ? (count.Exact ?? 0, trials) : null;
        }
        return null;
    }

    private static (double Events, double Exposure)? Events(Figure rate) =>
        rate.DependsOn is [{ Kind: FigureKind.Count } count, ..] && rate.Denominator?.Exact is > 0 and var people ? (count.Exact ?? 0, people) : null;
}
