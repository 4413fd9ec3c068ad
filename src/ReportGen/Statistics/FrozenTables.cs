using System.Text.Json;
using System.Text.Json.Serialization;
using ReportGen.Content;
using ReportGen.Data;
using ReportGen.Diagnostics;
using ReportGen.Publishing;

namespace ReportGen.Statistics;

/// <summary>One frozen table: the table as published, with every figure it shows or was computed from, as published.</summary>
public sealed record FrozenTable(
    string Id, string Title, string Section, string RowHeader, string Kind, string? Reference, string? Chart, string? Label, bool HasBenchmark,
    Precision Precision, IReadOnlyList<string> Notes, IReadOnlyList<string> SourceTitles, IReadOnlyList<string> SyntheticSources,
    IReadOnlyList<FrozenColumn> Columns, IReadOnlyList<FrozenRow> Rows, IReadOnlyList<string> NoteFigures, IReadOnlyList<FrozenFigure> Figures);

public sealed record FrozenColumn(string Key, string Header, string Kind, string? Group);

public sealed record FrozenRow(string Label, bool Total, bool NotStated);

/// <summary>
/// A figure as published: its value or symbol, its decimal places, the value computed from its published inputs
/// before rounding (exact), and the figures it was computed from. A survey count that no output shows (protected by
/// its estimate's minimum base) is frozen without its value.
/// </summary>
public sealed record FrozenFigure(string Id, string Kind, int Decimals, double? Published, string? Symbol, double? Exact, bool Public = false,
    IReadOnlyList<string>? DependsOn = null, string? Base = null, string? Per = null, string? Headcount = null);

/// <summary>frozen/frozen.json: what was frozen, from which workbooks (by hash), with which declarations.</summary>
public sealed record FrozenIndex(int Format, string Tool, string Edition, IReadOnlyList<FrozenInput> Inputs, IReadOnlyList<string> Tables);

public sealed record FrozenInput(string File, string Sha256);

/// <summary>
/// An edition's frozen tables (as Quarto's freeze keeps computed results): <c>reportgen freeze</c> writes the
/// published tables, after disclosure control and only as the public output shows them, to the edition's
/// <c>frozen/</c> folder, one JSON file per table, with the hashes of the workbooks and declarations they came from.
/// When a workbook the tables read is gone (row-level data deleted under a retention schedule), a build uses the
/// frozen tables instead, all of them, so that the edition can still be regenerated exactly. See docs/frozen-figures.md.
/// </summary>
public static class FrozenTables
{
    public const string Folder = "frozen";
    public const string IndexName = "frozen.json";
    public const int Format = 1;

    private static readonly JsonSerializerOptions Json = new(JsonOutput.Options)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    public static string FolderOf(Edition edition) => Path.Combine(edition.Folder, Folder);

    /// <summary>
    /// Whether a build of the edition takes its tables from frozen/: it has frozen tables and a workbook its tables
    /// read is missing.
    /// </summary>
    public static bool InUse(Edition edition) =>
        File.Exists(Path.Combine(FolderOf(edition), IndexName)) && UsedWorkbooks(edition).Any(w => w.Path is null || !File.Exists(w.Path));

    /// <summary>The workbooks the edition's tables read, by their path in the edition and on disk.</summary>
    public static IEnumerable<(string Name, string? Path)> UsedWorkbooks(Edition edition)
    {
        var used = edition.Statistics.UsedSourceIds();
        return (edition.Data.Sources ?? []).Where(s => s.Id is not null && used.Contains(s.Id) && s.File is not null)
            .Select(s => (s.File!.Replace('\\', '/'), EditionFiles.ResolveInside(edition.Folder, s.File!)))
            .DistinctBy(w => w.Item1);
    }

    /// <summary>The files of frozen/, by their path in the edition (frozen/…), for the manifest.</summary>
    public static IEnumerable<(string Name, string Path)> Files(Edition edition) =>
        Manifest.Files(FolderOf(edition)).Select(f => ($"{Folder}/{f}", Path.Combine(FolderOf(edition), f)));

