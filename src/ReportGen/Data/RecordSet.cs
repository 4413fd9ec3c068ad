using ReportGen.Content;

namespace ReportGen.Data;

public enum FieldKind { Category, Date, Number, Text }

/// <summary>A declared field: its column header, what kind of value it holds, and where it was found.</summary>
public sealed record FieldSpec(string Name, string Header, FieldKind Kind, LabelStandardiser? Standardiser)
{
    public int Column { get; set; }
}

/// <summary>One row of a sheet: its row number and its field values (Category, DateTime, double, string or null).</summary>
public sealed record DataRecord(int Row, object?[] Values);

/// <summary>
/// The rows of one declared source, standardised. Row-level data stays inside the pipeline: only the statistics
/// computed from it, after disclosure control, reach an output.
/// </summary>
public sealed class RecordSet(SourceDeclaration declaration, string file, string sheet, IReadOnlyList<FieldSpec> fields, IReadOnlyList<DataRecord> records)
{
    public const string CountField = "count";
    public const string FteField = "fte";
    public const string HeadcountField = "headcount";
    public const string FteUnit = "fte";

    public SourceDeclaration Declaration { get; } = declaration;
    public string Id => Declaration.Id!;
    public string File { get; } = file;
    public string Sheet { get; } = sheet;
    public IReadOnlyList<FieldSpec> Fields { get; } = fields;
    public IReadOnlyList<DataRecord> Records { get; } = records;
    public bool IsAggregate => Declaration.Kind == "aggregate";

    public FieldSpec? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public int IndexOf(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
            if (Fields[i].Name == name) return i;
        return -1;
    }

    /// <summary>An aggregate source whose count column holds full-time equivalents, not people.</summary>
    public bool IsFte => IsAggregate && Declaration.Unit == FteUnit;

    /// <summary>Figures already published (a census table): never withheld or rounded.</summary>
    public bool IsPublic => Declaration.Public == true;

    /// <summary>Whether the number of people behind each record is known: always, but for an FTE table without a headcount column.</summary>
    public bool HasHeadcount => !IsFte || IndexOf(HeadcountField) >= 0;

    /// <summary>How many people (or cases, responses) a record stands for: 1, or its count in an aggregate sheet.</summary>
    public double HeadcountOf(DataRecord record) =>
        !IsAggregate ? 1 : Number(record, IsFte ? HeadcountField : CountField);

    /// <summary>The full-time equivalents a record stands for: its fte field, or the count of an FTE aggregate sheet.</summary>
    public double FteOf(DataRecord record) => Number(record, IsFte ? CountField : FteField);

    private double Number(DataRecord record, string field) =>
        IndexOf(field) is var i and >= 0 ? record.Values[i] as double? ?? 0 : 0;
}
