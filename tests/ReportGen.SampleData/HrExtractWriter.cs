using System.Globalization;
using ClosedXML.Excel;

namespace ReportGen.SampleData;

/// <summary>hr-extract.xlsx, sheet "Workforce": one row per person in post on 31/03/2017 or who left in 2016/17.</summary>
public static class HrExtractWriter
{
    public const string FileName = "hr-extract.xlsx";
    public const string SheetName = "Workforce";
    public const int HeaderRow = 5;

    public static readonly (string Header, double Width)[] Columns =
    [
        ("Employee Ref", 12), ("Role", 17), ("Rank / Grade", 20),
        ("Sex", 8), ("Ethnic Origin", 32), ("Disability", 17), ("Date of Birth", 13), ("Sexual Orientation", 22),
        ("Religion or Belief", 20), ("Gender identity same as sex registered at birth", 24),
        ("Working Pattern", 15), ("FTE", 7), ("Start Date", 13), ("Leaving Date", 13), ("Leaving Reason", 26),
    ];

    /// <summary>Writes the extract; <paramref name="rows"/> people instead of the default force (for benchmarks).</summary>
    public static void Write(string folder, int seed, int? rows = null)
    {
        var rng = new Random(Rng.DeriveSeed(seed, FileName));
        var people = WorkforceModel.Generate(rng, rows);

        using var workbook = Workbooks.Create(ForceProfile.Force);
        var sheet = Workbooks.AddSheet(workbook, SheetName,
            Workbooks.SyntheticTitle(ForceProfile.Force, "HR extract as at 31 March 2017", seed));
        sheet.Cell(2, 1).SetValue("Source: HR system export (synthetic). Extracted 31/03/2017");
        Workbooks.GroupHeaders(sheet, HeaderRow - 1, [("Employee", 1, 3), ("Protected characteristics", 4, 10), ("Employment", 11, 15)]);
        Workbooks.Headers(sheet, HeaderRow, Columns);

        var row = HeaderRow + 1;
        var blankAfter = people.Count / 2; // a stray empty row, as hand-edited exports have
        for (var i = 0; i < people.Count; i++)
        {
            if (i == blankAfter) row++;
            WritePerson(sheet, row++, people[i], rng);
        }
        var lastDataRow = row - 1;
        foreach (var column in new[] { 7, 13, 14 })
            sheet.Range(HeaderRow + 1, column, lastDataRow, column).Style.NumberFormat.Format = Workbooks.DateFormat;

        row++; // one blank row, then the notes
        sheet.Cell(row++, 1).SetValue("Notes: Ethnicity and other characteristics are self-declared; blank means not recorded.");
        sheet.Cell(row, 1).SetValue("Notes: Special Constables are volunteers, so they have no working pattern or FTE. " +
            "Leavers are people whose leaving date falls between 01/04/2016 and 31/03/2017.");
        Workbooks.Save(workbook, Path.Combine(folder, FileName));
    }

    private static void WritePerson(IXLWorksheet sheet, int row, Person p, Random rng)
    {
        var group = Messiness.NpccGroup(p.EthnicCode);
        sheet.Cell(row, 1).SetValue("HC" + p.Ref.ToString(CultureInfo.InvariantCulture));
        sheet.Cell(row, 2).SetValue(p.Role);
        sheet.Cell(row, 3).SetValue(p.Rank);
        sheet.Cell(row, 4).SetValue(Messiness.SexLabel(rng, p.Female));
        sheet.Cell(row, 5).SetValue(Messiness.EthnicLabel(rng, p.EthnicCode));
        SetText(sheet.Cell(row, 6), Messiness.DisabilityLabel(rng, p.Disabled));
        sheet.Cell(row, 7).SetValue(p.DateOfBirth);
        SetText(sheet.Cell(row, 8), Messiness.SexualOrientation(rng));
        sheet.Cell(row, 9).SetValue(Messiness.Religion(rng, group));
        SetText(sheet.Cell(row, 10), p.GenderIdentityDifferent ? "No" : Messiness.GenderIdentity(rng));
        if (p.Fte is { } fte)
        {
            sheet.Cell(row, 11).SetValue(fte < 1.0 ? "Part Time" : "Full Time");
            // About 1% of FTE cells were typed over as text, as in real exports.
            if (rng.Chance(0.01)) sheet.Cell(row, 12).SetValue(Messiness.FteAsText(fte));
            else sheet.Cell(row, 12).SetValue(fte);
        }
        sheet.Cell(row, 13).SetValue(p.Start);
        if (p.Leaving is { } leaving)
        {
            sheet.Cell(row, 14).SetValue(leaving);
            sheet.Cell(row, 15).SetValue(p.LeavingReason);
        }
    }

    private static void SetText(IXLCell cell, string value)
    {
        if (value.Length > 0) cell.SetValue(value);
    }
}
