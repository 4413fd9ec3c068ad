using ReportGen.Content;
using ReportGen.Diagnostics;

namespace ReportGen.Rendering;

/// <summary>
/// A folder of templates, CSS and fonts: <c>templates/&lt;name&gt;/</c> with the entry template
/// <see cref="EntryTemplate"/> and an <c>assets/</c> folder copied beside the HTML.
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
        }

        diagnostics.Error(DiagnosticCodes.TemplateNotFound,
            $"template set '{name}' was not found (looked for {name}/{EntryTemplate} in: {string.Join(", ", candidates.Distinct())}); " +
            "check 'template:' in edition.yaml or pass --templates DIR",
            new SourceLocation(new DisplayPaths(editionFolder).Of(EditionLoader.EditionFileName)));
        return null;
    }
}
