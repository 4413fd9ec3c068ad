using ReportGen.Content;
using ReportGen.Diagnostics;
using ReportGen.Statistics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Statistics;

/// <summary>
/// Worked examples, with answers worked out by hand, for the boundaries and branches that mutation testing found
/// untested: the threshold itself, the minimum base itself, rounding of counts and FTE, the order in which secondary
/// suppression picks a count, what Verify reports, and the formulas of rates, ratios, gaps and intervals.
/// </summary>
public sealed class MutationStatisticsTests
{
    private static readonly DisclosureSettings Default = new();

    private static Figure Count(double value) => new(FigureKind.Count, value, null);

    private static StatTable Table(IReadOnlyList<StatRow> rows, IReadOnlyList<CountLine> lines, string id = "t") => new()
    {
        Id = id, Title = "T", Section = "workforce", RowHeader = "Group", Columns = [], Rows = rows, Lines = lines,
    };

    /// <summary>A one-column table of counts and their total, each count with its percentage of the total.</summary>
    private static (StatTable Table, List<Figure> Counts, Figure Total) Column(params double[] values)
    {
        var counts = values.Select(Count).ToList();
        var total = Count(values.Sum());
        var rows = counts.Select((c, i) => new StatRow($"Group {i}", [c, Figure.Percent(c, total)]))
            .Append(new StatRow("Total", [total, Figure.AllOf(total)], IsTotal: true)).ToList();
        return (Table(rows, [new CountLine(total, counts)]), counts, total);
    }

    // ---- Primary suppression: the threshold itself is published --------------------------------------------------

    [Fact]
    public void A_count_equal_to_the_threshold_is_published_and_one_below_it_is_withheld()
    {
        // Threshold 5: 4 and 4 are withheld (two in the line, so no third is needed); 5 is published.
        var (table, counts, total) = Column(30, 5, 4, 4);
        DisclosureControl.Apply(table, Default);

        Assert.Equal(30, counts[0].Published);
        Assert.Equal(5, counts[1].Published);
        Assert.Null(counts[1].Symbol);
        Assert.Equal(Symbols.Withheld, counts[2].Symbol);
        Assert.Equal(Symbols.Withheld, counts[3].Symbol);
        Assert.Equal(43, total.Published);
        Assert.Empty(DisclosureControl.Verify(table, Default));
    }

    [Fact]
    public void The_default_policy_is_threshold_5_no_rounding_and_a_minimum_base_of_50()
    {
        Assert.Equal(new DisclosureSettings(5, null, 50), DisclosureSettings.From(null));
        Assert.Equal(new DisclosureSettings(5, null, 50), DisclosureSettings.From(new DisclosurePolicy()));
        Assert.Equal(new DisclosureSettings(10, 5, 30), DisclosureSettings.From(new DisclosurePolicy { Threshold = 10, RoundTo = 5, MinimumBase = 30 }));
    }

    // ---- Rounding of counts: nearest multiple, half away from zero -------------------------------------------------

    [Theory]
    [InlineData(12.0, 5, 10.0)]
    [InlineData(13.0, 5, 15.0)]
    [InlineData(25.0, 10, 30.0)]   // 2.5 tens: half away from zero gives 3 tens, not 2 (to even)
    [InlineData(35.0, 10, 40.0)]
    [InlineData(12.5, 5, 15.0)]    // an FTE: 2.5 fives
    [InlineData(7.0, 3, 6.0)]
    [InlineData(3.4, null, 3.4)]
    public void A_count_is_rounded_to_the_nearest_multiple_of_round_to_half_away_from_zero(double value, int? roundTo, double expected) =>
        Assert.Equal(expected, new DisclosureSettings(RoundTo: roundTo).RoundCount(value));

    [Fact]
    public void Rounded_counts_are_published_rounded_and_a_count_that_rounds_to_zero_is_marked()
    {
        // Threshold 2, round to 10: 1 is withheld with the next smallest (the 4, which would round to 0 anyway);
        // 25 → 30, 46 → 50, total 76 → 80.
        var (table, counts, total) = Column(25, 46, 1, 4);
        DisclosureControl.Apply(table, new DisclosureSettings(Threshold: 2, RoundTo: 10));

        Assert.Equal(30, counts[0].Published);
        Assert.Equal(50, counts[1].Published);
        Assert.Equal(Symbols.Withheld, counts[2].Symbol);
        Assert.Equal(Symbols.Withheld, counts[3].Symbol);
        Assert.Equal(80, total.Published);
        // The percentage is worked out from the published counts: 30 / 80.
        Assert.Equal(37.5, table.Rows[0].Cells[1].Published);
    }

    [Fact]
    public void A_count_that_rounds_to_zero_is_shown_as_rounds_to_zero_and_so_is_its_percentage()
    {
        // Threshold 2, round to 10: 3 rounds to 0 but is not 0.
        var (table, counts, _) = Column(40, 3, 27, 0);
        DisclosureControl.Apply(table, new DisclosureSettings(Threshold: 2, RoundTo: 10));

        Assert.Equal(Symbols.RoundsToZero, counts[1].Symbol);
        Assert.Null(counts[1].Published);
        Assert.Equal(Symbols.RoundsToZero, table.Rows[1].Cells[1].Symbol);
        Assert.Equal(0, counts[3].Published);
        Assert.Null(counts[3].Symbol);
        Assert.Equal(40, counts[0].Published);
        Assert.Equal(30, counts[2].Published);
    }

    // ---- Secondary suppression: which count goes with a withheld one ---------------------------------------------

    [Fact]
    public void The_count_beside_a_withheld_one_that_fewest_figures_rest_on_is_withheld_before_a_smaller_one()
    {
        // 17 = 3 + 6 + 8. The 3 is withheld. Three shown figures rest on the 6 and one on the 8, so the 8 goes with
        // it although the 6 is smaller.
        var small = Count(3);
        var many = Count(6);
        var few = Count(8);
        var total = Count(17);
        var rows = new List<StatRow>
        {
            new("a", [small]),
            new("b", [many, Figure.Percent(many, total), Figure.Derived(FigureKind.Rate, [many], v => v[0]), Figure.Derived(FigureKind.Ratio, [many], v => v[0])]),
            new("c", [few, Figure.Percent(few, total)]),
            new("Total", [total], IsTotal: true),
        };
        var table = Table(rows, [new CountLine(total, [small, many, few])]);

        DisclosureControl.Apply(table, Default);

        Assert.Equal(Symbols.Withheld, small.Symbol);
        Assert.Equal(Symbols.Withheld, few.Symbol);
        Assert.Equal(6, many.Published);
        Assert.Equal(17, total.Published);
        Assert.Empty(DisclosureControl.Verify(table, Default));
    }

    [Fact]
    public void Among_equally_small_candidates_the_one_that_also_closes_another_line_is_withheld()
    {
        // Line 1: 40 = 2 + y + x; line 2: 43 = 3 + x + z, with x = y = 19. The 2 and the 3 are withheld, each alone in
        // its line. Line 1 needs a second count: y or x, equally small and with no figures on them; x is also beside
        // the lone 3 of line 2, so withholding it closes both lines and y and z stay published.
        var a = Count(2);
        var y = Count(19);
        var x = Count(19);
        var b = Count(3);
        var z = Count(21);
        var line1 = new CountLine(Count(40), [a, y, x]);
        var line2 = new CountLine(Count(43), [b, x, z]);
        var rows = new List<StatRow> { new("a", [a]), new("y", [y]), new("x", [x]), new("b", [b]), new("z", [z]), new("t1", [line1.Total]), new("t2", [line2.Total]) };
        var table = Table(rows, [line1, line2]);

        DisclosureControl.Apply(table, Default);

        Assert.Equal(Symbols.Withheld, x.Symbol);
        Assert.Equal(19, y.Published);
        Assert.Equal(21, z.Published);
        Assert.Equal(40, line1.Total.Published);
        Assert.Equal(43, line2.Total.Published);
        Assert.Empty(DisclosureControl.Verify(table, Default));
    }

    [Fact]
    public void A_withheld_total_whose_parts_are_all_shown_has_a_part_withheld_so_it_cannot_be_added_up()
    {
        // Line 1: 22 = 0 + 10 + 12. Line 2: 25 = 22 + 3. The 3 is withheld and the only count beside it is the
        // subtotal 22, which goes too; 22 would then be 0 + 10 + 12, so a part is withheld as well: not the 0 (it hides
        // nothing), and of 10 and 12 the one fewer shown figures rest on, the 12 (a percentage rests on the 10).
        var zero = Count(0);
        var a = Count(10);
        var b = Count(12);
        var subtotal = Count(22);
        var small = Count(3);
        var grand = Count(25);
        var rows = new List<StatRow>
        {
            new("zero", [zero]), new("a", [a, Figure.Percent(a, subtotal)]), new("b", [b]), new("sub", [subtotal]), new("small", [small]), new("grand", [grand]),
        };
        var table = Table(rows, [new CountLine(subtotal, [zero, a, b]), new CountLine(grand, [subtotal, small])]);

        DisclosureControl.Apply(table, Default);

        Assert.Equal(Symbols.Withheld, small.Symbol);
        Assert.Equal(Symbols.Withheld, subtotal.Symbol);
        Assert.Equal(Symbols.Withheld, b.Symbol);
        Assert.Equal(10, a.Published);
        Assert.Equal(0, zero.Published);
        Assert.Equal(25, grand.Published);
        Assert.Empty(DisclosureControl.Verify(table, Default));
    }

