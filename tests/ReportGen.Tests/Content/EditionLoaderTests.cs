using ReportGen.Content;
using ReportGen.Diagnostics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Content;

public class EditionLoaderTests
{
    private const string ValidEdition = "organisation:\n  name: Test Constabulary\nedition:\n  title: Test edition\n";

    // Lines 1-7; tests append to it, so their additions start at line 8.
    private const string ValidObjectives =
        "objectives:\n  - id: first\n    number: 1\n    title: First objective\n  - id: second\n    number: 2\n    title: Second objective";

    [Fact]
    public void Loads_hertfordshire_sample_with_six_objectives_in_order()
    {
        var edition = LoadSample("hertfordshire", "2016-17");

        Assert.Equal("hertfordshire", edition.OrganisationKey);
        Assert.Equal("2016-17", edition.EditionKey);
        Assert.Equal([1, 2, 3, 4, 5, 6], edition.Objectives.Select(o => o.Number!.Value));
        Assert.Equal(5, edition.Objectives.Single(o => o.Number == 2).Actions!.Count);
        Assert.Equal(6, edition.Achievements.Count);
        var objectiveIds = edition.Objectives.Select(o => o.Id).ToHashSet();
        Assert.All(edition.Achievements, a =>
        {
            Assert.NotEmpty(a.Objectives!);
            Assert.All(a.Objectives!, id => Assert.Contains(id, objectiveIds));
        });
        Assert.Equal(12, edition.Glossary.Count);
    }

    [Fact]
    public void Loads_northumbria_sample_with_four_objectives_one_signatory_and_no_dates()
    {
        var edition = LoadSample("northumbria", "joint-equality-objectives");

        Assert.Equal([1, 2, 3, 4], edition.Objectives.Select(o => o.Number!.Value));
        Assert.Single(edition.Foreword!.Signatories!);
        Assert.Empty(edition.Achievements);
        Assert.Null(edition.Info.ReportingPeriod);
        Assert.Null(edition.Info.Published);
    }

