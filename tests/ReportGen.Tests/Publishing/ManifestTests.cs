using System.Security.Cryptography;
using System.Text.Json;
using ReportGen.Publishing;
using ReportGen.Tests.EndToEnd;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Publishing;

/// <summary>
/// manifest.json beside every built edition: valid against its schema, naming every output with its true hash and
/// size, every input read and every template file, the tool and the browser, and nothing of the machine.
/// </summary>
[Collection(SampleBuildCollection.Name)]
public sealed class ManifestTests(SampleBuildFixture fixture)
{
    public static TheoryData<string> Samples => new(SampleBuildFixture.Samples);

    private static JsonElement Read(string folder) => JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, Manifest.FileName))).RootElement;

    private static Dictionary<string, (string Sha256, long Size, string? Role)> Resources(JsonElement list) =>
        list.EnumerateArray().ToDictionary(
            r => r.GetProperty("name").GetString()!,
            r => (r.GetProperty("digest").GetProperty("sha256").GetString()!, r.GetProperty("annotations").GetProperty("size").GetInt64(),
                r.GetProperty("annotations").TryGetProperty("role", out var role) ? role.GetString() : null));

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [Theory, MemberData(nameof(Samples))]
    public async Task The_manifest_is_valid_against_its_schema(string sample)
    {
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Root, "schemas", "manifest.schema.json"));
        var errors = schema.Validate(File.ReadAllText(Path.Combine(fixture.OutputOf(sample), Manifest.FileName)));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory, MemberData(nameof(Samples))]
    public void Every_output_is_a_subject_with_its_true_hash_and_size(string sample)
    {
        var folder = fixture.OutputOf(sample);
        var subjects = Resources(Read(folder).GetProperty("subject"));
        var files = Manifest.Files(folder).Where(f => f != Manifest.FileName).ToList();
        Assert.Equal(files, subjects.Keys.ToList());
        Assert.Contains("index.html", files);
        Assert.Contains(ReportBuilder.PdfFileName, files);
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file);
            Assert.Equal((Sha256(path), new FileInfo(path).Length, (string?)null), subjects[file]);
        }
    }

    [Theory, MemberData(nameof(Samples))]
    public void Every_input_and_template_file_is_a_dependency_with_its_true_hash(string sample)
    {
        var manifest = Read(fixture.OutputOf(sample));
        var dependencies = Resources(manifest.GetProperty("predicate").GetProperty("buildDefinition").GetProperty("resolvedDependencies"));
        var edition = Path.Combine(RepoPaths.Content, sample);

        // Every YAML file and every workbook the edition's tables read.
        var yaml = Directory.GetFiles(edition, "*.yaml").Select(Path.GetFileName).ToList();
        Assert.All(yaml, y => Assert.Equal((Sha256(Path.Combine(edition, y!)), "input"), (dependencies[y!].Sha256, dependencies[y!].Role)));
        var workbooks = dependencies.Where(d => d.Key.EndsWith(".xlsx", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(workbooks);
        Assert.All(workbooks, w => Assert.Equal(Sha256(Path.Combine(edition, w.Key)), w.Value.Sha256));

        // Every file of the template set the edition pins.
        var set = manifest.GetProperty("predicate").GetProperty("buildDefinition").GetProperty("externalParameters").GetProperty("templateSet").GetString()!;
        Assert.Matches("^default@[0-9]+$", set);
        var templates = Path.Combine(RepoPaths.Templates, set);
        var templateFiles = Manifest.Files(templates);
        Assert.All(templateFiles, t => Assert.Equal((Sha256(Path.Combine(templates, t)), "template"), (dependencies[$"templates/{set}/{t}"].Sha256, dependencies[$"templates/{set}/{t}"].Role)));

        // The versions its corrections replaced, built beside it from their own folders: their YAML and frozen tables.
        var versions = dependencies.Keys.Where(k => k.StartsWith("versions/", StringComparison.Ordinal)).ToList();
        Assert.All(versions, v => Assert.Equal(Sha256(Path.Combine(edition, v)), dependencies[v].Sha256));
        if (sample == "hertfordshire/2016-17")
        {
            Assert.Contains("versions/1.0/objectives.yaml", versions);
            Assert.Contains("versions/1.0/frozen/workforce-ethnicity.json", versions);
        }
        // The previous edition it is compared with (../2016-17/…): its YAML files (its workbooks are counted above).
        var previous = dependencies.Keys.Where(k => k.StartsWith("../", StringComparison.Ordinal) && !k.EndsWith(".xlsx", StringComparison.Ordinal)).ToList();
        Assert.All(previous, p => Assert.Equal(Sha256(Path.GetFullPath(Path.Combine(edition, p))), dependencies[p].Sha256));
        if (sample == "hertfordshire/2017-18") Assert.Contains("../2016-17/objectives.yaml", previous);
        Assert.Equal(yaml.Count + workbooks.Count + templateFiles.Count + versions.Count + previous.Count, dependencies.Count);
    }

    [Theory, MemberData(nameof(Samples))]
    public void The_builder_names_the_tool_with_its_commit_and_the_browser_and_nothing_of_the_machine(string sample)
    {
        var text = File.ReadAllText(Path.Combine(fixture.OutputOf(sample), Manifest.FileName));
        var version = Read(fixture.OutputOf(sample)).GetProperty("predicate").GetProperty("runDetails").GetProperty("builder").GetProperty("version");
        Assert.Equal(Manifest.ToolVersion, version.GetProperty("reportgen").GetString());
        Assert.Matches(@"^chromium \d+\.\d+\.\d+\.\d+$", version.GetProperty("browser").GetString());
        Assert.DoesNotContain(RepoPaths.Root, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.MachineName, text, StringComparison.Ordinal);
    }
}
