using System.Diagnostics;
using System.Globalization;
using ReportGen.Content;
using ReportGen.Diagnostics;
using ReportGen.Statistics;

namespace ReportGen.Benchmarks;

/// <summary>One measured run: load the edition, read its workbook, build and control its tables.</summary>
public static class TableBuild
{
    public static int RunOnce(string editionFolder)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var edition = EditionLoader.Load(editionFolder, diagnostics);
        var sources = edition is null ? null : StatisticsBuilder.ReadSources(edition, diagnostics);
        var read = clock.Elapsed.TotalSeconds;
        var tables = edition is null ? [] : StatisticsBuilder.Build(edition, sources!, diagnostics);
        clock.Stop();
        if (diagnostics.HasErrors || tables.Count == 0)
        {
            Console.WriteLine(string.Join(" | ", diagnostics.Items));
            return 1;
        }
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:0.000} {self.PeakWorkingSet64 / 1048576.0:0.0} {tables.Count} {read:0.000}"));
        return 0;
    }
}
