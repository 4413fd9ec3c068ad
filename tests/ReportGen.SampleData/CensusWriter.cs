using System.Globalization;
using ClosedXML.Excel;

namespace ReportGen.SampleData;

/// <summary>
/// census-population.xlsx, sheet "QS201EW": NOT synthetic. The real Census 2011 figures for a force's police force area,
/// laid out the way published tables often are: merged group cells and counts stored as text with thousands separators.
/// </summary>
public static class CensusWriter
{
    public const string FileName = "census-population.xlsx";
    public const string SheetName = "QS201EW";
    public const int HeaderRow = 4;

    public static readonly (string Header, double Width)[] Columns =
        [("Ethnic group", 38), ("Ethnic group (detailed)", 46), ("Usual residents", 16)];

    public static void Write(string folder, ForceIdentity force, CensusArea area)
    {
        using var workbook = Workbooks.Create(force);
        var sheet = Workbooks.AddSheet(workbook, SheetName, area.Title);
        sheet.Cell(2, 1).SetValue(Census2011.Source);
        Workbooks.Headers(sheet, HeaderRow, Columns);

        var row = HeaderRow + 1;
        foreach (var group in Census2011.Groups)
        {
            var categories = area.Categories.Where(c => c.Group == group).ToList();
            var merged = sheet.Range(row, 1, row + categories.Count - 1, 1).Merge();
            merged.FirstCell().SetValue(group);
            merged.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            foreach (var category in categories)
            {
                sheet.Cell(row, 2).SetValue(category.Detailed);
                sheet.Cell(row, 3).SetValue(Thousands(category.Residents));
                sheet.Cell(row, 3).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
                row++;
            }
        }
        sheet.Cell(row, 1).SetValue("Total");
        sheet.Cell(row, 3).SetValue(Thousands(area.Categories.Sum(c => c.Residents)));
        sheet.Cell(row, 3).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        sheet.Range(row, 1, row, 3).Style.Font.Bold = true;
        row += 2;
        sheet.Cell(row, 1).SetValue("Notes: Counts are persons (usual residents on census day, 27 March 2011), stored as text as " +
            "published. They were summed from local authorities to the police force area by a third party (Resistance Lab), " +
            "not published by ONS for police force areas. 2011 Census, not 2021.");
        Workbooks.Save(workbook, Path.Combine(folder, FileName));
    }

    private static string Thousands(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
