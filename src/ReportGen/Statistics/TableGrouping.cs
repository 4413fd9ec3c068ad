using ReportGen.Content;
using ReportGen.Data;

namespace ReportGen.Statistics;

/// <summary>
/// The records a table counts (after 'where:') and the row each falls in: a classification's broad group or
/// category, or a text value; a blank value falls in "Not stated". Counts keep the sheet rows that fed them.
/// </summary>
internal sealed class TableGrouping
{
    public const string NotStatedLabel = "Not stated";

    private readonly RecordSet _set;
    private readonly int _rowsIndex;
    private readonly bool _detailed;

    public TableDeclaration Table { get; }
    public List<DataRecord> Records { get; }
    public IReadOnlyList<string> RowKeys { get; }
    public FieldSpec RowsField { get; }

    public TableGrouping(TableDeclaration table, RecordSet set)
    {
        Table = table;
        _set = set;
        RowsField = set.Field(table.Rows!)!;
        _rowsIndex = set.IndexOf(RowsField.Name);
        _detailed = table.Level == "category";
        Records = RecordFilter.Apply(set, table.Where).ToList();
        RowKeys = KeysOf(RowsField, _detailed, table.Order);
    }

    /// <summary>The population source of a table's benchmark, grouped by the same rows, filtered by the benchmark's 'where:'.</summary>
    public static TableGrouping ForBenchmark(TableDeclaration table, RecordSet population) =>
        new(new TableDeclaration { Rows = table.Rows, Level = table.Level, Where = table.Benchmark!.Where }, population);

    public static string KeyOf(object? value, bool detailed) => value switch
    {
        Category c => detailed ? c.Label : c.Group,
        string s => s,
        DateTime d => MonthOf(d),
        _ => NotStatedLabel,
    };

    /// <summary>A date field groups by calendar month: "April 2016".</summary>
    private static string MonthOf(DateTime date) => date.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public string RowOf(DataRecord record) => KeyOf(record.Values[_rowsIndex], _detailed);

    public string ValueOf(DataRecord record, string field) => KeyOf(record.Values[_set.IndexOf(field)], false);

    /// <summary>The weighted count of the records in <paramref name="row"/> (all rows when null) that satisfy <paramref name="where"/>.</summary>
    public Figure Count(string? row, Func<DataRecord, bool>? where, string what)
    {
        var matching = Records.Where(r => (row is null || RowOf(r) == row) && (where is null || where(r))).ToList();
        return new Figure(FigureKind.Count, matching.Sum(_set.WeightOf),
            new Provenance(_set.Id, _set.File, _set.Sheet, matching.Select(r => r.Row).ToList(), what))
        {
            IsNotStatedCount = row == NotStatedLabel,
        };
    }

    public IReadOnlyList<string> KeysOf(FieldSpec field, bool detailed, IReadOnlyList<string>? order)
    {
        var index = _set.IndexOf(field.Name);
        if (field.Standardiser is { } standardiser)
        {
            var classification = standardiser.Classification;
            if (!detailed) return [.. classification.Groups];
            var present = Records.Select(r => KeyOf(r.Values[index], true)).ToHashSet();
            return classification.Categories.Where(c => present.Contains(c.Label) || !c.Label.Contains("(category not given)", StringComparison.Ordinal))
                .Select(c => c.Label).Distinct().ToList();
        }
        if (field.Kind == FieldKind.Date)
        {
            var months = Records.Select(r => r.Values[index]).OfType<DateTime>().Select(d => new DateTime(d.Year, d.Month, 1)).Distinct().Order().Select(MonthOf).ToList();
            return Records.Any(r => r.Values[index] is null) ? [.. months, NotStatedLabel] : months;
        }
        var values = Records.Select(r => KeyOf(r.Values[index], false)).Distinct().ToList();
        var listed = (order ?? []).Where(values.Contains).ToList();
        return [.. listed, .. values.Where(v => v != NotStatedLabel && !listed.Contains(v)).Order(StringComparer.Ordinal), .. values.Where(v => v == NotStatedLabel)];
    }

    /// <summary>Whether a record's outcome is one of the declared successes.</summary>
    public Func<DataRecord, bool> Succeeded()
    {
        var outcome = Table.Outcome!;
        var success = outcome.Success!.Select(v => v.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return r => success.Contains(ValueOf(r, outcome.Field!));
    }

    public static string Heading(string field) => field switch
    {
        "ethnicity" => "Ethnic group",
        "sexual_orientation" => "Sexual orientation",
        "gender_identity" => "Gender identity",
        "age" => "Age band",
        _ => char.ToUpperInvariant(field[0]) + field[1..].Replace('_', ' '),
    };
}
