using System.Globalization;
using System.Text;

namespace ReportGen.Statistics;

/// <summary>A figure an output shows, with its stable id, where it sits (table, row, column) and the figure itself.</summary>
public sealed record PublishedFigure(string Id, StatTable Table, string Row, string Column, Figure Figure);

/// <param name="Published">The table's published figures, with where they sit.</param>
/// <param name="Order">Each figure once: the <paramref name="Shown"/> published ones first, then the hidden inputs.</param>
public sealed record FigureGraph(IReadOnlyList<PublishedFigure> Published, IReadOnlyDictionary<Figure, string> Ids, IReadOnlyList<Figure> Order, int Shown);

/// <summary>
/// Gives every published figure a stable id: <c>table:row:column</c>, from the table's id, its row label and its
/// column key, lower case, with anything but letters and digits turned into hyphens (<c>workforce-ethnicity:black:officers-percent</c>);
/// a note's figure is <c>table:note:key</c>. The id depends only on what the table is (its id, rows and columns as
/// declared), never on the figures or on the order of the build, so the same figure has the same id in every
/// edition that publishes it and in every output (the web page, the downloads, the audit trail).
/// </summary>
public static class FigureIds
{
    public const char Separator = ':';

    /// <summary>The figures of <paramref name="table"/>, row by row, then its notes' figures.</summary>
    public static IReadOnlyList<PublishedFigure> Of(StatTable table)
    {
        var cells = CellIds(table.Id, table.Rows.Select(r => r.Label).ToList(), table.Columns.Select(c => c.Key).ToList());
        var figures = new List<PublishedFigure>();
        for (var r = 0; r < table.Rows.Count; r++)
        for (var c = 0; c < table.Columns.Count && c < table.Rows[r].Cells.Count; c++)
            figures.Add(new PublishedFigure(cells[r][c], table, table.Rows[r].Label, Publishing.DataDownloads.Header(table.Columns[c]), table.Rows[r].Cells[c]));
        var keys = table.NoteFigures.Keys.Order(StringComparer.Ordinal).ToList();
        var notes = NoteIds(table.Id, keys);
        for (var n = 0; n < keys.Count; n++)
            figures.Add(new PublishedFigure(notes[n], table, "note", keys[n], table.NoteFigures[keys[n]]));
        return figures;
    }

    /// <summary>The ids of a table's cells, row by row, from its id, row labels and column keys.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> CellIds(string tableId, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnKeys)
    {
        var rows = Unique(rowLabels.Select(r => Slug(r, "row")));
        var columns = Unique(columnKeys.Select(c => Slug(c, "column")));
        return rows.Select(r => (IReadOnlyList<string>)columns.Select(c => $"{tableId}{Separator}{r}{Separator}{c}").ToList()).ToList();
    }

    /// <summary>The ids of a table's note figures, from their keys in ordinal order.</summary>
    public static IReadOnlyList<string> NoteIds(string tableId, IReadOnlyList<string> keys) =>
        Unique(keys.Select(k => Slug(k, "figure"))).Select(k => $"{tableId}{Separator}note{Separator}{k}").ToList();

    /// <summary>
    /// Every figure <paramref name="table"/> shows or is computed from, each once, with its id: first the shown ones, in
    /// the table's order, with their ids; then the inputs that no output shows, as <c>table:~1</c>, <c>table:~2</c>…
    /// in the order disclosure control reaches them. The audit trail and the frozen tables number them alike.
    /// </summary>
    public static FigureGraph WithInputs(StatTable table)
    {
        var published = Of(table);
        var ids = new Dictionary<Figure, string>(ReferenceEqualityComparer.Instance);
        var order = new List<Figure>();
        foreach (var figure in published)
            if (ids.TryAdd(figure.Figure, figure.Id)) order.Add(figure.Figure);
        var shown = order.Count;
        foreach (var figure in DisclosureControl.Reachable(table).Where(f => !ids.ContainsKey(f)).ToList())
        {
            ids[figure] = $"{table.Id}{Separator}~{order.Count - shown + 1}";
            order.Add(figure);
        }
        return new FigureGraph(published, ids, order, shown);
    }

    /// <summary>Every published figure of the tables, keyed by the figure (by reference): to find a figure's id.</summary>
    public static IReadOnlyDictionary<Figure, string> Index(IEnumerable<StatTable> tables)
    {
        var index = new Dictionary<Figure, string>(ReferenceEqualityComparer.Instance);
        foreach (var table in tables)
        foreach (var figure in Of(table))
            index.TryAdd(figure.Figure, figure.Id);
        return index;
    }

    /// <summary>
    /// Lower-case letters and digits, accents removed, anything else a single hyphen: "Mixed / multiple ethnic groups"
    /// gives mixed-multiple-ethnic-groups. A label with no letter or digit gets <paramref name="fallback"/>.
    /// </summary>
    public static string Slug(string text, string fallback)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormKD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9') builder.Append(ch);
            else if (ch is >= 'A' and <= 'Z') builder.Append((char)(ch + 32));
            else if (char.IsLetterOrDigit(ch)) builder.Append(char.ToLowerInvariant(ch));
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? fallback : slug;
    }

    /// <summary>The slugs, with -2, -3… after a slug that an earlier one already has (two labels that differ only in punctuation).</summary>
    private static List<string> Unique(IEnumerable<string> slugs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var slug in slugs)
        {
            var unique = slug;
            for (var i = 2; !seen.Add(unique); i++) unique = $"{slug}-{i}";
            result.Add(unique);
        }
        return result;
    }
}
