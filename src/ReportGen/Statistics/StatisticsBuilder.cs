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
    public static IReadOnlyList<StatTable> Build(Edition edition, IReadOnlyDictionary<string, RecordSet> sources, DiagnosticBag diagnostics,
        CancellationToken cancellationToken = default)
    {
        var settings = DisclosureSettings.From(edition.Statistics.Disclosure);
        var precision = Precision.Default.With(edition.Statistics.Precision);
        var file = new DisplayPaths(edition.Folder).Of(EditionLoader.StatisticsFileName);
        var tables = new List<StatTable>();
        foreach (var declaration in edition.Statistics.Tables ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!sources.TryGetValue(declaration.Source!, out var set)) continue;
            RecordSet? benchmark = null;
            if (declaration.Benchmark?.Source is { } benchmarkId && !sources.TryGetValue(benchmarkId, out benchmark)) continue;

            var errors = diagnostics.Items.Count(d => d.Severity == Severity.Error);
            FilterCheck.Check(set, declaration.Where, edition.Sources.Of(declaration.Where ?? (object)declaration, file), diagnostics);
            if (benchmark is not null)
                FilterCheck.Check(benchmark, declaration.Benchmark!.Where, edition.Sources.Of(declaration.Benchmark.Where ?? (object)declaration.Benchmark, file), diagnostics);
            if (diagnostics.Items.Count(d => d.Severity == Severity.Error) > errors) continue;

            var table = declaration.Kind is null or "breakdown"
                ? BreakdownBuilder.Build(declaration, set, benchmark)
                : ComparisonBuilder.Build(declaration, set, benchmark);
            if (declaration.Reference is { } reference && table.Rows.All(r => r.Label != reference))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue,
                    $"reference '{reference}' is not one of this table's rows; use one of {string.Join(", ", table.Rows.Where(r => !r.IsTotal).Select(r => $"'{r.Label}'"))}",
                    edition.Sources.Of(declaration, file));
                continue;
            }
            tables.Add(table with { Precision = precision.With(declaration.Precision) });
        }

        // Disclosure control, once, over all the tables together: a count of the same people in two tables is one cell.
        DisclosureControl.Apply(tables, settings);
        foreach (var problem in DisclosureControl.Verify(tables, settings))
            throw new InvalidOperationException($"Disclosure control failed: {problem}. This is a bug in ReportGen; nothing was published.");
        return tables;
    }

    /// <summary>
    /// The edition's published tables and the sources they were computed from: from its workbooks, or, when a workbook
    /// its tables read is gone and the edition was frozen, every table from frozen/ as it was published (no sources).
    /// </summary>
    public static (IReadOnlyList<StatTable> Tables, IReadOnlyDictionary<string, RecordSet> Sources, bool Frozen) Compute(Edition edition,
        DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        if (FrozenTables.InUse(edition))
            return (FrozenTables.Read(edition, diagnostics) ?? [], new Dictionary<string, RecordSet>(), true);
        var sources = ReadSources(edition, diagnostics, cancellationToken);
        return (Build(edition, sources, diagnostics, cancellationToken), sources, false);
    }

    /// <summary>
    /// Reads the sources the edition's tables use (an unused one is only warned about); a source that cannot be read
    /// is left out, with its diagnostics.
    /// </summary>
    public static IReadOnlyDictionary<string, RecordSet> ReadSources(Edition edition, DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        var used = edition.Statistics.UsedSourceIds();
        return new WorkbookReader(edition, diagnostics).ReadAll((edition.Data.Sources ?? []).Where(s => used.Contains(s.Id!)), cancellationToken);
    }
}
