using static ReportGen.SampleData.Northumbria.NorthumbriaProfile;
using static ReportGen.SampleData.Police;

namespace ReportGen.SampleData.Northumbria;

/// <summary>promotions.xlsx, sheet "Promotion Candidates": one row per officer in a 2016/17 promotion process.</summary>
public static class NorthumbriaPromotions
{
    public const string FileName = "promotions.xlsx";

    public static readonly RecordSheet Layout = new("Promotion Candidates", "promotion candidates 1 April 2016 to 31 March 2017",
    [
        new("Candidate Ref", 13), new("Promotion Process", 34), new("Current Rank", 20), new("Rank Sought", 22), new("Sex", 8),
        new("Ethnicity", 32), new("Disability", 17), new("Outcome", 14),
    ])
    {
        Preamble = ["Source: promotion board records (synthetic)"],
        Notes = ["Notes: One row per candidate. Outcome is the result of the whole process (Promoted: passed and appointed to the rank)."],
    };

    /// <summary>
    /// Candidates per step (300 in all, the brief) and the share promoted (ASSUMPTION). Candidates' sex and ethnicity
    /// follow their current rank (<see cref="NorthumbriaProfile"/>); BME candidates a little more (positive action).
    /// </summary>
    private static readonly (int From, int Candidates, double Promoted, string Process)[] Steps =
    [
        (0, 190, 0.35, "Sergeant promotion process 2016"), (1, 68, 0.32, "Inspector promotion process 2016"),
        (2, 24, 0.38, "Chief Inspector selection 2016"), (3, 11, 0.45, "Superintendent selection 2017"),
        (4, 7, 0.43, "Chief Superintendent selection 2017"),
    ];

    /// <summary>BME candidates promoted at 0.8 and disabled candidates at 0.85 times the others' rate (ASSUMPTION).</summary>
    private const double BmeRatio = 0.8, DisabledRatio = 0.85, BmeCandidates = 1.3;

    public static void Write(string folder, int seed)
    {
        var rng = new Random(Rng.DeriveSeed(seed, "northumbria/" + FileName));
        var rows = new List<object?[]>();
        foreach (var (from, candidates, promoted, process) in Steps)
        {
            for (var i = 0; i < candidates; i++)
            {
                var female = rng.Chance(RankWomen[from]);
                var code = NorthumbriaWorkforce.EthnicCode(rng, RankBme[from] * BmeCandidates);
                var disabled = rng.Chance(Disabled[Officer]);
                var rate = promoted * (Messiness.NpccGroup(code) is "White" or "NS" ? 1.0 : BmeRatio) * (disabled ? DisabledRatio : 1.0);
                rows.Add(
                [
                    RecordSheet.Ref("PR16-", rows.Count + 1, 3), process, Ranks[from], Ranks[from + 1], female ? "Female" : "Male",
                    Messiness.NpccWithLabel(rng, code), Messiness.DisabilityLabel(rng, disabled), rng.Chance(rate) ? "Promoted" : "Not promoted",
                ]);
            }
        }
        Layout.Save(folder, FileName, Force, seed, rows);
    }
}
