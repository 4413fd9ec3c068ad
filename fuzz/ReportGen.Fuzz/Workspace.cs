using System.Globalization;
using ClosedXML.Excel;

namespace ReportGen.Fuzz;

/// <summary>
/// The scratch folder one harness process works in, set up once when the process starts:
/// <c>content/corpus/edition</c> (the edition each input changes, laid anew before each input),
/// <c>content/corpus/prior</c> (a valid sibling edition, so that an input naming <c>previous: prior</c> reaches the
/// change-over-time code), <c>templates/</c> (a copy of the repository's) and <c>out/</c>.
/// The base edition is tests/ReportGen.Tests/Corpus/base with the two workbooks CorpusTests writes.
/// </summary>
public sealed class Workspace
{
    private static Workspace? _current;
    public static Workspace Current => _current ??= new Workspace();

    public string Root { get; }
    public string EditionFolder { get; }
    public string OutputRoot { get; }
    public string TemplatesRoot { get; }

    /// <summary>Each base file by its path inside the edition, as bytes.</summary>
    private readonly Dictionary<string, byte[]> _baseFiles;

    private Workspace()
    {
        var repo = RepoRoot();
        Root = Path.GetFullPath(Environment.GetEnvironmentVariable("FUZZ_WORKDIR")
            ?? Path.Combine(Path.GetTempPath(), "reportgen-fuzz", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        Directory.CreateDirectory(Root);
        // Diagnostics show paths relative to the working directory.
        Environment.CurrentDirectory = Root;

        EditionFolder = Path.Combine(Root, "content", "corpus", "edition");
        OutputRoot = Path.Combine(Root, "out");
        TemplatesRoot = Path.Combine(Root, "templates");
        Copy(Path.Combine(repo, "templates"), TemplatesRoot);

        _baseFiles = BaseFiles(repo);
        WriteAll(Path.Combine(Root, "content", "corpus", "prior"));
    }

    /// <summary>Removes the scratch folder when it was made in the temporary folder (FUZZ_WORKDIR not set).</summary>
    public static void RemoveIfTemporary()
    {
        if (_current is null || Environment.GetEnvironmentVariable("FUZZ_WORKDIR") is not null) return;
        Environment.CurrentDirectory = Path.GetTempPath();
        try { Directory.Delete(_current.Root, recursive: true); } catch (IOException) { }
    }

    /// <summary>The base edition, every file rewritten: what the previous input changed is undone.</summary>
    public string FreshEdition()
    {
        if (Directory.Exists(EditionFolder))
        {
            // Only the base files are ever there, unless a build put something beside them: start from nothing then.
            var extra = Directory.EnumerateFileSystemEntries(EditionFolder, "*", SearchOption.AllDirectories)
                .Any(p => !Directory.Exists(p) && !_baseFiles.ContainsKey(Path.GetRelativePath(EditionFolder, p).Replace('\\', '/')));
            if (extra) Directory.Delete(EditionFolder, recursive: true);
        }
        WriteAll(EditionFolder);
        return EditionFolder;
    }

    private void WriteAll(string folder)
    {
        foreach (var (path, bytes) in _baseFiles)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }

    private static Dictionary<string, byte[]> BaseFiles(string repo)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(repo, "tests", "ReportGen.Tests", "Corpus", "base")))
            files[Path.GetFileName(file)] = File.ReadAllBytes(file);
        files["data/staff.xlsx"] = BaseWorkbooks.Staff();
        files["data/population.xlsx"] = BaseWorkbooks.Population();
        return files;
    }

    /// <summary>FUZZ_REPO_ROOT, or the folder above the harness that holds ReportGen.sln.</summary>
    public static string RepoRoot()
    {
        if (Environment.GetEnvironmentVariable("FUZZ_REPO_ROOT") is { Length: > 0 } root) return Path.GetFullPath(root);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ReportGen.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository (ReportGen.sln); set FUZZ_REPO_ROOT");
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}

/// <summary>The two workbooks of the base edition, as WriteBaseWorkbooks in tests/ReportGen.Tests/Corpus/CorpusTests.cs writes them.</summary>
public static class BaseWorkbooks
{
    public static byte[] Staff()
    {
        var rows = new List<List<string>> { new() { "Role", "Sex", "Ethnicity", "Start Date" } };
        string[] ethnicities = ["White", "White", "White", "Asian", "Black", "Mixed", "Other", "Not stated"];
        for (var i = 0; i < 64; i++)
            rows.Add([i % 3 == 0 ? "Police Staff" : "Police Officer", i % 2 == 0 ? "Female" : "Male", ethnicities[i % ethnicities.Length], "@date 2010-04-01"]);
        return Write("Staff", rows);
    }

    public static byte[] Population() =>
        Write("Population", [["Ethnic group", "People"], ["White", "@num 800"], ["Asian", "@num 100"], ["Black", "@num 60"], ["Mixed", "@num 30"], ["Other", "@num 10"]]);

    /// <summary>Rows of cells: "@date 2017-03-31", "@num 5", "=1/0" for a formula, else text.</summary>
    public static byte[] Write(string sheet, List<List<string>> rows)
    {
        using var workbook = new XLWorkbook();
        var ws = workbook.Worksheets.Add(sheet);
        for (var r = 0; r < rows.Count; r++)
        for (var c = 0; c < rows[r].Count; c++)
        {
            var cell = ws.Cell(r + 1, c + 1);
            var value = rows[r][c];
            if (value.StartsWith("@date ", StringComparison.Ordinal)) cell.SetValue(DateTime.Parse(value[6..], CultureInfo.InvariantCulture));
            else if (value.StartsWith("@num ", StringComparison.Ordinal)) cell.SetValue(double.Parse(value[5..], CultureInfo.InvariantCulture));
            else if (value.StartsWith('=')) cell.FormulaA1 = value[1..];
            else { cell.SetValue(value); cell.DataType = XLDataType.Text; }
        }
        using var memory = new MemoryStream();
        workbook.SaveAs(memory);
        return memory.ToArray();
    }
}
