using ReportGen.Diagnostics;
using ReportGen.Rendering;
using ReportGen.Tests.Corpus;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Fuzz;

/// <summary>
/// Every input the fuzzer found a crash with (fuzz/findings/) and every seed it starts from (fuzz/corpus/), replayed
/// as the fuzz harness runs them (fuzz/ReportGen.Fuzz/Targets.cs): the first byte of a YAML input picks the content
/// file it replaces, a workbook input replaces data/staff.xlsx, a Markdown input is rendered. None may throw, and
/// whenever check passes, build must succeed.
/// </summary>
public sealed class FuzzReplayTests
{
    private static readonly string[] YamlFiles = ["objectives.yaml", "edition.yaml", "glossary.yaml", "achievements.yaml", "data.yaml", "statistics.yaml"];
    private static readonly string Fuzz = Path.Combine(RepoPaths.Root, "fuzz");

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in new[] { "yaml", "workbook", "markdown" })
        foreach (var folder in new[] { "findings", "corpus" })
        {
            var path = Path.Combine(Fuzz, folder, target);
            if (!Directory.Exists(path)) continue;
            foreach (var file in Directory.GetFiles(path).Where(f => !f.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                data.Add(file.EndsWith(".yaml-target-input", StringComparison.Ordinal) ? "yaml" : target, Path.GetRelativePath(Fuzz, file));
        }
        return data;
    }

    [Fact]
    public void There_are_findings_and_seeds_for_every_target()
    {
        var inputs = Inputs().Select(i => ((string)i[0], (string)i[1])).ToList();
        foreach (var target in new[] { "yaml", "workbook", "markdown" })
        {
            Assert.Contains(inputs, i => i.Item1 == target && i.Item2.StartsWith("findings", StringComparison.Ordinal));
            Assert.Contains(inputs, i => i.Item1 == target && i.Item2.StartsWith("corpus", StringComparison.Ordinal));
        }
    }

    [Theory, MemberData(nameof(Inputs))]
    public async Task A_fuzz_input_gives_diagnostics_or_a_build_never_an_exception(string target, string file)
    {
        var input = File.ReadAllBytes(Path.Combine(Fuzz, file));
        if (target == "markdown")
        {
            var text = System.Text.Encoding.UTF8.GetString(input);
            if (MarkdownRenderer.Problem(text) is null) Assert.NotNull(MarkdownRenderer.ToHtml(text).Html);
            return;
        }

        var root = Directory.CreateTempSubdirectory("reportgen-fuzz-replay-").FullName;
        try
        {
            var edition = Path.Combine(root, "content", "corpus", "edition");
            Directory.CreateDirectory(edition);
            foreach (var base_ in Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "ReportGen.Tests", "Corpus", "base")))
                File.Copy(base_, Path.Combine(edition, Path.GetFileName(base_)));
            CorpusTests.WriteBaseWorkbooks(edition);
            if (target == "yaml")
            {
                if (input.Length == 0) return;
                File.WriteAllBytes(Path.Combine(edition, YamlFiles[input[0] % YamlFiles.Length]), input[1..]);
            }
            else File.WriteAllBytes(Path.Combine(edition, "data", "staff.xlsx"), input);

            await using var builder = new ReportBuilder(new BuildOptions(Path.Combine(root, "out"), OutputFormats.Html, RepoPaths.Templates));
            var diagnostics = builder.Check(edition);
            if (diagnostics.Any(d => d.Severity == Severity.Error)) return;
            var result = await builder.BuildAsync(edition);
            Assert.True(result.Succeeded, $"check passed but build failed:\n{string.Join("\n", result.Diagnostics)}");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
