namespace ReportGen.Statistics;

/// <summary>
/// What a figure is. Count is a number of people, cases or responses; Fte a number of full-time equivalents (not a
/// number of people: its own label, precision and disclosure rule); the rest are derived from counts. Margin is the
/// half-width of a 95% interval in percentage points, shown as ± without a sign.
/// </summary>
public enum FigureKind { Count, Fte, Percent, PercentagePoints, Margin, Rate, Ratio, Flag }

/// <summary>Where a figure came from: the source, its file and sheet, the rows that fed it, and how it was computed.</summary>
public sealed record Provenance(string SourceId, string File, string Sheet, IReadOnlyList<int> Rows, string Statistic);

/// <summary>The standard symbols for values that are not shown (GOV.UK / ONS practice).</summary>
public static class Symbols
{
    public const string Withheld = "!";
    public const string Unreliable = "?";
    public const string NotCollected = "-";
    public const string NotApplicable = "N/A";
    public const string RoundsToZero = "~0";

    /// <summary>Every symbol, in the order their explanations are listed (under a table, on a workbook's cover, in symbols.csv).</summary>
    public static readonly IReadOnlyList<string> All = [Withheld, Unreliable, NotCollected, RoundsToZero, NotApplicable];

    /// <summary>The symbol and what it means, in the labels' words (the tool's English when not given).</summary>
    public static string Explain(string symbol, int threshold, int minimumBase, Rendering.LabelSet? labels = null)
    {
        labels ??= Rendering.LabelSet.Tool("en");
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return symbol switch
        {
            Withheld => labels.Text("symbol.withheld", ("largest", (threshold - 1).ToString(invariant))),
            Unreliable => labels.Text("symbol.unreliable", ("base", minimumBase.ToString(invariant))),
            NotCollected => labels.Text("symbol.not_collected"),
            NotApplicable => labels.Text("symbol.not_applicable"),
            RoundsToZero => labels.Text("symbol.rounds_to_zero"),
            _ => throw new ArgumentOutOfRangeException(nameof(symbol), symbol, null),
        };
    }
}

/// <summary>
/// One computed number. A count is read from the data; a derived figure (a percentage, a rate, a ratio, an interval,
/// a flag) is a formula over the figures it depends on. Each keeps its value before disclosure control and where its
/// data came from, so every published figure can be traced to its source.
/// <para>
/// Disclosure control decides what is published: <see cref="Published"/>, or a <see cref="Symbol"/> in its place.
/// A derived figure is computed again from the published (controlled, rounded) values of its inputs, never from the
/// true counts, so it gives back nothing that the published counts do not; it is then rounded once, half away from
/// zero, to its <see cref="Decimals"/>.
/// </para>
/// </summary>
public sealed class Figure
{
    /// <summary>A figure read from the data: a count, an FTE, or a published population figure.</summary>
    public Figure(FigureKind kind, double? value, Provenance? provenance)
    {
        Kind = kind;
        Value = value;
        Provenance = provenance;
        DependsOn = [];
    }

    private Figure(FigureKind kind, IReadOnlyList<Figure> inputs, Func<double[], double?> formula, Provenance? provenance)
    {
        Kind = kind;
        DependsOn = inputs;
        Formula = formula;
        Provenance = provenance;
        Value = inputs.All(i => i.Value is not null) ? Finite(formula(inputs.Select(i => i.Value!.Value).ToArray())) : null;
    }

    /// <summary>A figure computed by <paramref name="formula"/> from <paramref name="inputs"/>, in their order.</summary>
    public static Figure Derived(FigureKind kind, IReadOnlyList<Figure> inputs, Func<double[], double?> formula, Provenance? provenance = null) =>
        new(kind, inputs, formula, provenance);

