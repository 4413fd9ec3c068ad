// The ClosedXML reader as it was before the streaming reader replaced it (commit 41780b9), unchanged but for its
// namespace (and the reader's class name): the benchmark times it, and checks that both readers read alike.
using System.Globalization;
using ClosedXML.Excel;
using ReportGen.Data;
using ReportGen.Diagnostics;

namespace ReportGen.WorkbookBench.ClosedXmlBaseline;

/// <summary>
/// The "Total" rows of an aggregate sheet are left out of the data, but checked: each total should equal the sum of
/// the rows it totals — the rows that agree with it on every field it gives a value for (a field saying "Total",
/// "All" or left blank is summed over). A mismatch is a warning naming the total's cell, since it usually means a
/// row is missing, counted twice, or was typed over.
/// </summary>
internal sealed class AggregateTotals(IReadOnlyList<FieldSpec> fields)
{
    private readonly List<(IReadOnlyList<string> Texts, string Cell)> _totals = [];
    private readonly List<IReadOnlyList<string>> _parts = [];

    public int CountIndex { get; } = Math.Max(0, fields.ToList().FindIndex(f => f.Name == RecordSet.CountField));

    public void AddTotal(IReadOnlyList<string> texts, IXLCell countCell) => _totals.Add((texts, countCell.Address.ToString()!));

    public void AddPart(IReadOnlyList<string> texts) => _parts.Add(texts);

    public void Check(string display, string sheet, DiagnosticBag diagnostics)
    {
        foreach (var (texts, cell) in _totals)
        {
            if (Number(texts[CountIndex]) is not { } total) continue;
            var matching = _parts.Where(p => Agrees(texts, p)).ToList();
            if (matching.Count == 0) continue;
            var sum = matching.Sum(p => Number(p[CountIndex]) ?? 0);
            if (Math.Abs(sum - total) < 0.5) continue;
            diagnostics.Warning(DiagnosticCodes.TotalMismatch,
                $"the total {total.ToString("#,##0.##", CultureInfo.InvariantCulture)} in column '{fields[CountIndex].Header}' does not equal the sum of the " +
                $"{matching.Count} rows it totals ({sum.ToString("#,##0.##", CultureInfo.InvariantCulture)}); a row may be missing, counted twice or typed over. " +
                "The report uses the rows, not the total: check them",
                SourceLocation.InCell(display, sheet, cell));
        }
    }

    /// <summary>Whether a data row is one of those a total row totals.</summary>
    private bool Agrees(IReadOnlyList<string> total, IReadOnlyList<string> part)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i == CountIndex || fields[i].Kind == FieldKind.Number) continue;
            var value = total[i].Trim();
            if (value.Length == 0 || WorkbookReader.IsTotal(value)) continue;
            if (!string.Equals(value, part[i].Trim(), StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    private static double? Number(string text) => WorkbookReader.TryParseNumber(text, out var value) ? value : null;
}
