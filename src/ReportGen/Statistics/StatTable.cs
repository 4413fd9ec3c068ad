using ReportGen.Content;
using ReportGen.Data;

namespace ReportGen.Statistics;

public sealed record StatColumn(string Key, string Header, FigureKind Kind, string? Group = null);

public sealed record StatRow(string Label, IReadOnlyList<Figure> Cells, bool IsTotal = false, bool IsNotStated = false);

/// <summary>
/// A set of counts that add up to a total (a row or a column of a table with its total). Disclosure control uses
/// lines to make sure no withheld count can be worked out by subtraction.
/// </summary>
public sealed record CountLine(Figure Total, IReadOnlyList<Figure> Parts);

/// <summary>A computed table, ready for disclosure control and then for every output (HTML, PDF, CSV, xlsx).</summary>
public sealed record StatTable
{
    /// <summary>A table as its declaration describes it, computed from <paramref name="set"/> (and a population or benchmark source).</summary>
    internal static StatTable For(TableDeclaration declaration, RecordSet set, RecordSet? other,
        IReadOnlyList<StatColumn> columns, IReadOnlyList<StatRow> rows, IReadOnlyList<CountLine> lines, IReadOnlyList<string>? definitionNotes = null) => new()
    {
        Id = declaration.Id!,
        Title = declaration.Title!,
        Section = declaration.Section ?? "workforce",
        RowHeader = TableGrouping.Heading(declaration.Rows!),
        Columns = columns,
        Rows = rows,
        Lines = lines,
        Notes = [.. declaration.Notes ?? [], .. definitionNotes ?? []],
        SourceTitles = new[] { set, other }.OfType<RecordSet>().Select(s => s.Declaration.Title ?? s.Id).Distinct().ToList(),
        SyntheticSources = new[] { set, other }.OfType<RecordSet>().Where(s => s.Declaration.Synthetic == true).Select(s => s.Declaration.Title ?? s.Id).Distinct().ToList(),
        Chart = declaration.Chart,
        Label = declaration.Label,
        Kind = declaration.Kind ?? "breakdown",
        Reference = declaration.Reference,
    };

    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Section { get; init; }
    public required string RowHeader { get; init; }
    public required IReadOnlyList<StatColumn> Columns { get; init; }
    public required IReadOnlyList<StatRow> Rows { get; init; }
    public required IReadOnlyList<CountLine> Lines { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
    public IReadOnlyList<string> SourceTitles { get; init; } = [];
    /// <summary>Titles of the sources declared synthetic (sample data, no real people).</summary>
    public IReadOnlyList<string> SyntheticSources { get; init; } = [];
    /// <summary>Figures shown in the notes (such as the not-stated share), under the same disclosure control.</summary>
    public IReadOnlyDictionary<string, Figure> NoteFigures { get; init; } = new Dictionary<string, Figure>();
    public string? Chart { get; init; }
    public string? Label { get; init; }
    public bool HasBenchmark { get; init; }
    /// <summary>breakdown, rate, likelihood or survey.</summary>
    public string Kind { get; init; } = "breakdown";
    public string? Reference { get; init; }
    /// <summary>The decimal places its figures are published to.</summary>
    public Precision Precision { get; init; } = Precision.Default;

    public IEnumerable<Figure> AllFigures => Rows.SelectMany(r => r.Cells).Concat(NoteFigures.Values);
}
