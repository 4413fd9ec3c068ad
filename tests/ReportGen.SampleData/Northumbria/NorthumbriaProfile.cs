using static ReportGen.SampleData.Police;

namespace ReportGen.SampleData.Northumbria;

/// <summary>
/// The sizes and proportions of the synthetic Northumbria Police 2016/17 workforce, each with where it comes from.
/// "HO 2006" is shared/data/home_office_officers_rank_sex_ethnicity_2006.csv (Home Office police workforce open data,
/// officers by force, rank, sex and ethnicity, 31 March 2006): it has no Northumbria rows, so Greater Manchester and
/// West Midlands, the two metropolitan forces in it, are added together as forces shaped like Northumbria. MODELLED ON
/// names a published figure that is not in the shared data; ASSUMPTION marks a value chosen to look plausible. The
/// service workbooks' proportions are in <see cref="NorthumbriaService"/>.
/// </summary>
public static class NorthumbriaProfile
{
    public static readonly ForceIdentity Force = new("Northumbria Police", "Northumbria");

    /// <summary>Census 2011, Northumbria PFA (shared/data): 1,420,853 residents, 77,106 (5.4%) not White.</summary>
    public static CensusArea Census => Census2011.Northumbria;

    /// <summary>
    /// Headcount in post on 31/03/2017 (5,593). Officers: Northumbria had 3,129 officers (headcount, 3,084 FTE) on 31
    /// March 2019 (shared/data/home_office_officers_fte_headcount_2019.csv); MODELLED ON numbers falling from 2017 to
    /// 2019 in most forces, about 3,250 in 2017. Staff, PCSOs and Specials: the brief's sizes (ASSUMPTION).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> InPost = new Dictionary<string, int>
    {
        [Officer] = 3248, [Staff] = 1946, [Pcso] = 168, [Special] = 231,
    };

    /// <summary>Leavers during 2016/17 (420): ASSUMPTION, turnover of about 6% of officers, 7% of staff, 13% of PCSOs, 19% of Specials.</summary>
    public static readonly IReadOnlyDictionary<string, int> Leavers = new Dictionary<string, int>
    {
        [Officer] = 192, [Staff] = 149, [Pcso] = 25, [Special] = 54,
    };

    /// <summary>Police officers who joined during 2016/17 and are in post on 31/03/2017 (the brief: about 170), all constables.</summary>
    public const int OfficerStarters = 170;

    /// <summary>Intakes of new constables (ASSUMPTION: three cohorts and a few transferees, who start on any weekday).</summary>
    public static readonly (DateTime Date, double Weight)[] Intakes =
        [(new(2016, 6, 6), 52), (new(2016, 10, 3), 58), (new(2017, 2, 6), 50)];

    public const double TransfereeShare = 0.06;

    /// <summary>HO 2006, Greater Manchester + West Midlands headcount by rank (13,205 / 2,230 / 719 / 140 / 92 / 47 / 13 of 16,446).</summary>
    public static readonly double[] RankHeadcount = [13205, 2230, 719, 140, 92, 47, 13];

    /// <summary>
    /// Women among serving officers by rank. Shape from HO 2006 GMP + West Midlands (27.3 / 18.1 / 16.6 / 17.1 / 8.7 /
    /// 12.8 / 0%), falling with rank; level MODELLED ON Home Office Police workforce, England and Wales, 31 March 2017:
    /// about 29-30% of officers female. Gives 30% of Northumbria's officers with the starters below.
    /// </summary>
    public static readonly double[] RankWomen = [0.32, 0.235, 0.21, 0.19, 0.15, 0.12, 0.0];

    /// <summary>
    /// BME share (of those stated) by rank, falling with rank: about 2.8% of officers (the brief: 2.5-3%, below the 5.4%
    /// of Northumbria residents not White in Census 2011). ASSUMPTION for the level; the fall above Inspector is the
    /// shape of HO 2006 GMP + WM (5.5% of constables, 2.2% of superintendents).
    /// </summary>
    public static readonly double[] RankBme = [0.028, 0.022, 0.017, 0.012, 0.0, 0.0, 0.0];

