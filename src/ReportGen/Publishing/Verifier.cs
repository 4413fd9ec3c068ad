using System.Text.Json;
using ReportGen.Diagnostics;
using ReportGen.Rendering;

namespace ReportGen.Publishing;

/// <summary>One output file of a verified edition: identical, different (and why), missing from the rebuild, or new in it.</summary>
public sealed record FileVerdict(string Name, string Verdict, string? Reason = null)
{
    public const string Identical = "identical";
    public const string Different = "different";
    public const string Missing = "missing";
    public const string Extra = "extra";
    /// <summary>A PDF printed by another browser build: other bytes, but the same pages, text and bookmarks.</summary>
    public const string SameContent = "same-content";

    /// <summary>Whether the file is as it was published: the same bytes, or for a PDF the same content.</summary>
    public bool Matches => Verdict is Identical or SameContent;
}

/// <summary>An input or template file that is not as the manifest recorded it: changed, gone, or new.</summary>
/// <param name="Change">changed, missing, added, or frozen: gone, but its figures were frozen from the same file (same hash).</param>
public sealed record InputChange(string Name, string Change, string Role)
{
    public const string Frozen = "frozen";

    /// <summary>Whether the change means the manifest no longer describes the inputs (a frozen workbook does not).</summary>
    public bool Counts => Change != Frozen;
}

public sealed record VerifyResult(
    IReadOnlyList<FileVerdict> Files,
    IReadOnlyList<InputChange> Inputs,
    string ToolThen, string ToolNow,
    string? BrowserThen, string? BrowserNow,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Passed => Diagnostics.All(d => d.Severity != Severity.Error) && !Inputs.Any(i => i.Counts) && Files.Count > 0 && Files.All(f => f.Matches);
}

