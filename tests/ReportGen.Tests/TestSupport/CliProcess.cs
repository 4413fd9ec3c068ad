using System.Diagnostics;

namespace ReportGen.Tests.TestSupport;

/// <summary>The real <c>reportgen</c> command, in a process of its own, for the tests of signals.</summary>
public static class CliProcess
{
    /// <summary>
    /// Starts reportgen in a new session and process group (so that a signal sent to the group reaches it and the
    /// browser's driver, as Ctrl-C in a terminal does), with SIGINT at its default action even when the test runner
    /// was started as a background job, which ignores it and would pass that on.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("setsid", ["env", "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "reportgen.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return start;
    }
}