    /// <summary>
    /// A figure as it was published, read back from an edition's frozen tables: its published value or symbol and the
    /// published figures it was computed from, but no value before disclosure control, no formula and no source rows.
    /// </summary>
    internal static Figure Frozen(FigureKind kind, IReadOnlyList<Figure> dependsOn, int decimals, double? published, string? symbol, double? exact, bool isPublic) =>
        new(kind, null, null)
        {
            DependsOn = dependsOn,
            Decimals = decimals,
            Published = published,
            Symbol = symbol,
            Exact = exact,
            IsPublic = isPublic,
        };

    /// <summary><paramref name="part"/> as a percentage of <paramref name="whole"/>; none when the whole is 0.</summary>
    public static Figure Percent(Figure part, Figure whole) =>
        Derived(FigureKind.Percent, [part, whole], v => v[1] > 0 ? 100 * v[0] / v[1] : null);

    /// <summary>100% of <paramref name="whole"/>, for a total row; none when the whole is 0.</summary>
    public static Figure AllOf(Figure whole) => Derived(FigureKind.Percent, [whole], v => v[0] > 0 ? 100 : null);

    /// <summary>This figure, resting on <paramref name="responses"/> (a survey estimate): under the minimum base it is not shown.</summary>
    internal Figure On(Figure responses)
    {
        Base = responses;
        return this;
    }

    /// <summary>This figure, a rate per head of <paramref name="people"/>.</summary>
    internal Figure Per(Figure people)
    {
        Denominator = people;
        return this;
    }

    public FigureKind Kind { get; }
    /// <summary>The value as computed from the true counts, before disclosure control. Never rendered.</summary>
    public double? Value { get; }
    public Provenance? Provenance { get; }
    /// <summary>The figures this one is computed from; if any is withheld, so is this.</summary>
    public IReadOnlyList<Figure> DependsOn { get; private init; }
    /// <summary>How a derived figure is computed from its inputs; null for a figure read from the data.</summary>
    public Func<double[], double?>? Formula { get; }
    public bool IsDerived => Formula is not null;

    /// <summary>A figure that is already public (a census table): shown as published, never withheld or rounded.</summary>
    public bool IsPublic { get; init; }

    /// <summary>
    /// A count of anonymous survey responses with an outcome: protected by the minimum base of the estimate it feeds,
    /// not withheld below the threshold on its own (it is never shown). Rounding still applies.
    /// </summary>
    public bool ProtectedByBase { get; internal set; }

    /// <summary>For a survey estimate: the number of responses it rests on. Under the minimum base it is not shown.</summary>
    public Figure? Base { get; internal set; }

    /// <summary>For a rate: the population it is per head of.</summary>
    public Figure? Denominator { get; internal set; }

    /// <summary>For an FTE figure: the number of people behind it, which decides whether it may be published.</summary>
    public Figure? Headcount { get; internal set; }

    /// <summary>Decimal places it is published to, set from the table's precision by disclosure control.</summary>
    public int Decimals { get; internal set; }

    /// <summary>The value computed from the published values of the inputs, before rounding to <see cref="Decimals"/>.</summary>
    public double? Exact { get; internal set; }

    public double? Published { get; internal set; }
    public string? Symbol { get; internal set; }
    public bool IsWithheld => Symbol == Symbols.Withheld;

    public static Figure NotApplicable(FigureKind kind) => new(kind, null, null) { Symbol = Symbols.NotApplicable };

    internal static double? Finite(double? value) => value is { } v && (double.IsNaN(v) || double.IsInfinity(v)) ? null : value;

    /// <summary>GOV.UK rounding: half away from zero, once, on the decimal value (so 2.675 gives 2.68, not 2.67).</summary>
    public static double Round(double value, int decimals) =>
        // Adding 0.0 turns a negative zero (−0.004 rounded) into zero, so it is never printed as "-0.0".
        (Math.Abs(value) < 1e15 ? (double)Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero) : Math.Round(value, decimals, MidpointRounding.AwayFromZero)) + 0.0;
}