/// <summary>
/// <c>reportgen verify</c>: rebuilds a built edition from the inputs its manifest names, into a temporary folder, and
/// compares file by file. A difference is explained by what changed since: an input or template (its hash against the
/// manifest's), the tool's version, or the browser's.
/// </summary>
public static class Verifier
{
    /// <summary>The organisation and edition folder names a built edition's manifest gives; null when it has none.</summary>
    public static (string Organisation, string Edition)? Names(string builtFolder)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(builtFolder, Manifest.FileName)));
            var parameters = document.RootElement.GetProperty("predicate").GetProperty("buildDefinition").GetProperty("externalParameters");
            return (parameters.GetProperty("organisation").GetString()!, parameters.GetProperty("edition").GetString()!);
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static async Task<VerifyResult> VerifyAsync(string builtFolder, string editionFolder, string? templatesRoot, string? browserPath,
        CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        var manifestPath = Path.Combine(builtFolder, Manifest.FileName);
        Recorded? recorded;
        try
        {
            recorded = File.Exists(manifestPath) ? Recorded.Read(manifestPath) : null;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            recorded = null;
        }
        if (recorded is null)
        {
            diagnostics.Error(DiagnosticCodes.ManifestUnreadable,
                $"has no readable {Manifest.FileName}; verify needs the manifest written by the build (give the folder of one built edition, such as out/hertfordshire/2016-17)",
                new SourceLocation(Content.DisplayPaths.Relative(builtFolder)));
            return new VerifyResult([], [], "unknown", Manifest.ToolVersion, null, null, diagnostics.Items);
        }

        // What changed since: every input and template file against the hash the manifest gives it.
        var templates = TemplateSet.Locate(recorded.TemplateSet, templatesRoot, editionFolder, diagnostics);
        var changes = new List<InputChange>();
        var frozen = FrozenInputs(editionFolder);
        foreach (var (name, sha256, role) in recorded.Dependencies)
        {
            var path = role == "template"
                ? templates is null ? null : Path.Combine(templates.Root, name[$"templates/{recorded.TemplateSet}/".Length..])
                : Path.GetFullPath(Path.Combine(editionFolder, name));
            if (path is null) continue;
            // A workbook that is gone, whose figures were frozen from this very file, is replaced by the frozen tables.
            if (!File.Exists(path)) changes.Add(new InputChange(name, frozen.GetValueOrDefault(name) == sha256 ? InputChange.Frozen : "missing", role));
            else if (Manifest.Sha256(path) != sha256) changes.Add(new InputChange(name, "changed", role));
        }
        if (templates is not null)
        {
            var known = recorded.Dependencies.Where(d => d.Role == "template").Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var file in Manifest.Files(templates.Root).Select(f => $"templates/{recorded.TemplateSet}/{f}").Where(f => !known.Contains(f)))
                changes.Add(new InputChange(file, "added", "template"));
        }

        // The rebuild, into a temporary folder, with what the manifest says was made.
        var scratch = Directory.CreateTempSubdirectory("reportgen-verify-").FullName;
        try
        {
            EditionBuildResult rebuilt;
            string? browserNow = null;
            await using (var builder = new ReportBuilder(new BuildOptions(scratch, recorded.Formats, templatesRoot, browserPath)))
                rebuilt = await builder.BuildAsync(editionFolder, cancellationToken);
            diagnostics.AddRange(rebuilt.Diagnostics);
            if (!rebuilt.Succeeded)
                return new VerifyResult([], changes, recorded.Tool, Manifest.ToolVersion, recorded.Browser, null, diagnostics.Items);
            var now = Recorded.Read(Path.Combine(rebuilt.OutputFolder!, Manifest.FileName));
            browserNow = now.Browser;

            var toolChanged = recorded.Tool != now.Tool;
            var browserChanged = recorded.Browser != now.Browser;
            var files = new List<FileVerdict>();
            var rebuiltFiles = Manifest.Files(rebuilt.OutputFolder!).Where(f => f != Manifest.FileName).ToHashSet(StringComparer.Ordinal);
            foreach (var (name, sha256) in recorded.Subjects)
            {
                var path = Path.Combine(rebuilt.OutputFolder!, name);
                if (!rebuiltFiles.Remove(name)) files.Add(new FileVerdict(name, FileVerdict.Missing, "the rebuild does not make this file"));
                else if (Manifest.Sha256(path) == sha256) files.Add(new FileVerdict(name, FileVerdict.Identical));
                else if (browserChanged && name.EndsWith(".pdf", StringComparison.Ordinal))
                    files.Add(ComparePdf(name, Path.Combine(builtFolder, name), sha256, path, recorded.Browser, now.Browser));
                else files.Add(new FileVerdict(name, FileVerdict.Different, Why(name, changes, toolChanged ? (recorded.Tool, now.Tool) : null, browserChanged ? (recorded.Browser, now.Browser) : null)));
            }
            files.AddRange(rebuiltFiles.Order(StringComparer.Ordinal).Select(f => new FileVerdict(f, FileVerdict.Extra, "the rebuild makes this file, which was not published")));
            return new VerifyResult(files, changes, recorded.Tool, now.Tool, recorded.Browser, browserNow, diagnostics.Items);
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }

    /// <summary>
    /// A PDF printed by another browser build than the published one: its bytes differ, so it is compared by what a
    /// reader gets instead (page count, the text of every page, the bookmarks), and the verdict says so.
    /// </summary>
    private static FileVerdict ComparePdf(string name, string publishedPath, string publishedSha256, string rebuiltPath, string? browserThen, string? browserNow)
    {
        var printed = $"it was printed by {browserThen ?? "an unknown browser"} and is printed by {browserNow ?? "an unknown browser"}, whose output differs in its bytes";
        if (!File.Exists(publishedPath) || Manifest.Sha256(publishedPath) != publishedSha256)
            return new FileVerdict(name, FileVerdict.Different, $"{printed}; its text cannot be compared, because the published file beside the manifest is {(File.Exists(publishedPath) ? "not the one the manifest names" : "gone")}");
        if (PdfContent.Read(publishedPath) is not { } then || PdfContent.Read(rebuiltPath) is not { } now)
            return new FileVerdict(name, FileVerdict.Different, $"{printed}; its text cannot be compared, because one of the two cannot be read as a PDF");
        return now.Difference(then) is { } difference
            ? new FileVerdict(name, FileVerdict.Different, $"{printed}, and compared by its text instead: {difference}")
            : new FileVerdict(name, FileVerdict.SameContent, $"{printed}; compared by its text instead: its {now.Pages} pages, their text and its {now.Bookmarks.Count} bookmarks are the same");
    }

    /// <summary>The workbooks the edition's frozen tables were made from, by path and hash; empty when it has none.</summary>
    private static IReadOnlyDictionary<string, string> FrozenInputs(string editionFolder)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(editionFolder, Statistics.FrozenTables.Folder, Statistics.FrozenTables.IndexName)));
            return document.RootElement.GetProperty("inputs").EnumerateArray()
                .ToDictionary(i => i.GetProperty("file").GetString()!, i => i.GetProperty("sha256").GetString()!, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or InvalidOperationException or UnauthorizedAccessException or ArgumentException)
        {
            return new Dictionary<string, string>();
        }
    }

    private static string Why(string file, List<InputChange> all, (string Then, string Now)? tool, (string? Then, string? Now)? browser)
    {
        var changes = all.Where(c => c.Counts).ToList();
        var reasons = new List<string>();
        if (changes.Count > 0)
            reasons.Add($"since it was built, {string.Join(", ", changes.Take(5).Select(c => $"{(c.Role == "template" ? "template" : "input")} {c.Name} {(c.Change == "changed" ? "has changed" : c.Change == "missing" ? "is gone" : "was added")}"))}{(changes.Count > 5 ? $" and {changes.Count - 5} more" : "")}");
        if (tool is { } t) reasons.Add($"it was built by ReportGen {t.Then} and is rebuilt by {t.Now}");
        if (browser is { } b && file.EndsWith(".pdf", StringComparison.Ordinal))
            reasons.Add($"it was printed by {b.Then ?? "an unknown browser"} and is printed by {b.Now ?? "an unknown browser"}, whose output differs in its bytes");
        return reasons.Count == 0
            ? "no input, template, tool or browser changed: the build is not reproducible here, which is a bug in ReportGen; please report it"
            : string.Join("; ", reasons);
    }

    /// <summary>What a manifest recorded.</summary>
    private sealed record Recorded(
        IReadOnlyList<(string Name, string Sha256)> Subjects,
        IReadOnlyList<(string Name, string Sha256, string Role)> Dependencies,
        string TemplateSet, OutputFormats Formats, string Tool, string? Browser)
    {
        public static Recorded Read(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.GetProperty("_type").GetString() != Manifest.StatementType) throw new InvalidOperationException("not a ReportGen manifest");
            var definition = root.GetProperty("predicate").GetProperty("buildDefinition");
            var parameters = definition.GetProperty("externalParameters");
            var version = root.GetProperty("predicate").GetProperty("runDetails").GetProperty("builder").GetProperty("version");
            var formats = parameters.GetProperty("formats").EnumerateArray().Select(f => f.GetString())
                .Aggregate((OutputFormats)0, (all, f) => all | (f == "pdf" ? OutputFormats.Pdf : OutputFormats.Html));
            return new Recorded(
                [.. root.GetProperty("subject").EnumerateArray().Select(s => (s.GetProperty("name").GetString()!, Digest(s)))],
                [.. definition.GetProperty("resolvedDependencies").EnumerateArray().Select(d =>
                    (d.GetProperty("name").GetString()!, Digest(d), d.GetProperty("annotations").GetProperty("role").GetString()!))],
                parameters.GetProperty("templateSet").GetString()!,
                formats,
                version.GetProperty("reportgen").GetString()!,
                version.TryGetProperty("browser", out var browser) ? browser.GetString() : null);
        }

        private static string Digest(JsonElement resource) => resource.GetProperty("digest").GetProperty("sha256").GetString()!;
    }
}
