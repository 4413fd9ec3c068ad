namespace ReportGen.Rendering;

public sealed record DataSectionView(string Anchor, string Title, IReadOnlyList<TableView> Tables);

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
    ChartView? Chart);

public sealed record HeaderGroupView(string Label, int Span);

public sealed record TableRowView(string Label, bool IsTotal, IReadOnlyList<CellView> Cells);

public sealed record CellView(string Text, bool IsSymbol);

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

public sealed record ChartSeriesView(string Name, string Key, string LegendX, string SwatchX);

public sealed record ChartGroupView(string Label, string LabelY, IReadOnlyList<ChartBarView> Bars);

public sealed record ChartBarView(string Series, string X, string Y, string Width, string Height, string ValueText, string ValueX, string ValueY);

public sealed record ChartTickView(string X, string Label);
