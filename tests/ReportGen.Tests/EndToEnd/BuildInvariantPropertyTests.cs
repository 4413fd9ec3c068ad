using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;
using ClosedXML.Excel;
using ReportGen.Diagnostics;
using ReportGen.Tests.TestSupport;
using UglyToad.PdfPig;

namespace ReportGen.Tests.EndToEnd;

/// <summary>
/// The end-to-end invariants, over editions made at random (from fixed seeds, so that a failure can be rerun): text
/// full of what breaks generators (markup, template delimiters, Markdown, quotes, Welsh, emoji, right-to-left, combining
/// and invisible characters, very long runs), any number of objectives, actions, milestones and glossary terms,
/// workbooks of any size with odd labels, and now and then one mistake.
/// <list type="bullet">
/// <item>check passes exactly when build succeeds;</item>
/// <item>a build that succeeds writes everything: the page closes, every objective, action, milestone and glossary
/// term is on it, every table has every row and cell in the page and in its CSV, and the PDF has every objective;</item>
/// <item>a build that fails writes nothing;</item>
/// <item>two builds of the same edition give the same bytes.</item>
/// </list>
/// </summary>
public sealed class BuildInvariantPropertyTests
{
    private const int Editions = 40;

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, Editions));

    [Theory, MemberData(nameof(Seeds))]
    public async Task Check_passes_exactly_when_build_writes_a_complete_output_the_same_each_time(int seed)
    {
        var random = new Random(seed);
        var root = Directory.CreateTempSubdirectory("reportgen-property-").FullName;
        try
        {
            var edition = Path.Combine(root, "content", "random", "edition");
            var made = RandomEdition.Write(edition, random);
            var withPdf = seed % 8 == 0;
            var options = (string output) => new BuildOptions(output, withPdf ? OutputFormats.All : OutputFormats.Html, RepoPaths.Templates);
            var what = $"seed {seed}{(made.Mistake is null ? "" : $", mistake: {made.Mistake}")}";

            var checkErrors = new ReportBuilder(options(Path.Combine(root, "unused"))).Check(edition).Where(d => d.Severity == Severity.Error).ToList();
            EditionBuildResult first, second;
            await using (var builder = new ReportBuilder(options(Path.Combine(root, "first")))) first = await builder.BuildAsync(edition);
            // Every other edition is built the second time from its frozen tables, its workbooks deleted: the same bytes.
            var frozen = seed % 2 == 1 && first.Succeeded;
            if (frozen)
            {
                var (freezing, frozenFolder, _) = new ReportBuilder(options(Path.Combine(root, "unused"))).Freeze(edition);
                Assert.True(frozenFolder is not null, $"{what}: the edition builds but cannot be frozen:\n{string.Join("\n", freezing)}");
                foreach (var workbook in Directory.GetFiles(edition, "*.xlsx", SearchOption.AllDirectories)) File.Delete(workbook);
            }
            await using (var builder = new ReportBuilder(options(Path.Combine(root, "second")))) second = await builder.BuildAsync(edition);
            if (frozen) Assert.True(second.Succeeded && second.FrozenTables.Count > 0, $"{what}: the frozen edition did not build from its frozen tables:\n{string.Join("\n", second.Diagnostics)}");

            Assert.True(checkErrors.Count == 0 == first.Succeeded, $"{what}: check {(checkErrors.Count == 0 ? "passed" : "failed")} but build {(first.Succeeded ? "succeeded" : "failed")}:\n{string.Join("\n", first.Diagnostics)}");
            if (made.Mistake is not null) Assert.True(checkErrors.Count > 0, $"{what}: the mistake was not found");
            if (!first.Succeeded)
            {
                Assert.False(Directory.Exists(Path.Combine(root, "first", "random")), $"{what}: a failed build wrote output");
                Assert.True(made.Mistake is not null, $"{what}: an edition made without a mistake was refused:\n{string.Join("\n", first.Diagnostics)}");
                return;
            }

            var folder = first.OutputFolder!;
            AssertComplete(folder, made, withPdf, what);
            var a = SampleEditions.Snapshot(folder);
            var b = SampleEditions.Snapshot(second.OutputFolder!);
            // A build from frozen tables names them, not the workbooks, as its inputs: only its manifest differs.
            if (frozen) { a.Remove("manifest.json"); b.Remove("manifest.json"); }
            Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
            foreach (var (file, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[file]), $"{what}: {file} differs between two builds");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void AssertComplete(string folder, RandomEdition made, bool withPdf, string what)
    {
        var html = File.ReadAllText(Path.Combine(folder, "index.html"));
        Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
        var document = new HtmlParser().ParseDocument(html);
        var text = Normal(document.Body!.TextContent);
        foreach (var (expected, markdown) in made.Texts)
        {
            // A Markdown field is on the page as its rendering reads: `code` as code, [a link](…) as a link.
            var shown = markdown
                ? new HtmlParser().ParseFragment(ReportGen.Rendering.MarkdownRenderer.ToHtml(expected).Html, document.Body!).Select(n => n.TextContent).Aggregate("", string.Concat)
                : expected;
            Assert.True(text.Contains(Normal(shown), StringComparison.Ordinal), $"{what}: the page lacks '{Short(shown)}'");
        }

        var (tables, _) = EditionTables.Build(made.Folder);
        var pageTables = document.QuerySelectorAll("table.figures").ToList();
        foreach (var table in tables)
        {
            var csv = PublishedTable.FromCsv(table.Id, File.ReadAllText(Path.Combine(folder, "data", table.Id + ".csv")));
            Assert.True(csv.Rows.Count == table.Rows.Count, $"{what}: {table.Id}.csv has {csv.Rows.Count} rows, the table {table.Rows.Count}");
            Assert.All(csv.Rows, r => Assert.Equal(table.Columns.Count, r.Cells.Count));
            // The page's table (in one part or in several, when it is wide) holds every row's label and every cell.
            var parts = pageTables.Where(t => Normal(t.QuerySelector("caption")?.TextContent ?? "").Contains(Normal(table.Title), StringComparison.Ordinal)).ToList();
            Assert.True(parts.Count > 0, $"{what}: the page has no table '{table.Title}'");
            Assert.All(parts, p => Assert.Equal(table.Rows.Count, p.QuerySelectorAll("tbody tr").Length));
            Assert.Equal(table.Columns.Count, parts.Sum(p => p.QuerySelectorAll("tbody tr:first-child td").Length));
        }

        if (!withPdf) return;
        using var pdf = PdfDocument.Open(Path.Combine(folder, "report.pdf"));
        var raw = string.Concat(pdf.GetPages().Select(p => p.Text));
        var pdfText = Letters(raw);
        foreach (var title in made.ObjectiveTitles)
        {
            var token = title.Split(' ')[0];
            var at = raw.IndexOf(token + " ", StringComparison.Ordinal);
            Assert.True(pdfText.Contains(Letters(title), StringComparison.Ordinal),
                $"{what}: the PDF lacks objective '{Short(title)}' (the PDF has '{(at < 0 ? "" : raw.Substring(at, Math.Min(80, raw.Length - at)))}')");
        }
    }

    /// <summary>The text as the page shows it: spaces collapsed, composed, and a ligature ("ﬁ") as its letters, as the tool reads it.</summary>
    private static string Normal(string text) =>
        string.Concat(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize(NormalizationForm.FormC)
            .Select(c => c is >= '\uFB00' and <= '\uFB06' ? c.ToString().Normalize(NormalizationForm.FormKC) : c.ToString()));

    /// <summary>
    /// The ASCII letters and digits of a text, accents taken off (é, precomposed or not, is e): what survives the PDF's
    /// line breaks and its text extraction.
    /// </summary>
    private static string Letters(string text) => string.Concat(text.Normalize(NormalizationForm.FormKD).Where(char.IsAsciiLetterOrDigit));

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";

    /// <summary>An edition made at random, and the texts its page must show.</summary>
    private sealed class RandomEdition
    {
        public required string Folder { get; init; }
        /// <summary>Each text the page must show, and whether it is Markdown.</summary>
        public required List<(string Text, bool Markdown)> Texts { get; init; }
        public required List<string> ObjectiveTitles { get; init; }
        public string? Mistake { get; init; }

        private static readonly string[] Fragments =
        [
            "Fair", "service", "for", "all", "<b>bold</b>", "<script>alert(1)</script>", "&amp;", "R&D", "\"quoted\"", "it's",
            "{{ organisation.name }}", "{{", "}}", "{% raw %}", "Cymraeg: ŵŷ â", "😀", "مرحبا بكم", "e\u0301", "A\u200DB",
            "# not a heading", "*", "_under_", "`code`", "[a link](https://example.org)", "\\", "100%", "- item", "key: value",
            "1.", "><", "&#x41;", "\u00A0", "ß", "İ", "ﬁ",
        ];

        private static readonly string[] Roles = ["Police Officer", "Police Staff", "PCSO", "Special Constable"];
        private static readonly string[] Sexes = ["Male", "Female", "male", " FEMALE "];
        private static readonly string[] Ethnicities = ["White", "Asian", "Black", "Mixed", "Other", "Not stated", "white british", "W1", "A1"];
        private static readonly string[] Statuses = ["not-started", "in-progress", "complete", "overdue", "dropped"];

        private static string Text(Random random)
        {
            if (random.Next(20) == 0) return string.Concat(Enumerable.Repeat("Equality ", 300 + random.Next(300))).Trim();
            var words = Enumerable.Range(0, 1 + random.Next(7)).Select(_ => Fragments[random.Next(Fragments.Length)]);
            return "T" + random.Next(1000).ToString(CultureInfo.InvariantCulture) + " " + string.Join(' ', words);
        }

        /// <summary>A YAML double-quoted scalar: every character written so that YAML gives it back exactly.</summary>
        private static string Q(string text)
        {
            var builder = new StringBuilder("\"");
            foreach (var c in text)
                builder.Append(c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\n' => "\\n",
                    _ when char.IsControl(c) => $"\\x{(int)c:X2}",
                    _ => c.ToString(),
                });
            return builder.Append('"').ToString();
        }

        public static RandomEdition Write(string folder, Random random)
        {
            Directory.CreateDirectory(Path.Combine(folder, "data"));
            var mistakes = new[] { "a control character in a title", "two objectives with one id", "an unknown key", "an objective without a title", "an unknown ethnicity label", "a milestone status that does not exist" };
            var mistake = random.Next(3) == 0 ? mistakes[random.Next(mistakes.Length)] : null;
            var texts = new List<(string, bool)>();
            var objectiveTitles = new List<string>();

            var organisation = Text(random);
            var title = Text(random);
            texts.Add((title, false));
            File.WriteAllText(Path.Combine(folder, "edition.yaml"),
                $"organisation:\n  name: {Q(organisation)}\nedition:\n  title: {Q(title)}\n  reporting_period: {{ start: 2016-04, end: 2017-03 }}\n" +
                (mistake == "an unknown key" ? "  colour: blue\n" : "") + SampleEditions.AccessibilityYaml);

            var objectives = new StringBuilder("objectives:\n");
            var count = 1 + random.Next(5);
            for (var o = 1; o <= count; o++)
            {
                var objectiveTitle = Text(random);
                if (mistake == "a control character in a title" && o == count) objectiveTitle += "\u001B[2J";
                else { texts.Add((objectiveTitle, false)); objectiveTitles.Add(objectiveTitle); }
                var id = mistake == "two objectives with one id" && o == 2 ? "objective-1" : $"objective-{o}";
                objectives.Append(CultureInfo.InvariantCulture, $"  - id: {id}\n    number: {o}\n");
                if (!(mistake == "an objective without a title" && o == 1)) objectives.Append(CultureInfo.InvariantCulture, $"    title: {Q(objectiveTitle)}\n");
                var actions = random.Next(4);
                if (actions > 0) objectives.Append("    actions:\n");
                for (var a = 0; a < actions; a++)
                {
                    var action = Text(random);
                    texts.Add((action, true));
                    objectives.Append(CultureInfo.InvariantCulture, $"      - text: {Q(action)}\n");
                    var milestones = random.Next(4);
                    if (milestones > 0) objectives.Append("        milestones:\n");
                    for (var m = 0; m < milestones; m++)
                    {
                        var milestone = Text(random);
                        texts.Add((milestone, false));
                        var status = mistake == "a milestone status that does not exist" ? "finished" : Statuses[random.Next(Statuses.Length)];
                        objectives.Append(CultureInfo.InvariantCulture, $"          - text: {Q(milestone)}\n            due: 2017-0{1 + random.Next(9)}\n            status: {status}\n");
                    }
                }
            }
            File.WriteAllText(Path.Combine(folder, "objectives.yaml"), objectives.ToString());

            var glossary = new StringBuilder("glossary:\n");
            var terms = random.Next(5);
            for (var g = 0; g < terms; g++)
            {
                var term = $"Term{g} {Fragments[random.Next(Fragments.Length)]}";
                texts.Add((term, false));
                glossary.Append(CultureInfo.InvariantCulture, $"  - term: {Q(term)}\n    definition: {Q(Text(random))}\n");
            }
            if (terms > 0) File.WriteAllText(Path.Combine(folder, "glossary.yaml"), glossary.ToString());

            var corpus = Path.Combine(RepoPaths.Root, "tests", "ReportGen.Tests", "Corpus", "base");
            File.Copy(Path.Combine(corpus, "data.yaml"), Path.Combine(folder, "data.yaml"));
            File.Copy(Path.Combine(corpus, "statistics.yaml"), Path.Combine(folder, "statistics.yaml"));

            using (var staff = new XLWorkbook())
            {
                var sheet = staff.Worksheets.Add("Staff");
                string[] header = ["Role", "Sex", "Ethnicity", "Start Date"];
                for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).SetValue(header[c]);
                var rows = 1 + random.Next(random.Next(2) == 0 ? 12 : 400);
                for (var r = 0; r < rows; r++)
                {
                    sheet.Cell(r + 2, 1).SetValue(Roles[random.Next(Roles.Length)]);
                    sheet.Cell(r + 2, 2).SetValue(Sexes[random.Next(Sexes.Length)]);
                    sheet.Cell(r + 2, 3).SetValue(mistake == "an unknown ethnicity label" && r == rows - 1 ? "Purple" : Ethnicities[random.Next(Ethnicities.Length)]);
                    sheet.Cell(r + 2, 4).SetValue(new DateTime(2000 + random.Next(17), 1 + random.Next(12), 1));
                }
                staff.SaveAs(Path.Combine(folder, "data", "staff.xlsx"));
            }
            using (var population = new XLWorkbook())
            {
                var sheet = population.Worksheets.Add("Population");
                sheet.Cell(1, 1).SetValue("Ethnic group");
                sheet.Cell(1, 2).SetValue("People");
                string[] groups = ["White", "Asian", "Black", "Mixed", "Other"];
                for (var g = 0; g < groups.Length; g++)
                {
                    sheet.Cell(g + 2, 1).SetValue(groups[g]);
                    sheet.Cell(g + 2, 2).SetValue(random.Next(50, 100_000));
                }
                population.SaveAs(Path.Combine(folder, "data", "population.xlsx"));
            }

            return new RandomEdition { Folder = folder, Texts = texts, ObjectiveTitles = objectiveTitles, Mistake = mistake };
        }
    }
}
