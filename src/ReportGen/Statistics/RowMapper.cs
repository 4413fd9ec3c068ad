using System.Globalization;
using ReportGen.Content;
using ReportGen.Data;

namespace ReportGen.Statistics;

/// <summary>
/// Decides which row of a table each value falls in, the same way for the table's records and for its population
/// benchmark, so both sides are grouped alike: a classification's broad groups, its detailed categories or another
/// grouping (BME, 5A); a text value, matched without regard to case; a calendar month. A merged label as a source
/// publishes it ("Mixed/Other") joins the rows it stands for into one, on both sides. The notes say which definition
/// was used and where a row rests on an assumption.
/// </summary>
internal sealed class RowMapper
{
    public const string NotStated = Classification.NotStatedLabel;

    private readonly FieldSpec _field;
    private readonly bool _detailed;
    private readonly Grouping? _grouping;
    private readonly Dictionary<string, string> _text = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _merged = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _mergedCategories = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];

    public IReadOnlyList<string> Keys { get; }
    public IReadOnlyList<string> Notes => _notes;

    /// <param name="values">The field's values in the table's records, and in its population's when it has one.</param>
    public RowMapper(TableDeclaration table, FieldSpec field, IReadOnlyList<object?> values, IReadOnlyList<object?>? population)
    {
        _field = field;
        _detailed = table.Level == "category";
        var classification = field.Standardiser?.Classification;
        if (table.Grouping is { } name && classification is not null) _grouping = Grouping.BuiltIn[classification.Name][name];
        foreach (var text in values.Concat(population ?? []).OfType<string>()) _text.TryAdd(text.Trim(), text.Trim());

        var baseKeys = BaseKeys(table, classification, values, population);
        if (classification is not null) JoinMerged(classification, values, population);
        Keys = baseKeys.Select(Final).Distinct().ToList();
        if (_grouping is { Description.Length: > 0 }) _notes.Add(_grouping.Description);
        if (classification is not null) NoteAssumptions(values, population);
    }

    /// <summary>The row <paramref name="value"/> falls in.</summary>
    public string RowOf(object? value) => value switch
    {
        Category { Merges: not null } m => _mergedCategories.GetValueOrDefault(m.Label, NotStated),
        _ => Final(BaseKey(value)),
    };

    private string Final(string key) => _merged.GetValueOrDefault(key, key);

    private string BaseKey(object? value) => value switch
    {
        Category { IsNotStated: true } => NotStated,
        Category c when _detailed => c.Label,
        Category c when _grouping is not null => _grouping.RowOf(c).Row,
        Category c => c.Group,
        string s => _text.GetValueOrDefault(s.Trim(), s.Trim()),
        DateTime d => MonthOf(d),
        _ => NotStated,
    };

    /// <summary>A date field groups by calendar month: "April 2016".</summary>
    public static string MonthOf(DateTime date) => date.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    private List<string> BaseKeys(TableDeclaration table, Classification? classification, IReadOnlyList<object?> values, IReadOnlyList<object?>? population)
    {
        var all = values.Concat(population ?? []).ToList();
        if (classification is not null)
        {
            if (_grouping is not null) return [.. _grouping.Rows];
            if (!_detailed) return [.. classification.Groups];
            var present = all.OfType<Category>().Select(c => c.Label).ToHashSet();
            return classification.Categories.Where(c => present.Contains(c.Label) || !c.Label.Contains("(category not given)", StringComparison.Ordinal))
                .Select(c => c.Label).Distinct().ToList();
        }
        if (_field.Kind == FieldKind.Date)
        {
            var months = values.OfType<DateTime>().Select(d => new DateTime(d.Year, d.Month, 1)).Distinct().Order().Select(MonthOf).ToList();
            return values.Any(v => v is null) ? [.. months, NotStated] : months;
        }
        var keys = all.Select(BaseKey).Distinct().ToList();
        var listed = (table.Order ?? []).Select(o => keys.FirstOrDefault(k => string.Equals(k, o.Trim(), StringComparison.OrdinalIgnoreCase))).OfType<string>().Distinct().ToList();
        return [.. listed, .. keys.Where(k => k != NotStated && !listed.Contains(k)).Order(StringComparer.Ordinal), .. keys.Where(k => k == NotStated)];
    }

    private void JoinMerged(Classification classification, IReadOnlyList<object?> values, IReadOnlyList<object?>? population)
    {
        var merges = values.Concat(population ?? []).OfType<Category>().Where(c => c.Merges is not null).DistinctBy(c => c.Label).ToList();
        foreach (var merge in merges)
        {
            var rows = classification.Categories.Where(c => !c.IsNotStated && merge.Merges!.Any(c.IsIn)).Select(BaseKey).Select(Final).Distinct().ToList();
            if (rows.Count == 0) { _mergedCategories[merge.Label] = NotStated; continue; }
            if (rows.Count == 1) { _mergedCategories[merge.Label] = rows[0]; continue; }
            foreach (var (key, target) in _merged.ToList())
                if (rows.Contains(target)) _merged[key] = merge.Label;
            foreach (var row in rows) _merged[row] = merge.Label;
            _mergedCategories[merge.Label] = merge.Label;
            _notes.Add($"The source gives {string.Join(" and ", rows)} together as '{merge.Label}', so this table shows them together" +
                       (population is null ? "." : ", in the population figures too."));
        }
    }

    private void NoteAssumptions(IReadOnlyList<object?> values, IReadOnlyList<object?>? population)
    {
        if (_grouping is null) return;
        foreach (var (set, whose) in new[] { (values, ""), (population ?? [], "population ") })
        foreach (var category in set.OfType<Category>().Where(c => c.Merges is null).DistinctBy(c => c.Code))
            if (_grouping.RowOf(category) is { Uncertain: true, Row: var row })
                _notes.Add($"Some {whose}records give only the broad group {category.Group}, so under this grouping their row is not known for certain; they are counted " +
                           (row == NotStated ? "as not stated." : $"under {row}."));
    }
}