    [Fact]
    public void Of_the_parts_of_a_withheld_subtotal_with_as_many_figures_on_them_the_smaller_is_withheld()
    {
        // Line 1: 22 = 10 + 12. Line 2: 25 = 22 + 3. The 3 and then the subtotal 22 are withheld; 22 would be 10 + 12,
        // so the smaller part, 10, is withheld as well.
        var a = Count(10);
        var b = Count(12);
        var subtotal = Count(22);
        var small = Count(3);
        var grand = Count(25);
        var rows = new List<StatRow> { new("a", [a]), new("b", [b]), new("sub", [subtotal]), new("small", [small]), new("grand", [grand]) };
        var table = Table(rows, [new CountLine(subtotal, [a, b]), new CountLine(grand, [subtotal, small])]);

        DisclosureControl.Apply(table, Default);

        Assert.Equal(Symbols.Withheld, subtotal.Symbol);
        Assert.Equal(Symbols.Withheld, a.Symbol);
        Assert.Equal(12, b.Published);
        Assert.Equal(25, grand.Published);
    }

    [Fact]
    public void A_public_count_is_shown_as_published_never_withheld_rounded_or_counted_in_a_line()
    {
        var census = new Figure(FigureKind.Count, 3, null) { IsPublic = true };
        var other = new Figure(FigureKind.Count, 997, null) { IsPublic = true };
        var total = new Figure(FigureKind.Count, 1000, null) { IsPublic = true };
        var share = Figure.Percent(census, total);
        var table = Table([new StatRow("a", [census, share]), new StatRow("b", [other]), new StatRow("Total", [total])], [new CountLine(total, [census, other])]);

        DisclosureControl.Apply(table, new DisclosureSettings(RoundTo: 5));

        Assert.Equal(3, census.Published);
        Assert.Null(census.Symbol);
        Assert.Equal(997, other.Published);
        Assert.Equal(0.3, share.Published);
        Assert.Empty(DisclosureControl.Verify(table, new DisclosureSettings(RoundTo: 5)));
    }

    // ---- Verify: what it reports ----------------------------------------------------------------------------------

    private static Figure Shown(double value, double? published, string? symbol = null)
    {
        var figure = Count(value);
        figure.Published = published;
        figure.Symbol = symbol;
        return figure;
    }

    [Fact]
    public void Verify_reports_a_count_under_the_threshold_that_is_published()
    {
        var three = Shown(3, 3);
        var table = Table([new StatRow("a", [three])], []);
        Assert.Equal(["count 3 is published in table t"], DisclosureControl.Verify(table, Default));
    }

    [Theory]
    [InlineData(5.0, 5.0)]    // the threshold itself
    [InlineData(0.0, 0.0)]    // zero
    [InlineData(4.0, 5.0)]    // 4 rounded to the nearest 5: what is published is 5
    [InlineData(5.0, 4.0)]    // a count of 5 rounded down (round_to 4): the people are 5, not fewer
    public void Verify_accepts_a_published_count_that_is_not_from_1_to_threshold_minus_1(double value, double published)
    {
        var table = Table([new StatRow("a", [Shown(value, published)])], []);
        Assert.Empty(DisclosureControl.Verify(table, Default));
    }

    [Fact]
    public void Verify_accepts_small_counts_that_are_public_or_protected_by_the_base_of_an_estimate()
    {
        var census = new Figure(FigureKind.Count, 3, null) { IsPublic = true, Published = 3 };
        var responses = Shown(2, 2);
        responses.ProtectedByBase = true;
        var table = Table([new StatRow("a", [census, responses])], []);
        Assert.Empty(DisclosureControl.Verify(table, Default));
    }

    [Fact]
    public void Verify_reports_a_line_with_a_single_withheld_count_and_a_published_total()
    {
        var total = Shown(40, 40);
        var table = Table([], [new CountLine(total, [Shown(3, null, Symbols.Withheld), Shown(37, 37)])]);
        Assert.Equal(["a withheld count in table t can be worked out from its total 40"], DisclosureControl.Verify(table, Default));
    }

    [Fact]
    public void Verify_accepts_lines_with_two_withheld_counts_a_withheld_total_or_a_public_total()
    {
        var two = new CountLine(Shown(40, 40), [Shown(3, null, Symbols.Withheld), Shown(7, null, Symbols.Withheld), Shown(30, 30)]);
        var hiddenTotal = new CountLine(Shown(40, null, Symbols.Withheld), [Shown(3, null, Symbols.Withheld), Shown(37, 37)]);
        var publicTotal = new CountLine(new Figure(FigureKind.Count, 40, null) { IsPublic = true, Published = 40 }, [Shown(3, null, Symbols.Withheld), Shown(37, 37)]);
        var table = Table([], [two, hiddenTotal, publicTotal]);
        Assert.Empty(DisclosureControl.Verify(table, Default));
    }

    // ---- Derived figures: minimum base, symbols passed on, values read ---------------------------------------------

    /// <summary>A survey estimate: successes out of responses, resting on the responses.</summary>
    private static (StatTable Table, Figure Percent) Estimate(double successes, double responses)
    {
        var s = Count(successes);
        s.ProtectedByBase = true;
        var n = Count(responses);
        var percent = Figure.Percent(s, n).On(n);
        var others = Count(1000 - responses);
        return (Table([new StatRow("a", [n, percent])], [new CountLine(Count(1000), [n, others])]), percent);
    }

    [Fact]
    public void An_estimate_on_exactly_the_minimum_base_is_shown_and_one_on_fewer_is_not()
    {
        var (atBase, shown) = Estimate(20, 50);
        DisclosureControl.Apply(atBase, Default);
        Assert.Null(shown.Symbol);
        Assert.Equal(40.0, shown.Published);

        var (underBase, hidden) = Estimate(20, 49);
        DisclosureControl.Apply(underBase, Default);
        Assert.Equal(Symbols.Unreliable, hidden.Symbol);
        Assert.Null(hidden.Published);
    }

    [Fact]
    public void A_figure_computed_from_an_unreliable_estimate_is_unreliable_too()
    {
        var (table, percent) = Estimate(20, 40);
        var gap = Figure.Derived(FigureKind.PercentagePoints, [percent], v => v[0] - 50);
        var withGap = table with { Rows = [.. table.Rows, new StatRow("gap", [gap])] };
        DisclosureControl.Apply(withGap, Default);
        Assert.Equal(Symbols.Unreliable, gap.Symbol);
    }

    [Fact]
    public void A_flag_computed_from_a_figure_that_rounds_to_zero_is_not_applicable_and_a_percentage_rounds_to_zero()
    {
        // Round to 10: 3 is ~0. A percentage of it is ~0 too; a yes/no flag on it says nothing, so N/A.
        var (table, counts, total) = Column(40, 3, 27);
        var percent = table.Rows[1].Cells[1];
        var flag = Figure.Derived(FigureKind.Flag, [percent], v => v[0] > 1 ? 1 : 0);
        var withFlag = table with { Rows = [.. table.Rows, new StatRow("flag", [flag])] };
        DisclosureControl.Apply(withFlag, new DisclosureSettings(Threshold: 2, RoundTo: 10));

        Assert.Equal(Symbols.RoundsToZero, counts[1].Symbol);
        Assert.Equal(Symbols.RoundsToZero, percent.Symbol);
        Assert.Equal(Symbols.NotApplicable, flag.Symbol);
        Assert.Equal(70, total.Published);
    }

    [Fact]
    public void A_figure_from_a_not_applicable_input_is_not_applicable_and_one_whose_formula_has_no_value_too()
    {
        var (table, counts, _) = Column(20, 30);
        var fromNa = Figure.Derived(FigureKind.Ratio, [Figure.NotApplicable(FigureKind.Rate), counts[0]], v => v[1]);
        var infinite = Figure.Derived(FigureKind.Ratio, [counts[0]], v => v[0] / 0);
        var notANumber = Figure.Derived(FigureKind.Ratio, [counts[0]], _ => double.NaN);
        var withMore = table with { Rows = [.. table.Rows, new StatRow("x", [fromNa, infinite, notANumber])] };
        DisclosureControl.Apply(withMore, Default);

        Assert.Equal(Symbols.NotApplicable, fromNa.Symbol);
        Assert.Equal(Symbols.NotApplicable, infinite.Symbol);
        Assert.Equal(Symbols.NotApplicable, notANumber.Symbol);
        Assert.Null(infinite.Value);
    }

    [Fact]
    public void A_figure_is_computed_from_the_unrounded_values_of_its_inputs_but_a_flag_from_the_values_shown()
    {
        // 1 / 3 is 33.333…%, shown as 33.3. Three times it is 100.0 from the unrounded value (99.9 from the shown one).
        // A flag "is it at least 33.3?" reads the value shown, 33.3: yes (the unrounded 33.333… would also say yes),
        // and "is it more than 33.3?" reads 33.3: no, although the unrounded value is more.
        var (table, _, _) = Column(10, 20);
        var third = table.Rows[0].Cells[1];
        var thrice = Figure.Derived(FigureKind.Percent, [third], v => 3 * v[0]);
        var more = Figure.Derived(FigureKind.Flag, [third], v => v[0] > 33.3 ? 1 : 0);
        var withMore = table with { Rows = [.. table.Rows, new StatRow("x", [thrice, more])] };
        DisclosureControl.Apply(withMore, Default);

        Assert.Equal(100.0 / 3, third.Value!.Value, 9);
        Assert.Equal(33.3, third.Published);
        Assert.Equal(100.0, thrice.Published);
        Assert.Equal(0, more.Published);
    }

