namespace ReportGen.Rendering;

/// <param name="SyntheticSources">Titles of synthetic (sample) sources the section's tables use: the report says so plainly.</param>
/// <param name="WithheldBelow">Counts below this are withheld.</param>
public sealed record DataSectionView(string Anchor, string Title, IReadOnlyList<TableView> Tables, IReadOnlyList<string> SyntheticSources, int WithheldBelow, int MinimumBase);

public sealed record TableView(
    string Id,
    string Anchor,
    string Title,
    string RowHeader,
    IReadOnlyList<HeaderGroupView> Groups,
    IReadOnlyList<string> Columns,
    IReadOnlyList<TableRowView> Rows,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> SymbolNotes,
    string Sources,
    string CsvHref,
    ChartView? Chart,
    StackedChartView? Stacked = null,
    LineChartView? Line = null)
{
    /// <summary>
    /// For a table too wide for a printed page: the same table in parts, each with the row headers and whole column
    /// groups, printed in its place (the web page shows the whole table, which scrolls). Empty when it fits.
    /// </summary>
    public IReadOnlyList<TablePartView> PrintParts { get; init; } = [];
}

/// <param name="Caption">The table's title with "part 1 of 2".</param>
public sealed record TablePartView(string Caption, IReadOnlyList<HeaderGroupView> Groups, IReadOnlyList<string> Columns, IReadOnlyList<TableRowView> Rows);

public sealed record HeaderGroupView(string Label, int Span);

public sealed record TableRowView(string Label, bool IsTotal, IReadOnlyList<CellView> Cells);

/// <param name="Figure">The figure's stable id (<see cref="Statistics.FigureIds"/>), for data-figure="…" and the audit trail.</param>
public sealed record CellView(string Text, bool IsSymbol, string? Figure = null);

/// <summary>A horizontal bar chart laid out in C#; the template draws it as SVG. Coordinates are strings, fixed to one decimal.</summary>
public sealed record ChartView(
    string Id,
    string Title,
    string Description,
    string Width,
    string Height,
    IReadOnlyList<ChartSeriesView> Series,
    IReadOnlyList<ChartGroupView> Groups,
    IReadOnlyList<ChartTickView> Ticks,
    string PlotLeft,
    string LabelX,
    string PlotTop,
    string PlotBottom,
    string TickLabelY,
    string LegendY,
    string LegendSwatchY);

/// <summary>One line of a chart's text, where it is drawn: a label laid out with measured fonts can take several.</summary>
public sealed record ChartTextLine(string Text, string X, string Y);

public sealed record ChartSeriesView(string Name, string Key, string LegendX, string SwatchX)
{
    /// <summary>Where a measured legend puts the swatch's top and the name's lines (it can take several rows); null in the guessed layout.</summary>
    public string? SwatchY { get; init; }
    public IReadOnlyList<ChartTextLine> NameLines { get; init; } = [];
}

public sealed record ChartGroupView(string Label, string LabelY, IReadOnlyList<ChartBarView> Bars)
{
    /// <summary>The label broken into lines that fit the room measured for it (empty in the guessed layout).</summary>
    public IReadOnlyList<ChartTextLine> LabelLines { get; init; } = [];
}

public sealed record ChartBarView(string Series, string X, string Y, string Width, string Height, string ValueText, string ValueX, string ValueY)
{
    /// <summary>The id of the figure it draws (<see cref="Statistics.FigureIds"/>).</summary>
    public string? Figure { get; init; }
}

public sealed record ChartTickView(string X, string Label);

/// <summary>100% stacked bars: one bar per column group of a cross-tabulation, split by the rows' percentages.</summary>
public sealed record StackedChartView(string Id, string Title, string Description, string Width, string Height,
    IReadOnlyList<StackedBarView> Bars, IReadOnlyList<LegendItemView> Legend, IReadOnlyList<ChartTickView> Ticks,
    string PlotTop, string PlotBottom, string TickLabelY, string LabelX);

public sealed record StackedBarView(string Label, string LabelY, IReadOnlyList<StackedSegmentView> Segments)
{
    /// <summary>The label broken into lines that fit the room measured for it (empty in the guessed layout).</summary>
    public IReadOnlyList<ChartTextLine> LabelLines { get; init; } = [];
}

public sealed record StackedSegmentView(string Name, string Colour, string LabelColour, string X, string Y, string Width, string Height, string? ValueText, string ValueX, string ValueY, bool Withheld)
{
    /// <summary>The id of the figure it draws (<see cref="Statistics.FigureIds"/>).</summary>
    public string? Figure { get; init; }
}

public sealed record LegendItemView(string Name, string Colour, string SwatchX, string SwatchY, string TextX, string TextY, bool Withheld)
{
    /// <summary>The name broken into lines that fit (empty in the guessed layout).</summary>
    public IReadOnlyList<ChartTextLine> NameLines { get; init; } = [];
}

/// <summary>A trend line: one point per row (a month, a year), a gap where a figure is not published.</summary>
public sealed record LineChartView(string Id, string Title, string Description, string Width, string Height,
    IReadOnlyList<string> Paths, IReadOnlyList<LinePointView> Points, IReadOnlyList<ChartTickView> VerticalTicks,
    string PlotLeft, string PlotRight, string PlotTop, string PlotBottom, string AxisLabelY, string TickLabelX);

public sealed record LinePointView(string Label, string ShortLabel, string X, string Y, string ValueText, string LabelX, string LabelY, bool Shown)
{
    /// <summary>
    /// How a measured layout draws the axis label: "middle" (level) or "end" (turned 45°, when level labels would
    /// overlap; <see cref="LabelTransform"/> turns it), and whether it is drawn at all (every label when they fit
    /// turned, else every second or third, evenly; each point's own title always names it). Null in the guessed layout.
    /// </summary>
    public string? LabelAnchor { get; init; }
    public string? LabelTransform { get; init; }
    public bool LabelShown { get; init; } = true;

    /// <summary>The id of the figure it draws (<see cref="Statistics.FigureIds"/>).</summary>
    public string? Figure { get; init; }
}
