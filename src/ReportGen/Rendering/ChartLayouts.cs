using System.Globalization;
using ReportGen.Statistics;

namespace ReportGen.Rendering;

/// <summary>
/// 100% stacked bars and trend lines, laid out in C# from controlled figures; the templates draw them as SVG.
/// Segments carry their values as text (where there is room) and a legend names them in order, so nothing relies
/// on colour alone; the palette is Okabe and Ito's, which colour-blind readers can tell apart.
/// </summary>
public static class ChartLayouts
{
    private static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    /// <summary>The label colour on each palette colour: white or black, whichever contrasts by 4.5:1 or more.</summary>
    private static readonly string[] LabelColours = ["#ffffff", "#000000", "#000000", "#000000", "#000000", "#000000", "#000000", "#ffffff"];
    private const string WithheldColour = "#9aa3ad";
    private const double Width = 640, LabelWidth = 150, Right = 20, BarHeight = 26, BarGap = 12, Top = 20;

    /// <summary>The sizes the set's CSS draws a segment's value and a line chart's axis labels at.</summary>
    private const double SegmentValueSize = 11, AxisLabelSize = 10, TickSize = 12;
    /// <summary>A measured bar label wider than this is broken into lines.</summary>
    private const double MaxLabelWidth = 200;

    /// <param name="text">The fonts of the template set, measured; null for a set published with the guessed layout.</param>
    public static StackedChartView? Stacked(StatTable table, CultureInfo culture, TextMeasure? text = null, IReadOnlyDictionary<Figure, string>? ids = null, LabelSet? labels = null)
    {
        ids ??= FigureIds.Index([table]);
        labels ??= LabelSet.Tool("en");
        var groups = table.Columns.Select((c, i) => (Column: c, Index: i)).Where(c => c.Column.Group is not null && c.Column.Kind == FigureKind.Percent).ToList();
        var segments = table.Rows.Where(r => !r.IsTotal && !r.IsNotStated).ToList();
        if (groups.Count == 0 || segments.Count(r => groups.Any(g => r.Cells[g.Index].Published > 0)) < 2) return null;
        var labelLines = text is null ? null : groups.Select(g => text.Wrap(g.Column.Group!, ChartBuilder.LabelSize, true, MaxLabelWidth)).ToList();
        var labelWidth = labelLines is null ? LabelWidth : Math.Max(100, Math.Ceiling(12 + labelLines.SelectMany(l => l).Max(l => text!.Width(l, ChartBuilder.LabelSize, true))));
        var plotWidth = Width - labelWidth - Right;
        double X(double percent) => labelWidth + plotWidth * percent / 100;

        var bars = new List<StackedBarView>();
        var y = Top;
        foreach (var ((column, index), g) in groups.Select((c, g) => (c, g)))
        {
            // A label of several lines can be taller than its bar: the row is as tall as the taller, both centred.
            var rowTop = y;
            var rowHeight = labelLines is null ? BarHeight : Math.Max(BarHeight, labelLines[g].Count * ChartBuilder.LineHeight);
            y += (rowHeight - BarHeight) / 2;
            var parts = new List<StackedSegmentView>();
            var start = 0d;
            foreach (var (row, s) in segments.Select((r, s) => (r, s)))
            {
                var figure = row.Cells[index];
                if (figure.Published is not { } value || value <= 0) continue;
                // A segment shows its value when the value fits inside it: measured, or (guessed) from 7%.
                var shown = FigureFormat.ForPeople(figure, culture, labels);
                var fits = text is null ? value >= 7 : text.Width(shown, SegmentValueSize, true) + 4 <= X(start + value) - X(start);
                parts.Add(new StackedSegmentView(row.Label, Palette[s % Palette.Length], LabelColours[s % Palette.Length], F(X(start)), F(y), F(X(start + value) - X(start)), F(BarHeight),
                    fits ? shown : null, F((X(start) + X(start + value)) / 2), F(y + BarHeight / 2 + 4), false) { Figure = ids.GetValueOrDefault(figure) });
                start += value;
            }
            // What is withheld is shown as one grey segment: its size is the total less what is shown, as in the table.
            if (segments.Any(r => r.Cells[index].IsWithheld) && start < 100)
                parts.Add(new StackedSegmentView(labels.Text("chart.withheld"), WithheldColour, "#000000", F(X(start)), F(y), F(X(100) - X(start)), F(BarHeight), null, "0", "0", true));
            var middle = rowTop + rowHeight / 2 + 4;
            var lines = labelLines is null ? [] : ChartBuilder.LinesAt(labelLines[g], labelWidth - 8, middle - (labelLines[g].Count - 1) * ChartBuilder.LineHeight / 2);
            bars.Add(new StackedBarView(column.Group!, lines.Count > 0 ? lines[0].Y : F(y + BarHeight / 2 + 4), parts) { LabelLines = lines });
            y = rowTop + rowHeight + BarGap;
        }

        var legendTop = y + 26;
        var items = segments.Select((r, s) => (Name: r.Label, Colour: Palette[s % Palette.Length], Withheld: false)).ToList();
        if (bars.Any(b => b.Segments.Any(p => p.Withheld))) items.Add((labels.Text("chart.withheld_legend"), WithheldColour, true));
        var (legend, height) = text is null ? GuessedLegend(items, legendTop) : MeasuredLegend(items, legendTop, text);
        var ticks = Enumerable.Range(0, 6).Select(i => new ChartTickView(F(X(i * 20)), (i * 20).ToString(culture) + "%")).ToList();
        return new StackedChartView($"chart-{table.Id}", table.Title,
            // The guessed layout's sets were published with a description naming only the first bar; newer sets name every bar.
            text is null
                ? $"100% stacked bar chart of the table '{table.Title}': one bar for each {table.Columns[groups[0].Index].Group?.ToLowerInvariant()} group, split by {table.RowHeader.ToLowerInvariant()}. The figures are in the table."
                : labels.Text("chart.stacked", ("title", table.Title), ("bars", ChartBuilder.List(groups.Select(g => g.Column.Group!).ToList(), labels)), ("rows", ChartBuilder.InSentence(table.RowHeader))),
            F(Width), F(height), bars, legend, ticks, F(Top - 6), F(y - BarGap + 4), F(y - BarGap + 18), F(labelWidth - 8));
    }

