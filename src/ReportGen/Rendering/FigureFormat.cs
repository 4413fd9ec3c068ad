using System.Globalization;
using ReportGen.Statistics;

namespace ReportGen.Rendering;

/// <summary>How a controlled figure is written: for people (HTML, PDF) and for machines (CSV, xlsx).</summary>
public static class FigureFormat
{
    public static string ForPeople(Figure figure, CultureInfo culture) => figure.Symbol ?? figure.Kind switch
    {
        FigureKind.Count => figure.Published!.Value.ToString("N0", culture),
        FigureKind.Percent => figure.Published!.Value.ToString("0.0", culture) + "%",
        FigureKind.PercentagePoints => Signed(figure.Published!.Value, culture),
        FigureKind.Rate => figure.Published!.Value.ToString("0.0", culture),
        FigureKind.Flag => figure.Published!.Value > 0 ? "Yes" : "No",
        _ => figure.Published!.Value.ToString("0.00", culture),
    };

    public static string ForMachines(Figure figure) => figure.Symbol ?? figure.Kind switch
    {
        FigureKind.Count => figure.Published!.Value.ToString("0", CultureInfo.InvariantCulture),
        FigureKind.Ratio => figure.Published!.Value.ToString("0.00", CultureInfo.InvariantCulture),
        FigureKind.Flag => figure.Published!.Value > 0 ? "Yes" : "No",
        _ => figure.Published!.Value.ToString("0.0", CultureInfo.InvariantCulture),
    };

    private static string Signed(double value, CultureInfo culture)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        var text = Math.Abs(rounded).ToString("0.0", culture);
        return rounded > 0 ? "+" + text : rounded < 0 ? "\u2212" + text : text;
    }
}
