using ReportGen.Content;
using ReportGen.Diagnostics;

namespace ReportGen.Statistics;

/// <summary>
/// Binds the objectives' measures that name a statistic to the published figures: this edition's, and the previous
/// edition's when the edition names one (its folder is built the same way, with its own disclosure control).
/// Measures are bound to the tables before change columns are added, so a measure reads the figure as published.
/// </summary>
public static class MeasureBinder
{
    public static IReadOnlyDictionary<Measure, IReadOnlyList<MeasureResult>> Bind(Edition edition, IReadOnlyList<StatTable> tables,
        IReadOnlyList<StatTable>? previous, DiagnosticBag diagnostics)
    {
        var measures = edition.Objectives
            .SelectMany(o => o.AllMeasures())
            .Where(m => m.Statistic is not null || m.Figures is { Count: > 0 })
            .ToList();
        var results = new Dictionary<Measure, IReadOnlyList<MeasureResult>>(ReferenceEqualityComparer.Instance);
        if (measures.Count == 0) return results;

        var file = new DisplayPaths(edition.Folder).Of(EditionLoader.ObjectivesFileName);
        var ids = FigureIds.Index(tables);
        foreach (var measure in measures)
        {
            var references = new List<(StatisticReference Reference, string Direction, string? Label)>();
            if (measure.Statistic is { } statistic) references.Add((statistic, measure.Direction!, null));
            references.AddRange((measure.Figures ?? []).Select(f => ((StatisticReference)f, f.Direction!, f.Label)));
            var bound = new List<MeasureResult>();
            foreach (var (reference, direction, label) in references)
            {
                var latest = MeasureEvaluator.Find(tables, reference, out var problem);
                if (latest is null)
                {
                    diagnostics.Error(DiagnosticCodes.InvalidValue, $"this measure's statistic cannot be found: {problem}", edition.Sources.Of(reference, file));
                    continue;
                }
                var earlier = previous is null ? null : MeasureEvaluator.Find(previous, reference, out _);
                bound.Add(MeasureEvaluator.Evaluate(latest, earlier, direction) with { Label = label, Decimals = reference.Decimals ?? latest.Decimals, FigureId = ids.GetValueOrDefault(latest) });
            }
            results[measure] = bound;
        }
        return results;
    }

    /// <summary>The previous edition's tables, built from its own folder with its own disclosure control; null when none is named.</summary>
    public static IReadOnlyList<StatTable>? PreviousTables(Edition edition, DiagnosticBag diagnostics) => Previous(edition, diagnostics).Tables;

    /// <summary>
    /// The previous edition, loaded without errors, and its tables; both null when none is named, or (with an error
    /// saying so) when it does not exist or has errors. Loaded once for its figures and for its milestones.
    /// </summary>
    public static (Edition? Edition, IReadOnlyList<StatTable>? Tables) Previous(Edition edition, DiagnosticBag diagnostics)
    {
        if (edition.Info.Previous is not { } name) return (null, null);
        var folder = Path.Combine(Path.GetDirectoryName(edition.Folder)!, name);
        var location = edition.Sources.Of(edition.Info, new DisplayPaths(edition.Folder).Of(EditionLoader.EditionFileName));
        var own = new DiagnosticBag();
        var previous = Directory.Exists(folder) ? EditionLoader.Load(folder, own) : null;
        var tables = previous is null ? null : StatisticsBuilder.Compute(previous, own).Tables;
        if (previous is null || own.HasErrors)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue,
                Directory.Exists(folder)
                    ? $"the previous edition '{name}' has errors, so its figures cannot be compared; build it on its own to see them"
                    : $"the previous edition '{name}' does not exist beside this one; correct 'previous:' or remove it",
                location);
            return (null, null);
        }
        return (previous, tables);
    }
}
