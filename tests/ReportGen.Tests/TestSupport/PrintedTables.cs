using System.Text.RegularExpressions;
using AngleSharp.Dom;
using UglyToad.PdfPig;

namespace ReportGen.Tests.TestSupport;

/// <summary>
/// What a PDF must print of a web page's tables: every cell of every table the page prints (in its parts when it is
/// too wide for the page), in reading order, and no text outside the page, where a reader would never see it.
/// </summary>
public static partial class PrintedTables
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    private static string Squeeze(string text) => Space().Replace(text, "");

    /// <summary>
    /// The PDF's text, squeezed of white space, must hold each printed table's cells, row by row, in order: header
    /// cells, then each row's header and cells. Running headers and footers may fall between them (a table over two
    /// pages), so the cells are found one after another, each after the one before, within the table's stretch.
    /// </summary>
    public static void AssertEveryCellPrinted(IDocument page, PdfDocument pdf)
    {
        var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
        // Every table the page prints: the statistics' tables, the objectives at a glance, the milestones' tables.
        var tables = page.QuerySelectorAll("table").Where(t => t.Closest(".screen-only") is null).ToList();
        Assert.NotEmpty(tables);
        var position = 0;
        IElement? previousBlock = null;
        foreach (var table in tables)
        {
            // The table's heading is what the page prints above it (the caption is for screen readers); the parts of a
            // table too wide for the page follow one another under the one heading.
            var block = table.Closest(".stat-table") ?? table;
            var heading = Squeeze(block.QuerySelector("h3")?.TextContent ?? table.QuerySelector("caption")?.TextContent ?? "");
            var cells = table.QuerySelectorAll("tr").SelectMany(r => r.Children.Where(c => c.LocalName is "th" or "td"))
                .Select(c => Squeeze(c.TextContent)).Where(c => c.Length > 0).ToList();
            Assert.NotEmpty(cells);
            string? failure = null;
            var at = -1;
            if (block == previousBlock)
                (at, failure) = Match(text, position, heading, cells);
            else
                // The heading is also in the contents: the table is where the heading is followed by all its cells.
                for (var start = text.IndexOf(heading, position, StringComparison.Ordinal); start >= 0; start = text.IndexOf(heading, start + 1, StringComparison.Ordinal))
                {
                    (at, failure) = Match(text, start + heading.Length, heading, cells);
                    if (failure is null) break;
                }
            Assert.True(at >= 0, failure ?? $"the table '{heading}' is not in the PDF after the tables before it");
            position = at;
            previousBlock = block;
        }
    }

    /// <summary>Finds the cells one after another from <paramref name="at"/>; the end of the last, or what is missing.</summary>
    private static (int End, string? Problem) Match(string text, int at, string caption, IReadOnlyList<string> cells)
    {
        for (var index = 0; index < cells.Count; index++)
        {
            var found = text.IndexOf(cells[index], at, StringComparison.Ordinal);
            // Every cell comes soon after the one before: no further than a page's running header and footer.
            if (found < 0 || found - at > 400)
                return (-1, $"'{caption}': cell {index + 1} of {cells.Count} ('{cells[index]}') is not printed after '{(index > 0 ? cells[index - 1] : caption)}'");
            at = found + cells[index].Length;
        }
        return (at, null);
    }

    /// <summary>
    /// No word is drawn past the page's right margin (A4's 18 mm, with 2 mm of slack): a table that overflows is cut
    /// by the printer at the paper's edge, or drawn where a reader's printer would not print.
    /// </summary>
    public static void AssertTablesFitTheirPages(PdfDocument pdf)
    {
        const double Millimetre = 72 / 25.4;
        foreach (var pdfPage in pdf.GetPages())
        foreach (var word in pdfPage.GetWords())
            Assert.True(word.BoundingBox.Right <= pdfPage.Width - 16 * Millimetre,
                $"page {pdfPage.Number}: '{word.Text}' ends {(pdfPage.Width - word.BoundingBox.Right) / Millimetre:0.0} mm from the paper's edge, inside the 18 mm margin");
    }

    /// <summary>Every word the PDF draws lies on its page (within the page's box, with a point of slack).</summary>
    public static void AssertNothingOffThePage(PdfDocument pdf)
    {
        foreach (var pdfPage in pdf.GetPages())
        foreach (var word in pdfPage.GetWords())
        {
            var box = word.BoundingBox;
            Assert.True(box.Left >= -1 && box.Right <= pdfPage.Width + 1 && box.Bottom >= -1 && box.Top <= pdfPage.Height + 1,
                $"page {pdfPage.Number}: '{word.Text}' is drawn at {box.Left:0}..{box.Right:0} × {box.Bottom:0}..{box.Top:0}, outside the page ({pdfPage.Width:0} × {pdfPage.Height:0})");
        }
    }
}
