using ReportGen.Data;

namespace ReportGen.Content;

/// <summary>
/// The files a build of an edition reads: its YAML files, the workbooks of the sources its tables use, and the
/// same of the previous edition it is compared with. Keyed by the path the manifest gives them: relative to the
/// edition folder, with forward slashes (the previous edition's as ../2015-16/…).
/// </summary>
public static class EditionInputs
{
    private static readonly string[] YamlFiles =
    [
        EditionLoader.EditionFileName, EditionLoader.ObjectivesFileName, EditionLoader.AchievementsFileName,
        EditionLoader.GlossaryFileName, EditionLoader.DataFileName, EditionLoader.StatisticsFileName,
    ];

    public static IReadOnlyDictionary<string, string> Of(Edition edition)
    {
        var inputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Add(edition, "", inputs);
        // The versions its corrections replaced are built beside it, from their own folders.
        foreach (var correction in edition.Info.Corrections ?? [])
            if (correction?.Replaces is { } replaces && EditionFiles.ResolveReplaced(edition.Folder, replaces) is { } folder
                && EditionLoader.Load(folder, new Diagnostics.DiagnosticBag()) is { } replaced)
                Add(replaced, replaces.Replace('\\', '/').TrimEnd('/') + "/", inputs);
        if (edition.Info.Previous is { } previousName)
        {
            var folder = Path.Combine(Path.GetDirectoryName(edition.Folder)!, previousName);
            // Loaded already, without errors, for the comparison: loading it again only lists its files.
            if (Directory.Exists(folder) && EditionLoader.Load(folder, new Diagnostics.DiagnosticBag()) is { } previous)
                Add(previous, $"../{previousName}/", inputs);
        }
        return inputs;
    }

    /// <summary>
    /// The files the edition's statistics are computed from: every input of its own except the narrative
    /// (objectives, achievements, glossary), which only the page and the measures read.
    /// </summary>
    public static IReadOnlyDictionary<string, string> OfStatistics(Edition edition)
    {
        var inputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Add(edition, "", inputs);
        foreach (var narrative in new[] { EditionLoader.ObjectivesFileName, EditionLoader.AchievementsFileName, EditionLoader.GlossaryFileName })
            inputs.Remove(narrative);
        return inputs;
    }

    private static void Add(Edition edition, string prefix, SortedDictionary<string, string> inputs)
    {
        foreach (var name in YamlFiles.Where(n => File.Exists(Path.Combine(edition.Folder, n))))
            inputs[prefix + name] = Path.Combine(edition.Folder, name);
        // The documents published beside the report are copied from the edition's folder.
        foreach (var file in edition.Documents.Select(d => d.File).OfType<string>())
            if (EditionFiles.ResolveInside(edition.Folder, file) is { } path && File.Exists(path))
                inputs[prefix + file.Replace('\\', '/')] = path;
        // A build from frozen tables reads them, not the workbooks (which are gone, in part or in whole).
        if (Statistics.FrozenTables.InUse(edition))
        {
            foreach (var (name, path) in Statistics.FrozenTables.Files(edition)) inputs[prefix + name] = path;
            return;
        }
        foreach (var (name, path) in Statistics.FrozenTables.UsedWorkbooks(edition))
            if (path is not null) inputs[prefix + name] = path;
    }
}