    /// <summary>The legend in three columns of 160 from the plot's left edge, as sets without measured fonts publish it.</summary>
    private static (List<LegendItemView> Legend, double Height) GuessedLegend(List<(string Name, string Colour, bool Withheld)> items, double legendTop)
    {
        var legend = new List<LegendItemView>();
        for (var i = 0; i < items.Count; i++)
        {
            var (column, row) = (i % 3, i / 3);
            var x = LabelWidth + column * 160;
            var ly = legendTop + row * 20;
            legend.Add(new LegendItemView(items[i].Name, items[i].Colour, F(x), F(ly - 11), F(x + 20), F(ly), items[i].Withheld));
        }
        return (legend, legendTop + (items.Count + 2) / 3 * 20 + 8);
    }

    /// <summary>The legend, measured: its items one after another across the whole width, in as many rows as they need.</summary>
    private static (List<LegendItemView> Legend, double Height) MeasuredLegend(List<(string Name, string Colour, bool Withheld)> items, double legendTop, TextMeasure text)
    {
        var places = ChartBuilder.FlowLegend(items.Select(i => i.Name), text, left: 8, right: Width - Right, firstTop: legendTop - 11, swatch: 14, gap: 20, out var bottom);
        var legend = places.Select((p, i) => new LegendItemView(items[i].Name, items[i].Colour, F(p.X), F(p.Top), p.Lines[0].X, p.Lines[0].Y, items[i].Withheld) { NameLines = p.Lines }).ToList();
        return (legend, bottom + 8);
    }

