using System.Globalization;

namespace ReportGen.Tests.TestSupport;

/// <summary>A published table as a reader gets it from any output: its column headers and, per row, the cell texts.</summary>
public sealed record PublishedTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<(string Label, IReadOnlyList<string> Cells)> Rows)
{
    /// <summary>A CSV download, as written: the row header first, then the columns.</summary>
    public static PublishedTable FromCsv(string name, string text)
    {
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(SplitCsv).ToList();
        return new(name, lines[0].Skip(1).ToList(), lines.Skip(1).Select(l => (l[0], (IReadOnlyList<string>)l.Skip(1).ToList())).ToList());
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        cells.Add(current.ToString());
        return cells;
    }

    public int Column(Func<string, bool> header) => Headers.ToList().FindIndex(h => header(h));
}

/// <summary>
/// An attacker with a table's outputs and a published population, trying to get back counts that disclosure control
/// withheld or rounded: by subtraction from a total, by multiplying percentages back over the possible totals, and by
/// multiplying rates back over a public population. A count counts as recovered only when the attack gives it
/// exactly, it is the true count, and it is not what was published.
/// </summary>
public static class CountRecovery
{
    /// <param name="truth">The true count behind a cell: (row label, column header) → value; null when unknown.</param>
    /// <param name="step">The rounding step of published counts (1 when there is none).</param>
    public static IReadOnlyList<string> Attack(PublishedTable table, Func<string, string, double?> truth, int step)
    {
        var found = new List<string>();
        for (var c = 0; c < table.Headers.Count; c++)
        {
            var header = table.Headers[c];
            if (IsCountHeader(header)) found.AddRange(BySubtraction(table, c, truth));
            if (header.EndsWith("Percentage", StringComparison.Ordinal) && c > 0 && IsCountHeader(table.Headers[c - 1]))
                found.AddRange(ByPercentages(table, c - 1, c, truth, step));
            if (header.StartsWith("Rate per ", StringComparison.Ordinal))
                found.AddRange(ByRates(table, c, truth, step));
        }
        return found;
    }

    private static bool IsCountHeader(string header) => header == "Number" || header.EndsWith(": Number", StringComparison.Ordinal);

    private static double? Number(string text) =>
        double.TryParse(text.Replace(",", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>The values a published number can stand for: it was rounded to as many decimals as it shows.</summary>
    private static (double Low, double High) Span(string text, double value)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var decimals = point < 0 ? 0 : text.TrimEnd('%').Length - point - 1;
        var half = 0.5 * Math.Pow(10, -decimals);
        return (value - half, value + half);
    }

    /// <summary>The whole numbers from <paramref name="low"/> to <paramref name="high"/> that the rounding bucket of <paramref name="shown"/> allows.</summary>
    private static List<double> Wholes(double low, double high, double shown, int step)
    {
        var bucketLow = shown - step / 2.0;
        var bucketHigh = shown + step / 2.0;
        var from = Math.Ceiling(Math.Max(low, bucketLow) - 1e-9);
        var to = Math.Floor(Math.Min(high, bucketHigh) + 1e-9);
        var result = new List<double>();
        for (var x = from; x <= to && result.Count < 3; x++) result.Add(x);
        return result;
    }

    /// <summary>A single withheld count beside a published total is the total less the others.</summary>
    private static IEnumerable<string> BySubtraction(PublishedTable table, int column, Func<string, string, double?> truth)
    {
        var total = table.Rows.FirstOrDefault(r => r.Label == "Total");
        if (total.Cells is null || Number(total.Cells[column]) is not { } sum) yield break;
        var parts = table.Rows.Where(r => r.Label != "Total").ToList();
        var withheld = parts.Where(r => r.Cells[column] == "!").ToList();
        if (withheld.Count != 1) yield break;
        var guess = sum - parts.Where(r => r.Cells[column] != "!").Sum(r => Number(r.Cells[column]) ?? 0);
        if (truth(withheld[0].Label, table.Headers[column]) is { } value && Math.Abs(value - guess) < 1e-6)
            yield return $"{table.Name}: '{withheld[0].Label}' / '{table.Headers[column]}' = {guess} by subtraction from the total";
    }

    /// <summary>
    /// Percentages of a known total give the counts back when they are published precisely enough: try every total the
    /// rounded total could hide; the counts are found when exactly one total fits every percentage, each with exactly
    /// one whole count its rounding allows.
    /// </summary>
    private static IEnumerable<string> ByPercentages(PublishedTable table, int countColumn, int percentColumn, Func<string, string, double?> truth, int step)
    {
        var total = table.Rows.FirstOrDefault(r => r.Label == "Total");
        if (total.Cells is null || Number(total.Cells[countColumn]) is not { } published) yield break;
        var notStated = table.Rows.FirstOrDefault(r => r.Label == "Not stated");
        var known = published - (notStated.Cells is null ? 0 : Number(notStated.Cells[countColumn]) ?? 0);
        var parts = table.Rows.Where(r => r.Label is not ("Total" or "Not stated") && Number(r.Cells[percentColumn]) is not null && Number(r.Cells[countColumn]) is not null).ToList();
        if (parts.Count == 0) yield break;
        var reach = step + (notStated.Cells is null ? 0 : step);
        var fits = new List<(double Total, List<List<double>> Counts)>();
        for (var k = Math.Max(1, known - reach); k <= known + reach; k++)
        {
            var counts = parts.Select(r =>
            {
                var percent = Number(r.Cells[percentColumn])!.Value;
                var (low, high) = Span(r.Cells[percentColumn], percent);
                return Wholes(low * k / 100, high * k / 100, Number(r.Cells[countColumn])!.Value, step);
            }).ToList();
            if (counts.All(c => c.Count > 0)) fits.Add((k, counts));
        }
        if (fits.Count != 1 || fits[0].Counts.Any(c => c.Count != 1)) yield break;
        for (var i = 0; i < parts.Count; i++)
        {
            var guess = fits[0].Counts[i][0];
            var shown = Number(parts[i].Cells[countColumn]);
            if (shown != guess && truth(parts[i].Label, table.Headers[countColumn]) is { } value && value == guess)
                yield return $"{table.Name}: '{parts[i].Label}' / '{table.Headers[countColumn]}' = {guess} from its percentage over a total of {fits[0].Total}";
        }
    }

    /// <summary>A rate per head of a public population, published precisely enough, times the population gives the count.</summary>
    private static IEnumerable<string> ByRates(PublishedTable table, int rateColumn, Func<string, string, double?> truth, int step)
    {
        var per = Number(table.Headers[rateColumn]["Rate per ".Length..].Split(' ')[0]) ?? 1000;
        var population = table.Column(h => h is "Population");
        var count = table.Column(h => h == "Number");
        if (population < 0 || count < 0) yield break;
        foreach (var (label, cells) in table.Rows)
        {
            if (Number(cells[rateColumn]) is not { } rate || Number(cells[population]) is not { } people || Number(cells[count]) is not { } shown) continue;
            var (low, high) = Span(cells[rateColumn], rate);
            var wholes = Wholes(low * people / per, high * people / per, shown, step);
            if (wholes.Count != 1) continue;
            if (wholes[0] != shown && truth(label, "Number") is { } value && value == wholes[0])
                yield return $"{table.Name}: '{label}' / 'Number' = {wholes[0]} from its rate times the population";
        }
    }
}
