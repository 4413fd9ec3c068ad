using ReportGen.Content;

namespace ReportGen.Statistics;

/// <summary>
/// How many decimal places each kind of figure is published to: one for percentages, differences and rates and two for
/// ratios unless statistics.yaml says otherwise (for the file, a table, or a measure). Counts are whole numbers; flags
/// are Yes or No.
/// </summary>
public sealed record Precision(int Percent = 1, int PercentagePoints = 1, int Rate = 1, int Ratio = 2, int Fte = 1)
{
    public const int MaxDecimals = 4;

    public static readonly Precision Default = new();

    public int For(FigureKind kind) => kind switch
    {
        FigureKind.Fte => Fte,
        FigureKind.Percent => Percent,
        FigureKind.PercentagePoints or FigureKind.Margin => PercentagePoints,
        FigureKind.Rate => Rate,
        FigureKind.Ratio => Ratio,
        _ => 0,
    };

    /// <summary>These settings with <paramref name="declared"/>'s on top; differences follow percentages unless given.</summary>
    public Precision With(PrecisionDeclaration? declared) => declared is null ? this : new(
        declared.Percent ?? Percent,
        declared.PercentagePoints ?? declared.Percent ?? PercentagePoints,
        declared.Rate ?? Rate,
        declared.Ratio ?? Ratio,
        declared.Fte ?? Fte);
}
