using ReportGen.Content;
using ReportGen.Diagnostics;

namespace ReportGen.Rendering;

/// <summary>
/// A folder of templates, CSS and fonts: <c>templates/&lt;name&gt;@&lt;version&gt;/</c> (or an unversioned
/// <c>templates/&lt;name&gt;/</c>) with the entry template <see cref="EntryTemplate"/> and an <c>assets/</c> folder
/// copied beside the HTML. A version that a published edition uses never changes: new work goes into a new version,
/// and the old one stays, so that an edition pinned to it (<c>template: default@1</c>) is rebuilt byte for byte. An
/// edition that names a set without a version (a draft) gets the newest.
/// </summary>
public sealed record TemplateSet(string Name, string Root)
{
    public const string EntryTemplate = "index.sbn-html";
    public const string AssetsFolder = "assets";

    public string EntryPath => Path.Combine(Root, EntryTemplate);
    public string AssetsPath => Path.Combine(Root, AssetsFolder);

    /// <summary>
    /// Finds the set: in <paramref name="templatesRoot"/> when given, else in the nearest <c>templates/</c>
    /// folder above the edition, else among the templates shipped with the tool.
    /// </summary>
    /// <summary>The newest version of a set in a folder of sets: default@2 before default@1.</summary>
    private static TemplateSet? Newest(string folder, string name)
    {
        if (!Directory.Exists(folder)) return null;
        return Directory.EnumerateDirectories(folder, name + "@*")
            .Select(d => (Path: d, Version: int.TryParse(Path.GetFileName(d)[(name.Length + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0))
            .Where(d => d.Version > 0 && File.Exists(Path.Combine(d.Path, EntryTemplate)))
            .OrderByDescending(d => d.Version)
            .Select(d => new TemplateSet($"{name}@{d.Version}", Path.GetFullPath(d.Path)))
            .FirstOrDefault();
    }

    public static TemplateSet? Locate(string name, string? templatesRoot, string editionFolder, DiagnosticBag diagnostics)
    {
        var candidates = new List<string>();
        if (templatesRoot is not null)
        {
            candidates.Add(Path.GetFullPath(templatesRoot));
        }
        else
        {
            for (var dir = new DirectoryInfo(editionFolder); dir is not null; dir = dir.Parent)
                candidates.Add(Path.Combine(dir.FullName, "templates"));
            candidates.Add(Path.Combine(AppContext.BaseDirectory, "templates"));
        }

        foreach (var candidate in candidates)
        {
            var root = Path.Combine(candidate, name);
            if (File.Exists(Path.Combine(root, EntryTemplate))) return new TemplateSet(name, Path.GetFullPath(root));
            if (!name.Contains('@') && Newest(candidate, name) is { } newest) return newest;
        }

        diagnostics.Error(DiagnosticCodes.TemplateNotFound,
            $"template set '{name}' was not found (looked for {name}/{EntryTemplate} in: {string.Join(", ", candidates.Distinct())}); " +
            "check 'template:' in edition.yaml or pass --templates DIR",
            new SourceLocation(new DisplayPaths(editionFolder).Of(EditionLoader.EditionFileName)));
        return null;
    }
}
