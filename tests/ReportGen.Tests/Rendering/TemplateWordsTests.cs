using ReportGen.Diagnostics;
using ReportGen.Rendering;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Rendering;

/// <summary>The check that a set with labels prints no words of its own (<see cref="TemplateWords"/>).</summary>
public sealed class TemplateWordsTests
{
    private static TemplateSet Set(string name, string root) => TemplateSet.Locate(name, root, root, new DiagnosticBag())!;

    [Theory]
    [MemberData(nameof(LabelSetTests.SetsWithLabels), MemberType = typeof(LabelSetTests))]
    public void A_set_with_labels_prints_no_word_of_its_own(string set) =>
        Assert.Empty(TemplateWords.Find(Set(set, RepoPaths.Templates)));

    [Fact]
    public void The_check_finds_the_words_of_a_set_before_labels() =>
        Assert.Contains(TemplateWords.Find(Set("default@6", RepoPaths.Templates)), w => w.Words == "Contents" && w.File.EndsWith("contents.sbn-html", StringComparison.Ordinal));

    [Fact]
    public void A_word_in_text_or_in_a_spoken_attribute_is_reported_at_its_line_and_code_and_markup_are_not()
    {
        var root = Directory.CreateTempSubdirectory("reportgen-words-").FullName;
        try
        {
            var folder = Path.Combine(root, "probe@1");
            Directory.CreateDirectory(Path.Combine(folder, "partials"));
            File.WriteAllText(Path.Combine(folder, TemplateSet.EntryTemplate),
                "<!DOCTYPE html>\n<html lang=\"{{ lang }}\"><head><style>p { color: red }</style></head>\n<body class=\"page\">\n" +
                "<p>{{ label \"x\" }} · {{ n + 1 }}%</p>\n<p>Hello {{ name }}</p>\n<!-- a comment -->\n" +
                "<nav aria-label=\"Close menu\"></nav>\n<img alt=\"{{ label \"y\" }}\" src=\"a.png\">&nbsp;\n</body></html>\n");
            File.WriteAllText(Path.Combine(folder, "partials", "p.sbn-html"), "{{~ # a comment with words ~}}\n<span title=\"Tip\">{{ x }}</span>\n");
            var found = TemplateWords.Find(Set("probe@1", root));
            Assert.Equal([(2, "Tip"), (5, "Hello"), (7, "Close menu")], found.Select(f => (f.Line, f.Words)).Order());

            var diagnostics = new DiagnosticBag();
            TemplateWords.Check(Set("probe@1", root), diagnostics);
            Assert.Equal(3, diagnostics.Items.Count(d => d.Code == DiagnosticCodes.TemplateWords));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
