using ReportGen.Diagnostics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Content;

/// <summary>
/// One run of check finds every mistake of an edition, each at its own line: several unreadable values in one file
/// (unknown keys, wrong types, impossible dates) as well as the checks after reading, in every file at once.
/// </summary>
public sealed class EveryProblemInOneRunTests
{
    [Fact]
    public async Task An_edition_with_fourteen_mistakes_of_different_kinds_reports_all_fourteen_in_one_check()
    {
        using var edition = new TempEdition(
            """
            organisation:
              name: Mistaken Constabulary
              website: www.mistaken.example
            edition:
              titel: Equality objectives 2017/18
              title: Equality objectives 2017/18
              language: English
              published: 2017-13
            accessibility:
              contact:
                email: equality
            """,
            """
            objectives:
              - id: fair-service
                number: one
                title: Provide a fair service
                scope: everywhere
                actions:
                  - text: Listen to victims.
                    milestones:
                      - text: Survey victims
                        status: done
              - id: workforce
                number: 2
              - id: workforce
                number: 3
                title: A representative workforce
                mesures: []
            """,
            """
            achievements:
              - id: new-website
                text: A new website.
                objectives: [fair-servce]
            """,
            """
            glossary:
              - term: ASB
                definition: Anti-social behaviour.
              - term: asb
                definition: The same, again.
            """);
        File.WriteAllText(edition.PathOf("achievement.yaml"), "achievements: []\n");

        await using var builder = new ReportBuilder(new BuildOptions(Path.Combine(edition.Root, "out"), TemplatesRoot: RepoPaths.Templates));
        var found = builder.Check(edition.Folder).Select(d => $"{Path.GetFileName(d.Location?.File)}({d.Location?.Line}) {d.Code}").ToList();

        string[] expected =
        [
            "achievement.yaml(0) RG0103",     // a file the tool does not read
            "edition.yaml(3) RG0102",         // a website that is not a web address
            "edition.yaml(5) RG0103",         // an unknown key
            "edition.yaml(7) RG0102",         // a language that is not a language tag
            "edition.yaml(8) RG0102",         // a date that is not one
            "edition.yaml(11) RG0102",        // an email that is not an email address
            "objectives.yaml(3) RG0102",      // a number written in words
            "objectives.yaml(5) RG0102",      // a scope not allowed
            "objectives.yaml(10) RG0102",     // a status not allowed
            "objectives.yaml(11) RG0104",     // an objective without its title
            "objectives.yaml(13) RG0105",     // an id used twice
            "objectives.yaml(16) RG0103",     // an unknown key
            "achievements.yaml(2) RG0106",    // a link to an objective that does not exist
            "glossary.yaml(4) RG0105",        // a term given twice
        ];
        Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(found.Order(StringComparer.Ordinal)), string.Join("\n", builder.Check(edition.Folder)));
    }

    [Fact]
    public void A_value_that_cannot_be_read_is_not_reported_again_as_missing()
    {
        using var edition = new TempEdition("organisation:\n  name: A\nedition:\n  title: [not, text]\n", "objectives:\n  - id: a\n    title: T\n");
        var diagnostics = new DiagnosticBag();

        ReportGen.Content.EditionLoader.Load(edition.Folder, diagnostics);

        var only = Assert.Single(diagnostics.Items);
        Assert.Equal(4, only.Location!.Line);
        Assert.Contains("wrong shape", only.Message);
    }

    [Fact]
    public void An_empty_file_is_reported_after_another_file_had_a_value_left_out()
    {
        using var edition = new TempEdition("organisation:\n  name: A\nedition:\n  title: T\n", "objectives:\n  - id: a\n    title: T\n    numbr: 1\n", glossaryYaml: "");
        var diagnostics = new DiagnosticBag();

        ReportGen.Content.EditionLoader.Load(edition.Folder, diagnostics);

        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.UnknownKey && d.Location!.File.EndsWith("objectives.yaml", StringComparison.Ordinal));
        Assert.Contains(diagnostics.Items, d => d.Message.StartsWith("the file is empty", StringComparison.Ordinal) && d.Location!.File.EndsWith("glossary.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Many_unreadable_values_in_one_file_are_all_reported_up_to_the_limit()
    {
        var objectives = "objectives:\n" + string.Concat(Enumerable.Range(1, 60).Select(n => $"  - id: o{n}\n    title: T\n    numbr: {n}\n"));
        using var edition = new TempEdition("organisation:\n  name: A\nedition:\n  title: T\n", objectives);
        var diagnostics = new DiagnosticBag();

        ReportGen.Content.EditionLoader.Load(edition.Folder, diagnostics);

        var unknown = diagnostics.Items.Where(d => d.Code == DiagnosticCodes.UnknownKey).ToList();
        Assert.Equal(ReportGen.Content.YamlReader.MaxErrorsPerFile, unknown.Count);
        Assert.Equal(Enumerable.Range(1, unknown.Count).Select(n => 3 * n + 1), unknown.Select(d => d.Location!.Line));
        Assert.Contains(diagnostics.Items, d => d.Message.Contains($"more than {ReportGen.Content.YamlReader.MaxErrorsPerFile} values that cannot be read", StringComparison.Ordinal));
    }
}
