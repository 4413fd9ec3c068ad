using ClosedXML.Excel;

namespace ReportGen.Tests.TestSupport;

/// <summary>
/// The table sheets of a report's workbook, in either layout: "Table 1" with its header in row 4 (default@1 to @4), or
/// "Table_1" whose Excel table gives its header row (ONS's layout, from default@5).
/// </summary>
public static class WorkbookSheets
{
    public sealed record TableSheet(IXLWorksheet Sheet, int HeaderRow, int LastColumn)
    {
        /// <summary>The data rows: from under the header while the row label is not empty.</summary>
        public IEnumerable<int> Rows()
        {
            for (var r = HeaderRow + 1; Sheet.Cell(r, 1).GetString().Length > 0; r++) yield return r;
        }
    }

    public static IReadOnlyList<TableSheet> Tables(XLWorkbook workbook)
    {
        var sheets = new List<TableSheet>();
        foreach (var sheet in workbook.Worksheets)
        {
            if (sheet.Name.StartsWith("Table_", StringComparison.Ordinal))
            {
                var table = Assert.Single(sheet.Tables);
                sheets.Add(new TableSheet(sheet, table.RangeAddress.FirstAddress.RowNumber, table.RangeAddress.LastAddress.ColumnNumber));
            }
            else if (sheet.Name.StartsWith("Table ", StringComparison.Ordinal))
                sheets.Add(new TableSheet(sheet, 4, sheet.LastColumnUsed()!.ColumnNumber()));
        }
        Assert.NotEmpty(sheets);
        return sheets;
    }
}
