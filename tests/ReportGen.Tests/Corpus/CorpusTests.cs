using System.Globalization;
using ClosedXML.Excel;
using ReportGen.Cli;
using ReportGen.Tests.TestSupport;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ReportGen.Tests.Corpus;

/// <summary>
/// The corpus of bad inputs (Corpus/cases.yaml): each case changes a valid base edition (Corpus/base) in one way, and
/// `reportgen build` must stop with the exact diagnostic at the exact place, the expected exit code, no stack trace,
/// and no output written.
/// </summary>
public sealed class CorpusTests
{
    public sealed class Case
    {
        public string Name { get; set; } = "";
        public Dictionary<string, string>? Files { get; set; }
        public List<string>? Delete { get; set; }
        public List<Workbook>? Workbooks { get; set; }
        public string Expect { get; set; } = "";
        /// <summary>Text that must not be printed: a knock-on error that one mistake must not cause.</summary>
        public string? Absent { get; set; }
        public int Exit { get; set; } = ExitCodes.ContentErrors;
        public override string ToString() => Name;
    }

    /// <summary>A workbook to write: rows of cells ("@date 2017-03-31", "@num 5", "=1/0" for a formula), or raw content.</summary>
    public sealed class Workbook
    {
        public string Path { get; set; } = "";
        public string Sheet { get; set; } = "Staff";
        public List<List<string>>? Rows { get; set; }
        public string? Text { get; set; }
        public string? Special { get; set; }
    }

    private static readonly string CorpusFolder = System.IO.Path.Combine(RepoPaths.Root, "tests", "ReportGen.Tests", "Corpus");

    private static readonly List<Case> Cases = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build()
        .Deserialize<List<Case>>(File.ReadAllText(System.IO.Path.Combine(CorpusFolder, "cases.yaml")));

    public static TheoryData<string> Names => new(Cases.Select(c => c.Name));

    [Fact]
    public void The_corpus_has_at_least_60_cases_with_distinct_names()
    {
        Assert.True(Cases.Count >= 60, $"only {Cases.Count} cases");
        Assert.Equal(Cases.Count, Cases.Select(c => c.Name).Distinct().Count());
    }

    [Theory, MemberData(nameof(Names))]
    public async Task Bad_input_gives_its_diagnostic_at_its_place_and_writes_nothing(string name)
    {
        var @case = Cases.Single(c => c.Name == name);
        var root = Directory.CreateTempSubdirectory("reportgen-corpus-").FullName;
        try
        {
            var edition = System.IO.Path.Combine(root, "content", "corpus", "edition");
            var templates = System.IO.Path.Combine(root, "templates");
            Copy(System.IO.Path.Combine(CorpusFolder, "base"), edition);
            Copy(RepoPaths.Templates, templates);
            WriteBaseWorkbooks(edition);
            foreach (var (path, text) in @case.Files ?? []) Write(Target(Newest(path), edition, root), text);
            foreach (var path in @case.Delete ?? []) File.Delete(Target(path, edition, root));
            foreach (var workbook in @case.Workbooks ?? []) WriteWorkbook(System.IO.Path.Combine(edition, workbook.Path), workbook);

            var output = System.IO.Path.Combine(root, "out");
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = await CommandLine.RunAsync(["build", edition, "--out", output, "--format", "html", "--templates", templates], stdout, stderr);

            var printed = stderr.ToString();
            Assert.True(exit == @case.Exit, $"exit code {exit}, expected {@case.Exit}; printed:\n{printed}");
            var expect = Newest(@case.Expect);
            Assert.True(printed.Contains(expect, StringComparison.Ordinal), $"expected '{expect}'; printed:\n{printed}");
            Assert.DoesNotContain("   at ", printed);
            if (@case.Absent is { } absent) Assert.DoesNotContain(absent, printed);
            Assert.False(Directory.Exists(System.IO.Path.Combine(output, "corpus", "edition")), "output was written");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// default@newest in a case's path or message is the newest default template set, the one an edition that pins no
    /// version gets: the cases go on testing it as new versions are added.
    /// </summary>
    private static string Newest(string text) => text.Replace("default@newest", NewestDefault, StringComparison.Ordinal);

    private static readonly string NewestDefault = "default@" + Directory.GetDirectories(RepoPaths.Templates, "default@*")
        .Select(d => int.Parse(System.IO.Path.GetFileName(d)["default@".Length..], System.Globalization.CultureInfo.InvariantCulture)).Max();

    private static string Target(string path, string edition, string root) =>
        System.IO.Path.Combine(path.StartsWith("templates/", StringComparison.Ordinal) ? root : edition, path);

    /// <summary>Writes a file as UTF-8, or, when its text begins with a line "@latin1", as Windows-1252 would save it.</summary>
    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        const string Latin1 = "@latin1\n";
        if (text.StartsWith(Latin1, StringComparison.Ordinal)) File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(text[Latin1.Length..]));
        else File.WriteAllText(path, text);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) Copy(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
    }

