using System.Globalization;
using System.Text.Json;
using ReportGen.Content;
using ReportGen.Data;
using ReportGen.Rendering;
using ReportGen.Statistics;

namespace ReportGen.Publishing;

/// <summary>One workbook the figures were read from: its path in the edition folder, hash, sheet, and the columns read.</summary>
public sealed record AuditSource(string Id, string Title, string File, string? Sha256, string Sheet, IReadOnlyList<AuditColumn> Columns, bool Public, bool Frozen);

/// <summary>A column of a sheet that a field was read from: the field, its header as written, and its column letter.</summary>
public sealed record AuditColumn(string Field, string Header, string Letter);

/// <summary>How a table was declared: where in statistics.yaml, its source, its rows, and its filter as written.</summary>
/// <param name="Fields">The fields the table reads: its rows, filters, columns, outcome and what it adds up.</param>
public sealed record AuditTable(string Id, string Title, string Declared, string Source, string Rows, string? Filter, string? Benchmark, string? BenchmarkFilter, bool Frozen, IReadOnlyList<string> Fields);

/// <summary>
/// One figure in the chain: a published one (its id from <see cref="FigureIds"/>) or an input it is computed from
/// that no output shows (<c>table:~n</c>). Counts say which rows of which sheet fed them; derived figures which figures.
/// </summary>
public sealed record AuditFigure(
    string Id, string Table, string? Row, string? Column, string Kind, bool Shown,
    string Published, double? ValueBeforeControl, string Rule,
    string? Source = null, string? Statistic = null, string? Rows = null, int? RowCount = null,
    IReadOnlyList<string>? ComputedFrom = null, string? Base = null, string? Per = null, string? Headcount = null);

/// <summary>The audit trail of one built edition: figures.json. See docs/audit-trail.md.</summary>
public sealed record AuditDocument(string Edition, string? Version, AuditDisclosure Disclosure, IReadOnlyList<AuditSource> Sources,
    IReadOnlyList<AuditTable> Tables, IReadOnlyList<AuditFigure> Figures);

public sealed record AuditDisclosure(int Threshold, int? RoundTo, int MinimumBase);

/// <summary>
/// The audit trail, written beside the public output and never inside it: OUT/audit/&lt;organisation&gt;/&lt;edition&gt;/.
/// For every published figure, by its stable id: the source workbook and its hash, the sheet, the filter as written in
/// statistics.yaml, the sheet rows that fed it, the statistic, the value before disclosure control and the rule that
/// changed it. It holds values that the publication withholds, so it is for auditors and is never published; its
/// README says so. <c>reportgen explain</c> reads it.
/// </summary>
public static class AuditTrail
{
    public const string Folder = "audit";
    public const string FileName = "figures.json";
    public const string ReadmeName = "README.md";

