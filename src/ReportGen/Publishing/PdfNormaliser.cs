using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReportGen.Content;

namespace ReportGen.Publishing;

/// <summary>
/// Makes the browser's PDF reproducible: the same inputs give the same bytes. The browser stamps the
/// document's creation and modification dates with the time of printing; they become the edition's
/// publication date, or are removed when the edition gives none. The tags' element IDs are the browser's internal
/// DOM node numbers, which start wherever its counter happens to be ("node00000120"), so they are numbered again from
/// 1 in the same order, which keeps the ID tree sorted. Each replacement has the same length as what it replaces, so
/// the cross-reference table's byte offsets stay valid.
/// </summary>
public static partial class PdfNormaliser
{
    [GeneratedRegex(@"/(CreationDate|ModDate) \(D:\d{14}[^)]*\)")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\(node(\d{8})\)")]
    private static partial Regex NodeIdPattern();

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
        // The k-th smallest node number becomes k: the same elements get the same IDs whatever the counter started at.
        var ranks = NodeIdPattern().Matches(normalised).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .Distinct().Order().Select((id, rank) => (id, rank)).ToDictionary(p => p.id, p => p.rank + 1);
        normalised = NodeIdPattern().Replace(normalised, m =>
            string.Create(CultureInfo.InvariantCulture, $"(node{ranks[long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]:D8})"));
        if (normalised.Length != text.Length) throw new InvalidOperationException("PDF normalisation changed the file length.");
        if (!ReferenceEquals(normalised, text)) File.WriteAllBytes(pdfPath, Encoding.Latin1.GetBytes(normalised));
    }
}
