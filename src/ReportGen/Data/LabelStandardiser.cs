using System.Text;
using System.Text.RegularExpressions;

namespace ReportGen.Data;

/// <summary>
/// Maps what exports really say ("W1", "White - British", "white british ", "Prefer not to say") to a
/// classification's standard categories, through its synonym lists and any the edition adds. Matching ignores
/// case, spacing, and the spacing around '-', '/' and ':'; a leading code such as "W1 - " is tried on its own.
/// A label that maps to nothing is reported, never guessed.
/// </summary>
public sealed partial class LabelStandardiser
{
    private readonly Dictionary<string, Category> _lookup = new(StringComparer.Ordinal);

    public Classification Classification { get; }

    public LabelStandardiser(Classification classification, IReadOnlyDictionary<string, string>? extraSynonyms = null)
    {
        Classification = classification;
        foreach (var (category, labels) in classification.Synonyms)
        foreach (var label in labels)
            _lookup.TryAdd(Normalise(label), category);
        foreach (var (label, code) in extraSynonyms ?? new Dictionary<string, string>())
            _lookup[Normalise(label)] = classification.Categories.Single(c => c.Code == code);
    }

    [GeneratedRegex(@"^(?<code>[a-z]\d|ns)\b")]
    private static partial Regex LeadingCode();

    [GeneratedRegex(@"\s*([-/:,–—])\s*")]
    private static partial Regex Separators();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    public bool TryMap(string? label, out Category category)
    {
        var key = Normalise(label ?? "");
        if (_lookup.TryGetValue(key, out category!)) return true;
        var code = LeadingCode().Match(key);
        return code.Success && _lookup.TryGetValue(code.Groups["code"].Value, out category!);
    }

    /// <summary>The known label closest to <paramref name="label"/>, for "did you mean" in a diagnostic.</summary>
    public string? Closest(string label) =>
        Content.Suggest.Closest(Normalise(label), _lookup.Keys.Where(k => k.Length > 2)) is { } key
            ? Classification.Synonyms.First(s => s.Value.Any(v => Normalise(v) == key)).Value.First(v => Normalise(v) == key)
            : null;

    internal static string Normalise(string label)
    {
        var text = label.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant().Replace("&", " and ");
        text = Spaces().Replace(text, " ");
        text = Separators().Replace(text, m => m.Groups[1].Value is "–" or "—" ? "-" : m.Groups[1].Value);
        return text.Trim();
    }
}
