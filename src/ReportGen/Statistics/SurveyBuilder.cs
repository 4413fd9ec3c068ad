using ReportGen.Content;
using ReportGen.Data;

namespace ReportGen.Statistics;

/// <summary>
/// A survey table: for each group, the responses, the percentage with the outcome (satisfied), its 95% Wilson
/// interval, and the difference from the reference group with its 95% interval ("5.2 ± 1.9", as the Home Office
/// publishes the satisfaction gap) and whether that interval, as shown, excludes zero — so the significance shown
/// always agrees with the interval shown. The difference is group − reference, or reference − group with
/// <c>gap: reference-minus-group</c> ("White − BME"). Estimates on fewer responses than the minimum base are not shown.
/// </summary>
internal static class SurveyBuilder
{
    private const string TotalKey = "Total";
    public const string ReferenceMinusGroup = "reference-minus-group";
    public const string GroupMinusReference = "group-minus-reference";

    public static StatTable Build(TableDeclaration table, RecordSet set)
    {
        var (grouping, _) = TableGrouping.Of(table, set, null);
        var succeeded = grouping.Succeeded();
        var label = table.Outcome!.Label ?? string.Join(" or ", table.Outcome.Success!);
        var estimates = new Dictionary<string, (Figure Responses, Figure Successes, Figure Percent)>();
        foreach (var k in grouping.RowKeys.Append(TotalKey))
        {
            var row = k == TotalKey ? null : k;
            var responses = grouping.Count(row, null, row is null ? "all responses" : $"responses with {table.Rows} = {k}");
            var successes = grouping.Count(row, succeeded, $"responses {label}" + (row is null ? "" : $" with {table.Rows} = {k}"));
            successes.ProtectedByBase = true;
            estimates[k] = (responses, successes, Figure.Percent(successes, responses).On(responses));
        }

        var flip = table.Gap == ReferenceMinusGroup ? -1 : 1;
        var reference = estimates.GetValueOrDefault(table.Reference!);
        var rows = new List<StatRow>();
        foreach (var (k, (responses, successes, percent)) in estimates)
        {
            Figure Bound(bool upper) => Figure.Derived(FigureKind.Percent, [successes, responses], v =>
                v[1] > 0 ? 100 * (upper ? Proportions.Wilson(v[0], v[1]).Upper : Proportions.Wilson(v[0], v[1]).Lower) : null).On(responses);
            var cells = new List<Figure> { responses, percent, Bound(false), Bound(true) };
            if (reference.Percent is null || k == table.Reference || k == TotalKey)
                cells.AddRange([Figure.NotApplicable(FigureKind.PercentagePoints), Figure.NotApplicable(FigureKind.Margin), Figure.NotApplicable(FigureKind.Flag)]);
            else
            {
                var gap = Figure.Derived(FigureKind.PercentagePoints, [percent, reference.Percent], v => flip * (v[0] - v[1]));
                // The 95% interval of a difference between two independent proportions: ± 1.96 × √(p₁q₁/n₁ + p₂q₂/n₂).
                var margin = Figure.Derived(FigureKind.Margin, [percent, responses, reference.Percent, reference.Responses], v =>
                    v[1] > 0 && v[3] > 0
                        ? 100 * ComparisonBuilder.Z95 * Math.Sqrt(v[0] / 100 * (1 - v[0] / 100) / v[1] + v[2] / 100 * (1 - v[2] / 100) / v[3])
                        : null);
                cells.AddRange([gap, margin, Figure.Derived(FigureKind.Flag, [gap, margin], v => Math.Abs(v[0]) > v[1] ? 1 : 0)]);
            }
            rows.Add(new StatRow(k, cells, IsTotal: k == TotalKey, IsNotStated: k == TableGrouping.NotStatedLabel));
        }

        var difference = table.Gap == ReferenceMinusGroup ? Headers.Of("reference_minus_group", ("reference", table.Reference)) : Headers.Of("difference_from_reference", ("reference", table.Reference));
        var total = estimates[TotalKey].Responses;
        return ComparisonBuilder.Finish(table, grouping, null, rows,
            [new CountLine(total, estimates.Where(e => e.Key != TotalKey).Select(e => e.Value.Responses).ToList())],
            [
                new("responses", Headers.Of("responses"), FigureKind.Count),
                new("percent", Headers.Of("label_percent", ("label", label)), FigureKind.Percent),
                new("lower", Headers.Of("lower"), FigureKind.Percent),
                new("upper", Headers.Of("upper"), FigureKind.Percent),
                new("gap", Headers.Of("gap", ("difference", difference)), FigureKind.PercentagePoints),
                new("gap_margin", Headers.Of("gap_margin"), FigureKind.Margin),
                new("significant", Headers.Of("significant"), FigureKind.Flag),
            ],
            total, estimates.GetValueOrDefault(TableGrouping.NotStatedLabel).Responses);
    }
}
