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

    /// <param name="merged">Labels a source uses for several groups or categories at once ("Mixed/Other"), with
    /// what each stands for: they map to a merged category, never to one of its parts.</param>
    public LabelStandardiser(Classification classification, IReadOnlyDictionary<string, string>? extraSynonyms = null,
        IReadOnlyDictionary<string, List<string>>? merged = null)
    {
        Classification = classification;
        foreach (var (category, labels) in classification.Synonyms)
        foreach (var label in labels)
            _lookup.TryAdd(Normalise(label), category);
        foreach (var (label, code) in extraSynonyms ?? new Dictionary<string, string>())
            _lookup[Normalise(label)] = classification.Categories.Single(c => c.Code == code);
        foreach (var (label, members) in merged ?? new Dictionary<string, List<string>>())
            _lookup[Normalise(label)] = new Category("merged:" + Normalise(label), label.Trim(), label.Trim(), 1000) { Merges = members };
    }

    [GeneratedRegex(@"\s*(?:/|&|\+|,|\bor\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Joiners();

    /// <summary>
    /// When <paramref name="label"/> names two or more broad groups or categories at once ("Mixed/Other",
    /// "Asian &amp; Chinese"), the groups it names; otherwise null. Such a label is never matched to one of its parts.
    /// </summary>
    public IReadOnlyList<string>? PartsOfMerged(string label)
    {
        var parts = Joiners().Split(label.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count < 2) return null;
        var named = new List<string>();
        foreach (var part in parts)
        {
            var group = Classification.Groups.FirstOrDefault(g => string.Equals(g, part, StringComparison.OrdinalIgnoreCase));
            if (group is not null) named.Add(group);
            else if (TryMap(part, out var category) && !category.IsNotStated) named.Add(category.Label);
            else return null;
        }
        return named.Distinct().Count() > 1 ? named.Distinct().ToList() : null;
    }

    [GeneratedRegex(@"^(?<code>[a-z]\d|ns)\b")]
    private static partial Regex LeadingCode();

    [GeneratedRegex(@"\s*([-/:,–—])\s*")]
    private static partial Regex Separators();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>
    /// Each label already mapped → its category (null when it maps to none). A column holds a handful of labels over
    /// thousands of rows, and normalising a label costs far more than looking it up.
    /// </summary>
    private readonly Dictionary<string, Category?> _mapped = new(StringComparer.Ordinal);

    public bool TryMap(string? label, out Category category)
    {
        label ??= "";
        if (!_mapped.TryGetValue(label, out var mapped))
        {
            var key = Normalise(label);
            if (!_lookup.TryGetValue(key, out mapped) && LeadingCode().Match(key) is { Success: true } code)
                mapped = _lookup.GetValueOrDefault(code.Groups["code"].Value);
            _mapped[label] = mapped;
        }
        category = mapped!;
        return mapped is not null;
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
