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

    /// <summary>Sizes of a chart's text in pixels (the set's CSS draws them so), and the room between lines of a label.</summary>
    internal const double LabelSize = 12, LegendSize = 12, ValueSize = 12, LineHeight = 14;
    /// <summary>A measured row label wider than this is broken into lines, so that one long label does not squeeze the plot.</summary>
    private const double MaxLabelWidth = 240;

    /// <param name="text">The fonts of the template set, measured; null for a set published with the guessed layout.</param>
    /// <param name="ids">The figures' ids, when the table given is a translation of the one they were made from.</param>
    public static ChartView? Bar(StatTable table, CultureInfo culture, TextMeasure? text = null, IReadOnlyDictionary<Figure, string>? ids = null, LabelSet? labels = null)
    {
        ids ??= FigureIds.Index([table]);
        labels ??= LabelSet.Tool("en");
        var percentColumns = table.Columns.Select((c, i) => (Column: c, Index: i))
            .Where(c => c.Column.Kind == FigureKind.Percent && c.Column.Key is not ("benchmark:difference" or "previous" or "change")).ToList();
        // A comparison table charts its rate or percentage; a breakdown its overall percentage and the benchmark's.
        var measure = table.Kind == "breakdown" ? -1 : table.Columns.ToList().FindIndex(c => c.Key is "rate" or "percent");
        var isPercent = measure < 0 || table.Columns[measure].Kind == FigureKind.Percent;
        var series = measure >= 0
            ? new[] { (Name: table.Columns[measure].Header, Key: "primary", Index: measure) }
            : table.HasBenchmark
            ? new[] { (Name: table.Label ?? labels.Text("table.column.percent"), Key: "primary", Index: percentColumns[^2].Index), (Name: table.Columns[percentColumns[^1].Index].Header, Key: "benchmark", Index: percentColumns[^1].Index) }
            : new[] { (Name: table.Label ?? labels.Text("table.column.percent"), Key: "primary", Index: percentColumns[^1].Index) };
        var rows = table.Rows.Where(r => !r.IsTotal && !r.IsNotStated).ToList();
        if (rows.Count(r => r.Cells[series[0].Index].Published is not null) < 2) return null;
        // Room for the longest row label ("Ethnic minorities (excluding White minorities)"), never less than the usual:
        // measured in the set's font, broken into lines past MaxLabelWidth; or, for a set without fonts, guessed.
        var labelLines = text is null ? null : rows.Select(r => text.Wrap(r.Label, LabelSize, true, MaxLabelWidth)).ToList();
        var labelWidth = labelLines is null
            ? Math.Max(MinLabelWidth, Math.Ceiling(12 + LabelCharacterWidth * rows.Max(r => r.Label.Length)))
            : Math.Max(120, Math.Ceiling(12 + labelLines.SelectMany(l => l).Max(l => text!.Width(l, LabelSize, true))));
        var valueRoom = text is null ? ValueRoom : Math.Max(ValueRoom, Math.Ceiling(10 + rows.SelectMany(r => series.Select(s => text.Width(FigureFormat.ForPeople(r.Cells[s.Index], culture, labels), ValueSize))).Max()));
        var width = Math.Max(MinWidth, labelWidth + PlotRoom - ValueRoom + valueRoom);
        var legendBottom = 19d;
        var legend = text is null
            ? series.Select((s, i) => new ChartSeriesView(s.Name, s.Key, F(labelWidth + 22 + i * 170), F(labelWidth + i * 170))).ToList()
            : MeasuredLegend(series.Select(s => (s.Name, s.Key)).ToList(), text, labelWidth, width, out legendBottom);
        var top = text is null ? Top : legendBottom + 21;

        var max = rows.SelectMany(r => series.Select(s => r.Cells[s.Index].Published ?? 0)).DefaultIfEmpty(0).Max();
        // A round step that gives at most five intervals.
        var step = new[] { 2d, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000 }.First(s => Math.Ceiling(max / s) <= 5 || s == 1000);
        var scaleMax = Math.Max(step, Math.Ceiling(max / step) * step);
        var tickCount = (int)Math.Round(scaleMax / step);
        var plotWidth = width - labelWidth - valueRoom;
        double X(double value) => labelWidth + plotWidth * value / scaleMax;

        var groups = new List<ChartGroupView>();
        var y = top;
        foreach (var (row, r) in rows.Select((row, r) => (row, r)))
        {
            var bars = new List<ChartBarView>();
            var groupTop = y;
            // A label of several lines can be taller than its bars: the group is as tall as the taller, both centred.
            var barsHeight = series.Length * (BarHeight + BarGap) - BarGap;
            var groupHeight = labelLines is null ? barsHeight : Math.Max(barsHeight, labelLines[r].Count * LineHeight);
            y += (groupHeight - barsHeight) / 2;
            foreach (var s in series)
            {
                var figure = row.Cells[s.Index];
                var value = figure.Published ?? 0;
                var valueText = FigureFormat.ForPeople(figure, culture, labels);
                bars.Add(new ChartBarView(s.Key, F(labelWidth), F(y), F(X(value) - labelWidth), F(BarHeight), valueText, F(X(value) + 5), F(y + BarHeight - 4)) { Figure = ids.GetValueOrDefault(figure) });
                y += BarHeight + BarGap;
            }
            y = groupTop + groupHeight + BarGap;
            var middle = (groupTop + y - BarGap) / 2 + 4;
            var lines = labelLines is null ? [] : LinesAt(labelLines[r], labelWidth - 8, middle - (labelLines[r].Count - 1) * LineHeight / 2);
            groups.Add(new ChartGroupView(row.Label, lines.Count > 0 ? lines[0].Y : F(middle), bars) { LabelLines = lines });
            y += GroupGap;
        }

        var ticks = Enumerable.Range(0, tickCount + 1).Select(i => step * i).Select(v => new ChartTickView(F(X(v)), v.ToString("0", culture) + (isPercent ? "%" : ""))).ToList();
        // The guessed layout's sets (default@1 to default@3) were published with these words; newer ones print labels.
        var description = text is null
            ? $"Bar chart of the {(isPercent ? "percentages" : "rates")} in the table '{table.Title}'" +
              (table.HasBenchmark ? $", each group shown beside {series[1].Name.ToLowerInvariant()}" : "") + ". The figures are in the table."
            : labels.Text($"chart.bar.{(isPercent ? "percent" : "rate")}{(table.HasBenchmark ? ".beside" : "")}", ("title", table.Title),
                ("benchmark", table.HasBenchmark ? InSentence(series[1].Name) : null));
        return new ChartView($"chart-{table.Id}", table.Title, description, F(width), F(y + 24),
            legend, groups, ticks, F(labelWidth), F(labelWidth - 8), F(top - 6), F(y - GroupGap + 4), F(y - GroupGap + 18), F(16), F(5));
    }

    /// <summary>
    /// A heading or label as it reads inside a sentence: "Ethnic group" becomes "ethnic group" and "Population
    /// (Census 2011)" becomes "population (Census 2011)", while "PCSO" and "BME status" keep their capitals: only a
    /// first capital followed by a lower-case letter is lowered.
    /// </summary>
    internal static string InSentence(string heading) =>
        heading.Length > 1 && char.IsUpper(heading[0]) && char.IsLower(heading[1]) ? char.ToLower(heading[0], CultureInfo.InvariantCulture) + heading[1..] : heading;

    /// <summary>"A", "A and B", "A, B and C".</summary>
    internal static string List(IReadOnlyList<string> items, LabelSet? labels = null)
    {
        labels ??= LabelSet.Tool("en");
        return items.Count switch
        {
            <= 1 => string.Concat(items),
            2 => labels.Text("list.two", ("first", items[0]), ("last", items[1])),
            _ => labels.Text("list.more", ("items", string.Join(labels.Text("list.separator"), items.Take(items.Count - 1))), ("last", items[^1])),
        };
    }

    /// <summary>Lines of text one under another from the first baseline, all at <paramref name="x"/>.</summary>
    internal static List<ChartTextLine> LinesAt(IReadOnlyList<string> lines, double x, double firstBaseline) =>
        lines.Select((l, i) => new ChartTextLine(l, F(x), F(firstBaseline + i * LineHeight))).ToList();

    /// <summary>One legend item laid out by <see cref="FlowLegend"/>: where its swatch goes, and its name's lines.</summary>
    internal readonly record struct LegendPlace(double X, double Top, List<ChartTextLine> Lines);

    /// <summary>
    /// A legend's swatches and names set one after another from <paramref name="left"/>, in as many rows as they need
    /// before <paramref name="right"/>, a name longer than a row broken into lines. Gives the bottom of the last row.
    /// </summary>
    internal static List<LegendPlace> FlowLegend(IEnumerable<string> names, TextMeasure text, double left, double right, double firstTop, double swatch, double gap, out double bottom)
    {
        const double SwatchHeight = 14, RowGap = 6, TextGap = 6;
        var places = new List<LegendPlace>();
        var (x, rowTop, rowHeight) = (left, firstTop, 0d);
        foreach (var name in names)
        {
            var lines = text.Wrap(name, LegendSize, false, right - left - swatch - TextGap);
            var itemWidth = swatch + TextGap + lines.Max(l => text.Width(l, LegendSize));
            if (x > left && x + itemWidth > right) (x, rowTop, rowHeight) = (left, rowTop + rowHeight + RowGap, 0);
            places.Add(new LegendPlace(x, rowTop, LinesAt(lines, x + swatch + TextGap, rowTop + 11)));
            rowHeight = Math.Max(rowHeight, Math.Max(SwatchHeight, lines.Count * LineHeight));
            x += itemWidth + gap;
        }
        bottom = rowTop + rowHeight;
        return places;
    }

    /// <summary>The bar chart's legend, measured: from the plot's left edge, its swatches 16 wide.</summary>
    private static List<ChartSeriesView> MeasuredLegend(IReadOnlyList<(string Name, string Key)> series, TextMeasure text, double left, double width, out double bottom) =>
        FlowLegend(series.Select(s => s.Name), text, left, width - 4, firstTop: 5, swatch: 16, gap: 24, out bottom)
            .Select((p, i) => new ChartSeriesView(series[i].Name, series[i].Key, p.Lines[0].X, F(p.X)) { SwatchY = F(p.Top), NameLines = p.Lines })
            .ToList();

    /// <summary>A coordinate or length for SVG: invariant culture, at most one decimal, so the markup is byte-stable.</summary>
    internal static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
