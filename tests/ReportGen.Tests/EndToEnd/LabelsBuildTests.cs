using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using ReportGen.Diagnostics;
using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;
using UglyToad.PdfPig;

namespace ReportGen.Tests.EndToEnd;

/// <summary>
/// Builds, with the real browser and default@7 (every word a label): the model-2 test edition with its objectives
/// called outcomes, and the Hertfordshire 2016-17 sample in Welsh (its tables, charts, notes, corrections and frozen
/// tables included).
/// </summary>
public sealed class LabelsBuildFixture : IAsyncLifetime
{
    public static string OutcomesEdition => Path.Combine(RepoPaths.Root, "tests", "ReportGen.Tests", "Editions", "test-fire", "outcomes-2022-23");

    public string Root { get; } = Directory.CreateTempSubdirectory("reportgen-labels-").FullName;
    public string WelshEdition => Path.Combine(Root, "content", "hertfordshire", "2016-17");
    public EditionBuildResult Outcomes { get; private set; } = null!;
    public EditionBuildResult Welsh { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Copy(Path.Combine(RepoPaths.Content, "hertfordshire", "2016-17"), WelshEdition);
        var yaml = Path.Combine(WelshEdition, "edition.yaml");
        var text = Regex.Replace(File.ReadAllText(yaml), @"(?m)^  template: default@5.*$", "  template: default@7");
        File.WriteAllText(yaml, Regex.Replace(text, @"(?m)^  language: en-GB$", "  language: cy"));
        await using var builder = new ReportBuilder(new BuildOptions(Path.Combine(Root, "out"), TemplatesRoot: RepoPaths.Templates));
        Outcomes = await builder.BuildAsync(OutcomesEdition);
        Welsh = await builder.BuildAsync(WelshEdition);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed partial class LabelsBuildTests(LabelsBuildFixture fixture) : IClassFixture<LabelsBuildFixture>
{
    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    private static IEnumerable<string> Pages(string folder) => Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    [Fact]
    public void Both_build()
    {
        Assert.True(fixture.Outcomes.Succeeded, string.Join("\n", fixture.Outcomes.Diagnostics));
        Assert.True(fixture.Welsh.Succeeded, string.Join("\n", fixture.Welsh.Diagnostics));
    }

    [Fact]
    public void An_edition_that_calls_its_objectives_outcomes_says_objective_nowhere_in_its_pages_or_its_PDF()
    {
        var folder = fixture.Outcomes.OutputFolder!;
        var texts = Pages(folder).SelectMany(f => PublishedText.OfPage(f)).Concat(PublishedText.OfPdf(Path.Combine(folder, "report.pdf"))).ToList();
        Assert.Contains(texts, t => t.Contains("Our equality outcomes", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Our equality outcomes at a glance", StringComparison.Ordinal));
        var found = texts.SelectMany(t => Word().Matches(t).Select(m => m.Value)).Where(w => w.StartsWith("objective", StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
        Assert.True(found.Count == 0, "the output says: " + string.Join(", ", found));
    }

    [Fact]
    public void An_edition_that_renames_its_objectives_without_their_plural_is_told_where_to_give_it()
    {
        using var edition = new TempEdition(
            "organisation:\n  name: Test Council\nedition:\n  template: default@7\n  title: Equality report\naccessibility:\n  contact: { email: a@b.example }\n",
            "term: Priority\nobjectives:\n  - id: one\n    number: 1\n    title: A priority\n");
        var result = new ReportBuilder(new BuildOptions(Path.Combine(edition.Root, "out"), TemplatesRoot: RepoPaths.Templates)).Check(edition.Folder);
        var error = Assert.Single(result, d => d.Severity == Severity.Error);
        Assert.EndsWith("objectives.yaml", error.Location!.File, StringComparison.Ordinal);
        Assert.Equal(1, error.Location.Line);
        Assert.Contains("labels: { term.Objectives: ..., term.objectives: ... }", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The English the tool and the set could print: every word of their English labels and of the classifications'
    /// categories. None of it may reach the Welsh publication unless the edition's own (English) text has it too.
    /// </summary>
    private static HashSet<string> EnglishVocabulary()
    {
        var set = TemplateSet.Locate("default@7", RepoPaths.Templates, RepoPaths.Content, new DiagnosticBag())!;
        var en = LabelSet.ForSet(set, "en", new DiagnosticBag(), new SourceLocation("test"))!;
        var texts = en.Keys.SelectMany(k => en.Find(k)!.Texts)
            .Concat(ReportGen.Data.Classification.BuiltIn.Values.SelectMany(c => c.Categories.SelectMany(k => new[] { k.Label, k.Group })));
        return texts.SelectMany(t => Word().Matches(t).Select(m => m.Value.ToLowerInvariant())).Where(w => w.Length >= 3).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Words of both languages (Welsh has cell, print bras, problem and sector), names and abbreviations the Welsh
    /// output prints as they are.
    /// </summary>
    private static readonly HashSet<string> SameInWelsh = new(StringComparer.Ordinal)
    {
        "pdf", "csv", "excel", "wcag", "iso", "axe", "core", "reportgen", "ehrc", "eass", "braille", "roma", "word", "powerpoint",
        "opendocument", "rich", "text", "cell", "print", "problem", "sector",
    };

    [Fact]
    public void The_Welsh_edition_prints_no_English_word_of_the_tool_or_the_set()
    {
        var folder = fixture.Welsh.OutputFolder!;
        var vocabulary = EnglishVocabulary();
        Assert.Contains("percentage", vocabulary);
        // The edition's own text is English (it has no Welsh yet): its words may appear; the tool's and the set's may not.
        var own = Directory.EnumerateFiles(fixture.WelshEdition, "*.yaml", SearchOption.AllDirectories)
            .SelectMany(f => Word().Matches(File.ReadAllText(f)).Select(m => m.Value.ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);
        var texts = PublishedText.OfPage(Path.Combine(folder, "index.html")).Concat(PublishedText.OfPdf(Path.Combine(folder, "report.pdf"))).ToList();
        var english = texts.SelectMany(t => Word().Matches(t).Select(m => m.Value.ToLowerInvariant()))
            .Where(w => vocabulary.Contains(w) && !own.Contains(w) && !SameInWelsh.Contains(w)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(english.Count == 0, "English in the Welsh publication: " + string.Join(", ", english));
        Assert.Contains(texts, t => t.Contains("Tudalen 2 o ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Cynnwys", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Grŵp ethnig", StringComparison.Ordinal));
    }

    [Fact]
    public void The_Welsh_edition_declares_Welsh_in_its_pages_and_its_PDF_and_says_its_labels_await_review()
    {
        var folder = fixture.Welsh.OutputFolder!;
        Assert.Equal("cy", new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(folder, "index.html"))).DocumentElement.GetAttribute("lang"));
        using var pdf = PdfDocument.Open(Path.Combine(folder, "report.pdf"));
        Assert.True(pdf.Structure.Catalog.CatalogDictionary.TryGet(UglyToad.PdfPig.Tokens.NameToken.Create("Lang"), out UglyToad.PdfPig.Tokens.StringToken lang));
        Assert.Equal("cy", lang.Data);
        var warnings = fixture.Welsh.Diagnostics.Where(d => d.Code == DiagnosticCodes.LabelUnreviewed).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Location!.File.EndsWith("cy.yaml", StringComparison.Ordinal));
    }

    [Fact]
    /// <summary>
    /// The Welsh page and corrections page, and the renamed edition's page (the superseded versions are the English
    /// sample's as published, which AccessibilityTests checks; axe on the whole report takes half a minute a width).
    /// </summary>
    public Task The_Welsh_pages_and_the_renamed_ones_have_no_axe_violations_at_1280_and_320_px() =>
        AxePages.Check([Path.Combine(fixture.Welsh.OutputFolder!, "index.html"), Path.Combine(fixture.Welsh.OutputFolder!, "corrections.html"),
            Path.Combine(fixture.Outcomes.OutputFolder!, "index.html")]);

    [Fact]
    public void The_Welsh_PDF_passes_the_PDF_UA_checker()
    {
        foreach (var result in new[] { fixture.Welsh, fixture.Outcomes })
        {
            var failures = PdfUaChecker.Check(Path.Combine(result.OutputFolder!, "report.pdf"));
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
    }
}
