using System.Diagnostics;
using System.Globalization;
using ReportGen.Publishing;

namespace ReportGen.Benchmarks;

/// <summary>
/// Warm rebuilds (issue 10, goal 4): one process, one <see cref="ReportBuilder"/>, the peer edition built as HTML
/// once, then rebuilt after a one-word change to its objectives, again and again, as a live preview would. Prints the
/// cold build in the process and the median, minimum and maximum of the warm ones, with the time of each stage of
/// the median run (from the builder's progress reports).
/// </summary>
public static class WarmBenchmark
{
    public static int Run(string repository, int runs, IReadOnlyList<int> scales)
    {
        var root = Directory.CreateTempSubdirectory("reportgen-warm-").FullName;
        try
        {
            foreach (var scale in scales)
            {
                var edition = PeerEdition.Create(repository, root, scale);
                var objectives = Path.Combine(edition, "objectives.yaml");
                var original = File.ReadAllText(objectives);
                var word = original.IndexOf("title: ", StringComparison.Ordinal) + "title: ".Length;
                var stages = new StageClock();
                var builder = new ReportBuilder(new BuildOptions(Path.Combine(root, "out"), OutputFormats.Html, Path.Combine(repository, "templates")), stages);
                try
                {
                    var cold = Time(builder, edition, stages);
                    var warm = new List<(double Seconds, IReadOnlyList<(string Stage, double Seconds)> Stages)>();
                    for (var run = 0; run < runs; run++)
                    {
                        // One word changed: the first objective's title gains (or loses) a word, as an editor would.
                        File.WriteAllText(objectives, run % 2 == 0 ? original.Insert(word, "Draft ") : original);
                        warm.Add(Time(builder, edition, stages));
                    }
                    // The page alone, as a live preview makes it (ReportBuilder.Preview): nothing written.
                    var previews = new List<double>();
                    for (var run = 0; run < runs; run++)
                    {
                        File.WriteAllText(objectives, run % 2 == 0 ? original.Insert(word, "Draft ") : original);
                        var clock = Stopwatch.StartNew();
                        var preview = builder.Preview(edition);
                        previews.Add(clock.Elapsed.TotalSeconds);
                        if (preview.Html is null) throw new InvalidOperationException("the edition did not render: " + string.Join("; ", preview.Diagnostics));
                    }
                    var sorted = warm.OrderBy(w => w.Seconds).ToList();
                    var median = sorted[sorted.Count / 2];
                    previews.Sort();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{scale}x  cold in process {cold.Seconds:0.000} s   warm rebuild (html and downloads) median {median.Seconds:0.000} s (min {sorted[0].Seconds:0.000}, max {sorted[^1].Seconds:0.000}, {runs} runs)"));
                    foreach (var (stage, seconds) in median.Stages)
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {seconds,7:0.000} s  {stage}"));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{scale}x  warm page only (preview) median {Medians.Of(previews):0.000} s (min {previews[0]:0.000}, max {previews[^1]:0.000}); statistics reused {builder.Statistics.Hits} times"));
                }
                finally
                {
                    builder.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            }
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static (double Seconds, IReadOnlyList<(string Stage, double Seconds)> Stages) Time(ReportBuilder builder, string edition, StageClock stages)
    {
        stages.Start();
        var result = builder.BuildAsync(edition).GetAwaiter().GetResult();
        var total = stages.Stop();
        if (!result.Succeeded) throw new InvalidOperationException("the edition did not build: " + string.Join("; ", result.Diagnostics));
        return (total, stages.Stages);
    }

    /// <summary>The time from each progress report to the next (the last to the end of the build).</summary>
    private sealed class StageClock : IProgress<string>
    {
        private readonly Stopwatch _clock = new();
        private readonly List<(string Stage, double Start)> _marks = [];
        public IReadOnlyList<(string Stage, double Seconds)> Stages { get; private set; } = [];

        public void Start()
        {
            _marks.Clear();
            _marks.Add(("before the first stage", 0));
            _clock.Restart();
        }

        public double Stop()
        {
            var end = _clock.Elapsed.TotalSeconds;
            Stages = _marks.Select((m, i) => (m.Stage, (i + 1 < _marks.Count ? _marks[i + 1].Start : end) - m.Start)).ToList();
            return end;
        }

        public void Report(string value)
        {
            lock (_marks) _marks.Add((value, _clock.Elapsed.TotalSeconds));
        }
    }
}
