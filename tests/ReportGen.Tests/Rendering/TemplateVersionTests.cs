using System.Security.Cryptography;
using System.Text.Json;
using ReportGen.Publishing;
using ReportGen.Tests.EndToEnd;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// A template set version that an edition is published with never changes: templates/versions.lock.json holds the
/// SHA-256 of every file of every version, and a version's files may not change, appear or go. New work goes into a
/// new version (default@2); an edition pinned to the old one is rebuilt byte for byte.
/// </summary>
[Collection(SampleBuildCollection.Name)]
public sealed class TemplateVersionTests(SampleBuildFixture fixture)
{
    private static readonly string LockPath = Path.Combine(RepoPaths.Templates, "versions.lock.json");

    private static SortedDictionary<string, SortedDictionary<string, string>> Current() =>
        new(Directory.GetDirectories(RepoPaths.Templates, "*@*").ToDictionary(
            d => Path.GetFileName(d),
            d => new SortedDictionary<string, string>(Manifest.Files(d).ToDictionary(f => f, f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(d, f))))), StringComparer.Ordinal)),
            StringComparer.Ordinal);

    [Fact]
    public void No_file_of_a_locked_template_version_has_changed_appeared_or_gone()
    {
        var current = Current();
        // Ordinal order, whatever the machine's culture, so that the file is written the same everywhere.
        var locked = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        if (File.Exists(LockPath))
            foreach (var (version, files) in JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(LockPath))!)
                locked[version] = new SortedDictionary<string, string>(files, StringComparer.Ordinal);
        if (Environment.GetEnvironmentVariable("REPORTGEN_UPDATE_GOLDEN") == "1")
        {
            // Only a new version may be added to the lock; a locked one is never rewritten.
            foreach (var (version, files) in current.Where(v => !locked.ContainsKey(v.Key))) locked[version] = files;
            File.WriteAllText(LockPath, JsonSerializer.Serialize(locked, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        Assert.NotEmpty(locked);
        foreach (var (version, files) in locked)
        {
            Assert.True(current.TryGetValue(version, out var now), $"template set {version} is locked but gone; a published version stays in the repository");
            foreach (var (file, hash) in files)
            {
                Assert.True(now.TryGetValue(file, out var nowHash), $"{version}/{file} is gone; a published template version never changes: put the change in a new version");
                Assert.True(hash == nowHash, $"{version}/{file} has changed; a published template version never changes: put the change in a new version (copy {version} to the next number)");
            }
            var added = now.Keys.Except(files.Keys).ToList();
            Assert.True(added.Count == 0, $"{version} has new files ({string.Join(", ", added)}); a published template version never changes: put them in a new version");
        }
        var unlocked = current.Keys.Except(locked.Keys).ToList();
        Assert.True(unlocked.Count == 0, $"template set {string.Join(", ", unlocked)} is not in templates/versions.lock.json; run REPORTGEN_UPDATE_GOLDEN=1 dotnet test once it is ready");
    }

    [Fact]
    public async Task A_new_version_of_the_templates_leaves_every_sample_pinned_to_the_old_one_byte_identical()
    {
        var root = Directory.CreateTempSubdirectory("reportgen-versions-").FullName;
        try
        {
            // Copy the templates and make the next version from the newest, changed as the next template work would.
            var templates = Path.Combine(root, "templates");
            TestFolders.Copy(RepoPaths.Templates, templates);
            var newest = Directory.GetDirectories(templates, "default@*").Select(d => int.Parse(Path.GetFileName(d)[8..], System.Globalization.CultureInfo.InvariantCulture)).Max();
            var next = Path.Combine(templates, $"default@{newest + 1}");
            TestFolders.Copy(Path.Combine(templates, $"default@{newest}"), next);
            File.AppendAllText(Path.Combine(next, "assets", "report.css"), "\nh2 { letter-spacing: 0.02em; }\n");
            // A set with labels takes its words from them (labels: is the last part of each of its label files).
            var labels = Path.Combine(next, ReportGen.Rendering.LabelSet.SetFolder);
            var paragraph = Directory.Exists(labels) ? "{{ label \"about.next_version\" }}" : "Changed in the next version.";
            if (Directory.Exists(labels))
                foreach (var file in Directory.EnumerateFiles(labels, "*.yaml"))
                    File.AppendAllText(file, "\n  about.next_version: Changed in the next version.\n");
            File.WriteAllText(Path.Combine(next, "partials", "about.sbn-html"), File.ReadAllText(Path.Combine(next, "partials", "about.sbn-html")) + $"\n<p>{paragraph}</p>\n");

            var output = Path.Combine(root, "out");
            await using (var builder = new ReportBuilder(new BuildOptions(output, TemplatesRoot: templates)))
                foreach (var sample in SampleBuildFixture.Everything)
                    Assert.True((await builder.BuildAsync(Path.Combine(RepoPaths.Content, sample))).Succeeded);

            foreach (var sample in SampleBuildFixture.Everything)
            {
                var pinned = SampleEditions.Snapshot(fixture.OutputOf(sample));
                var rebuilt = SampleEditions.Snapshot(Path.Combine(output, sample));
                Assert.Equal(pinned.Keys.Order(StringComparer.Ordinal), rebuilt.Keys.Order(StringComparer.Ordinal));
                foreach (var (file, bytes) in pinned)
                    Assert.True(bytes.AsSpan().SequenceEqual(rebuilt[file]), $"{sample}/{file} changed when a new template version was added");
            }

            // An edition that does not pin a version gets the newest.
            using var draft = SampleEditions.Create();
            await using (var builder = new ReportBuilder(new BuildOptions(Path.Combine(root, "draft"), OutputFormats.Html, templates)))
            {
                var result = await builder.BuildAsync(draft.Folder);
                Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
                Assert.Contains("Changed in the next version.", File.ReadAllText(Path.Combine(result.OutputFolder!, "index.html")));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
