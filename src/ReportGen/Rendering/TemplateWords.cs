using System.Text.RegularExpressions;
using ReportGen.Diagnostics;

namespace ReportGen.Rendering;

/// <summary>
/// The check that a set with labels prints no words of its own: in each of its templates, the text outside Scriban's
/// <c>{{ }}</c> and outside markup, and the values of the attributes a reader hears (aria-label, title, alt …), hold no
/// letter. A word there would be printed in every language as it is; it belongs in the set's label files.
/// </summary>
public static partial class TemplateWords
{
    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex Code();

    [GeneratedRegex(@"<!--.*?-->|<script\b.*?</script>|<style\b.*?</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Unprinted();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\b(?:aria-label|aria-description|aria-roledescription|aria-placeholder|aria-valuetext|title|alt|placeholder|label|summary)\s*=\s*""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex SpokenAttribute();

    [GeneratedRegex(@"&[a-zA-Z]+;|&#[0-9]+;|&#x[0-9a-fA-F]+;")]
    private static partial Regex Entity();

    /// <summary>The words each template of the set prints of its own, each with its file and line; none for a set that passes.</summary>
    public static IReadOnlyList<(string File, int Line, string Words)> Find(TemplateSet set)
    {
        var found = new List<(string, int, string)>();
        foreach (var path in Directory.EnumerateFiles(set.Root, "*.sbn-html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(path);
            // Blank out, keeping every character's place (so lines stay where they are): code, then what is never printed.
            var blank = Blank(text, Code());
            blank = Blank(blank, Unprinted());
            foreach (Match attribute in SpokenAttribute().Matches(blank))
                Report(attribute.Groups[1].Value, attribute.Groups[1].Index);
            blank = Blank(blank, Tag());
            blank = Blank(blank, Entity());
            foreach (Match words in Regex.Matches(blank, @"[^\s]*\p{L}[^\s]*(?:\s+[^\s]*\p{L}[^\s]*)*"))
                Report(words.Value, words.Index);

            void Report(string value, int at)
            {
                if (!value.Any(char.IsLetter)) return;
                found.Add((Content.DisplayPaths.Relative(path), text[..at].Count(c => c == '\n') + 1, value.Trim()));
            }
        }
        return found;
    }

    public static void Check(TemplateSet set, DiagnosticBag diagnostics)
    {
        foreach (var (file, line, words) in Find(set))
            diagnostics.Error(DiagnosticCodes.TemplateWords,
                $"the template prints '{words}' in every language: set {set.Name} takes its words from its label files; put them in {LabelSet.SetFolder}/<language>.yaml and print them with {{{{ label \"key\" }}}}",
                new SourceLocation(file, line));
    }

    private static string Blank(string text, Regex pattern) =>
        pattern.Replace(text, m => Regex.Replace(m.Value, @"[^\n]", " "));
}
