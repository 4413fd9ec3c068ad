using System.Globalization;
using System.Text;
using ReportGen.Content;

namespace ReportGen.Rendering;

/// <summary>The place names (HTML ids) of the parts of a report that the edition names itself.</summary>
public static class Anchors
{
    /// <summary>A section's: its id, else its title made into a place name ("What are equality objectives?" → what-are-equality-objectives).</summary>
    public static string OfSection(Section section) => section.Id ?? Slug(section.Title ?? "", "section");

    public static string OfTheme(Theme theme) => $"theme-{theme.Id}";

    /// <summary>
    /// Lower-case letters and digits of <paramref name="text"/> (accents removed: "Cymraeg ŵ" → cymraeg-w), words
    /// joined by hyphens, at most 60 characters; <paramref name="fallback"/> when nothing is left.
    /// </summary>
    public static string Slug(string text, string fallback)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') builder.Append(c);
            else if (c is >= 'A' and <= 'Z') builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
            if (builder.Length >= 60) break;
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? fallback : slug;
    }
}