    internal static readonly JsonSerializerOptions Json = new(JsonOutput.Options) { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The audit folder of a built edition: OUT/audit/&lt;organisation&gt;/&lt;edition&gt;/ for OUT/&lt;organisation&gt;/&lt;edition&gt;/.</summary>
    public static string FolderOf(string outputRoot, string organisation, string edition) => Path.Combine(outputRoot, Folder, organisation, edition);

    public static AuditDocument Build(Edition edition, IReadOnlyList<StatTable> tables, IReadOnlyDictionary<string, RecordSet> sources,
        IReadOnlySet<string>? frozenTables = null)
    {
        var settings = DisclosureSettings.From(edition.Statistics.Disclosure);
        var statisticsFile = EditionLoader.StatisticsFileName;
        var declarations = (edition.Statistics.Tables ?? []).Where(d => d.Id is not null).GroupBy(d => d.Id!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var used = new SortedSet<string>(StringComparer.Ordinal);
        var auditTables = new List<AuditTable>();
        var figures = new List<AuditFigure>();

        foreach (var table in tables)
        {
            var frozen = frozenTables?.Contains(table.Id) == true;
            declarations.TryGetValue(table.Id, out var declaration);
            var location = declaration is null ? null : edition.Sources.Of(declaration, statisticsFile);
            if (declaration?.Source is { } s) used.Add(s);
            if (declaration?.Benchmark?.Source is { } b) used.Add(b);
            auditTables.Add(new AuditTable(table.Id, table.Title,
                location is { Line: > 0 } ? $"{statisticsFile}, line {location.Line}" : statisticsFile,
                declaration?.Source ?? "", declaration?.Rows ?? "",
                FilterText(declaration?.Where), declaration?.Benchmark?.Source, FilterText(declaration?.Benchmark?.Where), frozen, FieldsRead(declaration)));

            // Published figures by id; the figures they are computed from that no output shows, as table:~n.
            var graph = FigureIds.WithInputs(table);
            var placed = new HashSet<Figure>(ReferenceEqualityComparer.Instance);
            foreach (var figure in graph.Published.Where(f => placed.Add(f.Figure)))
                figures.Add(Entry(figure.Id, table, figure.Row, figure.Column, figure.Figure, true, graph.Ids, settings, frozen));
            foreach (var figure in graph.Order.Skip(graph.Shown))
                figures.Add(Entry(graph.Ids[figure], table, null, null, figure, false, graph.Ids, settings, frozen));
        }

        var auditSources = (edition.Data.Sources ?? []).Where(s => s.Id is not null && used.Contains(s.Id)).Select(source =>
        {
            var path = source.File is null ? null : EditionFiles.ResolveInside(edition.Folder, source.File);
            sources.TryGetValue(source.Id!, out var set);
            var columns = set?.Fields.Where(f => f.Column > 0).Select(f => new AuditColumn(f.Name, f.Header, ColumnLetter(f.Column))).ToList() ?? [];
            return new AuditSource(source.Id!, source.Title ?? source.Id!, source.File?.Replace('\\', '/') ?? "",
                path is not null && File.Exists(path) ? Manifest.Sha256(path) : null,
                set?.Sheet ?? source.Sheet ?? "", columns, source.Public == true, set is null);
        }).ToList();

        return new AuditDocument($"{edition.OrganisationKey}/{edition.EditionKey}", edition.Info.Version,
            new AuditDisclosure(settings.Threshold, settings.RoundTo, settings.MinimumBase), auditSources, auditTables, figures);
    }

    /// <summary>The fields a table reads, in the order an auditor looks for them; a count column for aggregates.</summary>
    private static List<string> FieldsRead(TableDeclaration? declaration)
    {
        if (declaration is null) return [];
        IEnumerable<string?> fields =
        [
            declaration.Rows, declaration.Columns, .. (IEnumerable<string>?)declaration.Where?.Keys ?? [], .. (IEnumerable<string>?)declaration.Benchmark?.Where?.Keys ?? [],
            declaration.Outcome?.Field, declaration.Sum, declaration.Rows == "age" || declaration.Columns == "age" ? "date_of_birth" : null, RecordSet.CountField, RecordSet.FteField, RecordSet.HeadcountField,
        ];
        return fields.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    private static AuditFigure Entry(string id, StatTable table, string? row, string? column, Figure figure, bool shown,
        IReadOnlyDictionary<Figure, string> ids, DisclosureSettings settings, bool frozen)
    {
        var published = figure.Symbol ?? (figure.Published is null ? "" : FigureFormat.ForMachines(figure));
        var provenance = figure.Provenance;
        string? Ref(Figure? f) => f is null ? null : ids.GetValueOrDefault(f);
        return new AuditFigure(id, table.Id, row, column, Kind(figure.Kind), shown, published,
            frozen ? null : figure.Value, frozen ? "frozen: the figure as it was published, read from the edition's frozen tables; the workbook it came from is not here" : Rule(figure, settings),
            provenance?.SourceId, provenance?.Statistic, provenance is null ? null : Ranges(provenance.Rows), provenance?.Rows.Count,
            figure.DependsOn.Count > 0 ? figure.DependsOn.Select(f => Ref(f) ?? "?").ToList() : null,
            Ref(figure.Base), Ref(figure.Denominator), Ref(figure.Headcount));
    }

    private static string Kind(FigureKind kind) => kind switch
    {
        FigureKind.Count => "count",
        FigureKind.Fte => "full-time equivalents",
        FigureKind.Percent => "percentage",
        FigureKind.PercentagePoints => "percentage points",
        FigureKind.Margin => "margin of a 95% interval",
        FigureKind.Rate => "rate",
        FigureKind.Ratio => "ratio",
        _ => "flag",
    };

    /// <summary>What disclosure control did to the figure, and why, in words.</summary>
    internal static string Rule(Figure figure, DisclosureSettings settings)
    {
        var t = settings.Threshold;
        if (figure.IsPublic && !figure.IsDerived) return "already published (a public source): shown as published, never withheld or rounded";
        if (figure.Symbol == Symbols.NotApplicable) return "not applicable: there is nothing to compute it from (no base, or an input not applicable)";
        if (!figure.IsDerived && figure.Kind == FigureKind.Count)
        {
            if (figure.ProtectedByBase && figure.Symbol is null && figure.Published == figure.Value)
                return "a count of survey responses: protected by the minimum base of the estimate it feeds, and never shown itself";
            return figure.Symbol switch
            {
                Symbols.Withheld when figure.Value is > 0 && figure.Value < t => $"withheld: a count from 1 to {t - 1} (primary suppression, threshold {t})",
                Symbols.Withheld => "withheld to protect another withheld count: in a row or column with its total, a withheld count never stands alone, or it could be worked out by subtraction (secondary suppression)",
                Symbols.RoundsToZero => $"rounded to the nearest {settings.RoundTo}, it is 0, but it is not zero: shown as ~0",
                _ when figure.Published != figure.Value => $"rounded to the nearest {settings.RoundTo}",
                _ when figure.Value == 0 => "published as counted: zero is shown as 0",
                _ => $"published as counted: at least the threshold of {t}, and no withheld count can be worked out from it",
            };
        }
        if (!figure.IsDerived && figure.Kind == FigureKind.Fte)
            return figure.Symbol switch
            {
                Symbols.Withheld => "withheld with the people behind it: their headcount is withheld",
                Symbols.RoundsToZero => "the headcount behind it rounds to zero: shown as ~0",
                _ => settings.RoundTo is > 1 ? $"published with the people behind it, rounded to the nearest {settings.RoundTo}" : $"published with the people behind it, to {figure.Decimals} decimal places",
            };
        return figure.Symbol switch
        {
            Symbols.Withheld => "withheld: a figure it is computed from (or the responses it rests on) is withheld",
            Symbols.Unreliable => $"not shown: it rests on fewer than {settings.MinimumBase} responses (the minimum base), too few to be reliable",
            Symbols.RoundsToZero => "a figure it is computed from rounds to zero: shown as ~0",
            _ => string.Create(CultureInfo.InvariantCulture,
                $"computed again from the published values of the figures it is computed from, giving {figure.Exact:R}, then rounded once, half away from zero, to {figure.Decimals} decimal place{(figure.Decimals == 1 ? "" : "s")}"),
        };
    }

    /// <summary>A filter as written in statistics.yaml: "rank: Constable; status: [Joined, Left]".</summary>
    internal static string? FilterText(Dictionary<string, object>? where) =>
        where is null || where.Count == 0 ? null : string.Join("; ", where.Select(w => $"{w.Key}: {Value(w.Value)}"));

    private static string Value(object? value) => value switch
    {
        null => "",
        string s => s,
        IEnumerable<object> list => "[" + string.Join(", ", list.Select(Value)) + "]",
        IDictionary<object, object> map => "{" + string.Join(", ", map.Select(kv => $"{kv.Key}: {Value(kv.Value)}")) + "}",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Sheet row numbers as ranges: 2-41, 43, 45-50.</summary>
    internal static string Ranges(IReadOnlyList<int> rows)
    {
        if (rows.Count == 0) return "";
        var sorted = rows.Distinct().Order().ToList();
        var parts = new List<string>();
        var start = sorted[0];
        var end = start;
        foreach (var row in sorted.Skip(1))
        {
            if (row == end + 1) { end = row; continue; }
            parts.Add(start == end ? $"{start}" : $"{start}-{end}");
            start = end = row;
        }
        parts.Add(start == end ? $"{start}" : $"{start}-{end}");
        return string.Join(", ", parts);
    }

    /// <summary>A column number as its letters: 1 is A, 27 is AA.</summary>
    internal static string ColumnLetter(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26) letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }

    public static void Write(string folder, AuditDocument document)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(document, Json).ReplaceLineEndings("\n") + "\n");
        File.WriteAllText(Path.Combine(folder, ReadmeName), Readme(document));
    }

    private static string Readme(AuditDocument document) => $"""
        # Audit trail of {document.Edition}

        **Not for publication.** This folder may hold values that the publication withholds to protect the people
        they describe (counts from 1 to {document.Disclosure.Threshold - 1}, and the counts withheld with them), and the
        sheet rows each figure was counted from. Keep it with the edition's row-level data, under the same
        retention and access rules; never copy it to a web server.

        `{FileName}` maps every published figure, by the id it carries in the web page (`data-figure="…"`) and in the
        downloads, to the workbook it was read from (with its SHA-256), the sheet, the filter as written in
        statistics.yaml, the sheet rows that fed it, the statistic, its value before disclosure control and the rule
        that changed it. To read one figure's chain in words:

            reportgen explain <built-edition-folder> <figure-id>

        The format is described in docs/audit-trail.md.

        """.ReplaceLineEndings("\n");
}
