using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReportGen.Content;

namespace ReportGen.Publishing;

/// <summary>
/// Makes the browser's PDF reproducible: the same inputs give the same bytes. The browser stamps the
/// document's creation and modification dates with the time of printing; they become the edition's
/// publication date, or are removed when the edition gives none. Each replacement has the same length
/// as what it replaces, so the cross-reference table's byte offsets stay valid.
/// </summary>
public static partial class PdfNormaliser
{
    [GeneratedRegex(@"/(CreationDate|ModDate) \(D:\d{14}[^)]*\)")]
    private static partial Regex DatePattern();

    public static void MakeReproducible(string pdfPath, Edition edition)
    {
        var bytes = File.ReadAllBytes(pdfPath);
        var text = Encoding.Latin1.GetString(bytes);
        var published = edition.Info.Published;
        var normalised = DatePattern().Replace(text, match =>
        {
            var replacement = published is { } date
                ? string.Create(CultureInfo.InvariantCulture, $"/{match.Groups[1].Value} (D:{date.Start:yyyyMMddHHmmss}Z)")
                : "";
            return replacement.PadRight(match.Length);
        });
        if (normalised.Length != text.Length) throw new InvalidOperationException("PDF normalisation changed the file length.");
        if (!ReferenceEquals(normalised, text)) File.WriteAllBytes(pdfPath, Encoding.Latin1.GetBytes(normalised));
    }
}