    /// <param name="text">The fonts of the template set, measured; null for a set published with the guessed layout.</param>
    public static LineChartView? Line(StatTable table, CultureInfo culture, TextMeasure? text = null, IReadOnlyDictionary<Figure, string>? ids = null, LabelSet? labels = null)
    {
        ids ??= FigureIds.Index([table]);
        labels ??= LabelSet.Tool("en");
        var column = table.Columns.ToList().FindIndex(c => c.Key is "percent" or "rate" or "All:count");
        var rows = table.Rows.Where(r => !r.IsTotal && !r.IsNotStated).ToList();
        if (column < 0 || rows.Count(r => r.Cells[column].Published is not null) < 2) return null;
        var isPercent = table.Columns[column].Kind == FigureKind.Percent;
        double left = 56, right = Width - 16, top = 24, bottom = 220;
        var values = rows.Select(r => r.Cells[column].Published).ToList();
        var max = values.OfType<double>().DefaultIfEmpty(0).Max();
        var min = values.OfType<double>().DefaultIfEmpty(0).Min();
        // Percentages start from a round number a little below the lowest point, so a trend is visible; the axis says where.
        var step = new[] { 1d, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000 }.First(s => Math.Ceiling(max / s) - Math.Floor(min / s) <= 6 || s == 1000);
        var low = isPercent ? Math.Max(0, Math.Floor(min / step) * step - step) : 0;
        var high = Math.Ceiling(max / step) * step;
        if (high <= low) high = low + step;
        var tickLabels = new List<(double Value, string Label)>();
        for (var v = low; v <= high + step / 2; v += step) tickLabels.Add((v, v.ToString("0", culture) + (isPercent ? "%" : "")));

        // Measured: room on the left for the widest tick label and half the first axis label, on the right for half
        // the last; axis labels turned 45° when level ones would overlap, and only every k-th drawn when even turned
        // ones would. Guessed (a set without fonts): the layout it was published with.
        var shortLabels = rows.Select(r => ShortLabel(r.Label)).ToList();
        var (turned, every, labelDepth) = (false, 1, 0d);
        if (text is not null)
        {
            var widths = shortLabels.Select(l => text.Width(l, AxisLabelSize)).ToList();
            left = Math.Max(left, Math.Ceiling(14 + tickLabels.Max(t => text.Width(t.Label, TickSize))));
            double Spacing() => (right - left) / Math.Max(1, rows.Count - 1);
            left = Math.Max(left, Math.Ceiling(widths[0] / 2 + 2));
            right = Math.Min(right, Math.Floor(Width - widths[^1] / 2 - 2));
            if (widths.Max() + 6 > Spacing())
            {
                turned = true;
                // A turned label runs down and to the left of its point: the first needs room on the left.
                left = Math.Max(left, Math.Ceiling(widths[0] * Math.Sqrt(0.5) + 10));
                right = Width - 16;
                // Turned labels lie side by side, Spacing × sin 45° apart; closer than a line of text, every k-th is drawn.
                every = Math.Max(1, (int)Math.Ceiling(AxisLabelSize * 1.2 / (Spacing() * Math.Sqrt(0.5))));
                labelDepth = Enumerable.Range(0, rows.Count).Where(i => i % every == 0).Max(i => widths[i]) * Math.Sqrt(0.5);
            }
        }
        double X(int i) => left + (right - left) * i / (rows.Count - 1);
        double Y(double v) => bottom - (bottom - top) * (v - low) / (high - low);

        var points = rows.Select((r, i) =>
        {
            var v = values[i];
            return new LinePointView(r.Label, shortLabels[i], F(X(i)), F(v is null ? bottom : Y(v.Value)), FigureFormat.ForPeople(r.Cells[column], culture, labels),
                F(X(i)), F(bottom + 16), v is not null)
            {
                Figure = ids.GetValueOrDefault(r.Cells[column]),
                LabelAnchor = text is null ? null : turned ? "end" : "middle",
                LabelTransform = turned ? $"rotate(-45 {F(X(i))} {F(bottom + 16)})" : null,
                LabelShown = i % every == 0,
            };
        }).ToList();
        var paths = new List<string>();
        var current = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (values[i] is { } v) current.Add($"{(current.Count == 0 ? "M" : "L")}{F(X(i))} {F(Y(v))}");
            else if (current.Count > 0) { paths.Add(string.Join(" ", current)); current = []; }
        }
        if (current.Count > 0) paths.Add(string.Join(" ", current));
        var ticks = tickLabels.Select(t => new ChartTickView(F(Y(t.Value)), t.Label)).ToList();

        return new LineChartView($"chart-{table.Id}", table.Title,
            text is null
                ? $"Line chart of {table.Columns[column].Header.ToLowerInvariant()} by {table.RowHeader.ToLowerInvariant()}, from {rows[0].Label} to {rows[^1].Label}" +
                  (isPercent && low > 0 ? $"; the vertical axis starts at {low.ToString("0", culture)}%" : "") + ". The figures are in the table."
                : labels.Text(isPercent && low > 0 ? "chart.line.from" : "chart.line", ("column", ChartBuilder.InSentence(table.Columns[column].Header)),
                    ("rows", ChartBuilder.InSentence(table.RowHeader)), ("first", rows[0].Label), ("last", rows[^1].Label), ("low", low.ToString("0", culture))),
            F(Width), F(bottom + 40 + Math.Ceiling(labelDepth)), paths, points, ticks, F(left), F(right), F(top), F(bottom), F(bottom + 16), F(left - 8));
    }

    /// <summary>"April 2016" becomes "Apr 16" on the axis, so twelve months fit side by side.</summary>
    private static string ShortLabel(string label) =>
        DateTime.TryParseExact(label, "MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString("MMM yy", CultureInfo.InvariantCulture)
            : label;

    private static string F(double value) => ChartBuilder.F(value);
}
