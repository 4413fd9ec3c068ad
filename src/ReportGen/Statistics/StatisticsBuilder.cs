using ReportGen.Content;
using ReportGen.Data;
using ReportGen.Diagnostics;

namespace ReportGen.Statistics;

/// <summary>
/// Computes every table the edition declares from its sources, then applies disclosure control to all of them:
/// nothing after this point sees a figure that has not passed it.
/// </summary>
public static class StatisticsBuilder
{
    public static IReadOnlyList<StatTable> Build(Edition edition, IReadOnlyDictionary<string, RecordSet> sources, DiagnosticBag diagnostics)
    {
        var settings = DisclosureSettings.From(edition.Statistics.Disclosure);
        var tables = new List<StatTable>();
        foreach (var declaration in edition.Statistics.Tables ?? [])
        {
            if (!sources.TryGetValue(declaration.Source!, out var set)) continue;
            RecordSet? benchmark = null;
            if (declaration.Benchmark?.Source is { } benchmarkId && !sources.TryGetValue(benchmarkId, out benchmark)) continue;
            var table = declaration.Kind is null or "breakdown"
                ? BreakdownBuilder.Build(declaration, set, benchmark)
                : ComparisonBuilder.Build(declaration, set, benchmark);
            if (declaration.Reference is { } reference && table.Rows.All(r => r.Label != reference))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue,
                    $"reference '{reference}' is not one of this table's rows; use one of {string.Join(", ", table.Rows.Where(r => !r.IsTotal).Select(r => $"'{r.Label}'"))}",
                    edition.Sources.Of(declaration, new DisplayPaths(edition.Folder).Of(EditionLoader.StatisticsFileName)));
                continue;
            }
            tables.Add(table);
        }

        foreach (var table in tables)
        {
            DisclosureControl.Apply(table, settings);
            foreach (var problem in DisclosureControl.Verify(table, settings))
                throw new InvalidOperationException($"Disclosure control failed: {problem}. This is a bug in ReportGen; nothing was published.");
        }
        return tables;
    }

    /// <summary>
    /// Reads the sources the edition's tables use (an unused one is only warned about); a source that cannot be read
    /// is left out, with its diagnostics.
    /// </summary>
    public static IReadOnlyDictionary<string, RecordSet> ReadSources(Edition edition, DiagnosticBag diagnostics)
    {
        var used = edition.Statistics.UsedSourceIds();
        var reader = new WorkbookReader(edition, diagnostics);
        var sets = new Dictionary<string, RecordSet>(StringComparer.Ordinal);
        foreach (var source in (edition.Data.Sources ?? []).Where(s => used.Contains(s.Id!)))
            if (reader.Read(source) is { } set) sets[source.Id!] = set;
        return sets;
    }
}
