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

    public static StackedChartView? Stacked(StatTable table, CultureInfo culture)
    {
        var ids = FigureIds.Index([table]);
        var groups = table.Columns.Select((c, i) => (Column: c, Index: i)).Where(c => c.Column.Group is not null && c.Column.Kind == FigureKind.Percent).ToList();
        var segments = table.Rows.Where(r => !r.IsTotal && !r.IsNotStated).ToList();
        if (groups.Count == 0 || segments.Count(r => groups.Any(g => r.Cells[g.Index].Published > 0)) < 2) return null;
        var plotWidth = Width - LabelWidth - Right;
        double X(double percent) => LabelWidth + plotWidth * percent / 100;

        var bars = new List<StackedBarView>();
        var y = Top;
        foreach (var (column, index) in groups)
        {
            var parts = new List<StackedSegmentView>();
            var start = 0d;
            foreach (var (row, s) in segments.Select((r, s) => (r, s)))
            {
                var figure = row.Cells[index];
                if (figure.Published is not { } value || value <= 0) continue;
                var text = value >= 7 ? FigureFormat.ForPeople(figure, culture) : null;
                parts.Add(new StackedSegmentView(row.Label, Palette[s % Palette.Length], LabelColours[s % Palette.Length], F(X(start)), F(y), F(X(start + value) - X(start)), F(BarHeight),
                    text, F((X(start) + X(start + value)) / 2), F(y + BarHeight / 2 + 4), false) { Figure = ids.GetValueOrDefault(figure) });
                start += value;
            }
            // What is withheld is shown as one grey segment: its size is the total less what is shown, as in the table.
            if (segments.Any(r => r.Cells[index].IsWithheld) && start < 100)
                parts.Add(new StackedSegmentView("Withheld", WithheldColour, "#000000", F(X(start)), F(y), F(X(100) - X(start)), F(BarHeight), null, "0", "0", true));
            bars.Add(new StackedBarView(column.Group!, F(y + BarHeight / 2 + 4), parts));
            y += BarHeight + BarGap;
        }

        var legend = new List<LegendItemView>();
        var legendTop = y + 26;
        var items = segments.Select((r, s) => (Name: r.Label, Colour: Palette[s % Palette.Length], Withheld: false)).ToList();
        if (bars.Any(b => b.Segments.Any(p => p.Withheld))) items.Add(("Withheld (!)", WithheldColour, true));
        for (var i = 0; i < items.Count; i++)
        {
            var (column, row) = (i % 3, i / 3);
            var x = LabelWidth + column * 160;
            var ly = legendTop + row * 20;
            legend.Add(new LegendItemView(items[i].Name, items[i].Colour, F(x), F(ly - 11), F(x + 20), F(ly), items[i].Withheld));
        }
        var ticks = Enumerable.Range(0, 6).Select(i => new ChartTickView(F(X(i * 20)), (i * 20).ToString(culture) + "%")).ToList();
        var height = legendTop + (items.Count + 2) / 3 * 20 + 8;
        return new StackedChartView($"chart-{table.Id}", table.Title,
            $"100% stacked bar chart of the table '{table.Title}': one bar for each {table.Columns[groups[0].Index].Group?.ToLowerInvariant()} group, split by {table.RowHeader.ToLowerInvariant()}. The figures are in the table.",
            F(Width), F(height), bars, legend, ticks, F(Top - 6), F(y - BarGap + 4), F(y - BarGap + 18), F(LabelWidth - 8));
    }

    public static LineChartView? Line(StatTable table, CultureInfo culture)
    {
        var ids = FigureIds.Index([table]);
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
        double X(int i) => left + (right - left) * i / (rows.Count - 1);
        double Y(double v) => bottom - (bottom - top) * (v - low) / (high - low);

        var points = rows.Select((r, i) =>
        {
            var v = values[i];
            return new LinePointView(r.Label, ShortLabel(r.Label), F(X(i)), F(v is null ? bottom : Y(v.Value)), FigureFormat.ForPeople(r.Cells[column], culture),
                F(X(i)), F(bottom + 16), v is not null) { Figure = ids.GetValueOrDefault(r.Cells[column]) };
        }).ToList();
        var paths = new List<string>();
        var current = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (values[i] is { } v) current.Add($"{(current.Count == 0 ? "M" : "L")}{F(X(i))} {F(Y(v))}");
            else if (current.Count > 0) { paths.Add(string.Join(" ", current)); current = []; }
        }
        if (current.Count > 0) paths.Add(string.Join(" ", current));
        var ticks = new List<ChartTickView>();
        for (var v = low; v <= high + step / 2; v += step)
            ticks.Add(new ChartTickView(F(Y(v)), v.ToString("0", culture) + (isPercent ? "%" : "")));

        return new LineChartView($"chart-{table.Id}", table.Title,
            $"Line chart of {table.Columns[column].Header.ToLowerInvariant()} by {table.RowHeader.ToLowerInvariant()}, from {rows[0].Label} to {rows[^1].Label}" +
            (isPercent && low > 0 ? $"; the vertical axis starts at {low.ToString("0", culture)}%" : "") + ". The figures are in the table.",
            F(Width), F(bottom + 40), paths, points, ticks, F(left), F(right), F(top), F(bottom), F(bottom + 16), F(left - 8));
    }

    /// <summary>"April 2016" becomes "Apr 16" on the axis, so twelve months fit side by side.</summary>
    private static string ShortLabel(string label) =>
        DateTime.TryParseExact(label, "MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString("MMM yy", CultureInfo.InvariantCulture)
            : label;

    private static string F(double value) => ChartBuilder.F(value);
}
