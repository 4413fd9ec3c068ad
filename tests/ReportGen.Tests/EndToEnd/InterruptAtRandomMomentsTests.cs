using System.Diagnostics;
using System.Globalization;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.EndToEnd;

/// <summary>
/// Ctrl-C (SIGINT to the whole process group, as a terminal sends it) and SIGTERM (to the process, as <c>kill</c>
/// sends it, or to the group, as a service manager does) at twenty moments spread over a real build of the
/// Hertfordshire sample with its PDF: each ends within three seconds with "Build cancelled" and exit 130 (or, if
/// the build had already finished, a complete new output), the previous output byte-identical, no staging folder,
/// no browser folder and no browser or driver process left.
/// </summary>
[Collection(TimedAlone.Name)]
public sealed class InterruptAtRandomMomentsTests
{
    private const int Moments = 20;
    private static readonly TimeSpan EndsWithin = TimeSpan.FromSeconds(3);

    private sealed record Variant(string Name, int Signal, bool Group);

    // Linux signal numbers, as kill(1) takes them.
    private static readonly Variant[] Variants =
    [
        new("Ctrl-C (SIGINT to the process group)", 2, true),
        new("SIGTERM to the process", 15, false),
        new("SIGINT to the process", 2, false),
        new("SIGTERM to the process group", 15, true),
    ];

    [Fact]
    public async Task Every_interrupt_ends_promptly_leaves_the_previous_output_and_nothing_behind()
    {
        var root = Directory.CreateTempSubdirectory("reportgen-interrupt-").FullName;
        // A short temporary folder, as /tmp is, so that the browser's files go in the printer's own folder.
        var temporary = Directory.CreateTempSubdirectory("rg-").FullName;
        try
        {
            var content = Path.Combine(root, "content", "hertfordshire", "2016-17");
            TestFolders.Copy(Path.Combine(RepoPaths.Content, "hertfordshire", "2016-17"), content);
            var output = Path.Combine(root, "out");

            // The first build, uninterrupted, gives the previous output and the length of a build on this machine.
            var first = await Run(content, output, temporary, interrupt: null);
            Assert.True(first.ExitCode == 0, first.Describe());
            var folder = Path.Combine(output, "hertfordshire", "2016-17");
            var duration = first.Duration;

            // Then the content changes, so that an interrupted build that swapped anything in would be seen.
            File.AppendAllText(Path.Combine(content, "glossary.yaml"), "  - term: Interrupted\n    definition: A term only the new edition has.\n");

            var random = new Random(20261201);
            var cancelled = 0;
            var moments = 0;
            for (var attempt = 0; moments < Moments && attempt < 2 * Moments; attempt++)
            {
                var variant = Variants[moments % Variants.Length];
                var delay = TimeSpan.FromTicks((long)(random.NextDouble() * 0.9 * duration.Ticks));
                var before = SampleEditions.Snapshot(folder);
                var run = await Run(content, output, temporary, (variant, delay));
                // A build that had finished before the signal was sent was not interrupted: that moment does not count,
                // and the builds are evidently faster now, so the next moments are drawn from a shorter span.
                if (!run.SignalledDuringBuild)
                {
                    Assert.True(run.ExitCode == 0, run.Describe());
                    duration = TimeSpan.FromTicks(Math.Min(duration.Ticks, run.Duration.Ticks));
                    continue;
                }
                moments++;
                var what = $"moment {moments}: {variant.Name} {delay.TotalSeconds:0.00} s into the build; {run.Describe()}";

                Assert.True(run.SinceSignal <= EndsWithin, $"{what}: took {run.SinceSignal.TotalSeconds:0.00} s to end");
                Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
                Assert.DoesNotContain("Exception", run.Output, StringComparison.Ordinal);
                if (run.ExitCode == 130)
                {
                    cancelled++;
                    Assert.Contains("Build cancelled; the previous output was left as it was.", run.Output, StringComparison.Ordinal);
                    Assert.True(before.Count > 0 && Same(before, SampleEditions.Snapshot(folder)), $"{what}: the previous output changed");
                }
                else
                {
                    // The signal came as the build was swapping its output in: the new output, whole.
                    Assert.True(run.ExitCode == 0, what);
                    var page = File.ReadAllText(Path.Combine(folder, "index.html"));
                    Assert.Contains("A term only the new edition has.", page, StringComparison.Ordinal);
                    Assert.EndsWith("</html>", page.TrimEnd(), StringComparison.Ordinal);
                    Assert.True(new FileInfo(Path.Combine(folder, "report.pdf")).Length > 10_000, what);
                }

                Assert.True(Directory.GetDirectories(Path.GetDirectoryName(folder)!).SequenceEqual([folder]),
                    $"{what}: left {string.Join(", ", Directory.GetDirectories(Path.GetDirectoryName(folder)!))}");
                Assert.True(Directory.GetFileSystemEntries(temporary).Length == 0,
                    $"{what}: left {string.Join(", ", Directory.GetFileSystemEntries(temporary))} in the temporary folder");
                Assert.True(ProcessesMentioning(temporary) is [], $"{what}: left running: {string.Join("; ", ProcessesMentioning(temporary))}");
            }

            Assert.True(moments == Moments, $"only {moments} of {2 * Moments} attempts reached a build that was still running");
            // The moments fall inside the build, so nearly every interrupt must have cancelled it.
            Assert.True(cancelled >= Moments * 3 / 4, $"only {cancelled} of {Moments} interrupts cancelled the build");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
            Directory.Delete(temporary, recursive: true);
        }
    }

