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
        if (edition.Info.Previous is { } previousName)
        {
            var folder = Path.Combine(Path.GetDirectoryName(edition.Folder)!, previousName);
            // Loaded already, without errors, for the comparison: loading it again only lists its files.
            if (Directory.Exists(folder) && EditionLoader.Load(folder, new Diagnostics.DiagnosticBag()) is { } previous)
                Add(previous, $"../{previousName}/", inputs);
        }
        return inputs;
    }

    private static void Add(Edition edition, string prefix, SortedDictionary<string, string> inputs)
    {
        foreach (var name in YamlFiles.Where(n => File.Exists(Path.Combine(edition.Folder, n))))
            inputs[prefix + name] = Path.Combine(edition.Folder, name);
        var used = edition.Statistics.UsedSourceIds();
        foreach (var source in (edition.Data.Sources ?? []).Where(s => used.Contains(s.Id!) && s.File is not null))
            if (EditionFiles.ResolveInside(edition.Folder, source.File!) is { } path)
                inputs[prefix + source.File!.Replace('\\', '/')] = path;
    }
}
