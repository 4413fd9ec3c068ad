using System.Globalization;
using ClosedXML.Excel;
using ReportGen.Content;
using ReportGen.Rendering;
using ReportGen.Statistics;

namespace ReportGen.Publishing;

/// <summary>
/// The tables' workbook laid out as ONS's "Releasing statistics in spreadsheets" and the Government Analysis
/// Function's accessible spreadsheet guidance ask (template sets with set.json <c>"onsSpreadsheets": true</c>, from
/// default@5): a Cover worksheet (what the workbook holds, who published it and when, every symbol explained, whom to
/// ask), a Contents worksheet whose sheet names link to their worksheets, a Notes worksheet with every note of every
/// table numbered, then one table to each worksheet. Each sheet starts in cell A1 with its title and a few lines of
/// text, one to a row, and has no blank row; each table is an Excel table with a header row, directly under those
/// lines, with the panes frozen below it. Everything the writer writes is laid out first (<see cref="Layout"/>), so
/// that check can look at every text before anything is built (<see cref="Texts"/>).
/// </summary>
internal static class OnsWorkbook
{
    public const string CoverSheet = "Cover";
    public const string ContentsSheet = "Contents";
    public const string NotesSheet = "Notes";
    public const string FigureIdsSheet = "Figure_ids";

    /// <summary>One table's worksheet: its name, its lines above the table, its header row, and the notes it names.</summary>
    internal sealed record TableSheet(StatTable Table, string Name, string TableName, IReadOnlyList<string> Lines, IReadOnlyList<string> Headers)
    {
        /// <summary>The row of the table's header (the lines fill the rows above it, from row 1).</summary>
        public int HeaderRow => Lines.Count + 1;
    }

    /// <summary>A numbered note and the worksheets of the tables it is about.</summary>
    internal sealed record NoteEntry(string Number, string Text, IReadOnlyList<string> Sheets);

    internal sealed record Plan(string Title, IReadOnlyList<(string Text, bool Heading)> Cover, IReadOnlyList<NoteEntry> Notes, IReadOnlyList<TableSheet> Tables);

    public static Plan Layout(IReadOnlyList<StatTable> tables, Edition edition)
    {
        var culture = CultureInfo.GetCultureInfo(edition.Language);
        var settings = DisclosureSettings.From(edition.Statistics.Disclosure);

        // Notes: each text once, numbered in the order the tables first give it.
        var notes = new List<(string Text, List<string> Sheets)>();
        var numberOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var sheets = new List<TableSheet>();
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            var name = $"Table_{t + 1}";
            var numbers = new List<string>();
            foreach (var text in (IEnumerable<string>)[.. table.Notes, TableViewBuilder.BaseNote(table, culture)])
            {
                if (!numberOf.TryGetValue(text, out var index))
                {
                    numberOf[text] = index = notes.Count;
                    notes.Add((text, []));
                }
                // A table's own notes come one after another, so a repeat within it is the last sheet listed.
                if (notes[index].Sheets is not [.., var last] || last != name) notes[index].Sheets.Add(name);
                numbers.Add(NoteNumber(index));
            }
            var symbols = TableViewBuilder.SymbolNotes(table, settings);
            List<string> lines =
            [
                table.Title,
                symbols.Count == 0 ? "This worksheet contains one table."
                    : "This worksheet contains one table. Some of its cells hold a symbol instead of a figure, explained below and on the Cover worksheet.",
                $"Notes about this table: {string.Join(", ", numbers.Distinct())}, on the Notes worksheet.",
                .. symbols.Select(s => "Symbol " + s),
                DataDownloads.SourceLine(table) + ".",
            ];
            sheets.Add(new TableSheet(table, name, $"table_{t + 1}", lines, Headers(table)));
        }