    [Fact]
    public void Each_kind_of_figure_is_rounded_to_its_own_decimal_places()
    {
        var precision = new Precision(Percent: 0, PercentagePoints: 2, Rate: 3, Ratio: 1, Fte: 0);
        Assert.Equal(0, precision.For(FigureKind.Percent));
        Assert.Equal(2, precision.For(FigureKind.PercentagePoints));
        Assert.Equal(2, precision.For(FigureKind.Margin));
        Assert.Equal(3, precision.For(FigureKind.Rate));
        Assert.Equal(1, precision.For(FigureKind.Ratio));
        Assert.Equal(0, precision.For(FigureKind.Fte));
        Assert.Equal(0, precision.For(FigureKind.Count));
        Assert.Equal(0, precision.For(FigureKind.Flag));
        Assert.Equal(new Precision(1, 1, 1, 2, 1), Precision.Default);
    }

    [Fact]
    public void Differences_follow_percentages_unless_given_and_each_setting_overrides_only_itself()
    {
        Assert.Equal(new Precision(2, 2, 1, 2, 1), Precision.Default.With(new PrecisionDeclaration { Percent = 2 }));
        Assert.Equal(new Precision(2, 0, 1, 2, 1), Precision.Default.With(new PrecisionDeclaration { Percent = 2, PercentagePoints = 0 }));
        Assert.Equal(new Precision(1, 1, 0, 3, 2), Precision.Default.With(new PrecisionDeclaration { Rate = 0, Ratio = 3, Fte = 2 }));
        Assert.Same(Precision.Default, Precision.Default.With(null));
    }

    [Theory]
    [InlineData(2.5, 0, 3.0)]
    [InlineData(-2.5, 0, -3.0)]
    [InlineData(0.125, 2, 0.13)]
    [InlineData(1.005, 2, 1.01)]      // the decimal 1.005, not the binary 1.00499…
    [InlineData(1e20, 1, 1e20)]       // beyond 1e15 the double is rounded as it is
    [InlineData(1e30, 2, 1e30)]       // and beyond decimal's range too
    public void Rounding_is_half_away_from_zero_on_the_decimal_value(double value, int decimals, double expected) =>
        Assert.Equal(expected, Figure.Round(value, decimals));

    [Fact]
    public void A_negative_value_that_rounds_to_zero_is_zero_not_minus_zero()
    {
        Assert.False(double.IsNegative(Figure.Round(-0.04, 1)));
        Assert.False(double.IsNegative(Figure.Round(-0.4, 0)));
    }

    // ---- FTE -------------------------------------------------------------------------------------------------------

    private static (StatTable Table, Figure Fte, Figure People) Fte(double fte, double people, DisclosureSettings settings)
    {
        var headcount = Count(people);
        var others = Count(100);
        var total = Count(people + 100);
        var figure = new Figure(FigureKind.Fte, fte, null) { Headcount = headcount };
        var table = Table([new StatRow("a", [figure]), new StatRow("b", [others]), new StatRow("Total", [total])], [new CountLine(total, [headcount, others])]);
        DisclosureControl.Apply(table, settings);
        return (table, figure, headcount);
    }

    [Fact]
    public void An_fte_is_published_to_its_decimal_places_or_rounded_like_counts_when_they_are_rounded()
    {
        Assert.Equal(12.3, Fte(12.34, 20, Default).Fte.Published);
        // round_to 1 leaves counts as they are, and the FTE keeps its one decimal place.
        Assert.Equal(3.5, Fte(3.45, 20, new DisclosureSettings(RoundTo: 1)).Fte.Published);
        // round_to 5: 12.4 FTE → 10, 12.5 → 15 (half away from zero).
        Assert.Equal(10, Fte(12.4, 20, new DisclosureSettings(RoundTo: 5)).Fte.Published);
        Assert.Equal(15, Fte(12.5, 20, new DisclosureSettings(RoundTo: 5)).Fte.Published);
    }

    [Fact]
    public void An_fte_is_withheld_with_its_people_and_rounds_to_zero_with_them()
    {
        var (_, withheld, people) = Fte(2.5, 3, Default);
        Assert.Equal(Symbols.Withheld, people.Symbol);
        Assert.Equal(Symbols.Withheld, withheld.Symbol);

        // Threshold 2, round to 10: 3 people round to 0, and so does their FTE.
        var (_, tiny, few) = Fte(2.5, 3, new DisclosureSettings(Threshold: 2, RoundTo: 10));
        Assert.Equal(Symbols.RoundsToZero, few.Symbol);
        Assert.Equal(Symbols.RoundsToZero, tiny.Symbol);
        Assert.Null(tiny.Published);
    }

    [Fact]
    public void An_fte_without_the_people_behind_it_is_withheld()
    {
        var fte = new Figure(FigureKind.Fte, 40.5, null);
        var table = Table([new StatRow("a", [fte])], []);
        DisclosureControl.Apply(table, Default);
        Assert.Equal(Symbols.Withheld, fte.Symbol);
    }

    // ---- Rates, likelihoods and their intervals, on crafted data --------------------------------------------------

    private const string EventsData = """
        sources:
          - id: events
            title: Crafted records
            file: data/events.xlsx
            sheet: Events
            fields: { ethnicity: Ethnicity, outcome: Outcome }
          - id: population
            file: data/population.xlsx
            sheet: Population
            kind: aggregate
            public: true
            fields: { ethnicity: Ethnic group, count: People }
        """;

    private static IReadOnlyList<StatTable> Events(string tablesYaml, params (string Ethnicity, string Outcome, int Times)[] events)
    {
        using var data = new DataEdition(EventsData, "tables:\n" + tablesYaml);
        var rows = new List<object?[]> { new object?[] { "Ethnicity", "Outcome" } };
        foreach (var (ethnicity, outcome, times) in events)
            for (var i = 0; i < times; i++) rows.Add([ethnicity, outcome]);
        data.Workbook("events.xlsx", "Events", rows);
        data.Workbook("population.xlsx", "Population", [["Ethnic group", "People"], ["White", 100000.0], ["Black", 5000.0], ["Asian", 10000.0]]);
        var (tables, diagnostics) = EditionTables.Build(data.Folder);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        return tables;
    }

    [Fact]
    public void A_rate_per_100_with_the_poisson_interval_of_its_ratio()
    {
        // White 200 of 100,000 = 0.20 per 100; Black 35 of 5,000 = 0.70, 3.50 times as likely:
        // se = √(1/35 + 1/200) = 0.1832, interval exp(ln 3.5 ± 1.96 × 0.1832) = 2.44 to 5.01, which excludes 1.
        // Asian 22 of 10,000 = 0.22, 1.10 times: se = √(1/22 + 1/200) = 0.2246, 0.71 to 1.71, which does not.
        var table = Assert.Single(Events("""
              - id: r
                title: R
                kind: rate
                source: events
                rows: ethnicity
                per: 100
                intervals: true
                precision: { rate: 2 }
                benchmark: { source: population }
                reference: White
            """, ("White", "x", 200), ("Black", "x", 35), ("Asian", "x", 22), ("Not stated", "x", 10)));

        Assert.Equal("Rate per 100 people", table.Columns.Single(c => c.Key == "rate").Header);
        Assert.Equal("Population", table.Columns.Single(c => c.Key == "population").Header);
        var black = table.Row("Black");
        Assert.Equal("0.70", black["rate"]);
        Assert.Equal("5000", black["population"]);
        Assert.Equal("3.50", black["ratio"]);
        Assert.Equal("2.44", black["ratio_lower"]);
        Assert.Equal("5.01", black["ratio_upper"]);
        Assert.Equal("Yes", black["ratio_significant"]);
        var asian = table.Row("Asian");
        Assert.Equal("0.22", asian["rate"]);
        Assert.Equal("1.10", asian["ratio"]);
        Assert.Equal("0.71", asian["ratio_lower"]);
        Assert.Equal("1.71", asian["ratio_upper"]);
        Assert.Equal("No", asian["ratio_significant"]);
        var white = table.Row("White");
        Assert.Equal("0.20", white["rate"]);
        Assert.Equal("1.00", white["ratio"]);
        Assert.Equal(Symbols.NotApplicable, white["ratio_lower"]);
        // Those whose ethnic group is not stated count in the total only: 267 of 115,000 = 0.2322 per 100.
        var notStated = table.Row("Not stated");
        Assert.Equal("10", notStated["count"]);
        Assert.Equal(Symbols.NotApplicable, notStated["population"]);
        Assert.Equal(Symbols.NotApplicable, notStated["rate"]);
        Assert.Equal(Symbols.NotApplicable, notStated["ratio"]);
        Assert.True(table.Rows.Single(r => r.Label == "Not stated").IsNotStated);
        Assert.Equal(3.7, table.NoteFigures["not-stated-share"].Published);   // 10 of 267
        var total = table.Row("Total");
        Assert.Equal("267", total["count"]);
        Assert.Equal("115000", total["population"]);
        Assert.Equal("0.23", total["rate"]);
        Assert.Equal("Total", table.Rows.Single(r => r.IsTotal).Label);
        Assert.Equal(["Crafted records", "population"], table.SourceTitles);
        Assert.Equal("workforce", table.Section);
        Assert.Equal(Symbols.NotApplicable, total["ratio"]);
        Assert.Equal(Symbols.NotApplicable, total["ratio_significant"]);
    }

