using ReportGen.Diagnostics;

namespace ReportGen.Content;

/// <summary>
/// Loads an edition folder: reads each YAML file, then validates the whole. Returns the edition only when
/// there are no errors; every problem found is in the diagnostics, not only the first.
/// </summary>
public static class EditionLoader
{
    public const string EditionFileName = "edition.yaml";
    public const string ObjectivesFileName = "objectives.yaml";
    public const string AchievementsFileName = "achievements.yaml";
    public const string GlossaryFileName = "glossary.yaml";
    public const string DataFileName = "data.yaml";
    public const string StatisticsFileName = "statistics.yaml";

    /// <param name="evenWithErrors">
    /// Return the edition although some of its files have errors (but not when edition.yaml or objectives.yaml cannot
    /// be read at all), so that checking can go on to the stages those errors do not touch.
    /// </param>
    /// <param name="language">
    /// For an edition written in several languages (edition: languages:), the one to read its text in; null for the
    /// first. Only the first language's reading reports what every reading would (a text given in one language only).
    /// </param>
    public static Edition? Load(string folder, DiagnosticBag diagnostics, bool evenWithErrors = false, string? language = null)
    {
        folder = Path.GetFullPath(folder);
        var sources = new SourceMap();
        var declared = YamlReader.DeclaredLanguages(Path.Combine(folder, EditionFileName));
        var all = declared ?? [Edition.DefaultLanguage];
        var languages = new Languages(all, language ?? all[0]);
        var reader = new YamlReader(sources, diagnostics, languages, reportOnce: languages.Current == all[0]);
        var display = new DisplayPaths(folder);

        if (!Directory.Exists(folder))
        {
            diagnostics.Error(DiagnosticCodes.MissingFile, "the edition folder does not exist; give the path of a folder such as content/<organisation>/<edition>", new SourceLocation(display.Folder));
            return null;
        }

        UnknownFiles(folder, display, diagnostics);
        var editionFile = ReadRequired<EditionFile>(reader, folder, EditionFileName, display, diagnostics);
        // objectives.yaml is optional: an equality information report, a data-only report or a quarterly update has none.
        var hasObjectives = File.Exists(Path.Combine(folder, ObjectivesFileName));
        var objectivesFile = hasObjectives ? reader.Read<ObjectivesFile>(Path.Combine(folder, ObjectivesFileName), display.Of(ObjectivesFileName)) : new ObjectivesFile();
        var achievementsFile = ReadOptional<AchievementsFile>(reader, folder, AchievementsFileName, display);
        var glossaryFile = ReadOptional<GlossaryFile>(reader, folder, GlossaryFileName, display);
        var dataFile = ReadOptional<DataFile>(reader, folder, DataFileName, display);
        var statisticsFile = ReadOptional<StatisticsFile>(reader, folder, StatisticsFileName, display);
        if (editionFile is null || objectivesFile is null && !evenWithErrors) return null;

        var edition = new Edition(
            folder,
            OrganisationKey: new DirectoryInfo(folder).Parent?.Name ?? "edition",
            EditionKey: new DirectoryInfo(folder).Name,
            editionFile.Organisation ?? new Organisation(),
            editionFile.Edition ?? new EditionInfo(),
            editionFile.Foreword,
            editionFile.Commitments,
            editionFile.Notes ?? [],
            objectivesFile?.Objectives ?? [],
            achievementsFile?.Achievements ?? [],
            glossaryFile?.Glossary ?? [],
            dataFile ?? new DataFile(),
            statisticsFile ?? new StatisticsFile(),
            sources)
        {
            Accessibility = editionFile.Accessibility,
            ObjectivesText = objectivesFile ?? new ObjectivesFile(),
            HasObjectivesFile = hasObjectives,
            Sections = editionFile.Sections ?? [],
            Documents = editionFile.Documents ?? [],
            SchemeMilestones = editionFile.Milestones ?? [],
            Labels = editionFile.Labels,
            Languages = declared ?? [],
            CurrentLanguage = declared is null ? null : languages.Current,
        };

        var before = diagnostics.HasErrors;
        var validator = new EditionValidator(edition, display, diagnostics)
        {
            DataUnreadable = dataFile is null && File.Exists(Path.Combine(folder, DataFileName)),
            StatisticsUnreadable = statisticsFile is null && File.Exists(Path.Combine(folder, StatisticsFileName)),
        };
        if (objectivesFile is null)
        {
            // objectives.yaml could not be read (its error is already reported): only the data declarations are
            // checked, so that checking can go on to the workbooks.
            validator.ValidateDataDeclarations();
            return edition;
        }
        validator.Validate(editionFile, objectivesFile);
        return evenWithErrors || !(before || diagnostics.HasErrors) ? edition : null;
    }

    /// <summary>The YAML files an edition folder may hold; ReportGen reads these and no others.</summary>
    public static readonly string[] FileNames = [EditionFileName, ObjectivesFileName, AchievementsFileName, GlossaryFileName, DataFileName, StatisticsFileName];

    /// <summary>
    /// A YAML file in the edition folder that ReportGen does not read ("achievement.yaml", "objectives.yml") is an
    /// error, with the name it was perhaps meant to have: silently ignored, its content would be missing from the report.
    /// </summary>
    private static void UnknownFiles(string folder, DisplayPaths display, DiagnosticBag diagnostics)
    {
        foreach (var file in Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
        {
            var extension = Path.GetExtension(file);
            if (!(extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)) || FileNames.Contains(file, StringComparer.Ordinal)) continue;
            var meant = FileNames.FirstOrDefault(n => n.Equals(Path.GetFileNameWithoutExtension(file) + ".yaml", StringComparison.OrdinalIgnoreCase))
                ?? Suggest.Closest(file, FileNames);
            diagnostics.Error(DiagnosticCodes.UnknownKey,
                $"ReportGen does not read {file}, so nothing in it would be published; {(meant is null ? $"an edition's files are {string.Join(", ", FileNames)}" : $"did you mean '{meant}'? Rename it")}",
                new SourceLocation(display.Of(file)));
        }
    }

    private static T? ReadRequired<T>(YamlReader reader, string folder, string name, DisplayPaths display, DiagnosticBag diagnostics) where T : class
    {
        var path = Path.Combine(folder, name);
        if (File.Exists(path)) return reader.Read<T>(path, display.Of(name));
        diagnostics.Error(DiagnosticCodes.MissingFile, $"every edition needs {name}; create it (see 'Writing an edition' in README.md)", new SourceLocation(display.Of(name)));
        return null;
    }

    private static T? ReadOptional<T>(YamlReader reader, string folder, string name, DisplayPaths display) where T : class
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? reader.Read<T>(path, display.Of(name)) : null;
    }
}

/// <summary>
/// Paths as diagnostics show them: relative to the working directory when the edition lies below it,
/// so messages are short and editors can open them.
/// </summary>
public sealed class DisplayPaths(string folder)
{
    public string Folder { get; } = Relative(folder);

    public string Of(string fileName) => Path.Combine(Folder, fileName).Replace('\\', '/');

    /// <summary>A path relative to the working directory when it lies below it, else as it is; with forward slashes.</summary>
    public static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? path : relative).Replace('\\', '/');
    }
}
