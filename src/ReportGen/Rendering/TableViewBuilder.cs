using System.Globalization;
using ReportGen.Statistics;

namespace ReportGen.Rendering;

/// <summary>Formats controlled tables for the templates: header groups, cells, notes, symbol footnotes, chart.</summary>
public static class TableViewBuilder
{
    /// <summary>The data sections, in order; each one's title is the label table.section.&lt;key&gt;.</summary>
    public static readonly string[] Sections = ["workforce", "service"];

    /// <param name="chartText">The template set's fonts, measured, for its charts' labels; null for a set published with the guessed layout.</param>
    /// <param name="labels">The words to print; the tool's English when not given.</param>
    public static IReadOnlyList<DataSectionView> Build(IReadOnlyList<StatTable> tables, DisclosureSettings settings, CultureInfo culture, TextMeasure? chartText = null, LabelSet? labels = null)
    {
        labels ??= LabelSet.Tool("en");
        return Sections.Select(key =>
            {
                var inSection = tables.Where(t => t.Section == key).ToList();
                var synthetic = inSection.SelectMany(t => t.SyntheticSources).Distinct().ToList();
                return new DataSectionView(key, labels.Text("table.section." + key), inSection.Select(t => Build(t, settings, culture, chartText, labels)).ToList(), synthetic, settings.Threshold, settings.MinimumBase);
            })
            .Where(s => s.Tables.Count > 0)
            .ToList();
    }

    /// <summary>
    /// The table in the labels' words: its row labels, column headers, column groups and row heading translated
    /// (<see cref="LabelSet.Translate"/>); its figures the same objects, so that their ids are the original's.
    /// </summary>
    internal static StatTable Translated(StatTable table, LabelSet labels) => table with
    {
        RowHeader = labels.Translate(table.RowHeader),
        Columns = table.Columns.Select(c => c with { Header = labels.Translate(c.Header), Group = c.Group is null ? null : labels.Translate(c.Group) }).ToList(),
        Rows = table.Rows.Select(r => r with { Label = labels.Translate(r.Label) }).ToList(),
    };

    /// <summary>What the table's figures rest on: those whose characteristic is known, and the share not stated.</summary>
    /// <summary>The explanation of each symbol the table's figures use, in <see cref="Symbols.All"/>'s order.</summary>
    internal static List<string> SymbolNotes(StatTable table, DisclosureSettings settings, LabelSet? labels = null) =>
        Symbols.All.Where(s => table.AllFigures.Any(f => f.Symbol == s)).Select(s => Symbols.Explain(s, settings.Threshold, settings.MinimumBase, labels ?? LabelSet.Tool("en"))).ToList();

    /// <summary>What the table's percentages (or rates, estimates) are of, and the share whose characteristic was not stated.</summary>
    /// <param name="table">The table, with its row heading in the labels' words.</param>
    internal static string BaseNote(StatTable table, CultureInfo culture, LabelSet? labels = null)
    {
        labels ??= LabelSet.Tool("en");
        var characteristic = table.RowHeader.ToLower(labels.Culture);
        var kind = table.Kind is "rate" or "survey" or "likelihood" ? table.Kind : "count";
        if (!table.NoteFigures.TryGetValue("not-stated-share", out var share) || share.DependsOn is [{ Published: 0 }, ..])
            return labels.Text($"table.base.{kind}.known", ("characteristic", characteristic));
        return share.Published is null
            ? labels.Text($"table.base.{kind}.withheld", ("characteristic", characteristic), ("symbol", share.Symbol))
            : labels.Text($"table.base.{kind}.share", ("characteristic", characteristic), ("share", FigureFormat.ForPeople(share, culture, labels)));
    }

    public static TableView Build(StatTable original, DisclosureSettings settings, CultureInfo culture, TextMeasure? chartText = null, LabelSet? labels = null)
    {
        labels ??= LabelSet.Tool("en");
        // Figure ids are the table's as built, in every language; what is printed is in the labels' words.
        var ids = FigureIds.Index([original]);
        var table = Translated(original, labels);
        var groups = table.Columns.Any(c => c.Group is not null)
            ? table.Columns.GroupBy(c => c.Group ?? "").Select(g => new HeaderGroupView(g.Key, g.Count())).ToList()
            : [];

        var notes = new List<string>(table.Notes) { BaseNote(table, culture, labels) };

        var symbols = SymbolNotes(table, settings, labels);

        var bar = table.Chart == "bar" ? ChartBuilder.Bar(table, culture, chartText, ids, labels) : null;
        var stacked = table.Chart == "stacked" ? ChartLayouts.Stacked(table, culture, chartText, ids, labels) : null;
        var line = table.Chart == "line" ? ChartLayouts.Line(table, culture, chartText, ids, labels) : null;
        if (table.Chart is "bar" or "stacked" or "line" && bar is null && stacked is null && line is null)
            notes.Add(labels.Text("table.no_chart"));

        var rows = table.Rows.Select(r => new TableRowView(r.Label, r.IsTotal,
            r.Cells.Select(c => new CellView(FigureFormat.ForPeople(c, culture, labels), c.Symbol is not null, ids.GetValueOrDefault(c))).ToList())).ToList();

        var columns = table.Columns.Select(c => c.Header).ToList();
        return new TableView(
            table.Id, $"table-{table.Id}", table.Title, table.RowHeader, groups,
            columns, rows, notes, symbols,
            labels.Text("table.source", ("sources", string.Join(labels.Text("table.source_separator"), table.SourceTitles))),
            $"data/{table.Id}.csv",
            bar, stacked, line)
        {
            PrintParts = PrintParts(table.Title, groups, columns, rows, labels),
        };
    }

    /// <summary>More figure columns than this do not fit an A4 page in print; such a table is printed in parts.</summary>
    public const int MaxPrintColumns = 10;

    /// <summary>
    /// Splits a wide table into parts of at most <see cref="MaxPrintColumns"/> figure columns, never splitting a column
    /// group, each part repeating the row headers, so that every cell is printed and tagged.
    /// </summary>
    private static IReadOnlyList<TablePartView> PrintParts(string title, IReadOnlyList<HeaderGroupView> groups, IReadOnlyList<string> columns, IReadOnlyList<TableRowView> rows, LabelSet labels)
    {
        if (columns.Count <= MaxPrintColumns) return [];
        var units = groups.Count > 0 ? groups : columns.Select(_ => new HeaderGroupView("", 1)).ToList();
        var parts = new List<(int Start, int Count, List<HeaderGroupView> Groups)>();
        var start = 0;
        foreach (var unit in units)
        {
            if (parts.Count == 0 || parts[^1].Count + unit.Span > MaxPrintColumns) parts.Add((start, 0, []));
            var last = parts[^1];
            last.Groups.Add(unit);
            parts[^1] = (last.Start, last.Count + unit.Span, last.Groups);
            start += unit.Span;
        }
        return parts.Select((p, i) => new TablePartView(
            labels.Text("table.part", ("title", title), ("part", i + 1), ("parts", parts.Count)),
            groups.Count > 0 ? p.Groups : [],
            columns.Skip(p.Start).Take(p.Count).ToList(),
            rows.Select(r => r with { Cells = r.Cells.Skip(p.Start).Take(p.Count).ToList() }).ToList())).ToList();
    }
}
