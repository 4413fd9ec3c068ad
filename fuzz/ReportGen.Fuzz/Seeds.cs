using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace ReportGen.Fuzz;

/// <summary>
/// Writes the seed corpora (fuzz/corpus/TARGET/) from the repository: the base edition, the sample editions under
/// content/, and the bad-input corpus tests/ReportGen.Tests/Corpus/cases.yaml. Seeds over 100 KB are left out.
/// </summary>
public static class Seeds
{
    private const int MaxSeedBytes = 100 * 1024;
    private const int MaxMarkdownSeeds = 48;

    public static int Write(string folder)
    {
        var repo = Workspace.RepoRoot();
        var caseFile = Path.Combine(repo, "tests", "ReportGen.Tests", "Corpus", "cases.yaml");
        var cases = (YamlSequenceNode)Load(caseFile).Documents[0].RootNode;
        var baseFolder = Path.Combine(repo, "tests", "ReportGen.Tests", "Corpus", "base");
        var samples = Directory.GetDirectories(Path.Combine(repo, "content")).SelectMany(Directory.GetDirectories).Order(StringComparer.Ordinal).ToList();

        // yaml: the first byte names the file ('0' objectives ... '5' statistics), the rest is its text.
        var yaml = new Corpus(Path.Combine(folder, "yaml"));
        foreach (var file in Targets.YamlFiles)
        {
            var prefix = (byte)('0' + Array.IndexOf(Targets.YamlFiles, file));
            if (File.Exists(Path.Combine(baseFolder, file))) yaml.Add($"base-{file}", [prefix, .. File.ReadAllBytes(Path.Combine(baseFolder, file))]);
            foreach (var sample in samples)
                if (File.Exists(Path.Combine(sample, file)))
                    yaml.Add($"{Path.GetFileName(Path.GetDirectoryName(sample))}-{file}", [prefix, .. File.ReadAllBytes(Path.Combine(sample, file))]);
        }
        foreach (var @case in cases.Children.OfType<YamlMappingNode>())
        {
            if (Child(@case, "files") is not YamlMappingNode files) continue;
            foreach (var (key, value) in files.Children)
            {
                var index = Array.IndexOf(Targets.YamlFiles, ((YamlScalarNode)key).Value);
                if (index < 0) continue;
                yaml.Add($"case-{Name(@case)}", [(byte)('0' + index), .. Encoding.UTF8.GetBytes(((YamlScalarNode)value).Value ?? "")]);
            }
        }

        // workbook: the base staff list (as ClosedXML writes it, and with its parts stored uncompressed so that byte
        // mutations reach the XML), the cases' staff workbooks, and the smallest sample workbooks.
        var workbook = new Corpus(Path.Combine(folder, "workbook"));
        var staff = BaseWorkbooks.Staff();
        workbook.Add("base-staff", staff);
        workbook.Add("base-staff-stored", Restore(staff, CompressionLevel.NoCompression));
        workbook.Add("minimal-no-styles-stored", Minimal("Staff",
            $"""<row r="1">{Text("A1", "Role")}{Text("B1", "Sex")}{Text("C1", "Ethnicity")}{Text("D1", "Start Date")}</row><row r="2">{Text("A2", "Police Officer")}{Text("B2", "Female")}{Text("C2", "White")}{Text("D2", "2010-04-01")}</row><row r="3">{Text("A3", "Police Staff")}{Text("B3", "Male")}{Text("C3", "Asian")}{Text("D3", "2010-04-01")}</row>"""));
        foreach (var @case in cases.Children.OfType<YamlMappingNode>())
        {
            if (Child(@case, "workbooks") is not YamlSequenceNode books) continue;
            foreach (var book in books.Children.OfType<YamlMappingNode>())
            {
                if ((Child(book, "path") as YamlScalarNode)?.Value != "data/staff.xlsx") continue;
                if (Recipe(book) is { } bytes) workbook.Add($"case-{Name(@case)}", bytes);
            }
        }
        foreach (var sample in samples)
            foreach (var xlsx in Directory.GetFiles(Path.Combine(sample, "data"), "*.xlsx").Where(f => new FileInfo(f).Length <= 16 * 1024))
                workbook.Add($"{Path.GetFileName(Path.GetDirectoryName(sample))}-{Path.GetFileNameWithoutExtension(xlsx)}", File.ReadAllBytes(xlsx));

        // markdown: the long text fields of the samples and the base edition, the Markdown of the cases, and a few
        // written to reach links, autolinks, images, raw HTML and nesting.
        var markdown = new Corpus(Path.Combine(folder, "markdown"));
        var texts = new List<(string Name, string Text)>();
        foreach (var file in samples.SelectMany(s => Directory.GetFiles(s, "*.yaml")).Concat(Directory.GetFiles(baseFolder, "*.yaml")).Order(StringComparer.Ordinal))
            foreach (var text in Scalars(Load(file).Documents[0].RootNode).Where(LooksLikeProse))
                texts.Add(($"{Path.GetFileNameWithoutExtension(file)}", text));
        // The most Markdown-like first: those with the most syntax characters.
        foreach (var (name, text) in texts.DistinctBy(t => t.Text).OrderByDescending(t => t.Text.Count(c => "*_[]()<>#`>-".Contains(c))).ThenBy(t => t.Text, StringComparer.Ordinal).Take(MaxMarkdownSeeds))
            markdown.Add($"content-{name}", Encoding.UTF8.GetBytes(text));
        string[] written =
        [
            "A [safe link](https://example.org \"title\"), a [bad one](javascript:alert(1)), an anchor [up](#top) and [mail](mailto:a@example.org).",
            "<https://example.org> and <javascript:alert(1)> and <a@example.org>",
            "![an image](https://example.org/x.png) and [![nested](x.png)](https://example.org)",
            "Raw <script>alert(1)</script> and <b onclick=\"x\">bold</b>\n\n<div>block</div>",
            "[ref]\n\n[ref]: data:text/html,<script>alert(1)</script>",
            "# Heading\n\n> quote\n> > nested\n\n- one\n- two\n  1. three\n\n```\ncode\n```\n\n    indented\n\n***\n\n`inline` **strong** _em_",
            string.Concat(Enumerable.Repeat("> ", 130)) + "x",
            string.Concat(Enumerable.Range(0, 130).Select(i => new string(' ', i * 2) + "- x\n")),
        ];
        for (var i = 0; i < written.Length; i++) markdown.Add($"written-{i}", Encoding.UTF8.GetBytes(written[i]));

        Console.WriteLine($"yaml: {yaml.Count} seeds, workbook: {workbook.Count}, markdown: {markdown.Count}");
        return 0;
    }

