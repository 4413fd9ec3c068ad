namespace ReportGen.Statistics;

public enum FigureKind { Count, Percent, PercentagePoints, Rate, Ratio, Flag }

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

    public static string Explain(string symbol, int threshold, int minimumBase) => symbol switch
    {
        Withheld => $"! Withheld to protect the people it describes: the number is between 1 and {threshold - 1}, or could be worked out from other figures and totals.",
        Unreliable => $"? Not shown because it rests on fewer than {minimumBase} responses, too few to be reliable.",
        NotCollected => "- Not collected.",
        NotApplicable => "N/A Not applicable.",
        RoundsToZero => "~0 Rounds to zero, but is not zero.",
        _ => throw new ArgumentOutOfRangeException(nameof(symbol), symbol, null),
    };
}

/// <summary>
/// One computed number. It keeps its value before disclosure control, what it was computed from, and where the
/// data came from, so every published figure can be traced to its source. Disclosure control sets what may be
/// published: <see cref="Published"/>, or a <see cref="Symbol"/> in its place.
/// </summary>
public sealed class Figure(FigureKind kind, double? value, Provenance? provenance, IReadOnlyList<Figure>? dependsOn = null)
{
    public FigureKind Kind { get; } = kind;
    /// <summary>The value as computed, before disclosure control. Never rendered.</summary>
    public double? Value { get; } = value;
    public Provenance? Provenance { get; } = provenance;
    /// <summary>The counts this figure was computed from; if any is withheld, so is this.</summary>
    public IReadOnlyList<Figure> DependsOn { get; } = dependsOn ?? [];

    /// <summary>A "Not stated" count: secondary suppression takes another count first, since withholding this one
    /// would withhold every percentage of those who stated.</summary>
    public bool IsNotStatedCount { get; init; }

    /// <summary>For a survey estimate: the number of responses it rests on. Under the minimum base it is not shown.</summary>
    public Figure? Base { get; init; }

    /// <summary>For a rate: the population it is per head of.</summary>
    public Figure? Denominator { get; init; }

    public double? Published { get; internal set; }
    public string? Symbol { get; internal set; }
    public bool IsWithheld => Symbol == Symbols.Withheld;

    public static Figure NotApplicable(FigureKind kind) => new(kind, null, null) { Symbol = Symbols.NotApplicable };
}
