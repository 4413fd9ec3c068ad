using System.Globalization;
using ReportGen.Rendering;
using ReportGen.Statistics;

namespace ReportGen.Tests.Rendering;

public sealed class ChartTests
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A one-column breakdown under disclosure control: counts, percentages, total.</summary>
    private static StatTable Breakdown(params (string Label, double Count)[] groups)
    {
        var total = new Figure(FigureKind.Count, groups.Sum(g => g.Count), null);
        var counts = groups.Select(g => new Figure(FigureKind.Count, g.Count, null)).ToList();
        var rows = groups.Select((g, i) => new StatRow(g.Label, [counts[i], Figure.Derived(FigureKind.Percent, [counts[i], total], v => 100 * v[0] / v[1])]))
            .Append(new StatRow("Total", [total, Figure.Derived(FigureKind.Percent, [total], _ => 100)], IsTotal: true)).ToList();
        var table = new StatTable
        {
            Id = "t", Title = "Staff by group", Section = "workforce", RowHeader = "Group", Chart = "bar",
            Columns = [new("All:count", "Number", FigureKind.Count), new("All:percent", "Percentage", FigureKind.Percent)],
            Rows = rows, Lines = [new CountLine(total, counts)],
        };
        DisclosureControl.Apply(table, new DisclosureSettings());
        return table;
    }

    [Fact]
    public void A_bar_chart_draws_a_bar_for_each_published_value_and_labels_withheld_ones()
    {
        var view = TableViewBuilder.Build(Breakdown(("A", 60), ("B", 30), ("C", 3), ("D", 7)), new DisclosureSettings(), EnGb);

        var chart = Assert.IsType<ChartView>(view.Chart);
        var bars = chart.Groups.SelectMany(g => g.Bars).ToList();
        Assert.Equal(["60.0%", "30.0%", "!", "!"], bars.Select(b => b.ValueText));
        Assert.Equal("0", bars[2].Width);
        Assert.Contains("Bar chart of the percentages", chart.Description);
        Assert.Equal("chart-t", chart.Id);
    }

    [Fact]
    public void No_chart_is_drawn_when_too_few_figures_can_be_published_and_a_note_says_so()
    {
        var view = TableViewBuilder.Build(Breakdown(("A", 60), ("B", 3), ("C", 2)), new DisclosureSettings(), EnGb);

        Assert.Null(view.Chart);
        Assert.Contains(view.Notes, n => n.StartsWith("No chart is shown", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_table_gives_the_same_chart_layout()
    {
        var first = TableViewBuilder.Build(Breakdown(("A", 60), ("B", 30), ("C", 10)), new DisclosureSettings(), EnGb);
        var second = TableViewBuilder.Build(Breakdown(("A", 60), ("B", 30), ("C", 10)), new DisclosureSettings(), EnGb);
        Assert.Equal(first.Chart!.Groups.SelectMany(g => g.Bars), second.Chart!.Groups.SelectMany(g => g.Bars));
        Assert.Equal(["0%", "20%", "40%", "60%"], first.Chart.Ticks.Select(t => t.Label));
    }
}
