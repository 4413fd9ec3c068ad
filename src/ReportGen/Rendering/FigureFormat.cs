using System.Globalization;
using ReportGen.Statistics;

namespace ReportGen.Rendering;

/// <summary>
/// How a controlled figure is written: for people (HTML, PDF) and for machines (CSV, xlsx), always from its published
/// value and to the decimal places it was published to, so that every output shows the same number.
/// </summary>
public static class FigureFormat
{
    public static string ForPeople(Figure figure, CultureInfo culture, LabelSet? labels = null) => ForPeople(figure, culture, figure.Decimals, labels);

    /// <summary>
    /// The figure to <paramref name="decimals"/> places (a measure may ask for other than its table's), from its unrounded
    /// published value; a yes-or-no figure in the labels' words (the tool's English without them).
    /// </summary>
    public static string ForPeople(Figure figure, CultureInfo culture, int decimals, LabelSet? labels = null)
    {
        if (figure.Symbol is { } symbol)
            return symbol == Symbols.NotApplicable && labels is not null ? labels.Text("symbol.mark.not_applicable") : symbol;
        var value = decimals == figure.Decimals ? figure.Published!.Value : Figure.Round(figure.Exact ?? figure.Published!.Value, decimals);
        var number = "N" + decimals.ToString(CultureInfo.InvariantCulture);
        return figure.Kind switch
        {
            FigureKind.Percent => value.ToString(number, culture) + "%",
            FigureKind.PercentagePoints => Signed(value, decimals, culture),
            FigureKind.Margin => "\u00B1" + value.ToString(number, culture),
            FigureKind.Flag => (labels ?? LabelSet.Tool("en")).Text(value > 0 ? "figure.yes" : "figure.no"),
            _ => value.ToString(number, culture),
        };
    }

    public static string ForMachines(Figure figure) => figure.Symbol ?? figure.Kind switch
    {
        FigureKind.Flag => figure.Published!.Value > 0 ? "Yes" : "No",
        _ => figure.Published!.Value.ToString("F" + figure.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
    };

    /// <summary>A number format for a spreadsheet cell holding the figure: thousands separated, to its decimal places.</summary>
    public static string SpreadsheetFormat(Figure figure) =>
        figure.Decimals == 0 ? "#,##0" : "#,##0." + new string('0', figure.Decimals);

    /// <summary>A difference with its sign: "+1.5", "−1.5" (a true minus sign), or "0.0".</summary>
    internal static string Signed(double value, int decimals, CultureInfo culture)
    {
        var text = Math.Abs(value).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), culture);
        return value > 0 ? "+" + text : value < 0 ? "\u2212" + text : text;
    }
}
