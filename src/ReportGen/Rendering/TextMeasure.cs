using System.Globalization;
using System.Text;

namespace ReportGen.Rendering;

/// <summary>
/// How wide a chart's text is drawn, from the fonts the template set ships (<see cref="FontMetrics"/>): a regular
/// and a bold face, each possibly split into files by Unicode range as web fonts are. A character none of them has
/// is drawn by the browser's fallback font, whose width is unknown: it counts as a full em, as wide as a CJK
/// character and wider than any Latin one. Text is measured a little wider than the sum of its advances (kerning,
/// and rounding in the browser), so that a label measured to fit does fit.
/// </summary>
public sealed class TextMeasure(IReadOnlyList<FontMetrics> regular, IReadOnlyList<FontMetrics> bold)
{
    /// <summary>Room left over the advances: 3% and one pixel.</summary>
    private const double Slack = 1.03, SlackPixels = 1;

    /// <summary>The advance of a character in em: the first face that has it, else a full em.</summary>
    private static double Advance(IReadOnlyList<FontMetrics> faces, int codePoint)
    {
        foreach (var face in faces)
            if (face.Advance(codePoint) is { } advance) return advance;
        // Marks that join the character before them take no room of their own; anything else unknown, a full em.
        return CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format ? 0 : 1;
    }

    /// <summary>Whether the faces have every character of <paramref name="text"/> (else the browser's fallback font draws some).</summary>
    public bool Covers(string text, bool isBold = false) =>
        text.EnumerateRunes().All(r => (isBold ? bold : regular).Any(f => f.Advance(r.Value) is not null));

    /// <summary>The width in pixels of <paramref name="text"/> drawn at <paramref name="size"/> pixels.</summary>
    public double Width(string text, double size, bool isBold = false)
    {
        if (text.Length == 0) return 0;
        var faces = isBold ? bold : regular;
        double em = 0;
        foreach (var rune in text.EnumerateRunes()) em += Advance(faces, rune.Value);
        return em * size * Slack + SlackPixels;
    }

    /// <summary>
    /// The text in lines no wider than <paramref name="maxWidth"/>, broken between words. A word wider than that
    /// on its own is broken between its characters, so that no line is ever wider than asked.
    /// </summary>
    public IReadOnlyList<string> Wrap(string text, double size, bool isBold, double maxWidth)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (Width(candidate, size, isBold) <= maxWidth) { line.Clear().Append(candidate); continue; }
            if (line.Length > 0) { lines.Add(line.ToString()); line.Clear(); }
            if (Width(word, size, isBold) <= maxWidth) { line.Append(word); continue; }
            // A word too long for a line of its own is split where it must be.
            var part = new StringBuilder();
            foreach (var rune in word.EnumerateRunes())
            {
                if (part.Length > 0 && Width(part + rune.ToString(), size, isBold) > maxWidth) { lines.Add(part.ToString()); part.Clear(); }
                part.Append(rune.ToString());
            }
            line.Append(part);
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line.ToString());
        return lines;
    }

    /// <summary>Reads the faces; throws <see cref="InvalidDataException"/> naming the file that cannot be read.</summary>
    public static TextMeasure Read(IReadOnlyList<string> regularFiles, IReadOnlyList<string> boldFiles)
    {
        static List<FontMetrics> Faces(IReadOnlyList<string> files) => files.Select(f =>
        {
            try { return FontMetrics.Read(f); }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                throw new InvalidDataException($"{Path.GetFileName(f)}: {ex.Message}", ex);
            }
        }).ToList();
        return new TextMeasure(Faces(regularFiles), Faces(boldFiles));
    }
}
