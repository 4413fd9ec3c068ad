namespace ReportGen.Statistics;

/// <summary>
/// One published count, however many tables show it: the counts of the same rows of the same source are the same
/// people, so they are withheld, rounded and published together. Disclosure control works on cells and then gives
/// each figure its cell's outcome.
/// </summary>
internal sealed class CountCell(double value)
{
    public double Value { get; } = value;
    public bool Withheld { get; set; }
    /// <summary>True only when every figure of the cell is a survey count protected by its estimate's minimum base.</summary>
    public bool ProtectedByBase { get; set; } = true;
    /// <summary>How many shown figures are computed from this count: withholding it withholds them all.</summary>
    public int Dependents { get; set; }
    public List<Figure> Figures { get; } = [];

    public void Publish(DisclosureSettings settings)
    {
        string? symbol = null;
        double? published = null;
        if (Withheld) symbol = Symbols.Withheld;
        else
        {
            var rounded = settings.RoundCount(Value);
            if (rounded == 0 && Value > 0) symbol = Symbols.RoundsToZero;
            else published = rounded;
        }
        foreach (var figure in Figures)
        {
            figure.Symbol = symbol;
            figure.Published = published;
            figure.Exact = published;
        }
    }
}

/// <summary>The cells of an edition's tables, found by source and rows (a count made in a test, by reference).</summary>
internal sealed class CountCells
{
    private readonly Dictionary<object, CountCell> _byKey = new(new KeyComparer());
    private readonly Dictionary<Figure, CountCell> _byFigure = new(ReferenceEqualityComparer.Instance);

    public IEnumerable<CountCell> All => _byFigure.Values.Distinct();

    public void Add(Figure figure)
    {
        if (_byFigure.ContainsKey(figure)) return;
        object key = figure.Provenance is { } p ? new RowsKey(p.SourceId, p.Sheet, p.Rows) : figure;
        if (!_byKey.TryGetValue(key, out var cell)) _byKey[key] = cell = new CountCell(figure.Value ?? 0);
        cell.Figures.Add(figure);
        cell.ProtectedByBase &= figure.ProtectedByBase;
        _byFigure[figure] = cell;
    }

    public CountCell Of(Figure figure)
    {
        Add(figure);
        return _byFigure[figure];
    }

    private sealed class RowsKey(string source, string sheet, IReadOnlyList<int> rows)
    {
        public string Source { get; } = source;
        public string Sheet { get; } = sheet;
        public IReadOnlyList<int> Rows { get; } = rows;
        public int Hash { get; } = HashOf(source, sheet, rows);

        private static int HashOf(string source, string sheet, IReadOnlyList<int> rows)
        {
            var hash = new HashCode();
            hash.Add(source, StringComparer.Ordinal);
            hash.Add(sheet, StringComparer.Ordinal);
            hash.Add(rows.Count);
            foreach (var row in rows) hash.Add(row);
            return hash.ToHashCode();
        }
    }

    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) => (x, y) switch
        {
            (RowsKey a, RowsKey b) => a.Hash == b.Hash && a.Source == b.Source && a.Sheet == b.Sheet && a.Rows.SequenceEqual(b.Rows),
            _ => ReferenceEquals(x, y),
        };

        public int GetHashCode(object key) => key is RowsKey k ? k.Hash : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key);
    }
}