    [Fact]
    public void A_relative_likelihood_of_exactly_four_fifths_is_not_flagged_and_one_just_under_it_is()
    {
        // White 50 of 100 (50%). Black 40 of 100 (40%): 0.80, not below four fifths. Asian 39 of 100: 0.78, below.
        // Katz: Black se = √(1/40 − 1/100 + 1/50 − 1/100) = 0.1581, interval 0.59 to 1.09, which includes 1.
        var tables = Events("""
              - { id: l, title: L, kind: likelihood, source: events, rows: ethnicity, reference: White, intervals: true, outcome: { field: outcome, success: [Yes] } }
            """,
            ("White", "Yes", 50), ("White", "No", 50), ("Black", "Yes", 40), ("Black", "No", 60), ("Asian", "Yes", 39), ("Asian", "No", 61));
        var table = Assert.Single(tables);

        Assert.Equal("0.80", table.Row("Black")["ratio"]);
        Assert.Equal("No", table.Row("Black")["flag"]);
        Assert.Equal("0.59", table.Row("Black")["ratio_lower"]);
        Assert.Equal("1.09", table.Row("Black")["ratio_upper"]);
        Assert.Equal("No", table.Row("Black")["ratio_significant"]);
        Assert.Equal("0.78", table.Row("Asian")["ratio"]);
        Assert.Equal("Yes", table.Row("Asian")["flag"]);
        Assert.Equal(Symbols.NotApplicable, table.Row("White")["ratio"]);
        Assert.Equal(Symbols.NotApplicable, table.Row("White")["flag"]);
        Assert.Equal(Symbols.NotApplicable, table.Row("Total")["ratio_significant"]);
        Assert.Equal("Total", table.Rows.Single(r => r.IsTotal).Label);
        Assert.Equal(["Number", "Yes", "Yes (%)"], table.Columns.Take(3).Select(c => c.Header));
        Assert.Equal("300", table.Row("Total")["candidates"]);
        Assert.Equal("129", table.Row("Total")["successes"]);
        Assert.Equal("43.0", table.Row("Total")["rate"]);
        Assert.Equal(Symbols.NotApplicable, table.Row("Total")["flag"]);
    }

    // ---- Change since the previous edition -------------------------------------------------------------------------

    private static Figure Published(FigureKind kind, double? published, string? symbol = null, int decimals = 1)
    {
        var figure = new Figure(kind, published, null) { Published = published, Symbol = symbol };
        figure.Decimals = decimals;
        return figure;
    }

    private static StatTable Survey(string id, params (string Row, Figure Percent)[] rows) => new()
    {
        Id = id, Title = "Satisfaction", Section = "service", RowHeader = "Group", Kind = "survey", Lines = [],
        Columns = [new("responses", "Responses", FigureKind.Count), new("percent", "Satisfied (%)", FigureKind.Percent)],
        Rows = rows.Select(r => new StatRow(r.Row, [Published(FigureKind.Count, 100, decimals: 0), r.Percent])).ToList(),
    };

    [Fact]
    public void The_change_since_the_previous_edition_is_the_difference_of_the_published_figures()
    {
        var latest = Survey("s", ("Disabled", Published(FigureKind.Percent, 62.3)), ("Not disabled", Published(FigureKind.Percent, 70.0)));
        var earlier = Survey("s", ("Disabled", Published(FigureKind.Percent, 58.1)), ("Not disabled", Published(FigureKind.Percent, 71.25, decimals: 2)));

        var table = Assert.Single(ChangeOverTime.Add([latest], [earlier], "2015-16"));

        Assert.Equal(["responses", "percent", "previous", "change"], table.Columns.Select(c => c.Key));
        Assert.Equal("Satisfied (%), 2015-16", table.Columns[2].Header);
        Assert.Equal(FigureKind.Percent, table.Columns[2].Kind);
        Assert.Equal("Change since 2015-16 (percentage points)", table.Columns[3].Header);
        Assert.Equal(FigureKind.PercentagePoints, table.Columns[3].Kind);
        var disabled = table.Rows[0].Cells;
        Assert.Equal(58.1, disabled[2].Published);
        Assert.Equal(4.2, disabled[3].Published);          // 62.3 − 58.1, rounded once to one place
        Assert.Null(disabled[3].Symbol);
        Assert.Equal(1, disabled[3].Decimals);
        // 70.0 − 71.25 = −1.25: −1.3 to one place, half away from zero.
        Assert.Equal(-1.3, table.Rows[1].Cells[3].Published);
    }

    [Fact]
    public void A_change_is_not_shown_unless_both_figures_are_published()
    {
        var latest = Survey("s", ("a", Published(FigureKind.Percent, null, Symbols.Withheld)), ("b", Published(FigureKind.Percent, 50.0)),
            ("c", Published(FigureKind.Percent, 40.0)), ("new", Published(FigureKind.Percent, 30.0)));
        var earlier = Survey("s", ("a", Published(FigureKind.Percent, 45.0)), ("b", Published(FigureKind.Percent, null, Symbols.Unreliable)),
            ("c", Published(FigureKind.Percent, null)));

        var rows = Assert.Single(ChangeOverTime.Add([latest], [earlier], "2015-16")).Rows;

        Assert.Equal(Symbols.Withheld, rows[0].Cells[3].Symbol);        // the latest's own symbol
        Assert.Equal(Symbols.Unreliable, rows[1].Cells[3].Symbol);      // the earlier's
        Assert.Equal(Symbols.NotApplicable, rows[2].Cells[3].Symbol);   // neither has one
        Assert.Equal(Symbols.NotApplicable, rows[3].Cells[2].Symbol);   // a row the previous edition did not have
        Assert.Equal(Symbols.NotApplicable, rows[3].Cells[3].Symbol);
        Assert.All(rows, r => Assert.Null(r.Cells[3].Published));
    }

    [Fact]
    public void Without_a_previous_edition_or_the_same_table_or_column_in_it_a_table_is_unchanged()
    {
        var latest = Survey("s", ("a", Published(FigureKind.Percent, 50.0)));
        IReadOnlyList<StatTable> tables = [latest];
        Assert.Same(tables, ChangeOverTime.Add(tables, null, "2015-16"));
        Assert.Same(tables, ChangeOverTime.Add(tables, [latest], null));
        Assert.Same(latest, Assert.Single(ChangeOverTime.Add(tables, [Survey("other", ("a", Published(FigureKind.Percent, 40.0)))], "2015-16")));
        var withoutPercent = Survey("s", ("a", Published(FigureKind.Percent, 40.0))) with { Columns = [new("responses", "Responses", FigureKind.Count), new("other", "Other", FigureKind.Percent)] };
        Assert.Same(latest, Assert.Single(ChangeOverTime.Add(tables, [withoutPercent], "2015-16")));
    }

    [Fact]
    public void A_rate_changes_in_its_own_unit_and_a_breakdown_by_its_last_percentage_column()
    {
        StatTable Rates(double rate) => new()
        {
            Id = "r", Title = "R", Section = "service", RowHeader = "Group", Kind = "rate", Lines = [],
            Columns = [new("count", "Number", FigureKind.Count), new("rate", "Rate per 1,000 people", FigureKind.Rate)],
            Rows = [new StatRow("a", [Published(FigureKind.Count, 10, decimals: 0), Published(FigureKind.Rate, rate)])],
        };
        var rate = Assert.Single(ChangeOverTime.Add([Rates(3.4)], [Rates(2.9)], "2015-16"));
        Assert.Equal("Change since 2015-16", rate.Columns[^1].Header);
        Assert.Equal(FigureKind.Rate, rate.Columns[^1].Kind);
        Assert.Equal(0.5, rate.Rows[0].Cells[^1].Published);

        StatTable Crossed(double female, double total) => new()
        {
            Id = "b", Title = "B", Section = "workforce", RowHeader = "Group", Lines = [],
            Columns = [new("Female:count", "Number", FigureKind.Count), new("Female:percent", "Percentage", FigureKind.Percent),
                new("Total:count", "Number", FigureKind.Count), new("Total:percent", "Percentage", FigureKind.Percent)],
            Rows = [new StatRow("a", [Published(FigureKind.Count, 10, decimals: 0), Published(FigureKind.Percent, female), Published(FigureKind.Count, 20, decimals: 0), Published(FigureKind.Percent, total)])],
        };
        var breakdown = Assert.Single(ChangeOverTime.Add([Crossed(10.0, 20.0)], [Crossed(15.0, 25.5)], "2015-16"));
        Assert.Equal(25.5, breakdown.Rows[0].Cells[^2].Published);
        Assert.Equal(-5.5, breakdown.Rows[0].Cells[^1].Published);
        Assert.Equal("Percentage, 2015-16", breakdown.Columns[^2].Header);
    }

    // ---- Filters --------------------------------------------------------------------------------------------------

    private static RecordFilter.Condition Range(string? from, string? to) => new("start_date", [],
        from is null ? null : PartialDateOf(from), to is null ? null : PartialDateOf(to));

    private static PartialDate PartialDateOf(string text) => PartialDate.TryParse(text, out var date) ? date : throw new ArgumentException(text);

