using System.Globalization;
using ReportGen.Statistics;

namespace ReportGen.Rendering;

/// <summary>
/// Lays out a horizontal bar chart of a table's percentages (and its benchmark's) from the controlled figures:
/// a withheld figure gets no bar and its symbol as the label. Every bar is labelled with its value, and the series
/// differ by pattern as well as colour, so nothing relies on colour alone.
/// </summary>
public static class ChartBuilder
{
    private const double MinWidth = 640, MinLabelWidth = 190, PlotRoom = 386, ValueRoom = 64, BarHeight = 16, BarGap = 4, GroupGap = 14, Top = 40;
    /// <summary>About the width of one character of a row label, at the chart's label size, to make room for the longest.</summary>
    private const double LabelCharacterWidth = 6.8;

    public static ChartView? Bar(StatTable table, CultureInfo culture)
    {
        var ids = FigureIds.Index([table]);
        var percentColumns = table.Columns.Select((c, i) => (Column: c, Index: i))
            .Where(c => c.Column.Kind == FigureKind.Percent && c.Column.Key is not ("benchmark:difference" or "previous" or "change")).ToList();
        // A comparison table charts its rate or percentage; a breakdown its overall percentage and the benchmark's.
        var measure = table.Kind == "breakdown" ? -1 : table.Columns.ToList().FindIndex(c => c.Key is "rate" or "percent");
        var isPercent = measure < 0 || table.Columns[measure].Kind == FigureKind.Percent;
        var series = measure >= 0
            ? new[] { (Name: table.Columns[measure].Header, Key: "primary", Index: measure) }
            : table.HasBenchmark
            ? new[] { (Name: table.Label ?? "Percentage", Key: "primary", Index: percentColumns[^2].Index), (Name: table.Columns[percentColumns[^1].Index].Header, Key: "benchmark", Index: percentColumns[^1].Index) }
            : new[] { (Name: table.Label ?? "Percentage", Key: "primary", Index: percentColumns[^1].Index) };
        var rows = table.Rows.Where(r => !r.IsTotal && !r.IsNotStated).ToList();
        if (rows.Count(r => r.Cells[series[0].Index].Published is not null) < 2) return null;
        // Room for the longest row label ("Ethnic minorities (excluding White minorities)"), never less than the usual.
        var labelWidth = Math.Max(MinLabelWidth, Math.Ceiling(12 + LabelCharacterWidth * rows.Max(r => r.Label.Length)));
        var width = Math.Max(MinWidth, labelWidth + PlotRoom);

        var max = rows.SelectMany(r => series.Select(s => r.Cells[s.Index].Published ?? 0)).DefaultIfEmpty(0).Max();
        // A round step that gives at most five intervals.
        var step = new[] { 2d, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000 }.First(s => Math.Ceiling(max / s) <= 5 || s == 1000);
        var scaleMax = Math.Max(step, Math.Ceiling(max / step) * step);
        var tickCount = (int)Math.Round(scaleMax / step);
        var plotWidth = width - labelWidth - ValueRoom;
        double X(double value) => labelWidth + plotWidth * value / scaleMax;

        var groups = new List<ChartGroupView>();
        var y = Top;
        foreach (var row in rows)
        {
            var bars = new List<ChartBarView>();
            var groupTop = y;
            foreach (var s in series)
            {
                var figure = row.Cells[s.Index];
                var value = figure.Published ?? 0;
                var text = FigureFormat.ForPeople(figure, culture);
                bars.Add(new ChartBarView(s.Key, F(labelWidth), F(y), F(X(value) - labelWidth), F(BarHeight), text, F(X(value) + 5), F(y + BarHeight - 4)) { Figure = ids.GetValueOrDefault(figure) });
                y += BarHeight + BarGap;
            }
            groups.Add(new ChartGroupView(row.Label, F((groupTop + y - BarGap) / 2 + 4), bars));
            y += GroupGap;
        }

        var ticks = Enumerable.Range(0, tickCount + 1).Select(i => step * i).Select(v => new ChartTickView(F(X(v)), v.ToString("0", culture) + (isPercent ? "%" : ""))).ToList();
        var legend = series.Select((s, i) => new ChartSeriesView(s.Name, s.Key, F(labelWidth + 22 + i * 170), F(labelWidth + i * 170))).ToList();
        var description = $"Bar chart of the {(isPercent ? "percentages" : "rates")} in the table '{table.Title}'" +
                          (table.HasBenchmark ? $", each group shown beside {series[1].Name.ToLowerInvariant()}" : "") +
                          ". The figures are in the table.";
        return new ChartView($"chart-{table.Id}", table.Title, description, F(width), F(y + 24),
            legend, groups, ticks, F(labelWidth), F(labelWidth - 8), F(Top - 6), F(y - GroupGap + 4), F(y - GroupGap + 18), F(16), F(5));
    }

    /// <summary>A coordinate or length for SVG: invariant culture, at most one decimal, so the markup is byte-stable.</summary>
    internal static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
