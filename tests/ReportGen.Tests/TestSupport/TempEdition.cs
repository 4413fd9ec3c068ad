namespace ReportGen.Tests.TestSupport;

/// <summary>
/// An edition folder written into a fresh temporary directory, laid out as the tool expects:
/// <c>&lt;tmp&gt;/content/&lt;organisation&gt;/&lt;edition&gt;/</c>. The whole temporary directory is deleted on
/// <see cref="Dispose"/>.
/// </summary>
public sealed class TempEdition : IDisposable
{
    /// <param name="editionYaml">The text of edition.yaml; null to leave the file out.</param>
    /// <param name="objectivesYaml">The text of objectives.yaml; null to leave the file out.</param>
    /// <param name="achievementsYaml">The text of achievements.yaml; null (the default) to leave the file out.</param>
    /// <param name="glossaryYaml">The text of glossary.yaml; null (the default) to leave the file out.</param>
    public TempEdition(
        string? editionYaml,
        string? objectivesYaml,
        string? achievementsYaml = null,
        string? glossaryYaml = null,
        string organisation = "test-org",
        string edition = "test-edition")
    {
        Root = Path.Combine(Path.GetTempPath(), "reportgen-tests-" + Guid.NewGuid().ToString("N"));
        Folder = Path.Combine(Root, "content", organisation, edition);
        Directory.CreateDirectory(Folder);
        Write("edition.yaml", editionYaml);
        Write("objectives.yaml", objectivesYaml);
        Write("achievements.yaml", achievementsYaml);
        Write("glossary.yaml", glossaryYaml);
    }

    /// <summary>The temporary directory holding <c>content/</c>; deleted on dispose.</summary>
    public string Root { get; }

    /// <summary>The edition folder, to pass to the loader.</summary>
    public string Folder { get; }

    /// <summary>The full path of a file in the edition folder.</summary>
    public string PathOf(string fileName) => Path.Combine(Folder, fileName);

    private void Write(string fileName, string? text)
    {
        if (text is not null) File.WriteAllText(PathOf(fileName), text.Replace("\r\n", "\n"));
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Folders of the repository the tests run from.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root: the nearest folder above the test binaries holding ReportGen.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The sample content: <c>&lt;root&gt;/content</c>.</summary>
    public static string Content => Path.Combine(Root, "content");

    /// <summary>The template sets: <c>&lt;root&gt;/templates</c>.</summary>
    public static string Templates => Path.Combine(Root, "templates");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReportGen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds ReportGen.sln; run the tests from inside the repository");
    }
}