    [Theory]
    [InlineData("2016-03-31T23:59:00", false)]
    [InlineData("2016-04-01T00:00:00", true)]
    [InlineData("2016-06-30T23:59:00", true)]
    [InlineData("2016-07-01T00:00:00", false)]
    public void A_date_range_runs_from_the_start_of_its_first_month_to_the_end_of_its_last(string moment, bool kept)
    {
        var condition = Range("2016-04", "2016-06");
        Assert.True(condition.IsRange);
        Assert.Equal(kept, condition.Matches(DateTime.Parse(moment, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_range_open_at_one_end_keeps_everything_beyond_its_other_end_and_only_dates()
    {
        var from = Range("2016", null);
        Assert.False(from.Matches(new DateTime(2015, 12, 31)));
        Assert.True(from.Matches(new DateTime(2016, 1, 1)));
        Assert.True(from.Matches(new DateTime(2030, 1, 1)));
        var to = Range(null, "2016-04-30");
        Assert.True(to.Matches(new DateTime(1990, 1, 1)));
        Assert.True(to.Matches(new DateTime(2016, 4, 30, 18, 0, 0)));
        Assert.False(to.Matches(new DateTime(2016, 5, 1)));
        Assert.False(to.Matches("2016-04-01"));
        Assert.False(to.Matches(null));
        Assert.False(new RecordFilter.Condition("x", ["a"], null, null).IsRange);
    }

    [Fact]
    public void A_where_value_is_text_a_list_or_a_range_and_anything_else_is_its_text()
    {
        Assert.Equal(["Police Officer"], RecordFilter.Values(" Police Officer "));
        Assert.Equal(["a", "b", ""], RecordFilter.Values(new List<object> { " a", "b ", null! }));
        Assert.Equal(["5"], RecordFilter.Values(5));
        Assert.Equal(["2.5"], RecordFilter.Values(2.5));
        Assert.Empty(RecordFilter.Values(new Dictionary<object, object> { ["from"] = "2016" }));

        Assert.True(RecordFilter.Range(new Dictionary<object, object> { ["from"] = "2016-04", ["to"] = "not a date" }, out var from, out var to));
        Assert.Equal(new PartialDate(2016, 4), from);
        Assert.Null(to);
        Assert.False(RecordFilter.Range("2016-04", out _, out _));
    }

    [Fact]
    public void A_value_matches_a_category_by_code_label_or_group_and_other_values_by_their_text()
    {
        var indian = ReportGen.Data.Classification.BuiltIn["ethnicity"].Categories.Single(c => c.Code == "asian-indian");
        Assert.True(RecordFilter.MatchesValue(indian, "ASIAN-INDIAN"));
        Assert.True(RecordFilter.MatchesValue(indian, " indian "));
        Assert.True(RecordFilter.MatchesValue(indian, "Asian"));
        Assert.False(RecordFilter.MatchesValue(indian, "Black"));
        Assert.True(RecordFilter.MatchesValue("Police Officer", "police officer"));
        Assert.False(RecordFilter.MatchesValue("Police Officer", "Police"));
        Assert.True(RecordFilter.MatchesValue(12.5, "12.5"));
        Assert.True(RecordFilter.MatchesValue(new DateTime(2016, 4, 1), "2016-04-01"));
        Assert.False(RecordFilter.MatchesValue(null, "x"));
        Assert.True(RecordFilter.MatchesValue(null, "Blank"));
        Assert.False(RecordFilter.MatchesValue("x", "blank"));
        Assert.True(RecordFilter.MatchesValue("x", "Not blank"));
        Assert.False(RecordFilter.MatchesValue(null, "not blank"));
        Assert.False(RecordFilter.MatchesValue(true, "True"));
    }

    [Fact]
    public void Row_headings_name_the_characteristic()
    {
        Assert.Equal("Ethnic group", TableGrouping.Heading("ethnicity"));
        Assert.Equal("Sexual orientation", TableGrouping.Heading("sexual_orientation"));
        Assert.Equal("Gender identity", TableGrouping.Heading("gender_identity"));
        Assert.Equal("Age band", TableGrouping.Heading("age"));
        Assert.Equal("Length of service", TableGrouping.Heading("length_of_service"));
        Assert.Equal("Role", TableGrouping.Heading("role"));
    }

    // ---- Intervals and tests of proportions --------------------------------------------------------------------

    [Fact]
    public void The_wilson_interval_at_another_confidence_uses_that_confidences_z()
    {
        // 90%: z = 1.6449; 5 of 10 gives 0.2693 to 0.7307. 99%: z = 2.5758; 81 of 100 gives 0.6910 to 0.8905.
        var (lower90, upper90) = Proportions.Wilson(5, 10, 0.90);
        Assert.Equal(0.269272, lower90, 6);
        Assert.Equal(0.730728, upper90, 6);
        var (lower99, upper99) = Proportions.Wilson(81, 100, 0.99);
        Assert.Equal(0.690973, lower99, 6);
        Assert.Equal(0.890450, upper99, 6);
    }

    [Fact]
    public void The_wilson_interval_needs_at_least_one_trial()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportions.Wilson(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportions.Wilson(0, -1));
        Assert.Equal((0.0, 0.793451), Round6(Proportions.Wilson(0, 1)));
    }

    private static (double, double) Round6((double Lower, double Upper) interval) => (Math.Round(interval.Lower, 6), Math.Round(interval.Upper, 6));

    // ---- The status of a measure ---------------------------------------------------------------------------------

    /// <summary>A percentage of those known: count of (total − not stated), controlled as a table would be.</summary>
    private static Figure KnownPercent(double count, double total, double notStated)
    {
        var (c, t, n) = (Count(count), Count(total), Count(notStated));
        var percent = Figure.Derived(FigureKind.Percent, [c, t, n], v => 100 * v[0] / (v[1] - v[2]));
        DisclosureControl.Apply(Table([new StatRow("a", [c, percent]), new StatRow("b", [n, t])], []), Default);
        return percent;
    }

    [Fact]
    public void A_significant_change_is_improved_or_worsened_as_the_direction_says()
    {
        // 60 of 100 against 40 of 100: z = 2.83, p = 0.005.
        var latest = KnownPercent(60, 100, 0);
        var previous = KnownPercent(40, 100, 0);

        var up = MeasureEvaluator.Evaluate(latest, previous, "up");
        Assert.Equal(MeasureStatus.Improved, up.Status);
        Assert.Equal(20.0, up.Change);
        Assert.Equal("the change is significant (p = 0.005)", up.Explanation);
        Assert.Equal(MeasureStatus.Worsened, MeasureEvaluator.Evaluate(latest, previous, "down").Status);
        Assert.Equal(MeasureStatus.Improved, MeasureEvaluator.Evaluate(previous, latest, "down").Status);
        // Towards parity: 60 is further from zero than 40.
        Assert.Equal(MeasureStatus.Worsened, MeasureEvaluator.Evaluate(latest, previous, "parity").Status);
        Assert.Equal(MeasureStatus.Improved, MeasureEvaluator.Evaluate(previous, latest, "parity").Status);
    }

    [Fact]
    public void A_change_within_chance_is_no_significant_change_whatever_the_direction()
    {
        // 52 of 100 against 48 of 100: p = 0.57.
        var result = MeasureEvaluator.Evaluate(KnownPercent(52, 100, 0), KnownPercent(48, 100, 0), "up");
        Assert.Equal(MeasureStatus.NoSignificantChange, result.Status);
        Assert.Equal("the change is within what chance would explain (p = 0.57)", result.Explanation);
        Assert.Equal(4.0, result.Change!.Value, 9);
    }

    [Fact]
    public void The_test_of_a_percentage_of_those_known_leaves_the_not_stated_out_of_its_base()
    {
        // 30 of 110 with 10 not stated is 30 of 100; 15 of 105 with 5 not stated is 15 of 100: p = 0.011
        // (with the not stated left in, 30 of 110 against 15 of 105, it would be 0.019).
        var result = MeasureEvaluator.Evaluate(KnownPercent(30, 110, 10), KnownPercent(15, 105, 5), "up");
        Assert.Equal("the change is significant (p = 0.011)", result.Explanation);
    }

    [Fact]
    public void A_survey_estimate_is_tested_on_the_responses_it_rests_on()
    {
        // 60% of 200 against 50% of 150: 120 of 200 and 75 of 150, p = 0.062.
        Figure Estimate(double successes, double responses)
        {
            var (s, n) = (Count(successes), Count(responses));
            s.ProtectedByBase = true;
            var percent = Figure.Percent(s, n).On(n);
            DisclosureControl.Apply(Table([new StatRow("a", [n, percent])], []), Default);
            return percent;
        }
        var result = MeasureEvaluator.Evaluate(Estimate(120, 200), Estimate(75, 150), "up");
        Assert.Equal(MeasureStatus.NoSignificantChange, result.Status);
        Assert.Equal("the change is within what chance would explain (p = 0.06)", result.Explanation);
    }

    [Fact]
    public void Two_rates_are_compared_as_poisson_rates_of_their_published_counts_and_bases()
    {
        // 30 per 1,000 against 10 per 1,000: z = (0.03 − 0.01) / √(30/1000² + 10/1000²) = 3.16, p = 0.002.
        Figure Rate(double events, double people)
        {
            var (e, n) = (Count(events), Count(people));
            var rate = Figure.Derived(FigureKind.Rate, [e, n], v => 1000 * v[0] / v[1]).Per(n);
            DisclosureControl.Apply(Table([new StatRow("a", [e, n, rate])], []), Default);
            return rate;
        }
        var result = MeasureEvaluator.Evaluate(Rate(30, 1000), Rate(10, 1000), "down");
        Assert.Equal(MeasureStatus.Worsened, result.Status);
        Assert.Equal("the change is significant (p = 0.002)", result.Explanation);
        Assert.Equal(20.0, result.Change);
        // No events in either: nothing to test, no significant change.
        Assert.Equal(MeasureStatus.NoSignificantChange, MeasureEvaluator.Evaluate(Rate(0, 1000), Rate(0, 1000), "down").Status);
    }

    [Fact]
    public void A_measure_without_two_published_figures_or_a_test_is_not_enough_data()
    {
        var shown = KnownPercent(60, 100, 0);
        var withheld = KnownPercent(3, 100, 0);
        Assert.Equal(Symbols.Withheld, withheld.Symbol);

        Assert.Equal((MeasureStatus.NotEnoughData, "the latest figure is not published"), Of(MeasureEvaluator.Evaluate(withheld, shown, "up")));
        Assert.Equal((MeasureStatus.NotEnoughData, "there is no earlier edition to compare with"), Of(MeasureEvaluator.Evaluate(shown, null, "up")));
        Assert.Equal((MeasureStatus.NotEnoughData, "the earlier figure is not published"), Of(MeasureEvaluator.Evaluate(shown, withheld, "up")));
        var count = Count(40);
        var before = Count(30);
        DisclosureControl.Apply(Table([new StatRow("a", [count, before])], []), Default);
        var counts = MeasureEvaluator.Evaluate(count, before, "up");
        Assert.Equal((MeasureStatus.NotEnoughData, "no test of change is available for this kind of figure"), Of(counts));
        Assert.Equal(10.0, counts.Change);

        static (MeasureStatus, string) Of(MeasureResult r) => (r.Status, r.Explanation);
    }

    [Fact]
    public void A_measure_finds_its_figure_by_table_row_and_the_last_column_of_that_name()
    {
        var total = Published(FigureKind.Percent, 20.0);
        var female = Published(FigureKind.Percent, 10.0);
        var table = new StatTable
        {
            Id = "b", Title = "B", Section = "workforce", RowHeader = "Group", Lines = [],
            Columns = [new("Female:count", "Number", FigureKind.Count), new("Female:percent", "Percentage", FigureKind.Percent),
                new("Total:count", "Number", FigureKind.Count), new("Total:percent", "Percentage", FigureKind.Percent)],
            Rows = [new StatRow("Black", [Published(FigureKind.Count, 1), female, Published(FigureKind.Count, 2), total])],
        };

        Assert.Same(total, MeasureEvaluator.Find([table], new StatisticReference { Table = "b", Row = "Black", Column = "percent" }, out var problem));
        Assert.Null(problem);
        Assert.Null(MeasureEvaluator.Find([table], new StatisticReference { Table = "x", Row = "Black", Column = "percent" }, out problem));
        Assert.Equal("there is no table 'x' in statistics.yaml", problem);
        Assert.Null(MeasureEvaluator.Find([table], new StatisticReference { Table = "b", Row = "White", Column = "percent" }, out problem));
        Assert.Equal("table 'b' has no row 'White'; its rows are: 'Black'", problem);
        Assert.Null(MeasureEvaluator.Find([table], new StatisticReference { Table = "b", Row = "Black", Column = "rate" }, out problem));
        Assert.Equal("table 'b' has no column 'rate'; use one of: count, percent", problem);
    }

    // ---- Breakdowns and their rows --------------------------------------------------------------------------------

    private const string StaffData = """
        sources:
          - id: staff
            file: data/staff.xlsx
            sheet: Staff
            fields: { ethnicity: Ethnicity, role: Role, start_date: Start Date }
          - id: population
            file: data/population.xlsx
            sheet: Population
            kind: aggregate
            fields: { ethnicity: Ethnic group, count: People }
        """;

    /// <summary>The tables of an edition of staff records (ethnicity, role, start date) and a population that is not public.</summary>
    private static IReadOnlyList<StatTable> Staff(string tablesYaml, params (string? Ethnicity, string? Role, DateTime? Start, int Times)[] people)
    {
        using var data = new DataEdition(StaffData, "tables:\n" + tablesYaml);
        var rows = new List<object?[]> { new object?[] { "Ethnicity", "Role", "Start Date" } };
        foreach (var (ethnicity, role, start, times) in people)
            for (var i = 0; i < times; i++) rows.Add([ethnicity, role, start]);
        data.Workbook("staff.xlsx", "Staff", rows);
        data.Workbook("population.xlsx", "Population", [["Ethnic group", "People"], ["White", 800.0], ["Asian", 100.0], ["Black", 60.0], ["Not stated", 40.0]]);
        var (tables, diagnostics) = EditionTables.Build(data.Folder);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        return tables;
    }

    [Fact]
    public void A_benchmark_is_the_share_of_the_population_whose_value_is_known()
    {
        // Staff: White 72, Asian 10, Black 8, Mixed 5, Not stated 5 (known 95). Population: White 800, Asian 100,
        // Black 60, Not stated 40 (known 960). White: 72/95 = 75.8% against 800/960 = 83.3%, −7.5 points;
        // Black: 8/95 = 8.4% against 60/960 = 6.25%, shown 6.3 (half away from zero), +2.2 points.
        var table = Assert.Single(Staff("  - { id: b, title: B, source: staff, rows: ethnicity, benchmark: { source: population } }\n",
            ("White", "Officer", null, 72), ("Asian", "Officer", null, 10), ("Black", "Officer", null, 8), ("Mixed", "Officer", null, 5), ("Not stated", "Officer", null, 5)));

        Assert.Equal("Population percentage", table.Columns.Single(c => c.Key == "benchmark:percent").Header);
        Assert.Null(table.Columns[0].Group);
        Assert.Equal(["Number", "Percentage"], table.Columns.Take(2).Select(c => c.Header));
        Assert.Equal("Total", table.Rows.Single(r => r.IsTotal).Label);
        Assert.Equal("Not stated", table.Rows.Single(r => r.IsNotStated).Label);
        Assert.True(table.HasBenchmark);
        Assert.Equal("75.8", table.Row("White")["All:percent"]);
        Assert.Equal("83.3", table.Row("White")["benchmark:percent"]);
        Assert.Equal("-7.5", table.Row("White")["benchmark:difference"]);
        Assert.Equal("6.3", table.Row("Black")["benchmark:percent"]);
        Assert.Equal("2.2", table.Row("Black")["benchmark:difference"]);
        Assert.Equal("0.0", table.Row("Mixed")["benchmark:percent"]);
        Assert.Equal(Symbols.NotApplicable, table.Row("Not stated")["benchmark:percent"]);
        Assert.Equal(Symbols.NotApplicable, table.Row("Not stated")["benchmark:difference"]);
        Assert.Equal(Symbols.NotApplicable, table.Row("Not stated")["All:percent"]);
        Assert.Equal("100.0", table.Row("Total")["benchmark:percent"]);
        Assert.Equal("100.0", table.Row("Total")["All:percent"]);
        Assert.Equal(Symbols.NotApplicable, table.Row("Total")["benchmark:difference"]);
        Assert.Equal(5.0, table.NoteFigures["not-stated-share"].Published);
        // The population is not public, so its counts are controlled in a line of their own: 960 = 800 + 100 + 60 + 0 + 0.
        var population = Assert.Single(table.Lines, l => l.Total.Value == 960);
        Assert.Equal(5, population.Parts.Count);
    }

    [Fact]
    public void When_nobody_states_their_value_no_percentage_of_the_known_can_be_given()
    {
        var table = Assert.Single(Staff("  - { id: b, title: B, source: staff, rows: ethnicity }\n", ("Not stated", "Officer", null, 12)));
        Assert.Equal("0", table.Row("White")["All:count"]);
        Assert.Equal(Symbols.NotApplicable, table.Row("White")["All:percent"]);
        Assert.Equal("100.0", table.Row("Total")["All:percent"]);
        Assert.Equal(100.0, table.NoteFigures["not-stated-share"].Published);
        Assert.False(table.HasBenchmark);
    }

    [Fact]
    public void A_second_field_with_one_value_gives_one_column_group_and_no_total_column()
    {
        var table = Assert.Single(Staff("  - { id: c, title: C, source: staff, rows: ethnicity, columns: role }\n",
            ("White", "Officer", null, 20), ("Asian", "Officer", null, 10)));
        Assert.Equal(["Officer:count", "Officer:percent"], table.Columns.Select(c => c.Key));
        Assert.Equal("Officer", table.Columns[0].Group);
        Assert.Equal("66.7", table.Row("White")["Officer:percent"]);
        // One line only (the column), no line across the columns.
        Assert.Single(table.Lines);
    }

    [Fact]
    public void A_cross_tabulation_controls_its_rows_across_the_columns_too()
    {
        // Asian: 3 officers and 20 staff; withheld alone in the Officer column, the 3 would be 23 − 20 in the Asian
        // row, so a second count of that row goes with it.
        var table = Assert.Single(Staff("  - { id: c, title: C, source: staff, rows: ethnicity, columns: role }\n",
            ("White", "Officer", null, 40), ("White", "Staff", null, 30), ("Asian", "Officer", null, 3), ("Asian", "Staff", null, 20),
            ("Black", "Officer", null, 12), ("Black", "Staff", null, 9)));
        Assert.Equal(["Officer:count", "Officer:percent", "Staff:count", "Staff:percent", "Total:count", "Total:percent"], table.Columns.Select(c => c.Key));
        Assert.Equal("Total", table.Columns.Single(c => c.Key == "Total:count").Group);
        var asian = table.Row("Asian");
        Assert.Equal(Symbols.Withheld, asian["Officer:count"]);
        Assert.True(asian["Staff:count"] == Symbols.Withheld || asian["Total:count"] == Symbols.Withheld);
        Assert.Empty(DisclosureControl.Verify(table, Default));
        // Lines: one per column group (3) and one per row across the columns (6 rows and the total row).
        Assert.Equal(3 + 7, table.Lines.Count);
    }

    [Fact]
    public void Text_rows_come_in_the_order_given_then_alphabetically_with_not_stated_last()
    {
        var table = Assert.Single(Staff("  - { id: r, title: R, source: staff, rows: role, order: [ Sergeant, constable ] }\n",
            ("White", "Inspector", null, 7), ("White", "sergeant", null, 5), ("White", "Constable", null, 6), ("White", "Chief", null, 8), ("White", null, null, 5)));
        Assert.Equal(["sergeant", "Constable", "Chief", "Inspector", "Not stated", "Total"], table.Rows.Select(r => r.Label));
        Assert.Equal("Role", table.RowHeader);
    }

    [Fact]
    public void Date_rows_are_calendar_months_in_date_order_with_not_stated_for_a_blank_date()
    {
        var table = Assert.Single(Staff("  - { id: m, title: M, source: staff, rows: start_date }\n",
            ("White", "Officer", new DateTime(2016, 5, 3), 6), ("White", "Officer", new DateTime(2016, 4, 30), 7), ("White", "Officer", new DateTime(2016, 4, 1), 5),
            ("White", "Officer", null, 5)));
        Assert.Equal(["April 2016", "May 2016", "Not stated", "Total"], table.Rows.Select(r => r.Label));
        Assert.Equal("12", table.Row("April 2016")["All:count"]);
    }

    [Fact]
    public void Date_rows_without_a_blank_date_have_no_not_stated_row()
    {
        var table = Assert.Single(Staff("  - { id: m, title: M, source: staff, rows: start_date }\n",
            ("White", "Officer", new DateTime(2017, 1, 3), 6), ("White", "Officer", new DateTime(2016, 12, 30), 7)));
        Assert.Equal(["December 2016", "January 2017", "Total"], table.Rows.Select(r => r.Label));
    }

    [Fact]
    public void Detailed_rows_leave_out_the_broad_only_categories_that_no_record_has()
    {
        var table = Assert.Single(Staff("  - { id: d, title: D, source: staff, rows: ethnicity, level: category }\n",
            ("Indian", "Officer", null, 10), ("White", "Officer", null, 6), ("Not stated", "Officer", null, 5)));
        var labels = table.Rows.Select(r => r.Label).ToList();
        Assert.Equal("Indian", labels[0]);
        Assert.Contains("White (category not given)", labels);
        Assert.DoesNotContain("Asian (category not given)", labels);
        Assert.DoesNotContain("Black (category not given)", labels);
        Assert.Equal(["Not stated", "Total"], labels.TakeLast(2));
        Assert.Equal("10", table.Row("Indian")["All:count"]);
        Assert.Equal("6", table.Row("White (category not given)")["All:count"]);
    }

    // ---- Filters checked against the data --------------------------------------------------------------------------

    private static ReportGen.Data.RecordSet FilteredSet()
    {
        var ethnicity = new ReportGen.Data.LabelStandardiser(ReportGen.Data.Classification.BuiltIn["ethnicity"]);
        ReportGen.Data.Category Of(string code) => ethnicity.Classification.Categories.Single(c => c.Code == code);
        var fields = new List<ReportGen.Data.FieldSpec>
        {
            new("role", "Role", ReportGen.Data.FieldKind.Text, null),
            new("ethnicity", "Ethnic group", ReportGen.Data.FieldKind.Category, ethnicity),
            new("start_date", "Start date", ReportGen.Data.FieldKind.Date, null),
        };
        var declaration = new SourceDeclaration { Id = "s", Fields = new() { ["role"] = "Role", ["ethnicity"] = "Ethnic group", ["start_date"] = "Start date" } };
        return new ReportGen.Data.RecordSet(declaration, "data/s.xlsx", "S", fields,
        [
            new(2, ["Officer", Of("white-british"), new DateTime(2016, 4, 1)]),
            new(3, ["Staff", Of("asian-indian"), new DateTime(2016, 5, 1)]),
        ]);
    }

    private static IReadOnlyList<Diagnostic> Checked(string yamlWhere)
    {
        var where = new YamlDotNet.Serialization.Deserializer().Deserialize<Dictionary<string, object>>(yamlWhere);
        var diagnostics = new DiagnosticBag();
        FilterCheck.Check(FilteredSet(), where, new SourceLocation("statistics.yaml", 3, 5), diagnostics);
        return diagnostics.Items;
    }

    [Fact]
    public void A_filter_whose_values_all_match_some_rows_gives_no_diagnostic()
    {
        Assert.Empty(Checked("{ role: officer }"));
        Assert.Empty(Checked("{ ethnicity: [Asian, White] }"));
        Assert.Empty(Checked("{ start_date: { from: 2016-05 } }"));
        Assert.Empty(Checked("{ ethnicity: not blank }"));
        Assert.Empty(Checked("{}"));
        var diagnostics = new DiagnosticBag();
        FilterCheck.Check(FilteredSet(), null, new SourceLocation("statistics.yaml"), diagnostics);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_misspelt_value_is_an_error_naming_the_closest_values_and_the_column()
    {
        var error = Assert.Single(Checked("{ role: Oficer }"));
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(DiagnosticCodes.FilterMatchesNothing, error.Code);
        Assert.Equal("where: 'Oficer' matches no row of source 's' (field 'role', column 'Role'); the closest values there are 'Officer', 'Staff'. Correct the value in statistics.yaml", error.Message);
        Assert.Equal(3, error.Location!.Line);
    }

    [Fact]
    public void A_value_the_classification_knows_but_no_row_has_is_a_warning()
    {
        foreach (var where in new[] { "{ ethnicity: Black }", "{ ethnicity: black-african }", "{ ethnicity: W1 }", "{ ethnicity: blank }" })
        {
            var warning = Assert.Single(Checked(where));
            Assert.Equal(Severity.Warning, warning.Severity);
            Assert.Equal(DiagnosticCodes.FilterMatchesNothing, warning.Code);
            Assert.EndsWith(", so the table counts nobody there. Check the value, or remove the condition", warning.Message);
        }
    }

    [Fact]
    public void Conditions_that_each_match_but_never_together_are_a_warning()
    {
        var warning = Assert.Single(Checked("{ role: Officer, ethnicity: Asian }"));
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("where: each condition matches some rows of source 's', but no row meets them all, so the table counts nobody. Check the conditions", warning.Message);
    }

    [Fact]
    public void A_date_range_that_matches_nothing_is_a_warning_giving_the_dates_there_are()
    {
        var warning = Assert.Single(Checked("{ start_date: { from: 2017-01, to: 2017-03 } }"));
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("where: no row of source 's' has a start_date from 2017-01 to 2017-03; its dates run from 2016-04-01 to 2016-05-01, so the table counts nobody. Check the range", warning.Message);
        Assert.Contains("from the start to 2015", Assert.Single(Checked("{ start_date: { to: 2015 } }")).Message);
    }

    [Fact]
    public void A_filter_on_a_field_the_source_does_not_have_is_an_error_listing_its_fields()
    {
        var error = Assert.Single(Checked("{ grade: 3 }"));
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(DiagnosticCodes.InvalidValue, error.Code);
        Assert.Equal("where: source 's' has no field 'grade'; its fields are: role, ethnicity, start_date", error.Message);
        Assert.Empty(RecordFilter.Apply(FilteredSet(), new Dictionary<string, object> { ["grade"] = "3" }));
        Assert.Equal(2, RecordFilter.Apply(FilteredSet(), new Dictionary<string, object>()).Count());
    }

    // ---- More of disclosure control ------------------------------------------------------------------------------

    [Fact]
    public void Counts_of_the_same_rows_of_the_same_sheet_are_one_cell_in_every_table()
    {
        // Table 1: 40 = 3 + 37, so the 3 is withheld and the 37 with it. Table 2 shows the same 37 people (the same
        // rows of the same sheet) beside 50: unless it is withheld there too, 40 − 37 gives the 3 back; and once it
        // is, the 50 goes with it. A count of other rows, or of another sheet, is another cell.
        Figure Rows(string sheet, params int[] rows) => new(FigureKind.Count, rows.Length, new Provenance("staff", "data/staff.xlsx", sheet, rows, "count"));
        var three = Rows("Staff", 1, 2, 3);
        var thirtySeven = Rows("Staff", [.. Enumerable.Range(10, 37)]);
        var sameThirtySeven = Rows("Staff", [.. Enumerable.Range(10, 37)]);
        var fifty = Rows("Staff", [.. Enumerable.Range(100, 50)]);
        var otherSheet = Rows("Leavers", [.. Enumerable.Range(10, 37)]);
        var otherFifty = Rows("Leavers", [.. Enumerable.Range(100, 50)]);
        var first = Table([new StatRow("a", [three]), new StatRow("b", [thirtySeven])], [new CountLine(Count(40), [three, thirtySeven])], "first");
        var second = Table([new StatRow("b", [sameThirtySeven]), new StatRow("c", [fifty])], [new CountLine(Count(87), [sameThirtySeven, fifty])], "second");
        var third = Table([new StatRow("b", [otherSheet]), new StatRow("c", [otherFifty])], [new CountLine(Count(87), [otherSheet, otherFifty])], "third");

        DisclosureControl.Apply([first, second, third], Default);

        Assert.Equal(Symbols.Withheld, three.Symbol);
        Assert.Equal(Symbols.Withheld, thirtySeven.Symbol);
        Assert.Equal(Symbols.Withheld, sameThirtySeven.Symbol);
        Assert.Equal(Symbols.Withheld, fifty.Symbol);
        Assert.Equal(37, otherSheet.Published);
        Assert.Equal(50, otherFifty.Published);
        Assert.Empty(DisclosureControl.Verify([first, second, third], Default));
    }

    [Fact]
    public void A_count_or_fte_that_does_not_apply_stays_not_applicable()
    {
        var notApplicable = Figure.NotApplicable(FigureKind.Count);
        var noFte = Figure.NotApplicable(FigureKind.Fte);
        var (table, _, _) = Column(20, 30);
        DisclosureControl.Apply(table with { Rows = [.. table.Rows, new StatRow("x", [notApplicable, noFte])] }, Default);
        Assert.Equal(Symbols.NotApplicable, notApplicable.Symbol);
        Assert.Null(notApplicable.Published);
        Assert.Equal(Symbols.NotApplicable, noFte.Symbol);
    }

    [Fact]
    public void Verify_reports_a_small_count_that_is_published_only_as_a_part_of_a_line()
    {
        var table = Table([], [new CountLine(Shown(40, 40), [Shown(3, 3), Shown(37, 37)])]);
        Assert.Equal(["count 3 is published in table t"], DisclosureControl.Verify(table, Default));
    }

    [Fact]
    public void A_survey_count_of_responses_with_the_outcome_is_protected_by_the_base_not_the_threshold()
    {
        // 3 of 60 satisfied: the 3 is never shown on its own, and the estimate rests on 60 responses, so 5.0% is shown.
        var (table, percent) = Estimate(3, 60);
        DisclosureControl.Apply(table, Default);
        Assert.Equal(5.0, percent.Published);
        Assert.Null(percent.Symbol);
    }

    [Fact]
    public void A_survey_table_shows_a_small_group_with_few_successes_its_interval_and_its_gap()
    {
        // White 160 of 200 (80.0%, Wilson 73.9 to 85.0); Black 3 of 60 (5.0%, Wilson 1.7 to 13.7): the 3 is protected
        // by the base of 60. Gap 5.0 − 80.0 = −75.0 ± 1.96 × √(0.8 × 0.2 / 200 + 0.05 × 0.95 / 60) = ± 7.8: significant.
        var table = Assert.Single(Events("""
              - { id: s, title: S, kind: survey, source: events, rows: ethnicity, reference: White, outcome: { field: outcome, success: [Yes] } }
            """, ("White", "Yes", 160), ("White", "No", 40), ("Black", "Yes", 3), ("Black", "No", 57), ("Not stated", "Yes", 30), ("Not stated", "No", 30)));

        var black = table.Row("Black");
        Assert.Equal("60", black["responses"]);
        Assert.Equal("5.0", black["percent"]);
        Assert.Equal("1.7", black["lower"]);
        Assert.Equal("13.7", black["upper"]);
        Assert.Equal("-75.0", black["gap"]);
        Assert.Equal("7.8", black["gap_margin"]);
        Assert.Equal("Yes", black["significant"]);
        Assert.Equal(Symbols.NotApplicable, table.Row("White")["gap"]);
        Assert.Equal(Symbols.NotApplicable, table.Row("Total")["gap"]);
        Assert.Equal("Difference from White (percentage points)", table.Columns.Single(c => c.Key == "gap").Header);
        Assert.Equal("Yes (%)", table.Columns.Single(c => c.Key == "percent").Header);
        Assert.Equal("Total", table.Rows.Single(r => r.IsTotal).Label);
        Assert.Equal("Not stated", table.Rows.Single(r => r.IsNotStated).Label);
        // 320 responses: 200 + 60 + 60.
        Assert.Equal("320", table.Row("Total")["responses"]);
        Assert.Equal(18.8, table.NoteFigures["not-stated-share"].Published);   // 60 of 320
    }

    [Fact]
    public void A_survey_gap_written_reference_minus_group_says_so_in_its_header()
    {
        var table = Assert.Single(Events("""
              - { id: s, title: S, kind: survey, source: events, rows: ethnicity, reference: White, gap: reference-minus-group, outcome: { field: outcome, success: [Yes], label: Satisfied } }
            """, ("White", "Yes", 160), ("White", "No", 40), ("Black", "Yes", 30), ("Black", "No", 30)));
        Assert.Equal("White minus group (percentage points)", table.Columns.Single(c => c.Key == "gap").Header);
        Assert.Equal("Satisfied (%)", table.Columns.Single(c => c.Key == "percent").Header);
        Assert.Equal("30.0", table.Row("Black")["gap"]);   // 80.0 − 50.0
    }

    [Fact]
    public void A_table_whose_filter_or_reference_is_wrong_is_left_out_with_an_error_and_the_others_are_built()
    {
        using var data = new DataEdition(StaffData, """
            tables:
              - { id: good, title: Good, source: staff, rows: role }
              - { id: misspelt, title: Misspelt, source: staff, rows: role, where: { role: Oficer } }
              - { id: no-such-row, title: Likelihood, kind: likelihood, source: staff, rows: role, reference: Chief, outcome: { field: ethnicity, success: [White] } }
            """);
        data.Workbook("staff.xlsx", "Staff", [["Ethnicity", "Role", "Start Date"], .. Enumerable.Repeat(new object?[] { "White", "Officer", null }, 6), .. Enumerable.Repeat(new object?[] { "Asian", "Staff", null }, 6)]);
        data.Workbook("population.xlsx", "Population", [["Ethnic group", "People"], ["White", 800.0]]);

        var (tables, diagnostics) = EditionTables.Build(data.Folder);

        Assert.Equal(["good"], tables.Select(t => t.Id));
        Assert.Contains(diagnostics, d => d.Severity == Severity.Error && d.Code == DiagnosticCodes.FilterMatchesNothing);
        var reference = Assert.Single(diagnostics, d => d.Severity == Severity.Error && d.Code == DiagnosticCodes.InvalidValue);
        Assert.Equal("reference 'Chief' is not one of this table's rows; use one of 'Officer', 'Staff'", reference.Message);
    }

    [Fact]
    public void Every_condition_of_a_filter_must_hold()
    {
        Assert.Single(RecordFilter.Apply(FilteredSet(), new Dictionary<string, object> { ["role"] = "Officer" }));
        Assert.Empty(RecordFilter.Apply(FilteredSet(), new Dictionary<string, object> { ["role"] = "Officer", ["ethnicity"] = "Asian" }));
        Assert.Single(RecordFilter.Apply(FilteredSet(), new Dictionary<string, object> { ["role"] = "Staff", ["ethnicity"] = "Asian" }));
    }

    [Fact]
    public void A_survey_group_of_fewer_responses_than_the_threshold_is_withheld_with_the_next_group_that_gives_it_away()
    {
        // Responses: White 200, Asian 60, Black 3 (total 263). The 3 is withheld; 263 − 200 − 60 would give it back, so
        // the Asian 60 goes too (White, the reference, feeds every group's gap and interval, so it is kept).
        var table = Assert.Single(Events("""
              - { id: s, title: S, kind: survey, source: events, rows: ethnicity, reference: White, outcome: { field: outcome, success: [Yes] } }
            """, ("White", "Yes", 160), ("White", "No", 40), ("Asian", "Yes", 30), ("Asian", "No", 30), ("Black", "Yes", 1), ("Black", "No", 2)));

        Assert.Equal(Symbols.Withheld, table.Row("Black")["responses"]);
        Assert.Equal(Symbols.Withheld, table.Row("Black")["percent"]);
        Assert.Equal(Symbols.Withheld, table.Row("Asian")["responses"]);
        Assert.Equal(Symbols.Withheld, table.Row("Asian")["percent"]);
        Assert.Equal("200", table.Row("White")["responses"]);
        Assert.Equal("263", table.Row("Total")["responses"]);
        Assert.Equal("Total", table.Rows[^1].Label);
        Assert.Empty(DisclosureControl.Verify(table, Default));
    }

    [Fact]
    public void A_rate_tables_counts_are_controlled_as_a_line_with_their_total()
    {
        // Events: White 200, Asian 22, Black 3 (total 225). The 3 is withheld, and the 22 with it, so that 225 − 200
        // does not give it back; the population is public and shown as published.
        var table = Assert.Single(Events("""
              - { id: r, title: R, kind: rate, source: events, rows: ethnicity, reference: White, benchmark: { source: population, unit: residents } }
            """, ("White", "x", 200), ("Black", "x", 3), ("Asian", "x", 22)));

        Assert.Equal(Symbols.Withheld, table.Row("Black")["count"]);
        Assert.Equal(Symbols.Withheld, table.Row("Black")["rate"]);
        Assert.Equal(Symbols.Withheld, table.Row("Asian")["count"]);
        Assert.Equal("200", table.Row("White")["count"]);
        Assert.Equal("5000", table.Row("Black")["population"]);
        Assert.Equal("225", table.Row("Total")["count"]);
        Assert.Equal("2.0", table.Row("White")["rate"]);
        Assert.Equal("Residents", table.Columns.Single(c => c.Key == "population").Header);
        Assert.Equal("Rate per 1,000 residents", table.Columns.Single(c => c.Key == "rate").Header);
        Assert.Empty(DisclosureControl.Verify(table, Default));
    }
}
