using ReportGen.Content;
using ReportGen.Diagnostics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Content;

/// <summary>Text in several languages (<see cref="LanguageText"/>): each reading picks its language; a missing translation is found at its line.</summary>
public sealed class LanguagesTests
{
    private const string Bilingual = """
        organisation:
          name: { cy: Cyngor Prawf, en: Test Council }
          website: https://www.example.org
        edition:
          template: default@7
          languages: [cy, en]
          title:
            cy: Adroddiad cydraddoldeb
            en: Equality report
        accessibility:
          contact: { email: equality@example.org }
        """;

    private static int LineOf(TempEdition edition, string file, string text) =>
        Array.FindIndex(File.ReadAllLines(edition.PathOf(file)), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Fact]
    public void Each_reading_picks_its_language_and_a_value_for_every_language_serves_both()
    {
        using var edition = new TempEdition(Bilingual, """
            objectives:
              - id: one
                number: 1
                title: { cy: Amcan cyntaf, en: First objective }
                actions:
                  - text: { cy: Cam cyntaf, en: First step }
                delivery:
                  - { cy: Un, en: One }
            """);
        var cy = EditionLoader.Load(edition.Folder, new DiagnosticBag(), language: "cy")!;
        var en = EditionLoader.Load(edition.Folder, new DiagnosticBag(), language: "en")!;
        Assert.Equal(("cy", "Cyngor Prawf", "Adroddiad cydraddoldeb", "Amcan cyntaf", "Cam cyntaf", "Un"),
            (cy.Language, cy.Organisation.Name, cy.Info.Title, cy.Objectives[0].Title, cy.Objectives[0].Actions![0].Text, cy.Objectives[0].Delivery![0]));
        Assert.Equal(("en", "Test Council", "Equality report", "First objective", "First step", "One"),
            (en.Language, en.Organisation.Name, en.Info.Title, en.Objectives[0].Title, en.Objectives[0].Actions![0].Text, en.Objectives[0].Delivery![0]));
        Assert.Equal(["cy", "en"], cy.Languages);
        Assert.True(cy.Multilingual);
        // A website serves every language unless the edition gives one for each.
        Assert.Equal("https://www.example.org", cy.Organisation.Website);
        Assert.Equal(cy.Organisation.Website, en.Organisation.Website);
    }

