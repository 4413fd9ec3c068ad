using System.Runtime.InteropServices;
using ReportGen.Diagnostics;

namespace ReportGen.Publishing;

/// <summary>
/// Finds the Chromium-based browser that prints PDFs: the <c>--browser</c> path, else the
/// <c>REPORTGEN_BROWSER</c> variable, else Chromium, Chrome or Edge where they are usually installed.
/// </summary>
public static class BrowserLocator
{
    public const string EnvironmentVariable = "REPORTGEN_BROWSER";

    private static readonly string[] CommandNames =
        ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable"];

    public static string Locate(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return Existing(explicitPath, "--browser");
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Existing(fromEnvironment, EnvironmentVariable);

        foreach (var candidate in Candidates())
            if (File.Exists(candidate)) return candidate;

        throw new EnvironmentProblemException(new Diagnostic(Severity.Error, DiagnosticCodes.BrowserNotFound,
            "no Chromium-based browser was found to print the PDF. Install Chromium (Debian/Ubuntu: sudo apt-get install chromium), " +
            $"or pass --browser PATH or set {EnvironmentVariable} to the path of Chrome or Edge. To build only the web page, use --format html"));
    }

    private static string Existing(string path, string source)
    {
        if (File.Exists(path)) return Path.GetFullPath(path);
        throw new EnvironmentProblemException(new Diagnostic(Severity.Error, DiagnosticCodes.BrowserNotFound,
            $"the browser given by {source} does not exist: {path}. Give the full path of the Chromium, Chrome or Edge program"));
    }

    private static IEnumerable<string> Candidates()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        foreach (var name in CommandNames)
            yield return Path.Combine(dir, RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? name + ".exe" : name);

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            foreach (var root in new[] { "ProgramFiles", "ProgramFiles(x86)", "LocalAppData" }.Select(Environment.GetEnvironmentVariable).OfType<string>())
            {
                yield return Path.Combine(root, @"Google\Chrome\Application\chrome.exe");
                yield return Path.Combine(root, @"Microsoft\Edge\Application\msedge.exe");
                yield return Path.Combine(root, @"Chromium\Application\chrome.exe");
            }
        }
        else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
        {
            yield return "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
            yield return "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge";
            yield return "/Applications/Chromium.app/Contents/MacOS/Chromium";
        }
    }
}
