using AngleSharp.Html.Parser;
using ReportGen.Content;
using ReportGen.Diagnostics;
using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

public class TemplateRendererTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string UpdateGoldenVariable = "REPORTGEN_UPDATE_GOLDEN";

    private static TemplateSet DefaultSet => new("default@1", Path.Combine(RepoPaths.Templates, "default@1"));

    [Fact]
    public void Content_that_looks_like_html_is_escaped_everywhere()
    {
        const string editionYaml = $"organisation:\n  name: \"{Script}\"\nedition:\n  title: \"{Script}\"\n";
        const string objectives = $"objectives:\n  - id: first\n    number: 1\n    title: \"{Script}\"\n" +
                                  $"    actions:\n      - text: Do something\n        milestones:\n          - text: \"{Script}\"\n";
        const string glossary = $"glossary:\n  - term: \"{Script}\"\n    definition: A term.\n";
        using var temp = new TempEdition(editionYaml, objectives, glossaryYaml: glossary);

        var html = Render(Load(temp.Folder));

        Assert.DoesNotContain(Script, html);
        Assert.Contains("&lt;script&gt;", html);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Equal(Script, document.QuerySelector("h1")!.TextContent);
        Assert.Contains(document.QuerySelectorAll("dt"), dt => dt.TextContent == Script);
        Assert.Contains(document.QuerySelectorAll("table.milestones td"), td => td.TextContent == Script);
    }

    [Fact]
    public void Hertfordshire_page_has_the_landmarks_and_language_assistive_technology_needs()
    {
        var document = new HtmlParser().ParseDocument(RenderSample("hertfordshire", "2016-17"));

        Assert.Equal("en-GB", document.DocumentElement.GetAttribute("lang"));
        Assert.Single(document.QuerySelectorAll("h1"));
        var main = Assert.Single(document.QuerySelectorAll("main"));
        Assert.Equal("main", main.Id);
        Assert.Equal("#main", document.QuerySelector("body > a")?.GetAttribute("href"));
        Assert.NotEmpty(document.QuerySelectorAll("nav"));
    }

    [Theory]
    [InlineData("hertfordshire", "2016-17")]
    [InlineData("northumbria", "joint-equality-objectives")]
    public void Headings_never_skip_a_level_going_down(string organisation, string edition)
    {
        var document = new HtmlParser().ParseDocument(RenderSample(organisation, edition));

        var previous = 0;
        foreach (var heading in document.QuerySelectorAll("h1, h2, h3, h4, h5, h6"))
        {
            var level = heading.LocalName[1] - '0';
            Assert.True(level <= previous + 1, $"<{heading.LocalName}> '{heading.TextContent.Trim()}' follows an <h{previous}>");
            previous = level;
        }
    }

    [Theory]
    [InlineData("hertfordshire", "2016-17")]
    [InlineData("northumbria", "joint-equality-objectives")]
    public void Every_table_has_a_caption_and_header_cells(string organisation, string edition)
    {
        var document = new HtmlParser().ParseDocument(RenderSample(organisation, edition));

        var tables = document.QuerySelectorAll("table");
        Assert.NotEmpty(tables);
        Assert.All(tables, table =>
        {
            Assert.False(string.IsNullOrWhiteSpace(table.QuerySelector("caption")?.TextContent), $"a table has no caption: {table.OuterHtml[..Math.Min(200, table.OuterHtml.Length)]}");
            Assert.NotEmpty(table.QuerySelectorAll("th"));
        });
    }

    [Fact]
    public void Hertfordshire_objectives_appear_in_number_order()
    {
        var edition = Load(Path.Combine(RepoPaths.Content, "hertfordshire", "2016-17"));
        var document = new HtmlParser().ParseDocument(Render(edition));

        var expected = edition.Objectives.OrderBy(o => o.Number).Select(o => $"Objective {o.Number}: {o.Title}");
        var headings = document.QuerySelectorAll("article.objective h3").Select(h => Normalise(h.TextContent));
        Assert.Equal(expected, headings);
    }

    [Theory]
    [InlineData("hertfordshire", "2016-17", "hertfordshire-2016-17.html")]
    [InlineData("northumbria", "joint-equality-objectives", "northumbria-joint-equality-objectives.html")]
    public void Sample_editions_render_exactly_as_the_golden_files(string organisation, string edition, string goldenName)
    {
        var html = RenderSample(organisation, edition).Replace("\r\n", "\n");
        var golden = Path.Combine(RepoPaths.Root, "tests", "ReportGen.Tests", "Rendering", "Golden", goldenName);

        if (Environment.GetEnvironmentVariable(UpdateGoldenVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, html); // and pass: the run that writes them has nothing to compare
            return;
        }

        var howToUpdate = $"If the change is intended, run: {UpdateGoldenVariable}=1 dotnet test tests/ReportGen.Tests, then review and commit the golden files.";
        Assert.True(File.Exists(golden), $"golden file {golden} is missing. {howToUpdate}");
        var expected = File.ReadAllText(golden).Replace("\r\n", "\n");
        if (expected == html) return;

        string[] want = [.. expected.Split('\n'), "<end of file>"], got = [.. html.Split('\n'), "<end of file>"];
        var line = Enumerable.Range(0, Math.Min(want.Length, got.Length)).First(i => want[i] != got[i]);
        Assert.Fail($"the HTML of {organisation}/{edition} differs from {golden} at line {line + 1}:\n" +
                    $"  expected: {want[line]}\n  actual:   {got[line]}\n{howToUpdate}");
    }

    [Fact]
    public void Scriban_syntax_error_is_RG0301_at_its_file_and_line()
    {
        var (diagnostics, entry) = RenderBroken("<p>\nhello\n{{ for x in }}\n{{ end }}\n");

        var diagnostic = Only(diagnostics, DiagnosticCodes.TemplateSyntax);
        Assert.Equal(Path.GetFullPath(entry), Path.GetFullPath(diagnostic.Location!.File));
        Assert.Equal(3, diagnostic.Location.Line);
    }

    [Fact]
    public void Unknown_member_is_RG0302_at_its_file_and_line()
    {
        var (diagnostics, entry) = RenderBroken("<p>{{ title }}</p>\n<p>{{ nonexistent_member }}</p>\n");

        var diagnostic = Only(diagnostics, DiagnosticCodes.TemplateRuntime);
        Assert.Equal(Path.GetFullPath(entry), Path.GetFullPath(diagnostic.Location!.File));
        Assert.Equal(2, diagnostic.Location.Line);
        Assert.Contains("nonexistent_member", diagnostic.Message);
    }

    [Fact]
    public void Syntax_error_in_a_partial_is_RG0301_in_that_partial()
    {
        var (diagnostics, _) = RenderBroken("<p>\n{{ include 'partials/bad.sbn-html' }}\n", ("partials/bad.sbn-html", "x\n{{ if }}\n"));

        Assert.NotEmpty(diagnostics); // Scriban may report one error as two, at the same line
        Assert.All(diagnostics, d =>
        {
            Assert.Equal(DiagnosticCodes.TemplateSyntax, d.Code);
            Assert.EndsWith("partials/bad.sbn-html", d.Location!.File);
            Assert.Equal(2, d.Location.Line);
        });
    }

    [Theory]
    [InlineData("../outside.sbn-html")]
    [InlineData("partials/../../outside.sbn-html")]
    [InlineData("/etc/hostname")]
    public void Include_leaving_the_template_set_is_refused_with_RG0302(string include)
    {
        var (diagnostics, _) = RenderBroken($"<p>\n{{{{ include '{include}' }}}}\n");

        var diagnostic = Only(diagnostics, DiagnosticCodes.TemplateRuntime);
        Assert.Contains(include, diagnostic.Message);
        Assert.Equal(2, diagnostic.Location!.Line);
    }

    /// <summary>Renders the Northumbria sample through a throw-away template set, which must fail.</summary>
    private static (IReadOnlyList<Diagnostic> Diagnostics, string EntryPath) RenderBroken(string template, params (string Path, string Text)[] partials)
    {
        using var temp = new TempEdition(null, null);
        var set = new TemplateSet("broken", Path.Combine(temp.Root, "templates", "broken"));
        Directory.CreateDirectory(Path.Combine(set.Root, "partials"));
        File.WriteAllText(set.EntryPath, template);
        File.WriteAllText(Path.Combine(temp.Root, "templates", "outside.sbn-html"), "<p>outside the set</p>");
        foreach (var (path, text) in partials) File.WriteAllText(Path.Combine(set.Root, path), text);
        var diagnostics = new DiagnosticBag();

        Assert.Null(TemplateRenderer.Render(SampleView, set, diagnostics));
        return (diagnostics.Items, set.EntryPath);
    }

    private static Diagnostic Only(IReadOnlyList<Diagnostic> diagnostics, string code)
    {
        var diagnostic = Assert.Single(diagnostics);
        Assert.True(diagnostic.Code == code, $"expected {code}, got: {diagnostic}");
        return diagnostic;
    }

    private static ReportView SampleView => ReportViewBuilder.Build(Load(Path.Combine(RepoPaths.Content, "northumbria", "joint-equality-objectives")));

    private static string RenderSample(string organisation, string edition) => Render(Load(Path.Combine(RepoPaths.Content, organisation, edition)));

    private static Edition Load(string folder)
    {
        var diagnostics = new DiagnosticBag();
        return EditionLoader.Load(folder, diagnostics) ?? throw new Xunit.Sdk.XunitException(string.Join("\n", diagnostics.Items));
    }

    private static string Render(Edition edition)
    {
        var diagnostics = new DiagnosticBag();
        var html = TemplateRenderer.Render(ReportViewBuilder.Build(edition), DefaultSet, diagnostics);
        Assert.Empty(diagnostics.Items);
        return html!;
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
