using System.Globalization;
using ReportGen.Content;
using ReportGen.Data;

namespace ReportGen.Statistics;

/// <summary>
/// The 'where:' conditions of a table or a benchmark: field → a value, a list of values, 'blank', 'not blank', or a
/// date range { from: 2016-04, to: 2017-03 } (either end may be left out; each end covers the whole year, month or
/// day it names). Values match a category's code, label or broad group, or a text field's value, ignoring case and
/// surrounding spaces. All conditions must hold.
/// </summary>
public static class RecordFilter
{
    public const string Blank = "blank";
    public const string NotBlank = "not blank";

    /// <summary>One condition on one field.</summary>
    public sealed record Condition(string Field, IReadOnlyList<string> Values, PartialDate? From, PartialDate? To)
    {
        public bool IsRange => From is not null || To is not null;

        public bool Matches(object? value)
        {
            if (IsRange)
                return value is DateTime d && (From is not { } from || d.Date >= Day(from.Start)) && (To is not { } to || d.Date < Day(to.EndExclusive));
            return Values.Any(v => MatchesValue(value, v));
        }

        private static DateTime Day(DateTime moment) => new(moment.Year, moment.Month, moment.Day);
    }

    public static IEnumerable<DataRecord> Apply(RecordSet set, IReadOnlyDictionary<string, object>? where)
    {
        if (where is null || where.Count == 0) return set.Records;
        var conditions = Parse(where).Select(c => (Index: set.IndexOf(c.Field), Condition: c)).ToList();
        // A field the source does not have matches nothing; 'check' reports it where it is written.
        return set.Records.Where(r => conditions.All(c => c.Index >= 0 && c.Condition.Matches(r.Values[c.Index])));
    }

    /// <summary>The conditions as written; a value that is neither text, a list nor a range gives a condition that matches nothing.</summary>
    public static IReadOnlyList<Condition> Parse(IReadOnlyDictionary<string, object> where) =>
        where.Select(w => Range(w.Value, out var from, out var to)
            ? new Condition(w.Key, [], from, to)
            : new Condition(w.Key, Values(w.Value), null, null)).ToList();

    /// <summary>Whether <paramref name="value"/> is a date range, { from: …, to: … }; false for a value or list.</summary>
    public static bool Range(object? value, out PartialDate? from, out PartialDate? to)
    {
        from = to = null;
        if (value is not IDictionary<object, object> map) return false;
        foreach (var (key, end) in map)
        {
            PartialDate? date = PartialDate.TryParse(end?.ToString(), out var parsed) ? parsed : null;
            if (string.Equals(key?.ToString(), "from", StringComparison.Ordinal)) from = date;
            if (string.Equals(key?.ToString(), "to", StringComparison.Ordinal)) to = date;
        }
        return true;
    }

    public static IReadOnlyList<string> Values(object value) => value switch
    {
        string s => [s.Trim()],
        IDictionary<object, object> => [],
        IEnumerable<object> list => list.Select(v => v?.ToString()?.Trim() ?? "").ToList(),
        _ => [Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? ""],
    };

    public static bool MatchesValue(object? value, string expected)
    {
        if (expected.Equals(Blank, StringComparison.OrdinalIgnoreCase)) return value is null;
        if (expected.Equals(NotBlank, StringComparison.OrdinalIgnoreCase)) return value is not null;
        return value switch
        {
            Category c => Same(c.Code, expected) || Same(c.Label, expected) || Same(c.Group, expected),
            string s => Same(s, expected),
            double d => Same(d.ToString(CultureInfo.InvariantCulture), expected),
            DateTime d => Same(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), expected),
            _ => false,
        };
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
