using static ReportGen.SampleData.ForceProfile;
using static ReportGen.SampleData.Police;

namespace ReportGen.SampleData;

/// <summary>cases.xlsx: sheets "Grievances" and "Misconduct", one row per case opened in 2016/17.</summary>
public static class CasesWriter
{
    public const string FileName = "cases.xlsx";
    public const int HeaderRow = 3;

    public static readonly (string Header, double Width)[] Columns =
    [
        ("Case Ref", 14), ("Date Opened", 13), ("Employee Type", 18), ("Sex", 8), ("Ethnicity", 32), ("Outcome", 26),
    ];

    /// <summary>
    /// The two kinds of case (ASSUMPTION throughout): how many, who they concern, the BME share of those stated (above
    /// the workforce's, as is commonly reported) and the outcomes of closed cases.
    /// </summary>
    private static readonly CaseKind[] Kinds =
    [
        new("Grievances", "GRV", 45, "grievances", 0.09,
            [(Officer, 0.44), (Staff, 0.49), (Pcso, 0.05), (Special, 0.02)],
            [("Upheld", 0.18), ("Partially upheld", 0.14), ("Not upheld", 0.40), ("Resolved informally", 0.16), ("Withdrawn", 0.12)]),
        new("Misconduct", "MIS", 131, "misconduct cases", 0.06,
            [(Officer, 0.65), (Staff, 0.27), (Pcso, 0.05), (Special, 0.03)],
            [("No case to answer", 0.31), ("Management action", 0.27), ("Written warning", 0.15), ("Final written warning", 0.09),
             ("Dismissed", 0.06), ("Left before hearing", 0.04), ("Referred to IPCC", 0.02)]),
    ];

    private sealed record CaseKind(string Sheet, string Prefix, int Count, string What, double Bme,
        (string Type, double Weight)[] Types, (string Outcome, double Weight)[] Outcomes);

    public static void Write(string folder, int seed)
    {
        using var workbook = Workbooks.Create(ForceProfile.Force);
        foreach (var kind in Kinds)
        {
            var rng = new Random(Rng.DeriveSeed(seed, FileName + "/" + kind.Sheet));
            var sheet = Workbooks.AddSheet(workbook, kind.Sheet,
                Workbooks.SyntheticTitle(ForceProfile.Force, $"{kind.What} opened 1 April 2016 to 31 March 2017", seed));
            Workbooks.Headers(sheet, HeaderRow, Columns);
            var opened = Enumerable.Range(0, kind.Count).Select(_ => rng.Weekday(YearStart, Snapshot)).Order().ToList();
            var row = HeaderRow + 1;
            foreach (var date in opened)
            {
                var type = rng.Pick(kind.Types);
                var female = rng.Chance(type == Officer ? 0.25 : WomenShare[type]);
                var code = rng.Chance(EthnicityNotStated) ? "NS" : Census.NpccCode(rng, kind.Bme);
                // Cases opened in the last ten weeks of the year are often still open on 31 March.
                var outcome = date > Snapshot.AddDays(-70) && rng.Chance(0.6) ? "Ongoing" : rng.Pick(kind.Outcomes);
                sheet.Cell(row, 1).SetValue($"{kind.Prefix}-2016-{row - HeaderRow:000}");
                sheet.Cell(row, 2).SetValue(date);
                sheet.Cell(row, 3).SetValue(type);
                sheet.Cell(row, 4).SetValue(female ? "Female" : "Male");
                sheet.Cell(row, 5).SetValue(Messiness.EthnicLabel(rng, code));
                sheet.Cell(row, 6).SetValue(outcome);
                row++;
            }
            sheet.Range(HeaderRow + 1, 2, row - 1, 2).Style.NumberFormat.Format = Workbooks.DateFormat;
        }
        Workbooks.Save(workbook, Path.Combine(folder, FileName));
    }
}
