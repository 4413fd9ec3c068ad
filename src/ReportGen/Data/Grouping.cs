using CsvHelper;

namespace ReportGen.Data;

/// <summary>
/// Another way of grouping a classification's categories into a table's rows, shipped as a data file
/// (Data/Groupings/&lt;classification&gt;.csv): for ethnicity, the 5B and 5A broad groups (Chinese under Asian or under
/// Other), White against "Black, Asian and minority ethnic" or against "Ethnic minorities (excluding White
/// minorities)", and White British against everyone else. Each grouping says in a note what it counts, so a table
/// always states the definition it used.
/// </summary>
public sealed class Grouping
{
    public string Name { get; }
    public string Description { get; }
    /// <summary>The rows in publication order, "Not stated" last.</summary>
    public IReadOnlyList<string> Rows { get; }
    private readonly Dictionary<string, (string Row, bool Uncertain)> _byCode;
    private readonly Dictionary<string, string> _byGroup;

    private Grouping(string name, string description, IReadOnlyList<string> rows,
        Dictionary<string, (string, bool)> byCode, Dictionary<string, string> byGroup)
    {
        Name = name;
        Description = description;
        Rows = rows;
        _byCode = byCode;
        _byGroup = byGroup;
    }

    /// <summary>The row a category falls in, and whether that is an assumption (the record gave only a broad group).</summary>
    public (string Row, bool Uncertain) RowOf(Category category)
    {
        if (category.IsNotStated) return (Classification.NotStatedLabel, false);
        if (_byCode.TryGetValue(category.Code, out var explicitRow)) return explicitRow;
        return _byGroup.TryGetValue(category.Group, out var row) ? (row, false) : (Classification.NotStatedLabel, true);
    }

    /// <summary>The groupings shipped for each classification: classification name → grouping name → grouping.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, Grouping>> BuiltIn { get; } = LoadBuiltIn();

    public static IReadOnlyList<string> NamesFor(string classification) =>
        BuiltIn.TryGetValue(classification, out var groupings) ? groupings.Keys.ToList() : [];

    private static Dictionary<string, IReadOnlyDictionary<string, Grouping>> LoadBuiltIn()
    {
        var assembly = typeof(Grouping).Assembly;
        string Read(string resource)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            return reader.ReadToEnd();
        }

        var descriptions = new Dictionary<(string, string), string>();
        using (var csv = CsvReader.FromText(Read("Groupings.descriptions.csv"), new CsvReaderOptions { HasHeader = false, CommentPrefix = '#' }))
            while (csv.Read()) descriptions[(csv.GetString(0), csv.GetString(1))] = csv.GetString(2);

        var result = new Dictionary<string, IReadOnlyDictionary<string, Grouping>>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith("Groupings.", StringComparison.Ordinal) && n != "Groupings.descriptions.csv").Order(StringComparer.Ordinal))
        {
            var name = resource["Groupings.".Length..^".csv".Length].Replace('-', '_');
            var classification = Classification.BuiltIn[name];
            result[name] = Parse(classification, Read(resource), descriptions);
        }
        return result;
    }

    private static Dictionary<string, Grouping> Parse(Classification classification, string text, Dictionary<(string, string), string> descriptions)
    {
        var rows = new List<(string Grouping, string Row, int Order, string Members)>();
        using (var csv = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false, CommentPrefix = '#' }))
            while (csv.Read()) rows.Add((csv.GetString(0), csv.GetString(1), csv.Parse<int>(2), csv.GetString(3)));

        var result = new Dictionary<string, Grouping>(StringComparer.Ordinal);
        foreach (var set in rows.GroupBy(r => r.Grouping))
        {
            var byCode = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
            var byGroup = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in set)
            foreach (var member in row.Members.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var uncertain = member.EndsWith('?');
                var name = member.TrimEnd('?');
                if (name.StartsWith('['))
                {
                    var group = name.Trim('[', ']');
                    if (!classification.Groups.Contains(group)) throw new InvalidDataException($"grouping {set.Key}: no group '{group}' in {classification.Name}");
                    byGroup[group] = row.Row;
                }
                else
                {
                    if (classification.Categories.All(c => c.Code != name)) throw new InvalidDataException($"grouping {set.Key}: no category '{name}' in {classification.Name}");
                    byCode[name] = (row.Row, uncertain);
                }
            }
            var ordered = set.OrderBy(r => r.Order).Select(r => r.Row).Distinct().Where(r => r != Classification.NotStatedLabel).Append(Classification.NotStatedLabel).ToList();
            result[set.Key] = new Grouping(set.Key, descriptions.GetValueOrDefault((classification.Name, set.Key)) ?? "", ordered, byCode, byGroup);
        }
        return result;
    }
}
