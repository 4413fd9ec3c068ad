using System.Text.RegularExpressions;
using ReportGen.Content;
using ReportGen.Diagnostics;
using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// Label sets (<see cref="LabelSet"/>): the tool's and every template set's, complete in each language they ship, with
/// the placeholders the tool and templates give; plural forms, placeholders, escaping, overrides and the translation
/// of the tool's English table headers.
/// </summary>
public sealed partial class LabelSetTests
{
    private static TemplateSet Set(string name)
    {
        var diagnostics = new DiagnosticBag();
        var set = TemplateSet.Locate(name, RepoPaths.Templates, RepoPaths.Content, diagnostics);
        Assert.True(set is not null, string.Join("; ", diagnostics.Items));
        return set!;
    }

    /// <summary>Every template set that takes its words from label files.</summary>
    public static TheoryData<string> SetsWithLabels()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(RepoPaths.Templates).Order(StringComparer.Ordinal))
            if (Directory.Exists(Path.Combine(folder, LabelSet.SetFolder))) data.Add(Path.GetFileName(folder));
        return data;
    }

    private static LabelSet Labels(string set, string language)
    {
        var diagnostics = new DiagnosticBag();
        var labels = LabelSet.ForSet(Set(set), language, diagnostics, new SourceLocation("test"));
        Assert.True(labels is not null, string.Join("; ", diagnostics.Items));
        return labels!;
    }

    private static IReadOnlyList<string> Languages(string set) =>
        Directory.EnumerateFiles(Path.Combine(Set(set).Root, LabelSet.SetFolder), "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void The_tool_ships_English_and_Welsh_with_the_same_labels()
    {
        Assert.Equal(["cy", "en"], LabelSet.ToolLanguages);
        var en = LabelSet.Tool("en");
        var cy = LabelSet.Tool("cy");
        Assert.Equal(en.Keys.Order(StringComparer.Ordinal), cy.Keys.Order(StringComparer.Ordinal));
        // The tool gives the English label's values; a translation may leave one out, never ask for another.
        foreach (var key in en.Keys)
            Assert.True(cy.Placeholders(key).IsSubsetOf(en.Placeholders(key)), $"{key}: cy asks for {string.Join(", ", cy.Placeholders(key).Except(en.Placeholders(key)))}");
    }

    [Theory]
    [MemberData(nameof(SetsWithLabels))]
    public void Every_language_of_a_set_has_every_label_of_its_English(string set)
    {
        var en = Labels(set, "en");
        Assert.Contains("cy", Languages(set));
        foreach (var language in Languages(set))
        {
            var labels = Labels(set, language);
            Assert.Equal(en.Keys.Order(StringComparer.Ordinal), labels.Keys.Order(StringComparer.Ordinal));
            foreach (var key in en.Keys)
                Assert.True(labels.Placeholders(key).IsSubsetOf(en.Placeholders(key)), $"{language} {key}: asks for {string.Join(", ", labels.Placeholders(key).Except(en.Placeholders(key)))}");
        }
    }

    [GeneratedRegex("""(?:label|label_with|css_label)\s+"(?<key>[^"]+)"|\["(?<key>[a-z_]+\.[a-z_.]+)",""")]
    private static partial Regex LabelUse();

    [Theory]
    [MemberData(nameof(SetsWithLabels))]
    public void Every_label_a_template_prints_is_in_every_language_of_the_set(string set)
    {
        var used = Directory.EnumerateFiles(Set(set).Root, "*.sbn-html", SearchOption.AllDirectories)
            .SelectMany(f => LabelUse().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value)).ToHashSet(StringComparer.Ordinal);
        Assert.True(used.Count > 100, $"only {used.Count} labels found in the templates: the scan is broken");
        foreach (var language in Languages(set))
        {
            var labels = Labels(set, language);
            Assert.DoesNotContain(used, k => !labels.Has(k));
        }
    }

    [Theory]
    [MemberData(nameof(SetsWithLabels))]
    public void Every_character_of_every_label_is_in_the_sets_fonts(string set)
    {
        var fonts = Set(set).ChartText!;
        foreach (var language in Languages(set))
        {
            var labels = Labels(set, language);
            var texts = labels.Keys.SelectMany(k => labels.Find(k)!.Texts).Concat(labels.Categories.Values);
            var missing = texts.SelectMany(t => t).Where(c => !char.IsControl(c) && !fonts.Covers(c.ToString())).Distinct().ToList();
            Assert.True(missing.Count == 0, $"{language}: the fonts lack {string.Concat(missing)}");
        }
    }

    [Fact]
    public void Welsh_numbers_take_the_plural_form_of_their_CLDR_category()
    {
        var cy = LabelSet.Tool("cy");
        Assert.Equal(["zero", "one", "two", "few", "many", "other", "other", "other"], new long[] { 0, 1, 2, 3, 6, 4, 5, 7 }.Select(cy.PluralOf));
        var en = LabelSet.Tool("en");
        Assert.Equal(["other", "one", "other", "other"], new long[] { 0, 1, 2, 6 }.Select(en.PluralOf));
    }

    [Fact]
    public void A_label_with_a_form_per_number_prints_the_form_of_the_number_given()
    {
        using var set = new TempSet("""
            language: cy
            labels:
              count:
                zero: "dim amcanion"
                one: "{n} amcan"
                two: "{n} amcan (dau)"
                other: "{n} o amcanion"
            """);
        var labels = set.Labels("cy");
        Assert.Equal("dim amcanion", labels.Text("count", ("n", 0)));
        Assert.Equal("1 amcan", labels.Text("count", ("n", 1)));
        Assert.Equal("2 amcan (dau)", labels.Text("count", ("n", 2)));
        Assert.Equal("1,200 o amcanion", labels.Text("count", ("n", 1200)));
        Assert.Throws<LabelException>(() => labels.Text("count"));
    }

    private static PartialDate Date(string text) => PartialDate.TryParse(text, out var date) ? date : throw new ArgumentException(text);

    [Fact]
    public void Dates_are_in_the_label_sets_month_names_whatever_the_machine()
    {
        Assert.Equal("30 Mehefin 2022", Date("2022-06-30").Display(LabelSet.Tool("cy").Culture));
        Assert.Equal("Ebrill 2021", Date("2021-04").Display(LabelSet.Tool("cy").Culture));
        Assert.Equal("30 June 2022", Date("2022-06-30").Display(LabelSet.Tool("en").Culture));
        Assert.Equal("1,234.5", 1234.5.ToString("N1", LabelSet.Tool("cy").Culture));
    }

    [Fact]
    public void As_HTML_a_labels_words_and_its_text_values_are_escaped_and_its_markup_values_are_not()
    {
        using var set = new TempSet("""
            language: en
            labels:
              sentence: "Fish & chips <b> {value} and {markup}"
            """);
        var html = set.Labels("en").Html("sentence", new Dictionary<string, object?> { ["value"] = "<script>", ["markup"] = new HtmlFragment("<a href=\"#x\">x</a>") }).Html;
        Assert.Equal("Fish &amp; chips &lt;b&gt; &lt;script&gt; and <a href=\"#x\">x</a>", html);
    }

    [Fact]
    public void The_page_number_label_becomes_CSS_content_with_the_page_counters()
    {
        var labels = Labels("default@7", "cy");
        Assert.Equal("\"Tudalen \" counter(page) \" o \" counter(pages)", labels.CssContent("page.number", new Dictionary<string, string> { ["page"] = "page", ["pages"] = "pages" }));
    }

    [Theory]
    [InlineData("Difference from Total (percentage points)", "Gwahaniaeth o'i gymharu â'r grŵp Cyfanswm (pwyntiau canran)")]
    [InlineData("Rate per 1,000 people", "Cyfradd fesul 1,000 o bobl")]
    [InlineData("Change since 2019-20 (percentage points)", "Newid ers 2019-20 (pwyntiau canran)")]
    [InlineData("Percentage", "Canran")]
    [InlineData("English, Welsh, Scottish, Northern Irish or British", "Cymreig, Seisnig, Albanaidd, Gwyddelig Gogledd Iwerddon neu Brydeinig")]
    [InlineData("Ethnic group", "Grŵp ethnig")]
    [InlineData("Promoted (%)", "Promoted (%)")]
    [InlineData("Rank", "Rank")]
    public void A_header_the_tool_made_in_English_is_printed_in_the_sets_language(string english, string welsh)
    {
        Assert.Equal(welsh, LabelSet.Tool("cy").Translate(english));
        Assert.Equal(english, LabelSet.Tool("en").Translate(english));
    }

    [Fact]
    public void Every_classification_category_and_group_has_a_Welsh_name()
    {
        var cy = LabelSet.Tool("cy");
        var names = ReportGen.Data.Classification.BuiltIn.Values.SelectMany(c => c.Categories.SelectMany(k => new[] { k.Label, k.Group }))
            .Concat(ReportGen.Data.Classification.BuiltIn.Keys.Select(ReportGen.Statistics.TableGrouping.Heading)).Distinct().ToList();
        Assert.DoesNotContain(names, n => !cy.HasCategory(n));
    }

    [Fact]
    public void Renaming_the_four_terms_leaves_no_label_that_says_objective()
    {
        var at = new SourceLocation("edition.yaml", 3);
        var renamed = Labels("default@7", "en").WithOverrides(
            [("term.Objective", "Outcome", at), ("term.objective", "outcome", at), ("term.Objectives", "Outcomes", at), ("term.objectives", "outcomes", at)], new DiagnosticBag())!;
        foreach (var key in renamed.Keys)
        {
            var values = renamed.Placeholders(key).ToDictionary(p => p, p => (object?)(p == "n" ? 2 : "X"), StringComparer.Ordinal);
            var text = renamed.Html(key, values).Html;
            Assert.DoesNotContain("objective", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void An_override_of_a_label_that_does_not_exist_is_an_error_with_the_nearest_key()
    {
        var diagnostics = new DiagnosticBag();
        var result = Labels("default@7", "en").WithOverrides([("section.glosary", "Terms we use", new SourceLocation("edition.yaml", 12, 3))], diagnostics);
        Assert.Null(result);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(12, error.Location!.Line);
        Assert.Contains("'section.glossary'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_may_leave_out_a_value_but_never_ask_for_one_it_is_not_given()
    {
        var labels = Labels("default@7", "en");
        var at = new SourceLocation("edition.yaml", 9);
        Assert.Equal("Strand 3:", labels.WithOverrides([("objective.label", "Strand {number}:", at)], new DiagnosticBag())!.Text("objective.label", ("term", "Objective"), ("number", "3")));
        var diagnostics = new DiagnosticBag();
        Assert.Null(labels.WithOverrides([("objective.label", "{term} {count}:", at)], diagnostics));
        Assert.Contains("{count}", Assert.Single(diagnostics.Items).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_that_refers_back_to_itself_is_an_error()
    {
        var at = new SourceLocation("edition.yaml", 4);
        var diagnostics = new DiagnosticBag();
        Assert.Null(Labels("default@7", "en").WithOverrides([("term.Objective", "{term.objective}", at), ("term.objective", "{term.Objective}", at)], diagnostics));
        Assert.Contains(diagnostics.Items, d => d.Message.Contains("back to itself", StringComparison.Ordinal));
    }

    [Fact]
    public void A_set_without_a_file_for_the_language_says_which_it_has()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(LabelSet.ForSet(Set("default@7"), "ga", diagnostics, new SourceLocation("edition.yaml", 8)));
        var error = Assert.Single(diagnostics.Items);
        Assert.Contains("cy, en", error.Message, StringComparison.Ordinal);
        Assert.Equal(8, error.Location!.Line);
    }

    [Fact]
    public void A_label_file_that_cannot_be_read_is_reported_at_its_line()
    {
        using var set = new TempSet("language: en\nlabels:\n  ok: fine\n  bad: \"an {unclosed\"\n");
        var diagnostics = new DiagnosticBag();
        Assert.Null(LabelSet.ForSet(set.Set, "en", diagnostics, new SourceLocation("edition.yaml")));
        Assert.Equal(4, Assert.Single(diagnostics.Items).Location!.Line);
    }

    /// <summary>A template set of one page and one label file, in a temporary folder.</summary>
    private sealed class TempSet : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("reportgen-labels-").FullName;

        public TempSet(string labels)
        {
            var folder = Path.Combine(_root, "probe@1");
            Directory.CreateDirectory(Path.Combine(folder, LabelSet.SetFolder));
            File.WriteAllText(Path.Combine(folder, TemplateSet.EntryTemplate), "<!DOCTYPE html><html></html>");
            File.WriteAllText(Path.Combine(folder, TemplateSet.SettingsFile), "{ \"labels\": true }");
            var language = Regex.Match(labels, @"language: (\w+)").Groups[1].Value;
            File.WriteAllText(Path.Combine(folder, LabelSet.SetFolder, language + ".yaml"), labels);
            Set = TemplateSet.Locate("probe@1", _root, _root, new DiagnosticBag())!;
        }

        public TemplateSet Set { get; }

        public LabelSet Labels(string language)
        {
            var diagnostics = new DiagnosticBag();
            var labels = LabelSet.ForSet(Set, language, diagnostics, new SourceLocation("test"));
            Assert.True(labels is not null, string.Join("; ", diagnostics.Items));
            return labels!;
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
