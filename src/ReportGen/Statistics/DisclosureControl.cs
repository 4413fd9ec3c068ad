using ReportGen.Content;

namespace ReportGen.Statistics;

/// <summary>The disclosure-control policy of an edition, with its defaults.</summary>
public sealed record DisclosureSettings(int Threshold = 5, int? RoundTo = null, int MinimumBase = 50)
{
    public static DisclosureSettings From(DisclosurePolicy? policy) => new(
        policy?.Threshold ?? 5, policy?.RoundTo, policy?.MinimumBase ?? 50);

    /// <summary>A count as published: rounded to the nearest multiple of round_to, when one is set.</summary>
    public double RoundCount(double value) =>
        RoundTo is { } step and > 1 ? Math.Round(value / step, MidpointRounding.AwayFromZero) * step : value;
}

/// <summary>
/// Applied once to all the tables of an edition, after the statistics and before anything is rendered, so it reaches
/// every output:
/// <list type="number">
/// <item>primary suppression: a count from 1 to threshold − 1 is withheld (zero is shown as 0);</item>
/// <item>secondary suppression: in every line of counts with its total, a withheld count never stands alone, so it
/// cannot be worked out by subtraction. The lines of all tables are controlled together, and a count of the same
/// people in two tables is one cell, so no table gives back what another withholds;</item>
/// <item>optional rounding of the published counts, with ~0 for a count that rounds to zero but is not zero; an FTE
/// figure is withheld with the people behind it;</item>
/// <item>every derived figure is computed again from the published inputs (so it gives back nothing the published
/// counts do not), withheld when an input is, shown as too few to be reliable under the minimum base, and rounded
/// once to its precision.</item>
/// </list>
/// Published figures of public sources (a census table) are shown as published: never withheld, never rounded.
/// </summary>
public static class DisclosureControl
{
    public static void Apply(StatTable table, DisclosureSettings settings) => Apply([table], settings);

    public static void Apply(IReadOnlyList<StatTable> tables, DisclosureSettings settings)
    {
        // Every figure each table shows or is computed from, found once.
        var reachable = tables.Select(t => (Table: t, Figures: Reachable(t).ToList())).ToList();
        var cells = new CountCells();
        foreach (var (table, figures) in reachable)
        foreach (var figure in figures)
        {
            figure.Decimals = table.Precision.For(figure.Kind);
            if (figure.IsDerived || figure.Symbol is not null) continue;
            if (figure.IsPublic) figure.Published = figure.Exact = figure.Value;
            else if (figure.Kind == FigureKind.Count) cells.Add(figure);
        }

        foreach (var table in tables)
        foreach (var shown in table.AllFigures.Where(f => f.IsDerived))
        foreach (var count in CountsBehind(shown).Where(c => !c.IsPublic))
            cells.Of(count).Dependents++;

        foreach (var cell in cells.All.Where(c => !c.ProtectedByBase && c.Value is > 0 && c.Value < settings.Threshold))
            cell.Withheld = true;
        var lines = tables.SelectMany(t => t.Lines)
            .Where(l => !l.Total.IsPublic)
            .Select(l => new CellLine(cells.Of(l.Total), l.Parts.Where(p => !p.IsPublic).Select(cells.Of).ToList()))
            .ToList();
        SuppressSecondary(lines);
        foreach (var cell in cells.All) cell.Publish(settings);

        var all = reachable.SelectMany(r => r.Figures).ToList();
        foreach (var fte in all.Where(f => f.Kind == FigureKind.Fte && !f.IsDerived && !f.IsPublic)) PublishFte(fte, settings);
        var evaluated = new HashSet<Figure>(ReferenceEqualityComparer.Instance);
        foreach (var figure in all) Evaluate(figure, settings, evaluated);
    }

    /// <summary>Every figure a table shows or is computed from, through formulas, bases, denominators and headcounts.</summary>
    internal static IEnumerable<Figure> Reachable(StatTable table) =>
        Walk(table.AllFigures.Concat(table.Lines.SelectMany(l => l.Parts.Append(l.Total))));

    /// <summary>The counts a derived figure is computed from.</summary>
    private static IEnumerable<Figure> CountsBehind(Figure figure) =>
        Walk([figure]).Where(f => f.Kind == FigureKind.Count && !f.IsDerived && f.Symbol is null);

    /// <summary>The figures <paramref name="roots"/> are and are computed from, each once.</summary>
    private static IEnumerable<Figure> Walk(IEnumerable<Figure> roots)
    {
        var seen = new HashSet<Figure>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<Figure>(roots);
        while (stack.TryPop(out var figure))
        {
            if (!seen.Add(figure)) continue;
            yield return figure;
            foreach (var next in figure.DependsOn) stack.Push(next);
            if (figure.Base is { } b) stack.Push(b);
            if (figure.Denominator is { } d) stack.Push(d);
            if (figure.Headcount is { } h) stack.Push(h);
        }
    }

