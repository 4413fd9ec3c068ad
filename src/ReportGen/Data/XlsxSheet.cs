namespace ReportGen.Data;

/// <summary>
/// One sheet's cells, read in one forward pass over its XML by <see cref="XlsxWorkbook"/>, kept row by row (each row
/// its cells in column order, only the cells the file holds) with the sheet's merged ranges. The merged ranges come
/// after the cells in the file, and the header search looks at the first 50 rows before the data is read, so the
/// cells are kept rather than handed on as they are read.
/// </summary>
internal sealed class XlsxSheet
{
    /// <summary>A merged range larger than this is looked up by its corners rather than cell by cell.</summary>
    private const long CellsOfSmallRange = 10_000;

    private readonly Dictionary<int, XlsxCell[]> _rows;
    private readonly List<(int Top, int Left, int Bottom, int Right)> _merges;
    /// <summary>Each cell of a small merged range → the index of the last range (in file order) holding it.</summary>
    private readonly Dictionary<(int Row, int Column), int> _mergedCells = [];
    private readonly List<int> _largeMerges = [];
    /// <summary>The rows that small merged ranges cover: most rows have none, and their cells are read directly.</summary>
    private readonly HashSet<int> _mergedRows = [];

    public XlsxSheet(string name, Dictionary<int, XlsxCell[]> rows, List<(int Top, int Left, int Bottom, int Right)> merges)
    {
        Name = name;
        _rows = rows;
        _merges = merges;
        for (var i = 0; i < merges.Count; i++)
        {
            var (top, left, bottom, right) = merges[i];
            if ((long)(bottom - top + 1) * (right - left + 1) > CellsOfSmallRange) { _largeMerges.Add(i); continue; }
            for (var row = top; row <= bottom; row++)
            for (var column = left; column <= right; column++)
                _mergedCells[(row, column)] = i;
            for (var row = top; row <= bottom; row++) _mergedRows.Add(row);
        }
        foreach (var (row, cells) in rows)
        foreach (var cell in cells)
        {
            if (!cell.IsUsed) continue;
            LastRowUsed = Math.Max(LastRowUsed, row);
            LastColumnUsed = Math.Max(LastColumnUsed, cell.Column);
        }
    }

    public string Name { get; }

    /// <summary>The last row, and the last column, holding a value or a formula; 0 when there is none.</summary>
    public int LastRowUsed { get; }
    public int LastColumnUsed { get; }

    /// <summary>Whether any merged range covers a cell of the row.</summary>
    public bool HasMergesIn(int row)
    {
        if (_mergedRows.Contains(row)) return true;
        foreach (var large in _largeMerges)
            if (row >= _merges[large].Top && row <= _merges[large].Bottom) return true;
        return false;
    }

    /// <summary>The cell at a row and column; an empty one when the file holds none there.</summary>
    public XlsxCell Cell(int row, int column) => Find(CellsOf(row), column);

    /// <summary>The cell at a column among a row's cells (<see cref="CellsOf"/>); an empty one when there is none.</summary>
    public static XlsxCell Find(ReadOnlySpan<XlsxCell> cells, int column)
    {
        int low = 0, high = cells.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var at = cells[middle].Column;
            if (at == column) return cells[middle];
            if (at < column) low = middle + 1;
            else high = middle - 1;
        }
        return default(XlsxCell).At(column);
    }

    /// <summary>The cells the file holds in a row, in column order.</summary>
    public ReadOnlySpan<XlsxCell> CellsOf(int row) => _rows.TryGetValue(row, out var cells) ? cells : [];

    /// <summary>
    /// The cell whose value a cell shows: the first cell of the merged range it lies in, or itself. Where ranges
    /// overlap, the one written last in the file counts.
    /// </summary>
    public XlsxCell Showing(int row, int column)
    {
        if (_merges.Count == 0 || !HasMergesIn(row)) return Cell(row, column);
        var index = _mergedCells.GetValueOrDefault((row, column), -1);
        foreach (var large in _largeMerges)
            if (large > index && Contains(_merges[large], row, column)) index = large;
        return index < 0 ? Cell(row, column) : Cell(_merges[index].Top, _merges[index].Left);
    }

    /// <summary>The last row of the first merged range (in file order) that holds the cell; null when none does.</summary>
    public int? MergedBottom(int row, int column)
    {
        foreach (var range in _merges)
            if (Contains(range, row, column)) return range.Bottom;
        return null;
    }

    private static bool Contains((int Top, int Left, int Bottom, int Right) range, int row, int column) =>
        row >= range.Top && row <= range.Bottom && column >= range.Left && column <= range.Right;
}
