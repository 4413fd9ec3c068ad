using System.Diagnostics;
using System.Runtime.InteropServices;
using SharpFuzz;

namespace ReportGen.Fuzz;

/// <summary>
/// Entry point. <c>dotnet ReportGen.Fuzz.dll TARGET</c> runs TARGET under afl-fuzz (input on standard input, through
/// SharpFuzz's out-of-process fork server, so that hangs and stack overflows are survived and reported);
/// <c>TARGET --repro FILE...</c> runs inputs once each and prints what happened; <c>seeds FOLDER</c> writes the seed
/// corpora from the repository's samples and bad-input corpus.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["seeds", var folder]) return Seeds.Write(folder);
        if (args.Length == 0 || Targets.Find(args[0]) is not { } target)
        {
            Console.Error.WriteLine($"usage: ReportGen.Fuzz ({string.Join("|", Targets.Names)}) [--repro FILE... [--timeout SECONDS] | --triage FILE... | --minimise IN OUT]");
            Console.Error.WriteLine("       ReportGen.Fuzz seeds FOLDER");
            return 2;
        }
        if (args.Length > 1 && args[1] is "--repro" or "--triage" or "--minimise")
        {
            UseCoverageMap();
            // The workspace changes the working directory: the paths are made full first.
            var paths = args[2..].Select(a => a.StartsWith("--", StringComparison.Ordinal) || double.TryParse(a, System.Globalization.CultureInfo.InvariantCulture, out _) ? a : Path.GetFullPath(a)).ToArray();
            try
            {
                return args[1] switch
                {
                    "--triage" => Triage.Group(target, paths),
                    "--minimise" when paths.Length == 2 => Triage.Minimise(target, paths[0], paths[1]),
                    "--minimise" => 2,
                    _ => Repro(target, paths),
                };
            }
            finally
            {
                Workspace.RemoveIfTemporary();
            }
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            target(memory.ToArray());
        });
        return 0;
    }

    /// <summary>Runs each file once outside the fuzzer; exit 1 if any threw or took longer than the timeout.</summary>
    /// <summary>Instrumented assemblies write their coverage to this map; outside afl-fuzz it must still exist.</summary>
    private static unsafe void UseCoverageMap() => SharpFuzz.Common.Trace.SharedMem = (byte*)Marshal.AllocHGlobal(1 << 16);

    private static int Repro(Action<byte[]> target, string[] args)
    {
        var timeout = TimeSpan.FromSeconds(10);
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--timeout" && i + 1 < args.Length) timeout = TimeSpan.FromSeconds(double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture));
            else files.Add(args[i]);
        }
        var failed = 0;
        foreach (var file in files)
        {
            var input = File.ReadAllBytes(file);
            var watch = Stopwatch.StartNew();
            // Run on the main thread, as under the fuzzer (same stack size); a watchdog reports a hang and leaves.
            using var watchdog = new Timer(_ =>
            {
                Console.WriteLine($"HANG  {file}: still running after {timeout.TotalSeconds:0} s");
                Console.Out.Flush();
                Environment.Exit(1);
            }, null, timeout, Timeout.InfiniteTimeSpan);
            try
            {
                target(input);
                Console.WriteLine($"OK    {file} ({watch.ElapsedMilliseconds} ms)");
            }
            catch (Exception ex)
            {
                failed++;
                Console.WriteLine($"CRASH {file} ({watch.ElapsedMilliseconds} ms)");
                Console.WriteLine(ex.ToString());
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