    /// <summary>The 2016/17 constables: a higher share of women and BME than the serving force (the brief; ASSUMPTION 40% and 6%).</summary>
    public const double StarterWomen = 0.40, StarterBme = 0.06;

    /// <summary>Fewest whole years of service for each rank (ASSUMPTION: two years or more in each rank below).</summary>
    public static readonly int[] RankMinService = [0, 4, 7, 10, 13, 16, 20];

    /// <summary>
    /// Police staff grades: share of staff, women and BME (of those stated), both falling with grade. ASSUMPTION,
    /// MODELLED ON Home Office Police workforce 31 March 2017: about 60% of police staff female.
    /// </summary>
    public static readonly (string Grade, double Weight, double Women, double Bme)[] StaffGrades =
    [
        ("Scale 1", 3, 0.70, 0.030), ("Scale 2", 8, 0.70, 0.030), ("Scale 3", 16, 0.68, 0.028), ("Scale 4", 17, 0.66, 0.028),
        ("Scale 5", 14, 0.62, 0.026), ("Scale 6", 12, 0.58, 0.025), ("SO1", 9, 0.55, 0.022), ("SO2", 7, 0.52, 0.020),
        ("PO1", 4, 0.48, 0.018), ("PO2", 3, 0.45, 0.015), ("PO3", 2.5, 0.42, 0.015), ("PO4", 1.7, 0.40, 0.010),
        ("PO5", 1.2, 0.36, 0.0), ("PO6", 0.8, 0.33, 0.0), ("Senior Manager", 0.8, 0.30, 0.0),
    ];

    /// <summary>PCSOs and Special Constables: women and BME shares (ASSUMPTION, MODELLED ON the national shares, 2017: about 45% and 31% female).</summary>
    public static readonly IReadOnlyDictionary<string, (double Women, double Bme)> OtherRoles = new Dictionary<string, (double, double)>
    {
        [Pcso] = (0.45, 0.030), [Special] = (0.31, 0.040),
    };

    /// <summary>Women by role overall, what the cohorts above add up to (for case, promotion and request records).</summary>
    public static readonly IReadOnlyDictionary<string, double> WomenShare = new Dictionary<string, double>
    {
        [Officer] = 0.30, [Staff] = 0.60, [Pcso] = 0.45, [Special] = 0.31,
    };

    /// <summary>Ethnicity not stated on the HR system (ASSUMPTION).</summary>
    public const double EthnicityNotStated = 0.03;

    /// <summary>Disability declared "Yes" by role (ASSUMPTION: staff more often than officers).</summary>
    public static readonly IReadOnlyDictionary<string, double> Disabled = new Dictionary<string, double>
    {
        [Officer] = 0.035, [Staff] = 0.065, [Pcso] = 0.05, [Special] = 0.04,
    };

    /// <summary>
    /// Working patterns (Full Time, Part Time, Compressed Hours, Job Share) by role and sex. Officers MODELLED ON HO 2006
    /// GMP + WM FTE ÷ headcount (women 0.959, men 0.999): with part-timers at about 0.62 FTE, 11% of women part time;
    /// and on 3,084 FTE for 3,129 officers (0.986) in 2019. Staff and PCSOs: ASSUMPTION. Specials have none (volunteers).
    /// </summary>
    public static readonly IReadOnlyDictionary<(string Role, bool Female), double[]> Patterns = new Dictionary<(string, bool), double[]>
    {
        [(Officer, true)] = [0.83, 0.11, 0.045, 0.015], [(Officer, false)] = [0.97, 0.005, 0.025, 0.0],
        [(Staff, true)] = [0.58, 0.35, 0.05, 0.02], [(Staff, false)] = [0.88, 0.07, 0.05, 0.0],
        [(Pcso, true)] = [0.85, 0.12, 0.03, 0.0], [(Pcso, false)] = [0.96, 0.02, 0.02, 0.0],
    };

    public static readonly string[] PatternNames = ["Full Time", "Part Time", "Compressed Hours", "Job Share"];
}
