using System.Diagnostics;
using System.Globalization;

namespace ReportGen.Benchmarks;

/// <summary>
/// The side-by-side benchmark of issue 10: the peer editions (<see cref="PeerEdition"/>, 1x and 10x) built by
/// ReportGen (html+pdf, html only, check) beside bare Chromium printing ReportGen's own page, interleaved run by run,
/// each in a fresh process. For each it prints medians of wall time, CPU (user + system, the whole process tree,
/// Chromium's processes included), the peak memory of the whole tree (sampled from /proc) and of its largest
/// process, and the ratios. Linux only (it reads /proc and runs /usr/bin/time).
/// </summary>
public static class PeerBenchmark
{
    private sealed record Measure(double Wall, double Cpu, double TreeMiB, double LargestMiB);

    public static int Run(string repository, string tool, string browser, int runs, IReadOnlyList<int> scales)
    {
        if (!File.Exists("/usr/bin/time")) { Console.Error.WriteLine("needs GNU time (/usr/bin/time): apt-get install time"); return 2; }
        var root = Directory.CreateTempSubdirectory("reportgen-peer-").FullName;
        try
        {
            var medians = new Dictionary<(int Scale, string What), Measure>();
            foreach (var scale in scales)
            {
                var edition = PeerEdition.Create(repository, root, scale);
                var output = Path.Combine(root, "out");
                // One build first: it makes the page bare Chromium prints, and checks the edition builds at all.
                var first = Time(Command(tool, "build", edition, "--out", output), root);
                if (first is null) { Console.Error.WriteLine($"{scale}x: the build failed"); return 1; }
                var page = Path.Combine(output, "peer", $"{scale}x", "index.html");
                var pdfPages = PdfPages(Path.Combine(output, "peer", $"{scale}x", "report.pdf"));
                Console.WriteLine($"{scale}x: {edition} — {pdfPages} PDF pages");

                var what = new (string Name, string[] Command)[]
                {
                    ("reportgen build (html+pdf)", Command(tool, "build", edition, "--out", Path.Combine(root, "runs"))),
                    ("bare Chromium printing the same index.html", [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--no-pdf-header-footer", "--generate-pdf-document-outline", $"--print-to-pdf={Path.Combine(root, "bare.pdf")}", new Uri(page).AbsoluteUri]),
                    ("reportgen build --format html", Command(tool, "build", edition, "--out", Path.Combine(root, "runs-html"), "--format", "html")),
                    ("reportgen check", Command(tool, "check", edition)),
                };
                var results = what.ToDictionary(w => w.Name, _ => new List<Measure>());
                for (var run = 0; run < runs; run++)
                    foreach (var (name, command) in what)
                        results[name].Add(Time(command, root) ?? throw new InvalidOperationException($"{name} failed at {scale}x"));
                foreach (var (name, measures) in results)
                {
                    var median = new Measure(Median(measures.Select(m => m.Wall)), Median(measures.Select(m => m.Cpu)), Median(measures.Select(m => m.TreeMiB)), Median(measures.Select(m => m.LargestMiB)));
                    medians[(scale, name)] = median;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {name,-46} {median.Wall,7:0.00} s wall  {median.Cpu,7:0.00} s CPU  {median.TreeMiB,6:0} MiB tree  {median.LargestMiB,6:0} MiB largest process   (median of {runs}; wall min {measures.Min(m => m.Wall):0.00}, max {measures.Max(m => m.Wall):0.00})"));
                }
                var full = medians[(scale, what[0].Name)];
                var bare = medians[(scale, what[1].Name)];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio build ÷ bare Chromium on the same HTML: {full.Wall / bare.Wall:0.00}"));
            }
            if (scales.Count > 1)
            {
                var (low, high) = (scales.Min(), scales.Max());
                foreach (var name in medians.Keys.Where(k => k.Scale == low).Select(k => k.What))
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{high}x ÷ {low}x, {name}: {medians[(high, name)].Wall / medians[(low, name)].Wall:0.00} (wall)"));
            }
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// A batch (goal 5): <paramref name="count"/> copies of the 1x edition, as the forces of England and Wales would
    /// each publish one, built html+pdf by one call, against separate calls. The separate calls are timed for
    /// <paramref name="separately"/> of them and counted per edition, since 43 separate builds take minutes.
    /// </summary>
    public static int RunBatch(string repository, string tool, int count, int separately, int runs)
    {
        if (!File.Exists("/usr/bin/time")) { Console.Error.WriteLine("needs GNU time (/usr/bin/time): apt-get install time"); return 2; }
        var root = Directory.CreateTempSubdirectory("reportgen-batch-").FullName;
        try
        {
            var template = PeerEdition.Create(repository, root, 1);
            var editions = Enumerable.Range(1, count).Select(i =>
            {
                var folder = Path.Combine(root, "content", "peer", string.Create(CultureInfo.InvariantCulture, $"force-{i:00}"));
                CopyFolder(template, folder);
                return folder;
            }).ToList();
            var batch = new List<Measure>();
            var single = new List<Measure>();
            for (var run = 0; run < runs; run++)
            {
                batch.Add(Time(Command(tool, ["build", .. editions, "--out", Path.Combine(root, "batch")]), root) ?? throw new InvalidOperationException("the batch failed"));
                var each = editions.Take(separately).Select(e => Time(Command(tool, "build", e, "--out", Path.Combine(root, "single")), root) ?? throw new InvalidOperationException("a build failed")).ToList();
                single.Add(new Measure(each.Sum(m => m.Wall) / each.Count, each.Sum(m => m.Cpu) / each.Count, each.Max(m => m.TreeMiB), each.Max(m => m.LargestMiB)));
            }
            var pages = Directory.GetFiles(Path.Combine(root, "batch"), "report.pdf", SearchOption.AllDirectories).Length;
            var (b, s) = (Median(batch.Select(m => m.Wall)), Median(single.Select(m => m.Wall)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batch of {count} editions (html+pdf), one call: {b:0.00} s wall ({b / count:0.00} s an edition), {Median(batch.Select(m => m.TreeMiB)):0} MiB tree, {Median(batch.Select(m => m.LargestMiB)):0} MiB largest process; {pages} PDFs written"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"separate calls: {s:0.00} s an edition (median of {runs} runs of {separately} calls), so {s * count:0.0} s for {count}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput of one call ÷ separate calls: {s * count / b:0.00}"));
            return pages == count ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    private static string[] Command(string tool, params string[] arguments) =>
        tool.EndsWith(".dll", StringComparison.Ordinal) ? ["dotnet", tool, .. arguments] : [tool, .. arguments];

    private static double Median(IEnumerable<double> values) => Medians.Of(values);

    /// <summary>Runs the command under GNU time (CPU of the whole tree, largest process) while sampling the tree's memory.</summary>
    private static Measure? Time(string[] command, string folder)
    {
        var report = Path.Combine(folder, "time.txt");
        var start = new ProcessStartInfo("/usr/bin/time", ["-f", "%e %U %S %M", "-o", report, .. command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(25)) peak = Math.Max(peak, TreeRssKiB(process.Id));
        if (process.ExitCode != 0) return null;
        var fields = File.ReadAllText(report).Trim().Split('\n')[^1].Split(' ').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new Measure(fields[0], fields[1] + fields[2], peak / 1024.0, fields[3] / 1024.0);
    }

    /// <summary>The resident memory of a process and all its descendants, in KiB.</summary>
    private static long TreeRssKiB(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        bool InTree(int pid)
        {
            for (var p = pid; p > 1 && parents.ContainsKey(p); p = parents[p])
                if (p == root) return true;
            return false;
        }
        long total = 0;
        foreach (var pid in parents.Keys.Where(InTree))
        {
            try
            {
                var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                if (line is not null) total += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return total;
    }

    private static int PdfPages(string pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(pdf));
        return System.Text.RegularExpressions.Regex.Matches(text, @"/Type\s*/Page[^s]").Count;
    }
}
