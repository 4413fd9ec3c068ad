using ReportGen.Statistics;

namespace ReportGen.Tests.Statistics;

public sealed class DisclosureControlTests
{
    private static readonly DisclosureSettings Default = new();

    private static Figure Count(double value) => new(FigureKind.Count, value, null);

    /// <summary>A one-column table: the counts, their total, and each count's percentage of the total.</summary>
    private static (StatTable Table, List<Figure> Counts, Figure Total, List<Figure> Percents) Column(params double[] values)
    {
        var counts = values.Select(Count).ToList();
        var total = Count(values.Sum());
        var percents = counts.Select(c => Figure.Derived(FigureKind.Percent, [c, total], v => 100 * v[0] / v[1])).ToList();
        var rows = counts.Select((c, i) => new StatRow($"Group {i}", [c, percents[i]]))
            .Append(new StatRow("Total", [total, Figure.Derived(FigureKind.Percent, [total], _ => 100)], IsTotal: true)).ToList();
        var table = new StatTable
        {
            Id = "t", Title = "T", Section = "workforce", RowHeader = "Group",
            Columns = [new("n", "Number", FigureKind.Count), new("p", "Percentage", FigureKind.Percent)],
            Rows = rows, Lines = [new CountLine(total, counts)],
        };
        return (table, counts, total, percents);
    }

    [Fact]
    public void Withholds_counts_from_1_to_4_and_shows_zero_as_0()
    {
        var (table, counts, total, _) = Column(20, 3, 12, 0, 7, 1);
        DisclosureControl.Apply(table, Default);

        Assert.Equal(Symbols.Withheld, counts[1].Symbol);
        Assert.Equal(Symbols.Withheld, counts[5].Symbol);
        Assert.Equal(0, counts[3].Published);
        Assert.Null(counts[3].Symbol);
        Assert.Equal(43, total.Published);
    }

    [Fact]
    public void Withholds_a_second_count_when_one_withheld_count_could_be_worked_out_from_the_total()
    {
        var (table, counts, _, percents) = Column(20, 3, 12, 0, 7);
        DisclosureControl.Apply(table, Default);

        // 3 is withheld; 43 − 20 − 12 − 0 − 7 would give it back, so the next smallest non-zero count goes too.
        Assert.Equal(Symbols.Withheld, counts[1].Symbol);
        Assert.Equal(Symbols.Withheld, counts[4].Symbol);
        Assert.Equal(20, counts[0].Published);
        Assert.Equal(12, counts[2].Published);
        Assert.Equal(Symbols.Withheld, percents[1].Symbol);
        Assert.Equal(Symbols.Withheld, percents[4].Symbol);
        Assert.Empty(DisclosureControl.Verify(table, Default));
    }

    [Fact]
    public void Withholds_the_total_when_every_other_count_is_zero()
    {
        var (table, counts, total, _) = Column(0, 3, 0);
        DisclosureControl.Apply(table, Default);

        Assert.Equal(Symbols.Withheld, counts[1].Symbol);
        Assert.Equal(Symbols.Withheld, total.Symbol);
        Assert.Empty(DisclosureControl.Verify(table, Default));
    }

    [Fact]
    public void Rounds_published_counts_to_the_nearest_5_and_marks_those_that_round_to_zero()
    {
        // Threshold 2 withholds the two 1s (together, so no secondary suppression is needed); 2 rounds to zero.
        var (table, counts, total, _) = Column(22, 0, 13, 2, 1, 1);
        DisclosureControl.Apply(table, new DisclosureSettings(Threshold: 2, RoundTo: 5));

        Assert.Equal(20, counts[0].Published);
        Assert.Equal(0, counts[1].Published);
        Assert.Equal(15, counts[2].Published);
        Assert.Equal(Symbols.RoundsToZero, counts[3].Symbol);
        Assert.Equal(Symbols.Withheld, counts[4].Symbol);
        Assert.Equal(Symbols.Withheld, counts[5].Symbol);
        Assert.Equal(40, total.Published);
    }

    [Fact]
    public void A_threshold_of_10_withholds_counts_from_1_to_9()
    {
        var (table, counts, _, _) = Column(50, 9, 10, 30);
        DisclosureControl.Apply(table, new DisclosureSettings(Threshold: 10));
        Assert.Equal(Symbols.Withheld, counts[1].Symbol);
        Assert.Equal(Symbols.Withheld, counts[2].Symbol);
        Assert.Equal(50, counts[0].Published);
    }

    /// <summary>
    /// A cross-tabulation with row and column totals, built at random many times: after control no count from 1
    /// to 4 is published and no withheld count stands alone in a row or column whose total is published.
    /// </summary>
    [Fact]
    public void No_withheld_cell_of_a_random_cross_tabulation_can_be_recovered_from_row_or_column_totals()
    {
        var random = new Random(20170331);
        for (var trial = 0; trial < 500; trial++)
        {
            int rows = random.Next(2, 7), columns = random.Next(2, 5);
            var cells = new Figure[rows, columns];
            for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                cells[r, c] = Count(random.Next(4) == 0 ? random.Next(0, 5) : random.Next(0, 40));
            var rowTotals = Enumerable.Range(0, rows).Select(r => Count(Enumerable.Range(0, columns).Sum(c => cells[r, c].Value!.Value))).ToList();
            var columnTotals = Enumerable.Range(0, columns).Select(c => Count(Enumerable.Range(0, rows).Sum(r => cells[r, c].Value!.Value))).ToList();
            var grand = Count(rowTotals.Sum(t => t.Value!.Value));

            var lines = new List<CountLine>();
            for (var r = 0; r < rows; r++) lines.Add(new CountLine(rowTotals[r], Enumerable.Range(0, columns).Select(c => cells[r, c]).ToList()));
            for (var c = 0; c < columns; c++) lines.Add(new CountLine(columnTotals[c], Enumerable.Range(0, rows).Select(r => cells[r, c]).ToList()));
            lines.Add(new CountLine(grand, rowTotals));
            lines.Add(new CountLine(grand, columnTotals));
            var table = new StatTable
            {
                Id = $"random-{trial}", Title = "T", Section = "workforce", RowHeader = "R", Columns = [],
                Rows = Enumerable.Range(0, rows).Select(r => new StatRow($"{r}", Enumerable.Range(0, columns).Select(c => cells[r, c]).Append(rowTotals[r]).ToList()))
                    .Append(new StatRow("Total", columnTotals.Append(grand).ToList(), IsTotal: true)).ToList(),
                Lines = lines,
            };

            DisclosureControl.Apply(table, Default);

            Assert.Empty(DisclosureControl.Verify(table, Default));
            Assert.DoesNotContain(table.AllFigures, f => f.Published is > 0 and < 5);
        }
    }
}
