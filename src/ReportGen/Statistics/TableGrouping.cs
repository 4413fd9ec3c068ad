using ReportGen.Content;
using ReportGen.Data;

namespace ReportGen.Statistics;

/// <summary>
/// The records a table counts (after 'where:') and the row each falls in (see <see cref="RowMapper"/>); a blank value
/// falls in "Not stated". Counts keep the sheet rows that fed them. A table and its population benchmark are grouped
/// by one mapper, so both have the same rows and the population's base is everyone its filter selects.
/// </summary>
internal sealed class TableGrouping
{
    public const string NotStatedLabel = Classification.NotStatedLabel;

    private readonly RecordSet _set;
    private readonly int _rowsIndex;
    private readonly RowMapper _mapper;

    public TableDeclaration Table { get; }
    public List<DataRecord> Records { get; }
    public IReadOnlyList<string> RowKeys => _mapper.Keys;
    public IReadOnlyList<string> Notes => _mapper.Notes;
    public RecordSet Set => _set;
    /// <summary>Whether the table adds up full-time equivalents rather than counting people.</summary>
    public bool IsFte => Table.Sum == RecordSet.FteField || _set.IsFte;

    private TableGrouping(TableDeclaration table, RecordSet set, List<DataRecord> records, RowMapper mapper)
    {
        Table = table;
        _set = set;
        Records = records;
        _mapper = mapper;
        _rowsIndex = set.IndexOf(table.Rows!);
    }

    /// <summary>The table's records grouped by its rows, and its population's (when it has a benchmark) grouped alike.</summary>
    public static (TableGrouping Table, TableGrouping? Population) Of(TableDeclaration table, RecordSet set, RecordSet? population)
    {
        var records = RecordFilter.Apply(set, table.Where).ToList();
        var field = set.Field(table.Rows!)!;
        var index = set.IndexOf(field.Name);
        var populationRecords = population is null ? null : RecordFilter.Apply(population, table.Benchmark?.Where).ToList();
        var populationIndex = population?.IndexOf(table.Rows!) ?? -1;
        var mapper = new RowMapper(table, field, records.Select(r => r.Values[index]).ToList(),
            populationRecords?.Select(r => r.Values[populationIndex]).ToList());
        var grouping = new TableGrouping(table, set, records, mapper);
        return (grouping, population is null ? null : new TableGrouping(table, population, populationRecords!, mapper));
    }

    public string RowOf(DataRecord record) => _mapper.RowOf(record.Values[_rowsIndex]);

    /// <summary>The value of another field, as a column key or an outcome: a category's broad group, a text, a month.</summary>
    public string ValueOf(DataRecord record, string field) => record.Values[_set.IndexOf(field)] switch
    {
        Category { IsNotStated: true } => NotStatedLabel,
        Category c => c.Group,
        string s => s,
        DateTime d => RowMapper.MonthOf(d),
        _ => NotStatedLabel,
    };

    /// <summary>The number of people (or cases, responses) among the records in <paramref name="row"/> (all rows when null) that satisfy <paramref name="where"/>.</summary>
    public Figure Count(string? row, Func<DataRecord, bool>? where, string what)
    {
        var matching = Matching(row, where);
        return new Figure(FigureKind.Count, matching.Sum(_set.HeadcountOf),
            new Provenance(_set.Id, _set.File, _set.Sheet, matching.Select(r => r.Row).ToList(), what))
        {
            IsPublic = _set.IsPublic,
        };
    }

    /// <summary>What the table's cells hold for these records: their number, or their full-time equivalents (with the people behind them).</summary>
    public Figure Measure(string? row, Func<DataRecord, bool>? where, string what)
    {
        if (!IsFte) return Count(row, where, what);
        var matching = Matching(row, where);
        var headcount = _set.HasHeadcount ? Count(row, where, what.Replace("FTE", "headcount", StringComparison.Ordinal)) : null;
        return new Figure(FigureKind.Fte, matching.Sum(_set.FteOf),
            new Provenance(_set.Id, _set.File, _set.Sheet, matching.Select(r => r.Row).ToList(), what))
        {
            Headcount = headcount,
            IsPublic = _set.IsPublic,
        };
    }

    private List<DataRecord> Matching(string? row, Func<DataRecord, bool>? where) =>
        Records.Where(r => (row is null || RowOf(r) == row) && (where is null || where(r))).ToList();

    /// <summary>Whether a record's outcome is one of the declared successes.</summary>
    public Func<DataRecord, bool> Succeeded()
    {
        var outcome = Table.Outcome!;
        var success = outcome.Success!.Select(v => v.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var index = _set.IndexOf(outcome.Field!);
        return r => r.Values[index] switch
        {
            Category c => success.Contains(c.Label) || success.Contains(c.Group) || success.Contains(c.Code),
            double d => success.Contains(d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            var v => success.Contains(ValueOf(r, outcome.Field!)),
        };
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