        var title = $"{edition.Organisation.Name}: {edition.Info.Title}";
        var cover = new List<(string, bool)>
        {
            ($"{title}: tables", true),
            ("The tables of this report, after disclosure control, one table to each worksheet. The Contents worksheet lists them, with a link to each; the Notes worksheet gives their notes.", false),
            ($"Published by {edition.Organisation.Name}{(edition.Organisation.Website is { Length: > 0 } site ? $" ({site})" : "")}.", false),
        };
        if (edition.Info.Published is { } published) cover.Add(($"Published {published.Display(culture)}.", false));
        cover.Add(("Symbols used in the tables", true));
        cover.AddRange(Symbols.All.Select(s => ("Symbol " + Symbols.Explain(s, settings.Threshold, settings.MinimumBase), false)));
        cover.Add(($"Disclosure control: counts from 1 to {settings.Threshold - 1} are withheld, with any figure from which one could be worked out, so that no person can be recognised. No row-level data is published.", false));
        if (edition.Accessibility?.Contact is { } contact && Reach(contact) is { Length: > 0 } reach)
        {
            cover.Add(("Contact", true));
            cover.Add(($"To ask about these tables, or for them in another format, contact {contact.Name ?? edition.Organisation.Name}: {reach}.", false));
        }
        return new Plan(title, cover, notes.Select((n, i) => new NoteEntry(NoteNumber(i), n.Text, n.Sheets)).ToList(), sheets);
    }

    private static string NoteNumber(int index) => $"[note {index + 1}]";

    private static string Reach(Contact contact) => string.Join("; ", new[]
    {
        contact.Email is { Length: > 0 } email ? $"email {email}" : null,
        contact.Phone is { Length: > 0 } phone ? $"phone {phone}" : null,
        contact.Address is { Length: > 0 } address ? "post " + string.Join(", ", address.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) : null,
    }.OfType<string>());

    /// <summary>
    /// The table's header row: the row heading, then each column's heading as the CSV gives it. An Excel table's
    /// headers must differ and not be empty, so a repeated or empty one is told apart by a number in brackets.
    /// </summary>
    private static List<string> Headers(StatTable table)
    {
        var headers = new List<string>();
        foreach (var header in (IEnumerable<string>)[table.RowHeader, .. table.Columns.Select(DataDownloads.Header)])
        {
            var text = string.IsNullOrWhiteSpace(header) ? "Column" : header;
            var unique = text;
            for (var n = 2; headers.Contains(unique, StringComparer.OrdinalIgnoreCase); n++) unique = $"{text} ({n})";
            headers.Add(unique);
        }
        return headers;
    }

    /// <summary>Every text the workbook writes, with what it is and its table (null for the workbook's own), for check.</summary>
    public static IEnumerable<(string Text, string What, StatTable? Table)> Texts(Plan plan) =>
        AllTexts(plan).DistinctBy(t => (t.Text, t.Table));

    private static IEnumerable<(string Text, string What, StatTable? Table)> AllTexts(Plan plan)
    {
        yield return (plan.Cover[0].Text, "the organisation's name with the edition's title", null);
        foreach (var (text, _) in plan.Cover.Skip(1)) yield return (text, "a line of the workbook's cover", null);
        foreach (var note in plan.Notes)
        {
            var first = plan.Tables.FirstOrDefault(t => t.Name == note.Sheets[0])?.Table;
            yield return (note.Text, $"the note '{Start(note.Text)}'", first);
            yield return (string.Join(", ", note.Sheets), $"the list of the tables note {note.Number} is about", first);
        }
        foreach (var sheet in plan.Tables) yield return (sheet.Table.Title, "the title", sheet.Table);
        foreach (var sheet in plan.Tables)
        {
            foreach (var line in sheet.Lines.Skip(1))
                yield return (line, line == DataDownloads.SourceLine(sheet.Table) + "." ? "the list of sources" : $"the line '{Start(line)}'", sheet.Table);
            foreach (var header in sheet.Headers) yield return (header, $"the column heading '{Start(header)}'", sheet.Table);
            foreach (var row in sheet.Table.Rows) yield return (row.Label, $"the row label '{Start(row.Label)}' (from the workbook)", sheet.Table);
        }
    }

    /// <summary>The Contents worksheet's rows: each worksheet after it, and what it holds.</summary>
    private static List<(string Sheet, string Title)> Entries(Plan plan, bool figureIds) =>
    [
        (NotesSheet, NotesTitle),
        .. plan.Tables.Select(t => (t.Name, t.Table.Title)),
        .. figureIds ? [(FigureIdsSheet, FigureIdsTitle)] : Array.Empty<(string, string)>(),
    ];

    internal const string NotesTitle = "Notes to the tables";
    internal const string FigureIdsTitle = "The stable id of every figure of the tables, by its worksheet and cell";

    private static string Start(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public static void Write(string path, Plan plan, Edition edition, bool figureIds)
    {
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = $"{edition.Info.Title}: tables";
        workbook.Properties.Author = edition.Organisation.Name;

        var cover = workbook.Worksheets.Add(CoverSheet);
        for (var i = 0; i < plan.Cover.Count; i++)
        {
            var (text, heading) = plan.Cover[i];
            DataDownloads.Text(cover.Cell(i + 1, 1), text);
            if (heading) cover.Cell(i + 1, 1).Style.Font.Bold = true;
        }
        cover.Cell(1, 1).Style.Font.FontSize = 14;
        // One line to a row, never wrapped: a wrapped cell keeps its row's height in some spreadsheets and overlaps the next.
        cover.Column(1).Width = 120;

        // Contents: a table of the worksheets, each name a link to its sheet.
        var contents = workbook.Worksheets.Add(ContentsSheet);
        Title(contents, "Contents", "This worksheet contains one table: the worksheets of this workbook, each sheet name a link to it.");
        var entries = Entries(plan, figureIds);
        TableOf(contents, 3, ["Sheet name", "Table title"], entries.Select(e => (IReadOnlyList<string>)[e.Sheet, e.Title]).ToList(), "contents");
        for (var i = 0; i < entries.Count; i++)
        {
            var cell = contents.Cell(4 + i, 1);
            cell.Hyperlink = new XLHyperlink($"'{entries[i].Sheet}'!A1");
            cell.Style.Font.Underline = XLFontUnderlineValues.Single;
            cell.Style.Font.FontColor = XLColor.FromHtml("#1D70B8");
        }
        contents.Column(1).Width = 14;
        contents.Column(2).Width = 100;

        var notes = workbook.Worksheets.Add(NotesSheet);
        Title(notes, "Notes", "This worksheet contains one table: the notes to the tables, each with the worksheets of the tables it is about.");
        TableOf(notes, 3, ["Note number", "Note text", "Tables"], plan.Notes.Select(n => (IReadOnlyList<string>)[n.Number, n.Text, string.Join(", ", n.Sheets)]).ToList(), "notes");
        notes.Column(1).Width = 14;
        notes.Column(2).Width = 120;
        notes.Column(3).Width = 30;

        foreach (var sheet in plan.Tables)
        {
            var worksheet = workbook.Worksheets.Add(sheet.Name);
            for (var i = 0; i < sheet.Lines.Count; i++) DataDownloads.Text(worksheet.Cell(i + 1, 1), sheet.Lines[i]);
            worksheet.Cell(1, 1).Style.Font.Bold = true;
            worksheet.Cell(1, 1).Style.Font.FontSize = 12;
            var header = sheet.HeaderRow;
            for (var c = 0; c < sheet.Headers.Count; c++) DataDownloads.Text(worksheet.Cell(header, c + 1), sheet.Headers[c]);
            var table = sheet.Table;
            for (var r = 0; r < table.Rows.Count; r++)
            {
                DataDownloads.Text(worksheet.Cell(header + 1 + r, 1), table.Rows[r].Label);
                for (var c = 0; c < table.Rows[r].Cells.Count; c++) DataDownloads.SetFigure(worksheet.Cell(header + 1 + r, c + 2), table.Rows[r].Cells[c]);
            }
            MarkTable(worksheet.Range(header, 1, header + table.Rows.Count, sheet.Headers.Count), sheet.TableName);
            worksheet.SheetView.FreezeRows(header);
            worksheet.Column(1).Width = 34;
            for (var c = 0; c < table.Columns.Count; c++) worksheet.Column(c + 2).Width = 18;
        }

        if (figureIds)
        {
            var ids = workbook.Worksheets.Add(FigureIdsSheet);
            Title(ids, "Figure ids", "This worksheet contains one table: the stable id of every figure of the tables, by its worksheet and cell; the same id as on the web page (data-figure) and in the audit trail.");
            var sheetOf = plan.Tables.ToDictionary(t => (object)t.Table, t => t, ReferenceEqualityComparer.Instance);
            var rows = DataDownloads.Placed(plan.Tables.Select(t => t.Table).ToList()).Select(p =>
            {
                var sheet = sheetOf[p.Table];
                return (IReadOnlyList<string>)[p.Figure.Id, sheet.Name, XLHelper.GetColumnLetterFromNumber(p.Column + 2) + (sheet.HeaderRow + 1 + p.Row).ToString(CultureInfo.InvariantCulture), p.Figure.Row, p.Figure.Column];
            }).ToList();
            TableOf(ids, 3, ["Figure id", "Sheet", "Cell", "Row", "Column"], rows, "figure_ids");
            ids.Column(1).Width = 60;
            ids.Column(2).Width = 10;
            ids.Column(3).Width = 8;
            ids.Column(4).Width = 34;
            ids.Column(5).Width = 34;
        }
        ReproducibleWorkbook.Save(workbook, path, DataDownloads.Timestamp(edition));
    }

    /// <summary>A meta sheet's title (bold, A1) and the line under it (A2).</summary>
    private static void Title(IXLWorksheet sheet, string title, string line)
    {
        DataDownloads.Text(sheet.Cell(1, 1), title);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        DataDownloads.Text(sheet.Cell(2, 1), line);
    }

    /// <summary>A table of text from <paramref name="row"/>: its header row, its rows, marked as an Excel table with the panes frozen below the header.</summary>
    private static void TableOf(IXLWorksheet sheet, int row, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, string name)
    {
        for (var c = 0; c < headers.Count; c++) DataDownloads.Text(sheet.Cell(row, c + 1), headers[c]);
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < headers.Count; c++)
                DataDownloads.Text(sheet.Cell(row + 1 + r, c + 1), c < rows[r].Count ? rows[r][c] : "");
        MarkTable(sheet.Range(row, 1, row + Math.Max(1, rows.Count), headers.Count), name);
        sheet.SheetView.FreezeRows(row);
    }

    private static void MarkTable(IXLRange range, string name)
    {
        var table = range.CreateTable(name);
        table.ShowAutoFilter = false;
        table.ShowRowStripes = false;
        table.Theme = XLTableTheme.None;
        table.HeadersRow().Style.Font.Bold = true;
    }
}
