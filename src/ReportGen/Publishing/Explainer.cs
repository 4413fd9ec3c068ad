using System.Globalization;
using System.Text.Json;
using ReportGen.Content;

namespace ReportGen.Publishing;

/// <summary>
/// <c>reportgen explain</c>: one published figure's chain from the audit trail, in words an auditor understands —
/// the table and its declaration, the value published and the rule that decided it, and, figure by figure down to
/// the counts, the workbook (with its hash), the sheet, the filter as written, the columns and the rows that fed it.
/// </summary>
public static class Explainer
{
    /// <summary>The audit trail of a built edition, or null (with why) when it cannot be read.</summary>
    public static AuditDocument? Read(string auditFolder, out string? problem)
    {
        problem = null;
        var path = Path.Combine(auditFolder, AuditTrail.FileName);
        if (!File.Exists(path))
        {
            problem = $"has no audit trail ({AuditTrail.FileName}); build the edition again, or give its audit folder with --audit";
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<AuditDocument>(File.ReadAllText(path), AuditTrail.Json) ?? throw new JsonException();
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or IOException)
        {
            problem = $"its {AuditTrail.FileName} cannot be read; build the edition again";
            return null;
        }
    }

    /// <summary>The lines explaining <paramref name="figureId"/>; null when the trail has no such figure.</summary>
    public static IReadOnlyList<string>? Explain(AuditDocument audit, string figureId)
    {
        var figures = audit.Figures.GroupBy(f => f.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (!figures.TryGetValue(figureId, out var figure)) return null;
        var tables = audit.Tables.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var sources = audit.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var lines = new List<string>();
        var table = tables.GetValueOrDefault(figure.Table);
        lines.Add($"Figure {figure.Id} of {audit.Edition}{(audit.Version is null ? "" : $", version {audit.Version}")}");
        if (table is not null)
        {
            lines.Add($"  Table: '{table.Title}' ({table.Id}), declared in {table.Declared}");
            if (table.Frozen) lines.Add("  This table was read from the edition's frozen tables (frozen/), not computed from a workbook.");
        }
        if (figure.Row is not null) lines.Add($"  Row '{figure.Row}', column '{figure.Column}'");
        lines.Add("");
        Describe(figure, 1, "Published", lines, figures, tables, sources, new HashSet<string>(StringComparer.Ordinal));
        return lines;
    }

    /// <summary>Ids in the trail close to <paramref name="figureId"/>, for "did you mean".</summary>
    public static IReadOnlyList<string> Nearest(AuditDocument audit, string figureId) =>
        Suggest.Nearest(figureId, audit.Figures.Where(f => f.Shown).Select(f => f.Id), 5);

    private static void Describe(AuditFigure figure, int depth, string heading, List<string> lines, Dictionary<string, AuditFigure> figures,
        Dictionary<string, AuditTable> tables, Dictionary<string, AuditSource> sources, HashSet<string> described)
    {
        var indent = new string(' ', depth * 2);
        var value = figure.Published.Length == 0 ? "nothing" : figure.Published;
        lines.Add($"{indent}{heading}: {value} ({figure.Kind}{(figure.Shown ? "" : ", not shown in any output")}) [{figure.Id}]");
        if (!described.Add(figure.Id))
        {
            lines.Add($"{indent}  (explained above)");
            return;
        }
        if (figure.ValueBeforeControl is { } before)
            lines.Add($"{indent}  Value before disclosure control: {before.ToString("R", CultureInfo.InvariantCulture)}");
        lines.Add($"{indent}  Rule: {figure.Rule}");

        if (figure.Source is { } sourceId)
        {
            var source = sources.GetValueOrDefault(sourceId);
            var table = tables.GetValueOrDefault(figure.Table);
            lines.Add($"{indent}  Statistic: {figure.Statistic}");
            if (source is not null)
            {
                lines.Add($"{indent}  Source: '{source.Title}' ({source.Id}), {source.File}, sheet '{source.Sheet}'");
                lines.Add($"{indent}  Workbook SHA-256: {source.Sha256 ?? "not recorded (the workbook was not there when this was built)"}");
                var benchmark = table?.Benchmark == sourceId && table.Source != sourceId;
                var filter = benchmark ? table!.BenchmarkFilter : table?.Source == sourceId ? table.Filter : null;
                lines.Add($"{indent}  Filter as written in statistics.yaml: {filter ?? "none (every row of the sheet)"}");
                var read = source.Columns.Where(c => table is null || table.Fields.Contains(c.Field)).ToList();
                if (read.Count > 0)
                    lines.Add($"{indent}  Columns read: {string.Join(", ", read.Select(c => $"{c.Field} from column {c.Letter} ('{c.Header}')"))}");
            }
            lines.Add($"{indent}  Sheet rows that fed it ({figure.RowCount ?? 0}): {(string.IsNullOrEmpty(figure.Rows) ? "none" : figure.Rows)}");
        }

        var parts = new List<(string Heading, string Id)>();
        if (figure.ComputedFrom is { } inputs)
            parts.AddRange(inputs.Select((id, i) => (inputs.Count == 1 ? "Computed from" : $"Input {i + 1}", id)));
        if (figure.Base is { } b) parts.Add(("Responses it rests on (the base)", b));
        if (figure.Per is { } p) parts.Add(("Population it is per head of", p));
        if (figure.Headcount is { } h) parts.Add(("People behind it (headcount)", h));
        foreach (var (partHeading, id) in parts)
        {
            if (figures.TryGetValue(id, out var input)) Describe(input, depth + 1, partHeading, lines, figures, tables, sources, described);
            else lines.Add($"{indent}  {partHeading}: a figure the audit trail does not list ({id})");
        }
    }
}
