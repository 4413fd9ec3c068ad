using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// Content far larger than any real edition is rendered whole or not at all: never a page cut short with "..." and
/// reported as built (Scriban's string and output limits, and its loop limit, are set from the content's size).
/// </summary>
public sealed class LargeContentTests
{
    private static async Task<string> BuildHtml(string editionYaml, string? glossaryYaml)
    {
        using var edition = new TempEdition(editionYaml, SampleEditions.ObjectivesYaml, glossaryYaml: glossaryYaml);
        await using var builder = new ReportBuilder(new BuildOptions(Path.Combine(edition.Root, "out"), OutputFormats.Html, RepoPaths.Templates));
        var result = await builder.BuildAsync(edition.Folder);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return File.ReadAllText(Path.Combine(result.OutputFolder!, "index.html"));
    }

    [Theory]
    [InlineData(8_000)]
    [InlineData(19_000)]
    public async Task A_glossary_of_thousands_of_terms_is_published_whole(int terms)
    {
        var glossary = "glossary:\n" + string.Concat(Enumerable.Range(0, terms).Select(i => $"  - term: T{i:D5}\n    definition: Definition of term {i}.\n"));

        var html = await BuildHtml(SampleEditions.EditionYaml, glossary);

        Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains($"T{terms - 1:D5}", html, StringComparison.Ordinal);
        Assert.InRange(html.Split("<dt", StringSplitOptions.None).Length - 1, terms, terms + 5);
        Assert.Contains($"T{terms / 2:D5}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("...", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_title_as_long_as_content_allows_is_published_whole()
    {
        var title = new string('x', ReportGen.Content.YamlReader.MaxTextLength);

        var html = await BuildHtml($"organisation:\n  name: A\nedition:\n  title: {title}\n" + SampleEditions.AccessibilityYaml, null);

        Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.True(html.Split(title).Length - 1 >= 3, "the title is not written whole in the page");
    }

    [Fact]
    public void A_title_of_a_million_characters_is_refused_at_its_place_not_printed_for_minutes()
    {
        using var edition = new TempEdition($"organisation:\n  name: A\nedition:\n  title: {new string('x', 1_000_000)}\n", SampleEditions.ObjectivesYaml);

        var diagnostics = new ReportBuilder(new BuildOptions(Path.Combine(edition.Root, "out"), OutputFormats.Html, RepoPaths.Templates)).Check(edition.Folder);

        var error = Assert.Single(diagnostics);
        Assert.EndsWith("edition.yaml(4,10): error RG0107: this text is 1,000,000 characters long; a text in content is at most 50,000 (about ten pages): split it, or publish the document it comes from and link to it", error.ToString());
    }
}
