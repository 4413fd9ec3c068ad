using System.Globalization;
using ReportGen.Statistics;

namespace ReportGen.Rendering;

/// <summary>Formats controlled tables for the templates: header groups, cells, notes, symbol footnotes, chart.</summary>
public static class TableViewBuilder
{
    public static readonly (string Key, string Title)[] Sections = [("workforce", "Our workforce"), ("service", "Our service to the public")];

    /// <param name="chartText">The template set's fonts, measured, for its charts' labels; null for a set published with the guessed layout.</param>
    public static IReadOnlyList<DataSectionView> Build(IReadOnlyList<StatTable> tables, DisclosureSettings settings, CultureInfo culture, TextMeasure? chartText = null) =>
        Sections.Select(s =>
            {
                var inSection = tables.Where(t => t.Section == s.Key).ToList();
                var synthetic = inSection.SelectMany(t => t.SyntheticSources).Distinct().ToList();
                return new DataSectionView(s.Key, s.Title, inSection.Select(t => Build(t, settings, culture, chartText)).ToList(), synthetic, settings.Threshold, settings.MinimumBase);
            })
            .Where(s => s.Tables.Count > 0)
            .ToList();

    /// <summary>What the table's figures rest on: those whose characteristic is known, and the share not stated.</summary>
    /// <summary>The explanation of each symbol the table's figures use, in <see cref="Symbols.All"/>'s order.</summary>
    internal static List<string> SymbolNotes(StatTable table, DisclosureSettings settings) =>
        Symbols.All.Where(s => table.AllFigures.Any(f => f.Symbol == s)).Select(s => Symbols.Explain(s, settings.Threshold, settings.MinimumBase)).ToList();

    /// <summary>What the table's percentages (or rates, estimates) are of, and the share whose characteristic was not stated.</summary>
    internal static string BaseNote(StatTable table, CultureInfo culture)
    {
        var characteristic = table.RowHeader.ToLowerInvariant();
        var (figures, records) = table.Kind switch
        {
            "rate" => ("Rates and ratios are", "records"),
            "survey" => ("Estimates are", "responses"),
            "likelihood" => ("Percentages and ratios are", "records"),
            _ => ("Percentages are", "records"),
        };
        var basis = $"{figures} of the {records} whose {characteristic} is known";
        var totalOnly = table.Kind == "rate" ? ", which count in the total only." : ".";
        if (!table.NoteFigures.TryGetValue("not-stated-share", out var share) || share.DependsOn is [{ Published: 0 }, ..])
            return $"{figures} of all {records}: the {characteristic} is known for every one.";
        return share.Published is null
            ? $"{basis}; the share of {records} for which it was not stated is withheld ({share.Symbol}){totalOnly}"
            : $"{basis}; it was not stated for {FigureFormat.ForPeople(share, culture)} of all {records}{totalOnly}";
    }

    public static TableView Build(StatTable table, DisclosureSettings settings, CultureInfo culture, TextMeasure? chartText = null)
    {
        var groups = table.Columns.Any(c => c.Group is not null)
            ? table.Columns.GroupBy(c => c.Group ?? "").Select(g => new HeaderGroupView(g.Key, g.Count())).ToList()
            : [];

        var notes = new List<string>(table.Notes) { BaseNote(table, culture) };

        var symbols = SymbolNotes(table, settings);

        var bar = table.Chart == "bar" ? ChartBuilder.Bar(table, culture, chartText) : null;
        var stacked = table.Chart == "stacked" ? ChartLayouts.Stacked(table, culture, chartText) : null;
        var line = table.Chart == "line" ? ChartLayouts.Line(table, culture, chartText) : null;
        if (table.Chart is "bar" or "stacked" or "line" && bar is null && stacked is null && line is null)
            notes.Add("No chart is shown: too few of this table's figures can be published to draw one.");

        var ids = FigureIds.Index([table]);
        var rows = table.Rows.Select(r => new TableRowView(r.Label, r.IsTotal,
            r.Cells.Select(c => new CellView(FigureFormat.ForPeople(c, culture), c.Symbol is not null, ids.GetValueOrDefault(c))).ToList())).ToList();

        var columns = table.Columns.Select(c => c.Header).ToList();
        return new TableView(
            table.Id, $"table-{table.Id}", table.Title, table.RowHeader, groups,
            columns, rows, notes, symbols,
            "Source: " + string.Join("; ", table.SourceTitles) + ".",
            $"data/{table.Id}.csv",
            bar, stacked, line)
        {
            PrintParts = PrintParts(table.Title, groups, columns, rows),
        };
    }

    /// <summary>More figure columns than this do not fit an A4 page in print; such a table is printed in parts.</summary>
    public const int MaxPrintColumns = 10;

    /// <summary>
    /// Splits a wide table into parts of at most <see cref="MaxPrintColumns"/> figure columns, never splitting a column
    /// group, each part repeating the row headers, so that every cell is printed and tagged.
    /// </summary>
    private static IReadOnlyList<TablePartView> PrintParts(string title, IReadOnlyList<HeaderGroupView> groups, IReadOnlyList<string> columns, IReadOnlyList<TableRowView> rows)
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
            $"{title} (part {i + 1} of {parts.Count})",
            groups.Count > 0 ? p.Groups : [],
            columns.Skip(p.Start).Take(p.Count).ToList(),
            rows.Select(r => r with { Cells = r.Cells.Skip(p.Start).Take(p.Count).ToList() }).ToList())).ToList();
    }
}