    /// <summary>A case's workbook recipe, as CorpusTests.WriteWorkbook builds it; null for the zip bomb (12 MB of sheet).</summary>
    private static byte[]? Recipe(YamlMappingNode book)
    {
        var sheet = (Child(book, "sheet") as YamlScalarNode)?.Value ?? "Staff";
        if ((Child(book, "text") as YamlScalarNode)?.Value is { } text) return Encoding.UTF8.GetBytes(text);
        switch ((Child(book, "special") as YamlScalarNode)?.Value)
        {
            case null: break;
            case "ole": return [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
            case "truncated":
                var whole = BaseWorkbooks.Write(sheet, [["Role"], ["Police Officer"]]);
                return whole[..(whole.Length / 2)];
            case "empty": return [];
            case "nested":
                return Minimal(sheet, $"""<row r="1">{Text("A1", "Role")}</row><row r="2"><c r="A2" t="inlineStr"><is>{string.Concat(Enumerable.Repeat("<r>", 150))}<t>x</t>{string.Concat(Enumerable.Repeat("</r>", 150))}</is></c></row>""");
            case "external-entity":
                return Minimal(sheet, """<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>""", """<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>""");
            case "entity-bomb":
                return Minimal(sheet, """<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row>""",
                    """<!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;">]>""");
            case "outside-grid":
                return Minimal(sheet, $"""<row r="1">{Text("A1", "Role")}{Text("XFE1", "Sex")}</row>""");
            default: return null;
        }
        if (Child(book, "rows") is not YamlSequenceNode rows) return null;
        var cells = rows.Children.OfType<YamlSequenceNode>()
            .Select(r => r.Children.OfType<YamlScalarNode>().Select(c => c.Value ?? "").ToList()).ToList();
        return BaseWorkbooks.Write(sheet, cells);
    }

    /// <summary>The smallest package, as HostileWorkbooks.Minimal writes it (no styles, inline strings), its parts stored.</summary>
    private static byte[] Minimal(string sheetName, string sheetData, string prolog = "")
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.NoCompression).Open());
                writer.Write(xml);
            }
            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Part("xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheetData}</sheetData></worksheet>""");
        }
        return memory.ToArray();
    }

    private static string Text(string reference, string text) => $"""<c r="{reference}" t="inlineStr"><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>""";
    private static string Number(string reference, string number) => $"""<c r="{reference}"><v>{number}</v></c>""";

    /// <summary>The same zip with every entry written again at <paramref name="level"/>.</summary>
    private static byte[] Restore(byte[] zipBytes, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName, level).Open();
                from.CopyTo(to);
            }
        return output.ToArray();
    }

    private static YamlStream Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return stream;
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string Name(YamlMappingNode @case) => (Child(@case, "name") as YamlScalarNode)?.Value ?? "case";

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value is { } v ? [v] : [],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.Values.SelectMany(Scalars),
        _ => [],
    };

    private static bool LooksLikeProse(string text) => text.Length >= 24 && text.Contains(' ') || text.IndexOfAny(['*', '[', '`', '>', '#']) >= 0;

    /// <summary>A seed folder: names made unique and safe, identical seeds written once, none over the size limit.</summary>
    private sealed class Corpus(string folder)
    {
        private readonly HashSet<string> _hashes = [];
        private readonly HashSet<string> _names = [];
        public int Count => _names.Count;

        public void Add(string name, byte[] bytes)
        {
            if (bytes.Length == 0 || bytes.Length > MaxSeedBytes || !_hashes.Add(Convert.ToHexString(SHA256.HashData(bytes)))) return;
            if (_names.Count == 0)
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
                Directory.CreateDirectory(folder);
            }
            var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '-').ToArray());
            var unique = safe;
            for (var i = 2; !_names.Add(unique); i++) unique = $"{safe}-{i}";
            File.WriteAllBytes(Path.Combine(folder, unique), bytes);
        }
    }
}