    [Fact]
    public void A_missing_translation_is_reported_at_its_file_and_line_by_check()
    {
        using var edition = new TempEdition(Bilingual, """
            objectives:
              - id: one
                number: 1
                title: { cy: Amcan cyntaf, en: First objective }
                statement: Only in English.
              - id: two
                number: 2
                title:
                  en: Second objective
            """);
        var result = new ReportBuilder(new BuildOptions(Path.Combine(edition.Root, "out"), TemplatesRoot: RepoPaths.Templates)).Check(edition.Folder);
        var missing = result.Where(d => d.Code == DiagnosticCodes.TranslationMissing).OrderBy(d => d.Location!.Line).ToList();
        Assert.Equal(2, missing.Count);
        Assert.All(missing, d => Assert.EndsWith("objectives.yaml", d.Location!.File, StringComparison.Ordinal));
        Assert.Equal(LineOf(edition, "objectives.yaml", "Only in English."), missing[0].Location!.Line);
        Assert.Contains("in one language only", missing[0].Message, StringComparison.Ordinal);
        Assert.Contains("{ cy: ..., en: ... }", missing[0].Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(edition, "objectives.yaml", "en: Second objective"), missing[1].Location!.Line);
        Assert.Contains("no Welsh (cy)", missing[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_the_edition_is_not_written_in_is_reported_and_a_single_language_edition_may_take_either()
    {
        using var edition = new TempEdition(Bilingual, """
            objectives:
              - id: one
                number: 1
                title: { cy: Amcan, en: Objective, fr: Objectif }
            """);
        var diagnostics = new DiagnosticBag();
        EditionLoader.Load(edition.Folder, diagnostics);
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.TranslationMissing && d.Message.Contains("'fr'", StringComparison.Ordinal));

        using var english = new TempEdition("organisation:\n  name: { cy: Cyngor Prawf, en: Test Council }\nedition:\n  title: { en: Report, cy: Adroddiad }\n", null);
        var read = EditionLoader.Load(english.Folder, diagnostics = new DiagnosticBag())!;
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal(("Test Council", "Report"), (read.Organisation.Name, read.Info.Title));
    }

    [Fact]
    public void An_edition_in_several_languages_needs_a_set_with_labels()
    {
        using var edition = new TempEdition(Bilingual.Replace("default@7", "default@6"), null);
        var result = new ReportBuilder(new BuildOptions(Path.Combine(edition.Root, "out"), TemplatesRoot: RepoPaths.Templates)).Check(edition.Folder);
        Assert.Contains(result, d => d.Severity == Severity.Error && d.Message.Contains("prints fixed English words", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ligature_copied_out_of_a_PDF_is_read_as_its_letters()
    {
        using var edition = new TempEdition("organisation:\n  name: Oﬃce of the Commissioner\nedition:\n  title: \"Our ﬁrst ﬂagship report\"\n", null);
        var read = EditionLoader.Load(edition.Folder, new DiagnosticBag())!;
        Assert.Equal(("Office of the Commissioner", "Our first flagship report"), (read.Organisation.Name, read.Info.Title));
    }

    [Fact]
    public async Task Each_languages_tables_have_its_own_titles_and_notes_and_the_same_figures()
    {
        using var data = new DataEdition("""
            sources:
              - id: staff
                title: { cy: Rhestr staff, en: Staff list }
                file: data/staff.xlsx
                sheet: Staff
                fields: { sex: Sex }
            """, """
            tables:
              - id: by-sex
                title: { cy: Staff yn ôl rhyw, en: Staff by sex }
                source: staff
                rows: sex
                notes:
                  - { cy: Nodyn am y tabl., en: A note on the table. }
            """);
        File.WriteAllText(Path.Combine(data.Folder, "edition.yaml"), Bilingual);
        File.Delete(Path.Combine(data.Folder, "objectives.yaml"));
        data.Workbook("staff.xlsx", "Staff", [["Sex"], .. Enumerable.Repeat<object?[]>(["Female"], 30), .. Enumerable.Repeat<object?[]>(["Male"], 20)]);
        await using var builder = new ReportBuilder(new BuildOptions(Path.Combine(data.Root, "out"), OutputFormats.Html, RepoPaths.Templates));
        var result = await builder.BuildAsync(data.Folder);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var cy = File.ReadAllText(Path.Combine(result.OutputFolder!, "cy", "index.html"));
        var en = File.ReadAllText(Path.Combine(result.OutputFolder!, "en", "index.html"));
        Assert.Contains("Staff yn ôl rhyw", cy, StringComparison.Ordinal);
        Assert.Contains("Nodyn am y tabl.", cy, StringComparison.Ordinal);
        Assert.Contains("Ffynhonnell: Rhestr staff.", cy, StringComparison.Ordinal);
        Assert.Contains("Benyw", cy, StringComparison.Ordinal);
        Assert.Contains("Staff by sex", en, StringComparison.Ordinal);
        Assert.Contains("A note on the table.", en, StringComparison.Ordinal);
        Assert.Contains("Source: Staff list.", en, StringComparison.Ordinal);
        Assert.DoesNotContain("Staff yn ôl rhyw", en, StringComparison.Ordinal);
        // The same figures, with the same ids, in both (a symbol in each language's mark: N/A, Amh.).
        static IEnumerable<string> Figures(string html) => System.Text.RegularExpressions.Regex.Matches(html, "data-figure=\"([^\"]+)\">([^<]+)<")
            .Select(m => m.Groups[1].Value + "=" + (m.Groups[2].Value.Any(char.IsDigit) ? m.Groups[2].Value : "symbol"));
        Assert.NotEmpty(Figures(cy));
        Assert.Equal(Figures(en), Figures(cy));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_value_of_the_data_a_table_prints_needs_a_name_in_each_language(bool named)
    {
        using var data = new DataEdition("""
            sources:
              - id: staff
                title: { cy: Rhestr staff, en: Staff list }
                file: data/staff.xlsx
                sheet: Staff
                fields: { sex: Sex, role: Role }
            """, """
            tables:
              - id: sex-by-role
                title: { cy: Staff yn ôl rhyw a rôl, en: Staff by sex and role }
                source: staff
                rows: sex
                columns: role
            """ + (named ? "\nnames:\n  Officer: { cy: Swyddog, en: Officer }\n  Support: { cy: Cymorth, en: Support }\n" : ""));
        File.WriteAllText(Path.Combine(data.Folder, "edition.yaml"), Bilingual);
        File.Delete(Path.Combine(data.Folder, "objectives.yaml"));
        data.Workbook("staff.xlsx", "Staff", [["Sex", "Role"], .. Enumerable.Repeat<object?[]>(["Female", "Officer"], 30), .. Enumerable.Repeat<object?[]>(["Male", "Support"], 20)]);
        await using var builder = new ReportBuilder(new BuildOptions(Path.Combine(data.Root, "out"), OutputFormats.Html, RepoPaths.Templates));
        var result = await builder.BuildAsync(data.Folder);
        if (!named)
        {
            var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
            Assert.Equal(DiagnosticCodes.TranslationMissing, error.Code);
            Assert.EndsWith("statistics.yaml", error.Location!.File, StringComparison.Ordinal);
            Assert.Equal(2, error.Location.Line);
            Assert.Contains("'Officer', 'Support'", error.Message, StringComparison.Ordinal);
            Assert.Contains("no Welsh name", error.Message, StringComparison.Ordinal);
            return;
        }
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var cy = File.ReadAllText(Path.Combine(result.OutputFolder!, "cy", "index.html"));
        Assert.Contains(">Swyddog<", cy, StringComparison.Ordinal);
        Assert.Contains(">Cymorth<", cy, StringComparison.Ordinal);
        Assert.DoesNotContain(">Officer<", cy, StringComparison.Ordinal);
        Assert.Contains(">Officer<", File.ReadAllText(Path.Combine(result.OutputFolder!, "en", "index.html")), StringComparison.Ordinal);
    }

    /// <summary>A key with no text before its colon (found by the fuzzer: " : r" threw while its text was read by language).</summary>
    [Theory]
    [InlineData(" : r")]
    [InlineData("title: x\n : r\n")]
    [InlineData("? [a, b]\n: c\n")]
    [InlineData("objectives:\n  - title: { : x }\n")]
    public void A_file_of_odd_keys_is_read_or_reported_never_a_crash(string yaml)
    {
        using var edition = new TempEdition(Bilingual, yaml);
        var diagnostics = new DiagnosticBag();
        EditionLoader.Load(edition.Folder, diagnostics, evenWithErrors: true);
        Assert.Contains(diagnostics.Items, d => d.Severity == Severity.Error);
    }
}
