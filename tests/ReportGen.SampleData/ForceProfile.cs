using static ReportGen.SampleData.Police;

namespace ReportGen.SampleData;

/// <summary>
/// The sizes and proportions the synthetic Hertfordshire 2016/17 workbooks are shaped after, each with where it
/// comes from. "HO 2006" is shared/data/home_office_officers_rank_sex_ethnicity_2006.csv (Home Office police
/// workforce open data, officers by force, rank, sex and ethnicity, 31 March 2006), Essex and Kent added together as
/// forces comparable to Hertfordshire (the file has no Hertfordshire rows). Everything marked ASSUMPTION is not in
/// the shared data; the README lists them.
/// </summary>
public static class ForceProfile
{
    public static readonly ForceIdentity Force = new("Hertfordshire Constabulary", "Hertfordshire");

    /// <summary>The population benchmark and the weights that split a broad ethnic group into categories.</summary>
    public static CensusArea Census => Census2011.Hertfordshire;

    /// <summary>
    /// Headcount in post on 31/03/2017. Officers ≈ 2,000: Hertfordshire had 2,049 officers (headcount) on 31 March 2019
    /// (home_office_officers_fte_headcount_2019.csv). Staff, PCSOs and Specials: ASSUMPTION (the brief's sizes).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> InPost = new Dictionary<string, int>
    {
        [Officer] = 2011, [Staff] = 1547, [Pcso] = 204, [Special] = 296,
    };

    /// <summary>Leavers during 2016/17 (≈ 281): ASSUMPTION, turnover of about 5% officers, 7% staff, 10% PCSOs, 14% Specials.</summary>
    public static readonly IReadOnlyDictionary<string, int> Leavers = new Dictionary<string, int>
    {
        [Officer] = 108, [Staff] = 109, [Pcso] = 22, [Special] = 42,
    };

    /// <summary>HO 2006, Essex + Kent headcount by rank (5,634 / 959 / 319 / 93 / 43 / 20 / 10 of 7,078).</summary>
    public static readonly double[] RankHeadcount = [5634, 959, 319, 93, 43, 20, 10];

    /// <summary>HO 2006, Essex + Kent women by rank (1,521 / 166 / 45 / 15 / 6 / 1 / 0): 24.8% of officers.</summary>
    public static readonly double[] RankWomen = [1521, 166, 45, 15, 6, 1, 0];

    /// <summary>Fewest whole years of service for each rank (ASSUMPTION: promotion needs 2+ years in the rank below).</summary>
    public static readonly int[] RankMinService = [0, 4, 8, 12, 15, 18, 20];

    /// <summary>
    /// HO 2006, Essex + Kent officers by ethnicity: White 6,944, Mixed 58, Asian 29, Black 19, Chinese or other 19 (and
    /// 9 not stated): 1.8% BME of those stated, far below the 12.4% of Hertfordshire residents (Census 2011).
    /// </summary>
    public static readonly (string Group, double Weight)[] OfficerEthnicity =
        [("White", 6944), ("Mixed", 58), ("Asian", 29), ("Black", 19), ("ChineseOther", 19)];

    /// <summary>BME share (of those stated) for the other roles: ASSUMPTION, all below the population's 12.4%.</summary>
    public static readonly IReadOnlyDictionary<string, double> OtherRolesBme = new Dictionary<string, double>
    {
        [Staff] = 0.040, [Pcso] = 0.055, [Special] = 0.065,
    };

    /// <summary>Ethnicity "Not Stated"/"Prefer not to say" on the HR system: about 4% (the brief).</summary>
    public const double EthnicityNotStated = 0.04;

    /// <summary>Share of women: officers from HO 2006 by rank (above); the rest ASSUMPTION (roughly national shares).</summary>
    public static readonly IReadOnlyDictionary<string, double> WomenShare = new Dictionary<string, double>
    {
        [Staff] = 0.62, [Pcso] = 0.44, [Special] = 0.31,
    };

    /// <summary>
    /// Part-time shares. Officers from HO 2006 Essex + Kent FTE ÷ headcount: women 0.944, men 0.998; with part-timers at
    /// about 0.62 FTE that is 15% of women and 0.5% of men part-time. Staff and PCSOs: ASSUMPTION.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (double Women, double Men)> PartTime =
        new Dictionary<string, (double, double)>
        {
            [Officer] = (0.15, 0.005), [Staff] = (0.40, 0.08), [Pcso] = (0.15, 0.03),
        };

    /// <summary>Disability declared "Yes": about 5% (the brief).</summary>
    public const double Disabled = 0.05;

    /// <summary>People recorded with a gender identity different from the sex registered at birth (the brief: 3).</summary>
    public const int GenderIdentityDifferent = 3;
}
