using System.Diagnostics;
using System.Globalization;
using ReportGen.Content;
using ReportGen.Data;
using ReportGen.Diagnostics;
using ReportGen.WorkbookBench.ClosedXmlBaseline;

namespace ReportGen.WorkbookBench;

/// <summary>One measured read of an edition's sources, and the check that both readers read them alike.</summary>
public static class ReadRun
{
    public static readonly string[] Readers = ["streaming", "closedxml"];

    /// <summary>Reads every source of the edition with one reader; prints the wall seconds of the read and the peak MiB.</summary>
    public static int Once(string reader, string folder)
    {
        var edition = Load(folder);
        var clock = Stopwatch.StartNew();
        var (sets, diagnostics) = Read(reader, edition);
        clock.Stop();
        if (diagnostics.HasErrors || sets.Count == 0)
        {
            Console.WriteLine(string.Join(" | ", diagnostics.Items));
            return 1;
        }
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:0.000} {self.PeakWorkingSet64 / 1048576.0:0.0} {sets.Values.Sum(s => s.Records.Count)}"));
        return 0;
    }

    /// <summary>Prints "same" when both readers give every source the same fields, records and diagnostics; else what differs.</summary>
    public static int Compare(string folder)
    {
        var edition = Load(folder);
        var (streaming, streamingDiagnostics) = Read(Readers[0], edition);
        var (closedXml, closedXmlDiagnostics) = Read(Readers[1], edition);
        var differences = new List<string>();
        if (!streamingDiagnostics.Items.Select(d => d.ToString()).SequenceEqual(closedXmlDiagnostics.Items.Select(d => d.ToString())))
            differences.Add($"diagnostics:\n  {string.Join("\n  ", streamingDiagnostics.Items)}\nagainst\n  {string.Join("\n  ", closedXmlDiagnostics.Items)}");
        foreach (var id in streaming.Keys.Union(closedXml.Keys))
        {
            if (!streaming.TryGetValue(id, out var a) || !closedXml.TryGetValue(id, out var b)) { differences.Add($"source '{id}' read by one reader only"); continue; }
            if (!a.Fields.Select(f => (f.Name, f.Column)).SequenceEqual(b.Fields.Select(f => (f.Name, f.Column)))) differences.Add($"source '{id}': fields differ");
            if (a.Records.Count != b.Records.Count) differences.Add($"source '{id}': {a.Records.Count} records against {b.Records.Count}");
            foreach (var (x, y) in a.Records.Zip(b.Records))
                if (x.Row != y.Row || !x.Values.SequenceEqual(y.Values)) { differences.Add($"source '{id}': row {x.Row} differs from row {y.Row}"); break; }
        }
        Console.WriteLine(differences.Count == 0 ? "same" : string.Join("\n", differences));
        return differences.Count == 0 ? 0 : 1;
    }

    private static Edition Load(string folder)
    {
        var loading = new DiagnosticBag();
        return EditionLoader.Load(folder, loading) ?? throw new InvalidOperationException(string.Join("\n", loading.Items));
    }

    private static (IReadOnlyDictionary<string, RecordSet> Sets, DiagnosticBag Diagnostics) Read(string reader, Edition edition)
    {
        var diagnostics = new DiagnosticBag();
        var sources = edition.Data.Sources ?? [];
        if (reader == Readers[0]) return (new WorkbookReader(edition, diagnostics).ReadAll(sources), diagnostics);
        // The reader as it was: one workbook opened for each source that reads it.
        var baseline = new ClosedXmlWorkbookReader(edition, diagnostics);
        var sets = new Dictionary<string, RecordSet>(StringComparer.Ordinal);
        foreach (var source in sources)
            if (baseline.Read(source) is { } set) sets[source.Id!] = set;
        return (sets, diagnostics);
    }
}
