using ReportGen.Diagnostics;
using ReportGen.Rendering;

namespace ReportGen.Fuzz;

/// <summary>
/// The fuzz targets. Diagnostics (the user's errors) are the expected answer to bad input and never a finding; a
/// finding is an exception escaping ReportGen, a hang (the fuzzer's timeout), a content that <c>Check</c> passes but
/// <c>BuildAsync</c> does not build, or (markdown) HTML that breaks the renderer's own safety promise.
/// </summary>
public static class Targets
{
    /// <summary>The content file a yaml input replaces, chosen by its first byte modulo 6 ('0' to '5' in the seeds).</summary>
    public static readonly string[] YamlFiles =
        ["objectives.yaml", "edition.yaml", "glossary.yaml", "achievements.yaml", "data.yaml", "statistics.yaml"];

    /// <summary>FUZZ_VERBOSE=1: print the diagnostics and the build's outcome (for --repro).</summary>
    private static readonly bool Verbose = Environment.GetEnvironmentVariable("FUZZ_VERBOSE") == "1";

    public static IReadOnlyList<string> Names { get; } = ["yaml", "workbook", "markdown"];

    public static Action<byte[]>? Find(string name) => name switch
    {
        "yaml" => Yaml,
        "workbook" => Workbook,
        "markdown" => Markdown,
        _ => null,
    };

    /// <summary>The input, less its first byte, becomes one content file of the otherwise valid base edition.</summary>
    public static void Yaml(byte[] input)
    {
        if (input.Length == 0) return;
        var edition = Workspace.Current.FreshEdition();
        File.WriteAllBytes(Path.Combine(edition, YamlFiles[input[0] % YamlFiles.Length]), input[1..]);
        CheckThenBuild(edition);
    }

    /// <summary>The input becomes data/staff.xlsx of the otherwise valid base edition.</summary>
    public static void Workbook(byte[] input)
    {
        var edition = Workspace.Current.FreshEdition();
        File.WriteAllBytes(Path.Combine(edition, "data", "staff.xlsx"), input);
        CheckThenBuild(edition);
    }

    /// <summary>
    /// The input, as UTF-8 text, goes the way of every Markdown field of the content: <see cref="MarkdownRenderer.Problem"/>
    /// when the content is checked, then, when that finds no problem, <see cref="MarkdownRenderer.ToHtml"/> when the
    /// page is rendered. The HTML must keep the renderer's promise: no raw HTML, no images, no link to a dangerous scheme.
    /// </summary>
    public static void Markdown(byte[] input)
    {
        var text = System.Text.Encoding.UTF8.GetString(input);
        if (MarkdownRenderer.Problem(text) is not null) return;
        var html = MarkdownRenderer.ToHtml(text).ToString() ?? "";
        if (Environment.GetEnvironmentVariable("FUZZ_NO_ORACLE") != "1") MarkdownOracle.Verify(text, html);
    }

    /// <summary>
    /// <c>Check</c>; when it reports no error, <c>BuildAsync</c> (HTML only) must succeed. Exceptions propagate to the
    /// fuzzer, which records them as crashes.
    /// </summary>
    private static void CheckThenBuild(string edition)
    {
        var workspace = Workspace.Current;
        var builder = new ReportBuilder(new BuildOptions(workspace.OutputRoot, OutputFormats.Html, workspace.TemplatesRoot));
        try
        {
            var diagnostics = builder.Check(edition);
            if (Verbose) foreach (var d in diagnostics) Console.WriteLine("  check: " + d);
            if (diagnostics.Any(d => d.Severity == Severity.Error)) return;
            var result = builder.BuildAsync(edition).GetAwaiter().GetResult();
            if (Verbose) Console.WriteLine(result.Succeeded ? $"  built: {result.OutputFolder}" : "  build failed");
            if (!result.Succeeded)
                throw new CheckPassedButBuildFailedException(
                    "Check reported no error, but BuildAsync did not succeed" +
                    (result.OutputFolder is null ? " (no output folder)" : "") + ":\n" +
                    string.Join("\n", result.Diagnostics.Select(d => "  " + d)));
        }
        finally
        {
            builder.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}

public sealed class CheckPassedButBuildFailedException(string message) : Exception(message);
