using System.Security.Cryptography;
using System.Text;
using ReportGen.Content;
using ReportGen.Data;
using ReportGen.Diagnostics;

namespace ReportGen.Statistics;

/// <summary>
/// The statistics a builder last computed for each edition, with the bytes of the files they were computed from
/// (<see cref="EditionInputs.OfStatistics"/>: edition.yaml, data.yaml, statistics.yaml, the workbooks or frozen
/// tables). A builder that builds the same edition again — a live preview, a rebuild after an edit — reads the
/// workbooks and runs disclosure control again only when one of those files changed; a change to the objectives,
/// achievements or glossary reuses them, diagnostics included. The key is every file's SHA-256, not its time, so
/// an edit that keeps the time is seen. Only a computation without errors is kept, and one per edition folder.
/// </summary>
public sealed class StatisticsCache
{
    private sealed record Entry(string Key, IReadOnlyList<StatTable> Tables, IReadOnlyDictionary<string, RecordSet> Sources, bool Frozen, IReadOnlyList<Diagnostic> Diagnostics);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How many computations were reused, and how many made (for tests and benchmarks).</summary>
    public int Hits { get; private set; }
    public int Misses { get; private set; }

    /// <inheritdoc cref="StatisticsBuilder.Compute"/>
    public (IReadOnlyList<StatTable> Tables, IReadOnlyDictionary<string, RecordSet> Sources, bool Frozen) Compute(Edition edition, DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(edition);
        lock (_entries)
        {
            if (key is not null && _entries.TryGetValue(EntryOf(edition), out var entry) && entry.Key == key)
            {
                Hits++;
                diagnostics.AddRange(entry.Diagnostics);
                return (entry.Tables, entry.Sources, entry.Frozen);
            }
        }
        lock (_entries) Misses++;
        var before = diagnostics.Items.Count;
        var (tables, sources, frozen) = StatisticsBuilder.Compute(edition, diagnostics, cancellationToken);
        var added = diagnostics.Items.Skip(before).ToList();
        if (key is not null && added.All(d => d.Severity != Severity.Error))
            lock (_entries) _entries[EntryOf(edition)] = new Entry(key, tables, sources, frozen, added);
        return (tables, sources, frozen);
    }

    /// <summary>
    /// One entry per edition folder and language: an edition in several languages has its tables' titles and notes in
    /// each, so each language's tables are its own.
    /// </summary>
    private static string EntryOf(Edition edition) => edition.Folder + "\0" + edition.Language;

    /// <summary>The SHA-256 of the names and bytes of the files the statistics come from; null when one cannot be read (no reuse).</summary>
    private static string? KeyOf(Edition edition)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            foreach (var (name, path) in EditionInputs.OfStatistics(edition))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(name + "\0"));
                hash.AppendData(SHA256.HashData(File.ReadAllBytes(path)));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