    /// <summary>Writes <paramref name="tables"/> (as disclosure control left them) to the edition's frozen/, replacing what was there.</summary>
    public static void Write(Edition edition, IReadOnlyList<StatTable> tables)
    {
        var folder = FolderOf(edition);
        var staging = folder + ".new";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        foreach (var table in tables) File.WriteAllText(Path.Combine(staging, table.Id + ".json"), Serialize(Freeze(table)));
        var inputs = UsedWorkbooks(edition).Where(w => w.Path is not null && File.Exists(w.Path))
            .Select(w => new FrozenInput(w.Name, Manifest.Sha256(w.Path!)))
            .Concat(new[] { EditionLoader.DataFileName, EditionLoader.StatisticsFileName }
                .Where(n => File.Exists(Path.Combine(edition.Folder, n)))
                .Select(n => new FrozenInput(n, Manifest.Sha256(Path.Combine(edition.Folder, n)))))
            .OrderBy(i => i.File, StringComparer.Ordinal).ToList();
        File.WriteAllText(Path.Combine(staging, IndexName),
            Serialize(new FrozenIndex(Format, Manifest.ToolVersion, $"{edition.OrganisationKey}/{edition.EditionKey}", inputs, tables.Select(t => t.Id).ToList())));
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.Move(staging, folder);
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json).ReplaceLineEndings("\n") + "\n";

    private static FrozenTable Freeze(StatTable table)
    {
        // The table's cells and its notes' figures, in the order the table reads, then the figures they were computed
        // from that no output shows, as table:~1, table:~2…
        var (_, ids, order, shown) = FigureIds.WithInputs(table);
        string? Ref(Figure? f) => f is null ? null : ids[f];
        var figures = order.Select((f, i) =>
        {
            // Only what the public output shows: a survey count that no output shows keeps no value here.
            var keep = i < shown || !f.ProtectedByBase;
            return new FrozenFigure(ids[f], KindName(f.Kind), f.Decimals, keep ? f.Published : null, f.Symbol, keep ? f.Exact : null, f.IsPublic,
                f.DependsOn.Count > 0 ? f.DependsOn.Select(d => ids[d]).ToList() : null, Ref(f.Base), Ref(f.Denominator), Ref(f.Headcount));
        }).ToList();

        return new FrozenTable(table.Id, table.Title, table.Section, table.RowHeader, table.Kind, table.Reference, table.Chart, table.Label, table.HasBenchmark,
            table.Precision, table.Notes, table.SourceTitles, table.SyntheticSources,
            table.Columns.Select(c => new FrozenColumn(c.Key, c.Header, KindName(c.Kind), c.Group)).ToList(),
            table.Rows.Select(r => new FrozenRow(r.Label, r.IsTotal, r.IsNotStated)).ToList(),
            table.NoteFigures.Keys.Order(StringComparer.Ordinal).ToList(),
            figures);
    }