    [Fact]
    public void Minimal_edition_loads_with_default_language_and_template()
    {
        using var temp = new TempEdition(ValidEdition, ValidObjectives);
        var diagnostics = new DiagnosticBag();

        var edition = EditionLoader.Load(temp.Folder, diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.NotNull(edition);
        Assert.Equal("test-org", edition.OrganisationKey);
        Assert.Equal("en-GB", edition.Language);
        Assert.Equal("default", edition.TemplateSet);
    }

    [Fact]
    public void Misspelt_key_is_RG0103_suggesting_the_right_key_at_its_line()
    {
        var d = LoadExpectingOne(ValidEdition, ValidObjectives + "\n    mesures:\n      - text: Something measured\n", DiagnosticCodes.UnknownKey);

        AssertAt(d, "objectives.yaml", 8);
        Assert.Contains("did you mean 'measures'", d.Message);
    }

    [Fact]
    public void Yaml_syntax_error_is_RG0101_in_the_file_where_it_is()
    {
        var d = LoadExpectingOne(ValidEdition, "objectives:\n  - id: first\n    number: 1\n    title: \"unterminated\n", DiagnosticCodes.YamlSyntax);

        Assert.Equal("objectives.yaml", Path.GetFileName(d.Location!.File));
        Assert.True(d.Location.Line >= 4, $"expected the error at or after line 4, got {d.Location}");
    }

    [Fact]
    public void Date_written_in_words_is_RG0102_showing_the_iso_form()
    {
        var d = LoadExpectingOne(ValidEdition + "  published: April 2018\n", ValidObjectives, DiagnosticCodes.InvalidValue);

        AssertAt(d, "edition.yaml", 5);
        Assert.Contains("April 2018", d.Message);
        Assert.Contains("2018-04", d.Message);
    }

    [Fact]
    public void Objective_without_title_is_RG0104_at_the_objective()
    {
        var d = LoadExpectingOne(ValidEdition, ValidObjectives + "\n  - id: third\n    number: 3\n", DiagnosticCodes.MissingField);

        AssertAt(d, "objectives.yaml", 8);
        Assert.Contains("'title'", d.Message);
    }

    [Fact]
    public void Duplicate_objective_id_is_RG0105_at_the_second_occurrence()
    {
        var d = LoadExpectingOne(ValidEdition, ValidObjectives + "\n  - id: first\n    number: 3\n    title: Again\n", DiagnosticCodes.DuplicateId);

        AssertAt(d, "objectives.yaml", 8);
        Assert.Contains("'first'", d.Message);
        Assert.Contains("line 2", d.Message);
    }

    [Fact]
    public void Achievement_linking_to_unknown_objective_is_RG0106()
    {
        const string achievements = "achievements:\n  - id: good-thing\n    text: We did a good thing.\n    objectives: [first, thrid]\n";
        var d = LoadExpectingOne(ValidEdition, ValidObjectives, DiagnosticCodes.UnknownObjective, achievements);

        AssertAt(d, "achievements.yaml", 2);
        Assert.Contains("'thrid'", d.Message);
    }

    [Fact]
    public void An_edition_without_objectives_yaml_loads_with_no_objectives()
    {
        // An equality information report, a data-only report or a quarterly update has no objectives.
        using var edition = new TempEdition(ValidEdition, objectivesYaml: null);
        var diagnostics = new DiagnosticBag();

        var loaded = EditionLoader.Load(edition.Folder, diagnostics);

        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        Assert.NotNull(loaded);
        Assert.Empty(loaded.Objectives);
        Assert.False(loaded.HasObjectivesFile);
    }

    [Fact]
    public void Unknown_scope_is_RG0102_at_the_objective()
    {
        var d = LoadExpectingOne(ValidEdition, ValidObjectives + "\n    scope: everywhere\n", DiagnosticCodes.InvalidValue);

        AssertAt(d, "objectives.yaml", 8); // at the value, not the objective
        Assert.Contains("'everywhere'", d.Message);
    }

    [Fact]
    public void Javascript_website_is_refused_with_RG0102()
    {
        const string editionYaml = "edition:\n  title: Test edition\norganisation:\n  name: Test\n  website: \"javascript:alert(1)\"\n";
        var d = LoadExpectingOne(editionYaml, ValidObjectives, DiagnosticCodes.InvalidValue);

        AssertAt(d, "edition.yaml", 5); // at the value
        Assert.Contains("javascript:alert(1)", d.Message);
    }

    [Fact]
    public void Every_content_problem_in_an_edition_is_reported_not_only_the_first()
    {
        const string objectives = "objectives:\n  - id: first\n    number: 1\n    scope: everywhere\n  - id: first\n    number: 2\n    title: Two\n";
        const string achievements = "achievements:\n  - id: a\n    text: Done.\n    objectives: [nowhere]\n";
        using var temp = new TempEdition(ValidEdition, objectives, achievements);
        var diagnostics = new DiagnosticBag();

        Assert.Null(EditionLoader.Load(temp.Folder, diagnostics));
        string[] expected = [DiagnosticCodes.InvalidValue, DiagnosticCodes.MissingField, DiagnosticCodes.DuplicateId, DiagnosticCodes.UnknownObjective];
        Assert.Equal(expected.Order(StringComparer.Ordinal), diagnostics.Items.Select(d => d.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Problems_in_several_files_are_all_reported()
    {
        const string editionYaml = "organisation:\n  nmae: Test\nedition:\n  title: Test edition\n";
        using var temp = new TempEdition(editionYaml, ValidObjectives, glossaryYaml: "glossary:\n  - term: \"unclosed\n");
        var diagnostics = new DiagnosticBag();

        Assert.Null(EditionLoader.Load(temp.Folder, diagnostics));
        var found = diagnostics.Items.Select(d => (d.Code, File: Path.GetFileName(d.Location!.File))).ToList();
        Assert.Contains((DiagnosticCodes.UnknownKey, "edition.yaml"), found);
        Assert.Contains((DiagnosticCodes.YamlSyntax, "glossary.yaml"), found);
    }

    private static Edition LoadSample(string organisation, string edition)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = EditionLoader.Load(Path.Combine(RepoPaths.Content, organisation, edition), diagnostics);
        Assert.Empty(diagnostics.Items);
        Assert.NotNull(loaded);
        return loaded;
    }

    /// <summary>Loads an edition expected to fail with exactly one error, <paramref name="code"/>, and so no edition.</summary>
    private static Diagnostic LoadExpectingOne(string? editionYaml, string? objectivesYaml, string code, string? achievementsYaml = null)
    {
        using var temp = new TempEdition(editionYaml, objectivesYaml, achievementsYaml);
        var diagnostics = new DiagnosticBag();
        Assert.Null(EditionLoader.Load(temp.Folder, diagnostics));
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.True(diagnostic.Code == code, $"expected {code}, got: {diagnostic}");
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(Path.GetFullPath(temp.Folder), Path.GetFullPath(Path.GetDirectoryName(diagnostic.Location!.File)!));
        return diagnostic;
    }

    private static void AssertAt(Diagnostic diagnostic, string fileName, int line)
    {
        Assert.Equal(fileName, Path.GetFileName(diagnostic.Location!.File));
        Assert.True(diagnostic.Location.Line == line, $"expected line {line}, got {diagnostic}");
    }
}
