using System.Diagnostics;
using System.Globalization;
using ReportGen.WorkbookBench;

// dotnet run -c Release --project bench/workbooks -- [--rows 50000] [--runs 5] [--edition FOLDER]
// Writes a synthetic HR extract of --rows people (or takes the sources of an existing edition), checks that both
// readers read it alike, then times reading its sources with each reader in --runs separate processes each (so each
// peak-memory figure is that run's own), and prints the medians and their ratio.
var rows = 50_000;
var runs = 5;
string? edition = null;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--rows": rows = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--edition": edition = Path.GetFullPath(Next()); break;
        case "--once": return ReadRun.Once(Next(), Next());
        case "--compare": return ReadRun.Compare(Next());
        default:
            Console.Error.WriteLine($"unknown option '{args[i]}'. Usage: [--rows N] [--runs N] [--edition FOLDER]");
            return 2;
    }
}

var generated = edition is null;
edition ??= ReportGen.Benchmarks.BenchmarkEdition.Create(rows);
try
{
    Console.WriteLine(generated ? $"Edition with a {rows:N0}-row HR extract: {edition}" : $"Edition: {edition}");
    if (Child("--compare", edition) is not [var same] || same != "same")
    {
        Console.Error.WriteLine("the two readers do not read the edition alike; not timed");
        return 1;
    }
    Console.WriteLine("Both readers read every source alike (the same records and diagnostics).");

    var medians = new Dictionary<string, (double Seconds, double PeakMiB)>();
    foreach (var reader in ReadRun.Readers)
    {
        var results = new List<(double Seconds, double PeakMiB)>();
        for (var run = 1; run <= runs; run++)
        {
            if (Child("--once", reader, edition) is not [var line]) return 1;
            var parts = line.Split(' ');
            results.Add((double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture)));
        }
        medians[reader] = (Median(results.Select(r => r.Seconds)), Median(results.Select(r => r.PeakMiB)));
        Console.WriteLine($"{reader,-9} median of {runs}: {medians[reader].Seconds:0.000} s wall reading (min {results.Min(r => r.Seconds):0.000}, max {results.Max(r => r.Seconds):0.000}), " +
                          $"{medians[reader].PeakMiB:0} MiB peak working set (min {results.Min(r => r.PeakMiB):0}, max {results.Max(r => r.PeakMiB):0})");
    }
    var (streaming, closedXml) = (medians[ReadRun.Readers[0]], medians[ReadRun.Readers[1]]);
    Console.WriteLine($"ratio: the streaming reader takes {streaming.Seconds / closedXml.Seconds:0.000} of ClosedXML's time ({closedXml.Seconds / streaming.Seconds:0.0} times faster) " +
                      $"and {streaming.PeakMiB / closedXml.PeakMiB:0.00} of its peak memory");
    return 0;
}
finally
{
    if (generated) Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(edition))!, recursive: true);
}

static double Median(IEnumerable<double> values) => ReportGen.Benchmarks.Medians.Of(values);

// Runs this program again with the arguments; its output lines, or null (having said why) when it failed.
static string[]? Child(params string[] arguments)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(ReadRun).Assembly.Location);
    foreach (var argument in arguments) start.ArgumentList.Add(argument);
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd().Trim();
    process.WaitForExit();
    if (process.ExitCode == 0) return output.Split('\n');
    Console.Error.WriteLine($"{string.Join(' ', arguments)} failed: {output}");
    return null;
}