    private static string KindName(FigureKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    private static FigureKind KindOf(string name) =>
        Enum.GetValues<FigureKind>().FirstOrDefault(k => KindName(k) == name, (FigureKind)(-1)) is var kind && kind >= 0
            ? kind
            : throw new JsonException($"'{name}' is not a kind of figure");

    /// <summary>
    /// The frozen tables of the edition, in the order statistics.yaml declares them; null (with diagnostics naming the
    /// file) when they cannot be used: unreadable, or not the tables statistics.yaml declares. A declaration changed
    /// since the freeze is a warning: the tables are used as they were published.
    /// </summary>
    public static IReadOnlyList<StatTable>? Read(Edition edition, DiagnosticBag diagnostics)
    {
        var folder = FolderOf(edition);
        var display = new DisplayPaths(edition.Folder);
        var indexFile = display.Of(Path.Combine(Folder, IndexName));
        FrozenIndex index;
        try
        {
            index = JsonSerializer.Deserialize<FrozenIndex>(File.ReadAllText(Path.Combine(folder, IndexName)), Json) ?? throw new JsonException("empty");
            if (index.Format != Format || index.Tables is null || index.Inputs is null) throw new JsonException("not a ReportGen frozen index");
        }
        catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException)
        {
            diagnostics.Error(DiagnosticCodes.FrozenUnreadable, $"cannot be read as the index of frozen tables; freeze the edition again (reportgen freeze) while its workbooks are there, or restore frozen/ from the archive", new SourceLocation(indexFile));
            return null;
        }

        foreach (var input in index.Inputs.Where(i => i.File is EditionLoader.DataFileName or EditionLoader.StatisticsFileName))
        {
            var path = Path.Combine(edition.Folder, input.File);
            if (File.Exists(path) && Manifest.Sha256(path) != input.Sha256)
                diagnostics.Warning(DiagnosticCodes.FrozenUnreadable,
                    $"{input.File} has changed since the tables were frozen, and the workbooks are gone, so the frozen tables are used as they were published: a change to a table's declaration does not reach them",
                    new SourceLocation(display.Of(input.File)));
        }

        var declared = (edition.Statistics.Tables ?? []).Select(t => t.Id!).ToList();
        var tables = new List<StatTable>();
        foreach (var id in declared)
        {
            if (!index.Tables.Contains(id))
            {
                diagnostics.Error(DiagnosticCodes.FrozenUnreadable,
                    $"table '{id}' is declared in statistics.yaml but was not frozen, and its workbook is gone, so it cannot be computed; put the workbook back, or remove the table",
                    edition.Sources.Of(edition.Statistics.Tables!.First(t => t.Id == id), display.Of(EditionLoader.StatisticsFileName)));
                continue;
            }
            var file = Path.Combine(folder, id + ".json");
            try
            {
                var frozen = JsonSerializer.Deserialize<FrozenTable>(File.ReadAllText(file), Json) ?? throw new JsonException("empty");
                tables.Add(Thaw(frozen));
            }
            catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException or KeyNotFoundException or ArgumentException or NullReferenceException)
            {
                diagnostics.Error(DiagnosticCodes.FrozenUnreadable,
                    $"cannot be read as a frozen table ({(ex is JsonException j && j.Message.Length < 200 ? j.Message : "not as reportgen freeze writes it")}); freeze the edition again while its workbooks are there, or restore frozen/ from the archive",
                    new SourceLocation(display.Of(Path.Combine(Folder, id + ".json"))));
            }
        }
        return diagnostics.HasErrors ? null : tables;
    }

    private static StatTable Thaw(FrozenTable frozen)
    {
        var nodes = frozen.Figures.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var built = new Dictionary<string, Figure>(StringComparer.Ordinal);
        Figure Get(string id)
        {
            if (built.TryGetValue(id, out var done)) return done;
            var node = nodes[id];
            built[id] = null!; // a cycle is not a table reportgen freeze writes
            var figure = Figure.Frozen(KindOf(node.Kind), (node.DependsOn ?? []).Select(d => built.TryGetValue(d, out var f) && f is null ? throw new JsonException("the figures refer to each other in a circle") : Get(d)).ToList(),
                node.Decimals, node.Published, node.Symbol, node.Exact, node.Public);
            if (node.Base is { } b) figure.Base = Get(b);
            if (node.Per is { } p) figure.Denominator = Get(p);
            if (node.Headcount is { } h) figure.Headcount = Get(h);
            return built[id] = figure;
        }

        var columns = frozen.Columns.Select(c => new StatColumn(c.Key, c.Header, KindOf(c.Kind), c.Group)).ToList();
        var cellIds = FigureIds.CellIds(frozen.Id, frozen.Rows.Select(r => r.Label).ToList(), columns.Select(c => c.Key).ToList());
        var rows = frozen.Rows.Select((r, i) => new StatRow(r.Label, cellIds[i].Select(Get).ToList(), r.Total, r.NotStated)).ToList();
        var noteIds = FigureIds.NoteIds(frozen.Id, frozen.NoteFigures);
        return new StatTable
        {
            Id = frozen.Id,
            Title = frozen.Title,
            Section = frozen.Section,
            RowHeader = frozen.RowHeader,
            Columns = columns,
            Rows = rows,
            Lines = [],
            Notes = frozen.Notes,
            SourceTitles = frozen.SourceTitles,
            SyntheticSources = frozen.SyntheticSources,
            NoteFigures = frozen.NoteFigures.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => Get(noteIds[x.i]), StringComparer.Ordinal),
            Chart = frozen.Chart,
            Label = frozen.Label,
            HasBenchmark = frozen.HasBenchmark,
            Kind = frozen.Kind,
            Reference = frozen.Reference,
            Precision = frozen.Precision,
        };
    }
}
