using ReportGen.Data;

namespace ReportGen.Statistics;

/// <summary>
/// The 'where:' conditions of a table: field → a value, a list of values, 'blank' or 'not blank'. Values match a
/// category's code, label or group, or a text field's value, ignoring case and surrounding spaces.
/// </summary>
public static class RecordFilter
{
    public const string Blank = "blank";
    public const string NotBlank = "not blank";

    public static IEnumerable<DataRecord> Apply(RecordSet set, IReadOnlyDictionary<string, object>? where)
    {
        if (where is null || where.Count == 0) return set.Records;
        var conditions = where.Select(w => (Index: set.IndexOf(w.Key), Allowed: Values(w.Value))).ToList();
        return set.Records.Where(r => conditions.All(c => Matches(r.Values[c.Index], c.Allowed)));
    }

    public static IReadOnlyList<string> Values(object value) => value switch
    {
        IEnumerable<object> list => list.Select(v => v.ToString()!.Trim()).ToList(),
        _ => [value.ToString()!.Trim()],
    };

    private static bool Matches(object? value, IReadOnlyList<string> allowed)
    {
        foreach (var expected in allowed)
        {
            if (expected.Equals(Blank, StringComparison.OrdinalIgnoreCase)) { if (value is null) return true; continue; }
            if (expected.Equals(NotBlank, StringComparison.OrdinalIgnoreCase)) { if (value is not null) return true; continue; }
            var matched = value switch
            {
                Category c => Same(c.Code, expected) || Same(c.Label, expected) || Same(c.Group, expected),
                string s => Same(s, expected),
                double d => Same(d.ToString(System.Globalization.CultureInfo.InvariantCulture), expected),
                _ => false,
            };
            if (matched) return true;
        }
        return false;
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
