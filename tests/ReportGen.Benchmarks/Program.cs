using System.Diagnostics;
using System.Globalization;
using ReportGen.Benchmarks;

// dotnet run -c Release --project tests/ReportGen.Benchmarks -- [--rows 50000] [--runs 5]
// Generates a synthetic HR extract of --rows people once, then reads it and builds its tables in --runs separate
// processes (so each peak-memory figure is that run's own), and prints the median, minimum and maximum.
// dotnet run -c Release --project tests/ReportGen.Benchmarks -- --peer [--runs 5] [--scales 1,10] [--tool PATH] [--browser PATH]
//   … --peer --scales 10 --generate DIR only writes the edition into DIR/content/peer/10x.
//   … --peer --batch 43 [--runs 3] builds 43 copies of the 1x edition in one call, against separate calls.
// The side-by-side benchmark of whole builds (PeerBenchmark.cs).
// dotnet run -c Release --project tests/ReportGen.Benchmarks -- --warm [--runs 9] [--scales 1,10]
//   warm rebuilds of the HTML in one process after a one-word change (WarmBenchmark.cs).
if (args.Length > 0 && args[0] == "--warm")
{
    var repository = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
    var warmRuns = 9;
    var scales = new List<int> { 1, 10 };
    for (var i = 1; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--runs": warmRuns = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--scales": scales = [.. args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
            default: Console.Error.WriteLine($"unknown option '{args[i]}'"); return 2;
        }
    }
    return ReportGen.Benchmarks.WarmBenchmark.Run(repository, warmRuns, scales);
}
if (args.Length > 0 && args[0] == "--peer")
{
    var repository = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
    var peerRuns = 5;
    var scales = new List<int> { 1, 10 };
    var tool = Path.Combine(repository, "src", "ReportGen.Cli", "bin", "Release", "net10.0", "reportgen.dll");
    string? browser = null;
    int? batch = null;
    for (var i = 1; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--batch": batch = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--runs": peerRuns = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--scales": scales = [.. args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
            case "--tool": tool = Path.GetFullPath(args[++i]); break;
            case "--browser": browser = args[++i]; break;
            case "--generate":
                // Only write the edition (for looking at it, or timing it by hand): --peer --generate DIR --scales N.
                foreach (var scale in scales) Console.WriteLine(PeerEdition.Create(repository, Path.GetFullPath(args[++i]), scale));
                return 0;
            default: Console.Error.WriteLine($"unknown option '{args[i]}'"); return 2;
        }
    }
    if (batch is { } count) return PeerBenchmark.RunBatch(repository, tool, count, Math.Min(count, 5), peerRuns);
    return PeerBenchmark.Run(repository, tool, browser ?? ReportGen.Publishing.BrowserLocator.Locate(null), peerRuns, scales);
}

var rows = 50_000;
var runs = 5;
string? once = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--once": once = args[++i]; break;
        default:
            Console.Error.WriteLine($"unknown option '{args[i]}'. Usage: [--rows N] [--runs N]");
            return 2;
    }
}

if (once is not null) return TableBuild.RunOnce(once);

var edition = BenchmarkEdition.Create(rows);
try
{
    Console.WriteLine($"Edition with a {rows:N0}-row HR extract: {edition}");
    var results = new List<(double Seconds, double PeakMiB, int Tables, double ReadSeconds)>();
    for (var run = 1; run <= runs; run++)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!, [typeof(TableBuild).Assembly.Location, "--once", edition])
        {
            RedirectStandardOutput = true,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) != "dotnet") start.ArgumentList.RemoveAt(0);
        using var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        if (process.ExitCode != 0) { Console.Error.WriteLine($"run {run} failed: {line}"); return 1; }
        var parts = line.Split(' ');
        var result = (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture),
            int.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture));
        results.Add(result);
        Console.WriteLine($"run {run}: {result.Item1:0.00} s wall ({result.Item4:0.00} s reading the workbook), {result.Item2:0} MiB peak working set, {result.Item3} tables");
    }
    double Median(IEnumerable<double> values) => Medians.Of(values);
    Console.WriteLine($"median of {runs}: {Median(results.Select(r => r.Seconds)):0.00} s wall (min {results.Min(r => r.Seconds):0.00}, max {results.Max(r => r.Seconds):0.00}), " +
                      $"{Median(results.Select(r => r.PeakMiB)):0} MiB peak working set (min {results.Min(r => r.PeakMiB):0}, max {results.Max(r => r.PeakMiB):0})");
    return 0;
}
finally
{
    Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(edition))!, recursive: true);
}