    private sealed record RunResult(int ExitCode, string Output, TimeSpan Duration, TimeSpan SinceSignal, bool SignalledDuringBuild = true)
    {
        public string Describe() => $"exit {ExitCode}, output:\n{Output}";
    }

    /// <summary>
    /// Runs the real command in a new session, with its own temporary folder; the moment is counted from its first
    /// line of output.
    /// </summary>
    private static async Task<RunResult> Run(string content, string output, string temporary, (Variant Variant, TimeSpan Delay)? interrupt)
    {
        var start = CliProcess.StartInfo(["build", content, "--out", output, "--templates", RepoPaths.Templates],
            new Dictionary<string, string> { ["TMPDIR"] = temporary, ["CI"] = "true" });
        var text = new System.Text.StringBuilder();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = Process.Start(start)!;
        var clock = Stopwatch.StartNew();
        process.OutputDataReceived += (_, e) => { if (e.Data is null) return; lock (text) text.AppendLine(e.Data); started.TrySetResult(); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is null) return; lock (text) text.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var signalled = TimeSpan.Zero;
        var during = true;
        if (interrupt is { } moment)
        {
            await Task.WhenAny(started.Task, process.WaitForExitAsync());
            Assert.False(IgnoresSigint(process.Id), "reportgen was started with SIGINT ignored");
            await Task.Delay(moment.Delay);
            lock (text) during = !process.HasExited && !text.ToString().Contains(": built ", StringComparison.Ordinal);
            var target = (moment.Variant.Group ? "-" : "") + process.Id.ToString(CultureInfo.InvariantCulture);
            using (var kill = Process.Start("kill", ["-s", moment.Variant.Signal == 2 ? "INT" : "TERM", "--", target])!)
                await kill.WaitForExitAsync();
            signalled = clock.Elapsed;
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the build did not end within 3 minutes{(interrupt is null ? "" : " of the signal")}: {text}");
        }
        var ended = clock.Elapsed;
        process.WaitForExit(); // the output is read to its end
        lock (text) return new RunResult(process.ExitCode, text.ToString(), ended, ended - signalled, during);
    }

    /// <summary>Bit 2 of SigIgn in /proc/PID/status: a process started in the background by a shell ignores SIGINT.</summary>
    private static bool IgnoresSigint(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
            return line is not null && (ulong.Parse(line[7..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & 0b10) != 0;
        }
        catch (IOException)
        {
            return false; // it has already ended
        }
    }

    /// <summary>Processes whose command line names the folder: the browser (its profile) or the driver left running.</summary>
    private static List<string> ProcessesMentioning(string folder)
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(folder, StringComparison.Ordinal)) found.Add(commandLine.Length > 200 ? commandLine[..200] : commandLine);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // It ended while being read.
            }
        }
        return found;
    }

    private static bool Same(Dictionary<string, byte[]> a, Dictionary<string, byte[]> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var bytes) && bytes.AsSpan().SequenceEqual(kv.Value));
}

/// <summary>
/// Tests that measure how long something takes (an interrupted build ends within three seconds) run alone, after the
/// others: sharing the machine's two cores with builds that print PDFs made one take 3.08 s once, a measurement of the
/// machine's load, not of the tool.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedAlone
{
    public const string Name = "Timed, alone";
}
