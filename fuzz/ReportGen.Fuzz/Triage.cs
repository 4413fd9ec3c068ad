using System.Diagnostics;
using System.Reflection;

namespace ReportGen.Fuzz;

/// <summary>
/// Sorting and shrinking the fuzzer's crashes, in one process: <c>TARGET --triage FILE...</c> groups the inputs by the
/// exception's signature (its type, the method that threw and the first ReportGen method on the stack) and prints one
/// example of each; <c>TARGET --minimise IN OUT</c> removes bytes from IN while the same signature is thrown and
/// writes the smallest input to OUT. Hangs and stack overflows end the process and are not handled here.
/// </summary>
public static class Triage
{
    public static string? Signature(Action<byte[]> target, byte[] input)
    {
        try
        {
            target(input);
            return null;
        }
        catch (Exception ex)
        {
            return Signature(ex);
        }
    }

    public static string Signature(Exception ex)
    {
        var frames = new StackTrace(ex, fNeedFileInfo: false).GetFrames().Select(f => f.GetMethod()).OfType<MethodBase>().ToList();
        static string Name(MethodBase m) => $"{m.DeclaringType?.FullName}.{m.Name}";
        // The method that threw, less the runtime's throw helpers.
        var top = frames.FirstOrDefault(m => m.DeclaringType?.FullName?.StartsWith("Internal.Runtime.", StringComparison.Ordinal) != true
                                             && m.DeclaringType?.Name.Contains("ThrowHelper", StringComparison.Ordinal) != true) is { } first ? Name(first) : "?";
        var ours = frames.FirstOrDefault(m => m.DeclaringType?.FullName?.StartsWith("ReportGen.", StringComparison.Ordinal) == true
                                              && m.DeclaringType.FullName?.StartsWith("ReportGen.Fuzz", StringComparison.Ordinal) != true) is { } o ? Name(o) : "-";
        // The harness's own findings are told apart by what they say, not where they are thrown.
        var what = ex switch
        {
            CheckPassedButBuildFailedException => " — " + string.Join(",", System.Text.RegularExpressions.Regex.Matches(ex.Message, @"error (RG\d+)").Select(m => m.Groups[1].Value).Distinct()),
            MarkdownSafetyException => " — " + ex.Message.Split('\n')[0],
            _ => "",
        };
        return $"{ex.GetType().FullName}{what} at {top} (ReportGen: {ours})";
    }

    public static int Group(Action<byte[]> target, IEnumerable<string> files)
    {
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var passed = 0;
        foreach (var file in files)
        {
            var signature = Signature(target, File.ReadAllBytes(file));
            if (signature is null) { passed++; continue; }
            if (!groups.TryGetValue(signature, out var list)) groups[signature] = list = [];
            list.Add(file);
        }
        foreach (var (signature, list) in groups.OrderByDescending(g => g.Value.Count))
        {
            Console.WriteLine($"{list.Count,5} × {signature}");
            Console.WriteLine($"        e.g. {list.OrderBy(f => new FileInfo(f).Length).First()}");
        }
        if (passed > 0) Console.WriteLine($"{passed,5} × ran without an exception (a hang, a stack overflow, or not reproducible, for a fuzzer finding)");
        return groups.Count == 0 ? 0 : 1;
    }

    /// <summary>Delta debugging by chunks, then by single bytes, keeping the signature.</summary>
    public static int Minimise(Action<byte[]> target, string from, string to)
    {
        var input = File.ReadAllBytes(from);
        var signature = Signature(target, input) ?? throw new InvalidOperationException($"{from} does not throw");
        Console.WriteLine($"signature: {signature} ({input.Length} bytes)");
        var budget = Stopwatch.StartNew();
        for (var chunk = Math.Max(1, input.Length / 2); chunk >= 1 && budget.Elapsed < TimeSpan.FromMinutes(5); chunk /= 2)
        {
            for (var start = 0; start < input.Length && budget.Elapsed < TimeSpan.FromMinutes(5);)
            {
                var candidate = input[..start].Concat(input[Math.Min(input.Length, start + chunk)..]).ToArray();
                if (candidate.Length < input.Length && Signature(target, candidate) == signature) input = candidate;
                else start += chunk;
            }
            if (chunk == 1) break;
        }
        File.WriteAllBytes(to, input);
        Console.WriteLine($"minimised: {input.Length} bytes → {to}");
        return 0;
    }
}
