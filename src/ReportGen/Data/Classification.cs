using CsvHelper;

namespace ReportGen.Data;

/// <summary>One standard value of a classification, with the broad group it rolls up to.</summary>
public sealed record Category(string Code, string Label, string Group, int Order)
{
    public const string NotStatedCode = "not-stated";
    public bool IsNotStated => Code == NotStatedCode;

    /// <summary>
    /// For a merged label as a source publishes it ("Mixed/Other"): the broad groups or categories it stands for.
    /// Tables that meet it show those together, in the population too, rather than invent a split.
    /// </summary>
    public IReadOnlyList<string>? Merges { get; init; }

    /// <summary>Whether this category is, or is one of the categories of, <paramref name="member"/> (a group, code or label).</summary>
    public bool IsIn(string member) =>
        string.Equals(Group, member, StringComparison.OrdinalIgnoreCase) || string.Equals(Code, member, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Label, member, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A classification shipped with the tool as a data file (Data/Classifications/*.csv): its categories in
/// publication order, their broad groups, and the labels exports really use for each.
/// </summary>
public sealed class Classification
{
    public const string NotStatedLabel = "Not stated";

    public string Name { get; }
    public IReadOnlyList<Category> Categories { get; }
    public IReadOnlyDictionary<Category, IReadOnlyList<string>> Synonyms { get; }

    /// <summary>The broad groups in publication order, "Not stated" last.</summary>
    public IReadOnlyList<string> Groups { get; }

    public Category NotStated => Categories.Single(c => c.IsNotStated);

    private Classification(string name, IReadOnlyList<Category> categories, IReadOnlyDictionary<Category, IReadOnlyList<string>> synonyms)
    {
        Name = name;
        Categories = categories;
        Synonyms = synonyms;
        Groups = categories.GroupBy(c => c.Group).OrderBy(g => g.Min(c => c.Order)).Select(g => g.Key).ToList();
    }

    /// <summary>The classifications shipped with the tool, by name (ethnicity, sex, disability, age, …).</summary>
    public static IReadOnlyDictionary<string, Classification> BuiltIn { get; } = LoadBuiltIn();

    private static Dictionary<string, Classification> LoadBuiltIn()
    {
        var assembly = typeof(Classification).Assembly;
        var result = new Dictionary<string, Classification>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Classifications.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource["Classifications.".Length..^".csv".Length].Replace('-', '_');
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            result[name] = Parse(name, reader.ReadToEnd());
        }
        return result;
    }

    internal static Classification Parse(string name, string text)
    {
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false, CommentPrefix = '#' });
        var categories = new List<Category>();
        var synonyms = new Dictionary<Category, IReadOnlyList<string>>();
        while (csv.Read())
        {
            var category = new Category(csv.GetString(0), csv.GetString(1), csv.GetString(2), csv.Parse<int>(3));
            categories.Add(category);
            synonyms[category] = csv.GetString(4).Split('|').Append(category.Label).ToList();
        }
        return new Classification(name, categories.OrderBy(c => c.Order).ToList(), synonyms);
    }
}
