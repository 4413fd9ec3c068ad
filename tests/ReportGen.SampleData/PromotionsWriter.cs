using System.Globalization;
using static ReportGen.SampleData.ForceProfile;
using static ReportGen.SampleData.Police;

namespace ReportGen.SampleData;

/// <summary>promotions.xlsx, sheet "Promotion Candidates": one row per officer who sought promotion in 2016/17.</summary>
public static class PromotionsWriter
{
    public const string FileName = "promotions.xlsx";
    public const string SheetName = "Promotion Candidates";
    public const int HeaderRow = 3;

    public static readonly (string Header, double Width)[] Columns =
    [
        ("Candidate No", 14), ("Current Rank", 20), ("Rank Sought", 22), ("Sex", 8), ("Ethnic Group", 14), ("Outcome", 14),
    ];

    /// <summary>Candidates per step and the share promoted (ASSUMPTION: 260 in all, most Constable → Sergeant).</summary>
    private static readonly (int From, int Candidates, double Promoted)[] Steps =
        [(0, 165, 0.38), (1, 60, 0.33), (2, 22, 0.41), (3, 9, 0.44), (4, 4, 0.5)];

    /// <summary>BME candidates are promoted at 0.8 times the rate of the others (ASSUMPTION).</summary>
    private const double BmeRatio = 0.8;

    public static void Write(string folder, int seed)
    {
        var rng = new Random(Rng.DeriveSeed(seed, FileName));
        using var workbook = Workbooks.Create(ForceProfile.Force);
        var sheet = Workbooks.AddSheet(workbook, SheetName,
            Workbooks.SyntheticTitle(ForceProfile.Force, "promotion candidates 1 April 2016 to 31 March 2017", seed));
        Workbooks.Headers(sheet, HeaderRow, Columns);

        var row = HeaderRow + 1;
        foreach (var (from, candidates, promoted) in Steps)
        {
            for (var i = 0; i < candidates; i++)
            {
                var female = rng.Chance(RankWomen[from] / RankHeadcount[from]);
                // Officers' ethnic mix (HO 2006, Essex + Kent) in the short labels of a promotion board's return.
                var group = rng.Chance(EthnicityNotStated)
                    ? "Not stated"
                    : rng.Pick(OfficerEthnicity.Select(e => (e.Group == "ChineseOther" ? "Other" : e.Group, e.Weight)).ToList());
                var rate = promoted * (group is "White" or "Not stated" ? 1.0 : BmeRatio);
                string[] values =
                [
                    "P16-" + (row - HeaderRow).ToString("000", CultureInfo.InvariantCulture), Ranks[from], Ranks[from + 1],
                    female ? "Female" : "Male", group, rng.Chance(rate) ? "Promoted" : "Not promoted",
                ];
                for (var c = 0; c < values.Length; c++) sheet.Cell(row, c + 1).SetValue(values[c]);
                row++;
            }
        }
        Workbooks.Save(workbook, Path.Combine(folder, FileName));
    }
}
