using ReportGen.Content;
using ReportGen.Diagnostics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Content;

/// <summary>YAML that content never needs and hostile files use is refused at the line it starts, before it is read.</summary>
public sealed class HostileYamlTests
{
    private static Diagnostic Refused(string objectivesYaml)
    {
        using var edition = new TempEdition(SampleEditions.EditionYaml, objectivesYaml);
        var diagnostics = new DiagnosticBag();
        Assert.Null(EditionLoader.Load(edition.Folder, diagnostics));
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.YamlUnsafe, error.Code);
        Assert.EndsWith("objectives.yaml", error.Location!.File);
        return error;
    }

    [Fact]
    public void Anchors_and_aliases_that_would_multiply_the_content_are_refused()
    {
        var error = Refused("""
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            objectives: [*b]
            """);
        Assert.Equal(1, error.Location!.Line);
        Assert.Contains("anchors and aliases", error.Message);
    }

    [Theory]
    [InlineData("!!python/object:os.system")]
    [InlineData("!System.Diagnostics.Process")]
    [InlineData("!<tag:yaml.org,2002:map>")]
    public void Tags_that_could_ask_for_types_are_refused(string tag)
    {
        var error = Refused($"objectives:\n  - {tag}\n    id: a\n    number: 1\n    title: T\n");
        Assert.Equal(2, error.Location!.Line);
        Assert.Contains("tags", error.Message);
    }

    [Fact]
    public void Very_deep_nesting_is_refused()
    {
        var error = Refused("objectives: " + new string('[', 200) + new string(']', 200) + "\n");
        Assert.Contains("nested more than 64 levels", error.Message);
    }

    [Fact]
    public void A_huge_file_is_refused_before_it_is_parsed()
    {
        var error = Refused("objectives:\n  - id: a\n    number: 1\n    title: " + new string('x', 3 * 1024 * 1024) + "\n");
        Assert.Contains("larger than 2 MB", error.Message);
    }
}