    internal static void WriteBaseWorkbooks(string edition)
    {
        var rows = new List<List<string>> { new() { "Role", "Sex", "Ethnicity", "Start Date" } };
        string[] ethnicities = ["White", "White", "White", "Asian", "Black", "Mixed", "Other", "Not stated"];
        for (var i = 0; i < 64; i++)
            rows.Add([i % 3 == 0 ? "Police Staff" : "Police Officer", i % 2 == 0 ? "Female" : "Male", ethnicities[i % ethnicities.Length], "@date 2010-04-01"]);
        WriteWorkbook(System.IO.Path.Combine(edition, "data", "staff.xlsx"), new Workbook { Sheet = "Staff", Rows = rows });
        WriteWorkbook(System.IO.Path.Combine(edition, "data", "population.xlsx"), new Workbook
        {
            Sheet = "Population",
            Rows = [["Ethnic group", "People"], ["White", "@num 800"], ["Asian", "@num 100"], ["Black", "@num 60"], ["Mixed", "@num 30"], ["Other", "@num 10"]],
        });
    }

    private static void WriteWorkbook(string path, Workbook recipe)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.Delete(path);
        switch (recipe.Special)
        {
            case "ole":
                HostileWorkbooks.OldXlsOrEncrypted(path);
                return;
            case "truncated":
                WriteWorkbook(path, new Workbook { Sheet = recipe.Sheet, Rows = [["Role"], ["Police Officer"]] });
                var bytes = File.ReadAllBytes(path);
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                return;
            case "bomb":
                HostileWorkbooks.ZipBomb(path);
                return;
            case "empty":
                File.WriteAllBytes(path, []);
                return;
            case "nested":
                HostileWorkbooks.Minimal(path, recipe.Sheet, $"""<row r="1">{HostileWorkbooks.Text("A1", "Role")}</row><row r="2">{HostileWorkbooks.DeeplyNested("A2", 30_000)}</row>""");
                return;
            case "external-entity":
                HostileWorkbooks.Minimal(path, recipe.Sheet, """<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>""",
                    """<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>""");
                return;
            case "entity-bomb":
                HostileWorkbooks.Minimal(path, recipe.Sheet, """<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>""",
                    "<!DOCTYPE worksheet [<!ENTITY lol \"lol\">" + string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">")) + "]>");
                return;
            case "empty-sheet":
                HostileWorkbooks.Minimal(path, recipe.Sheet, "");
                return;
            case "missing-part":
                HostileWorkbooks.Minimal(path, recipe.Sheet, $"""<row r="1">{HostileWorkbooks.Text("A1", "Role")}</row>""");
                using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
                    zip.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
                return;
            case "outside-grid":
                HostileWorkbooks.Minimal(path, recipe.Sheet, $"""<row r="1">{HostileWorkbooks.Text("A1", "Role")}{HostileWorkbooks.Text("XFE1", "Sex")}</row>""");
                return;
        }
        if (recipe.Text is not null)
        {
            File.WriteAllText(path, recipe.Text);
            return;
        }
        using var workbook = new XLWorkbook();
        var ws = workbook.Worksheets.Add(recipe.Sheet);
        for (var r = 0; r < recipe.Rows!.Count; r++)
        for (var c = 0; c < recipe.Rows[r].Count; c++)
        {
            var cell = ws.Cell(r + 1, c + 1);
            var value = recipe.Rows[r][c];
            if (value.StartsWith("@date ", StringComparison.Ordinal)) cell.SetValue(DateTime.Parse(value[6..], CultureInfo.InvariantCulture));
            else if (value.StartsWith("@num ", StringComparison.Ordinal)) cell.SetValue(double.Parse(value[5..], CultureInfo.InvariantCulture));
            else if (value.StartsWith('=')) cell.FormulaA1 = value[1..];
            else { cell.SetValue(value); cell.DataType = XLDataType.Text; }
        }
        workbook.SaveAs(path);
    }
}
