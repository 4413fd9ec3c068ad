using ReportGen.Content;

namespace ReportGen.Statistics;

/// <summary>The disclosure-control policy of an edition, with its defaults.</summary>
public sealed record DisclosureSettings(int Threshold = 5, int? RoundTo = null, int MinimumBase = 50)
{
    public static DisclosureSettings From(DisclosurePolicy? policy) => new(
        policy?.Threshold ?? 5, policy?.RoundTo, policy?.MinimumBase ?? 50);
}

/// <summary>
/// Applied once, after the statistics and before anything is rendered, so it reaches every output:
/// <list type="number">
/// <item>primary suppression: a count from 1 to threshold − 1 is withheld (zero is shown as 0);</item>
/// <item>secondary suppression: in every line of counts with its total, a withheld count never stands alone, so it
/// cannot be worked out by subtraction; the next smallest count (or the total) is withheld with it, a "Not stated"
/// count only when there is no other;</item>
/// <item>a figure computed from a withheld count (a percentage, a difference, a rate) is withheld too, and a survey
/// estimate resting on fewer responses than the minimum base is shown as too few to be reliable;</item>
/// <item>optional rounding of the published counts, with ~0 for a count that rounds to zero but is not zero.</item>
/// </list>
/// </summary>
public static class DisclosureControl
{
    public static void Apply(StatTable table, DisclosureSettings settings)
    {
        var counts = table.AllFigures.Concat(table.Lines.SelectMany(l => l.Parts.Append(l.Total)))
            .Where(f => f.Kind == FigureKind.Count).Distinct().ToList();

        foreach (var count in counts.Where(c => c.Value is > 0 && c.Value < settings.Threshold))
            count.Symbol = Symbols.Withheld;

        SuppressSecondary(table.Lines);

        foreach (var figure in table.AllFigures.Where(f => f.Kind != FigureKind.Count && f.Symbol is null))
        {
            if (DependsOnWithheld(figure)) figure.Symbol = Symbols.Withheld;
            else if (RestsOnTooFew(figure, settings.MinimumBase)) figure.Symbol = Symbols.Unreliable;
            else if (figure.Value is null) figure.Symbol = Symbols.NotApplicable;
            else figure.Published = figure.Value;
        }

        foreach (var count in counts.Where(c => c.Symbol is null))
        {
            var value = count.Value ?? 0;
            if (settings.RoundTo is { } step and > 1)
            {
                var rounded = Math.Round(value / step, MidpointRounding.AwayFromZero) * step;
                if (rounded == 0 && value > 0) count.Symbol = Symbols.RoundsToZero;
                else count.Published = rounded;
            }
            else
            {
                count.Published = value;
            }
        }
    }

    private static void SuppressSecondary(IReadOnlyList<CountLine> lines)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Total.IsWithheld) continue;
                var withheld = line.Parts.Count(p => p.IsWithheld);
                if (withheld != 1) continue;
                // Withhold the smallest non-zero count beside it, preferring one that also closes another line.
                var candidate = line.Parts.Where(p => !p.IsWithheld && p.Value > 0)
                    .OrderBy(p => p.IsNotStatedCount).ThenBy(p => p.Value).ThenByDescending(p => lines.Count(l => l.Parts.Contains(p) && l.Parts.Count(q => q.IsWithheld) == 1))
                    .FirstOrDefault();
                (candidate ?? line.Total).Symbol = Symbols.Withheld;
                changed = true;
            }
            // A withheld total whose parts are all shown can be worked out by adding them up.
            foreach (var line in lines.Where(l => l.Total.IsWithheld && l.Parts.All(p => !p.IsWithheld) && l.Parts.Any(p => p.Value > 0)))
            {
                line.Parts.Where(p => p.Value > 0).OrderBy(p => p.IsNotStatedCount).ThenBy(p => p.Value).First().Symbol = Symbols.Withheld;
                changed = true;
            }
        } while (changed);
    }

    private static bool RestsOnTooFew(Figure figure, int minimumBase) =>
        figure.Base?.Value < minimumBase || figure.DependsOn.Any(d => d.Kind != FigureKind.Count && RestsOnTooFew(d, minimumBase));

    private static bool DependsOnWithheld(Figure figure) =>
        figure.DependsOn.Any(d => d.IsWithheld || (d.Kind != FigureKind.Count && DependsOnWithheld(d)));

    /// <summary>
    /// Checks a controlled table: no count from 1 to threshold − 1 is published, and in every line whose total is
    /// published, withheld counts come in twos or more. Returns the problems found (none when it is safe).
    /// </summary>
    public static IReadOnlyList<string> Verify(StatTable table, DisclosureSettings settings)
    {
        var problems = new List<string>();
        foreach (var figure in table.AllFigures.Concat(table.Lines.SelectMany(l => l.Parts.Append(l.Total))).Where(f => f.Kind == FigureKind.Count))
            if (figure.Published is > 0 && figure.Published < settings.Threshold)
                problems.Add($"count {figure.Published} is published in table {table.Id}");
        foreach (var line in table.Lines.Where(l => !l.Total.IsWithheld))
            if (line.Parts.Count(p => p.IsWithheld) == 1)
                problems.Add($"a withheld count in table {table.Id} can be worked out from its total {line.Total.Value}");
        return problems;
    }
}