    /// <summary>An FTE is published when the people behind it are (rounded like them, when counts are rounded).</summary>
    private static void PublishFte(Figure fte, DisclosureSettings settings)
    {
        if (fte.Symbol is not null) return;
        if (fte.Headcount is { IsWithheld: true } || fte.Headcount is null) { fte.Symbol = Symbols.Withheld; return; }
        var value = fte.Value ?? 0;
        if (fte.Headcount.Symbol == Symbols.RoundsToZero) { fte.Symbol = Symbols.RoundsToZero; return; }
        var published = settings.RoundTo is > 1 ? settings.RoundCount(value) : Figure.Round(value, fte.Decimals);
        fte.Exact = published;
        fte.Published = published;
    }

    private static void Evaluate(Figure figure, DisclosureSettings settings, HashSet<Figure> evaluated)
    {
        if (!figure.IsDerived || !evaluated.Add(figure)) return;
        foreach (var input in figure.DependsOn) Evaluate(input, settings, evaluated);
        if (figure.Base is { } b) Evaluate(b, settings, evaluated);
        if (figure.Symbol is not null) return;

        var inputs = figure.DependsOn;
        if (inputs.Any(i => i.IsWithheld) || figure.Base is { IsWithheld: true })
            figure.Symbol = Symbols.Withheld;
        else if (figure.Base?.Exact < settings.MinimumBase || inputs.Any(i => i.Symbol == Symbols.Unreliable))
            figure.Symbol = Symbols.Unreliable;
        else if (inputs.Any(i => i.Symbol == Symbols.RoundsToZero) && figure.Kind != FigureKind.Flag)
            figure.Symbol = Symbols.RoundsToZero;
        else if (inputs.Any(i => i.Symbol is not null))
            figure.Symbol = Symbols.NotApplicable;
        else
        {
            // A flag says something about figures as shown, so it reads their published values; anything else reads
            // the unrounded values computed from published counts, so that each figure is rounded only once.
            var values = inputs.Select(i => figure.Kind == FigureKind.Flag ? i.Published!.Value : i.Exact!.Value).ToArray();
            if (Figure.Finite(figure.Formula!(values)) is { } exact)
            {
                figure.Exact = exact;
                figure.Published = Figure.Round(exact, figure.Decimals);
            }
            else figure.Symbol = Symbols.NotApplicable;
        }
    }

    private static void SuppressSecondary(IReadOnlyList<CellLine> lines)
    {
        var linesOf = new Dictionary<CountCell, List<CellLine>>(ReferenceEqualityComparer.Instance);
        foreach (var line in lines)
        foreach (var part in line.Parts)
            (linesOf.TryGetValue(part, out var list) ? list : linesOf[part] = []).Add(line);
        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Total.Withheld) continue;
                if (line.Parts.Count(p => p.Withheld) != 1) continue;
                // Withhold the count beside it whose loss costs least: the one fewest shown figures are computed from
                // (a "Not stated" count feeds every percentage of those who stated, but no rate), then the smallest,
                // preferring one that also closes another line.
                var candidate = line.Parts.Where(p => !p.Withheld && p.Value > 0)
                    .OrderBy(p => p.Dependents).ThenBy(p => p.Value)
                    .ThenByDescending(p => linesOf[p].Count(l => l.Parts.Count(q => q.Withheld) == 1))
                    .FirstOrDefault();
                (candidate ?? line.Total).Withheld = true;
                changed = true;
            }
            // A withheld total whose parts are all shown can be worked out by adding them up.
            foreach (var line in lines.Where(l => l.Total.Withheld && l.Parts.All(p => !p.Withheld) && l.Parts.Any(p => p.Value > 0)))
            {
                line.Parts.Where(p => p.Value > 0).OrderBy(p => p.Dependents).ThenBy(p => p.Value).First().Withheld = true;
                changed = true;
            }
        } while (changed);
    }

    /// <summary>
    /// Checks controlled tables: no count from 1 to threshold − 1 is published, and in every line whose total is
    /// published, withheld counts come in twos or more. Returns the problems found (none when it is safe).
    /// </summary>
    public static IReadOnlyList<string> Verify(StatTable table, DisclosureSettings settings) => Verify([table], settings);

    public static IReadOnlyList<string> Verify(IReadOnlyList<StatTable> tables, DisclosureSettings settings)
    {
        var problems = new List<string>();
        foreach (var table in tables)
        {
            foreach (var figure in table.AllFigures.Concat(table.Lines.SelectMany(l => l.Parts.Append(l.Total)))
                         .Where(f => f.Kind == FigureKind.Count && !f.IsPublic && !f.IsDerived && !f.ProtectedByBase))
                if (figure.Published is > 0 && figure.Published < settings.Threshold && figure.Value < settings.Threshold)
                    problems.Add($"count {figure.Published} is published in table {table.Id}");
            foreach (var line in table.Lines.Where(l => !l.Total.IsWithheld && !l.Total.IsPublic))
                if (line.Parts.Count(p => p.IsWithheld) == 1)
                    problems.Add($"a withheld count in table {table.Id} can be worked out from its total {line.Total.Value}");
        }
        return problems;
    }

    private sealed record CellLine(CountCell Total, IReadOnlyList<CountCell> Parts);
}
