using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using ReportGen.Content;
using ReportGen.Rendering;

namespace ReportGen.Publishing;

/// <summary>
/// manifest.json, written beside every built edition: what was built, from what, with what. It is an in-toto
/// Statement (v1) whose predicate is SLSA Provenance (v1): the subjects are the output files; the resolved
/// dependencies are every input (content YAML, workbooks, the previous edition's files) and every file of the
/// template set; the builder is ReportGen at its version and commit, with the browser that printed the PDF.
/// Where it differs from SLSA: no timestamps and no invocation id (a build is reproducible, so two builds of the same
/// inputs give the same manifest), paths relative to the edition folder or the template set (never the machine's),
/// and each file's size beside its digest, under "annotations". The format is described in docs/manifest.md and
/// schemas/manifest.schema.json.
/// </summary>
public static class Manifest
{
    public const string FileName = "manifest.json";
    public const string StatementType = "https://in-toto.io/Statement/v1";
    public const string PredicateType = "https://slsa.dev/provenance/v1";
    public const string BuildType = "https://github.com/reportgen/reportgen/build/v1";

    /// <summary>The tool's version as built: the version, and "+commit" when it was built from a git checkout.</summary>
    public static string ToolVersion =>
        typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <param name="outputFolder">The staged output: every file in it but the manifest is a subject.</param>
    /// <param name="inputs">Every input file read, by the path the manifest gives it (relative to the edition folder).</param>
    /// <param name="browserVersion">The browser that printed the PDF; null when no PDF was made.</param>
    public static void Write(string outputFolder, Edition edition, TemplateSet templates, IReadOnlyDictionary<string, string> inputs,
        OutputFormats formats, string? browserVersion)
    {
        var path = Path.Combine(outputFolder, FileName);
        using var stream = File.Create(path);
        // Relaxed escaping: the manifest is read by tools, never embedded in a page, so "+" and non-ASCII stay as they are.
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("_type", StatementType);
        json.WriteStartArray("subject");
        foreach (var file in Files(outputFolder).Where(f => f != FileName)) Resource(json, file, Path.Combine(outputFolder, file), null);
        json.WriteEndArray();
        json.WriteString("predicateType", PredicateType);
        json.WriteStartObject("predicate");

        json.WriteStartObject("buildDefinition");
        json.WriteString("buildType", BuildType);
        json.WriteStartObject("externalParameters");
        json.WriteString("organisation", edition.OrganisationKey);
        json.WriteString("edition", edition.EditionKey);
        json.WriteStartArray("formats");
        if (formats.HasFlag(OutputFormats.Html)) json.WriteStringValue("html");
        if (formats.HasFlag(OutputFormats.Pdf)) json.WriteStringValue("pdf");
        json.WriteEndArray();
        json.WriteString("templateSet", templates.Name);
        json.WriteEndObject();
        json.WriteStartArray("resolvedDependencies");
        foreach (var (name, file) in inputs.OrderBy(i => i.Key, StringComparer.Ordinal)) Resource(json, name, file, "input");
        foreach (var file in Files(templates.Root)) Resource(json, $"templates/{templates.Name}/{file}", Path.Combine(templates.Root, file), "template");
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("runDetails");
        json.WriteStartObject("builder");
        json.WriteString("id", "https://github.com/reportgen/reportgen");
        json.WriteStartObject("version");
        json.WriteString("reportgen", ToolVersion);
        if (browserVersion is not null) json.WriteString("browser", browserVersion);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Every file under a folder, as forward-slash paths relative to it, in ordinal order.</summary>
    internal static IReadOnlyList<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    /// <summary>A file's SHA-256, in lower-case hex, as the manifest gives it.</summary>
    internal static string Sha256(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    private static void Resource(Utf8JsonWriter json, string name, string path, string? role)
    {
        var hash = Sha256(path);
        var size = new FileInfo(path).Length;
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteStartObject("digest");
        json.WriteString("sha256", hash);
        json.WriteEndObject();
        json.WriteStartObject("annotations");
        json.WriteNumber("size", size);
        if (role is not null) json.WriteString("role", role);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
