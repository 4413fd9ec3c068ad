using System.Globalization;
using ReportGen.Content;
using ReportGen.Data;
using ReportGen.Diagnostics;

namespace ReportGen.Statistics;

/// <summary>
/// Checks a 'where:' against the rows it filters, so that a misspelt value ("West Midland") is an error naming the
/// values that do exist, not a table of zeros. A value the classification knows but no row has, and a filter that
/// selects nothing altogether, are warnings: the table will count nobody there.
/// </summary>
internal static class FilterCheck
{
    public static void Check(RecordSet set, IReadOnlyDictionary<string, object>? where, SourceLocation location, DiagnosticBag diagnostics)
    {
        if (where is null || where.Count == 0) return;
        var conditions = RecordFilter.Parse(where);
        var allMatch = true;
        foreach (var condition in conditions)
        {
            var index = set.IndexOf(condition.Field);
            if (index < 0)
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue,
                    $"where: source '{set.Id}' has no field '{condition.Field}'; its fields are: {string.Join(", ", set.Fields.Select(f => f.Name))}", location);
                allMatch = false;
                continue;
            }
            var field = set.Fields[index];
            var values = set.Records.Select(r => r.Values[index]).ToList();
            if (condition.IsRange)
            {
                if (values.Any(condition.Matches)) continue;
                var dates = values.OfType<DateTime>().ToList();
                diagnostics.Warning(DiagnosticCodes.FilterMatchesNothing,
                    $"where: no row of source '{set.Id}' has a {condition.Field} from {condition.From?.Iso ?? "the start"} to {condition.To?.Iso ?? "the end"}" +
                    (dates.Count > 0 ? $"; its dates run from {dates.Min():yyyy-MM-dd} to {dates.Max():yyyy-MM-dd}" : "; it has no dates") +
                    ", so the table counts nobody. Check the range", location);
                allMatch = false;
                continue;
            }
            foreach (var expected in condition.Values)
            {
                if (values.Any(v => RecordFilter.MatchesValue(v, expected))) continue;
                allMatch = false;
                var header = set.Declaration.Fields?.GetValueOrDefault(condition.Field);
                var column = header is null ? "" : $", column '{header}'";
                if (expected.Equals(RecordFilter.Blank, StringComparison.OrdinalIgnoreCase) || expected.Equals(RecordFilter.NotBlank, StringComparison.OrdinalIgnoreCase)
                    || field.Standardiser is { } s && Known(s, expected))
                {
                    diagnostics.Warning(DiagnosticCodes.FilterMatchesNothing,
                        $"where: no row of source '{set.Id}' has {condition.Field} '{expected}'{column}, so the table counts nobody there. Check the value, or remove the condition", location);
                    continue;
                }
                var existing = values.Select(Describe).OfType<string>().Concat(values.OfType<Category>().Select(c => c.Group)).Distinct().ToList();
                var nearest = Suggest.Nearest(expected, existing);
                diagnostics.Error(DiagnosticCodes.FilterMatchesNothing,
                    $"where: '{expected}' matches no row of source '{set.Id}' (field '{condition.Field}'{column})" +
                    (nearest.Count > 0 ? $"; the closest values there are {string.Join(", ", nearest.Select(n => $"'{n}'"))}" : "; the field is empty there") +
                    $". Correct the value in {EditionLoader.StatisticsFileName}", location);
            }
        }
        if (allMatch && !RecordFilter.Apply(set, where).Any())
            diagnostics.Warning(DiagnosticCodes.FilterMatchesNothing,
                $"where: each condition matches some rows of source '{set.Id}', but no row meets them all, so the table counts nobody. Check the conditions", location);
    }

    private static bool Known(LabelStandardiser standardiser, string value) =>
        standardiser.TryMap(value, out _) || standardiser.Classification.Groups.Any(g => string.Equals(g, value, StringComparison.OrdinalIgnoreCase))
        || standardiser.Classification.Categories.Any(c => string.Equals(c.Code, value, StringComparison.OrdinalIgnoreCase));

    private static string? Describe(object? value) => value switch
    {
        Category c => c.Label,
        string s => s,
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => null,
    };
}
