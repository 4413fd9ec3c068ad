namespace ReportGen.SampleData;

/// <summary>One of the 18 ONS 2011 ethnic-group categories, an area's count of it and how each export labels it.</summary>
/// <param name="Group">The broad group as QS201EW names it.</param>
/// <param name="Detailed">The category as QS201EW names it.</param>
/// <param name="Residents">The police force area's usual residents, Census 2011.</param>
/// <param name="Npcc">The NPCC (16+1) code an HR system records; it has no Gypsy/Traveller or Arab code (W9, O9).</param>
/// <param name="Broad">Short five-group label (White, Mixed, Asian, Black, Other) as survey exports write it.</param>
/// <param name="Application">The long ONS label of an online application form (recruitment).</param>
/// <param name="Police">The police.uk self-defined ethnicity label (stop and search).</param>
public sealed record EthnicCategory(
    string Group, string Detailed, int Residents, string Npcc, string Broad, string Application, string Police);

/// <summary>
/// REAL published figures: ONS Census 2011 table QS201EW, usual residents by ethnic group, for the police force areas of
/// the sample editions, as in shared/data/census2011_ethnic_group_by_police_force_area.csv (ONS via Nomis, summed from
/// local authorities to the police force area by Resistance Lab, resistancelab_data commit c31baef3). Copied here so
/// the generator needs nothing outside the repository.
/// </summary>
public static class Census2011
{
    public const string Source =
        "Source: ONS Census 2011 table QS201EW 'Ethnic group' (18-category tick-box classification, usual residents, " +
        "census day 27 March 2011), via Nomis; aggregated from local authority to Police Force Area by Resistance Lab " +
        "using ONS 'Local Authority District to Community Safety Partnerships to Police Force Areas (December 2016) Lookup " +
        "in England and Wales' (GitHub Resistance-Lab/resistancelab_data, analysis/0002-demographics-by-police-force-area/" +
        "force-demographics.csv, commit c31baef3)";

    public const string White = "White";
    public const string Mixed = "Mixed/multiple ethnic groups";
    public const string Asian = "Asian/Asian British";
    public const string Black = "Black/African/Caribbean/Black British";
    public const string Other = "Other ethnic group";

    /// <summary>The broad groups in QS201EW order.</summary>
    public static readonly IReadOnlyList<string> Groups = [White, Mixed, Asian, Black, Other];

    /// <summary>The 18 categories in QS201EW order (Black: African, Caribbean, Other Black), with their export labels.</summary>
    private static readonly (string Group, string Detailed, string Npcc, string Broad, string Application, string Police)[] Labels =
    [
        (White, "English/Welsh/Scottish/Northern Irish/British", "W1", "White",
            "White - English/Welsh/Scottish/Northern Irish/British", "White - English/Welsh/Scottish/Northern Irish/British"),
        (White, "Irish", "W2", "White", "White - Irish", "White - Irish"),
        (White, "Gypsy or Irish Traveller", "W9", "White", "White - Gypsy or Irish Traveller", "White - Gypsy or Irish Traveller"),
        (White, "Other White", "W9", "White", "White - Any other White background", "White - Any other White background"),
        (Mixed, "White and Black Caribbean", "M1", "Mixed",
            "Mixed - White and Black Caribbean", "Mixed/Multiple ethnic groups - White and Black Caribbean"),
        (Mixed, "White and Black African", "M2", "Mixed",
            "Mixed - White and Black African", "Mixed/Multiple ethnic groups - White and Black African"),
        (Mixed, "White and Asian", "M3", "Mixed", "Mixed - White and Asian", "Mixed/Multiple ethnic groups - White and Asian"),
        (Mixed, "Other Mixed", "M9", "Mixed",
            "Mixed - Any other Mixed background", "Mixed/Multiple ethnic groups - Any other Mixed/Multiple ethnic background"),
        (Asian, "Indian", "A1", "Asian", "Asian or Asian British - Indian", "Asian/Asian British - Indian"),
        (Asian, "Pakistani", "A2", "Asian", "Asian or Asian British - Pakistani", "Asian/Asian British - Pakistani"),
        (Asian, "Bangladeshi", "A3", "Asian", "Asian or Asian British - Bangladeshi", "Asian/Asian British - Bangladeshi"),
        (Asian, "Chinese", "O1", "Asian", "Asian or Asian British - Chinese", "Asian/Asian British - Chinese"),
        (Asian, "Other Asian", "A9", "Asian",
            "Asian or Asian British - Any other Asian background", "Asian/Asian British - Any other Asian background"),
        (Black, "African", "B2", "Black", "Black or Black British - African", "Black/African/Caribbean/Black British - African"),
        (Black, "Caribbean", "B1", "Black", "Black or Black British - Caribbean", "Black/African/Caribbean/Black British - Caribbean"),
        (Black, "Other Black", "B9", "Black", "Black or Black British - Any other Black background",
            "Black/African/Caribbean/Black British - Any other Black/African/Caribbean background"),
        (Other, "Arab", "O9", "Other", "Other ethnic group - Arab", "Other ethnic group - Arab"),
        (Other, "Any other ethnic group", "O9", "Other",
            "Other ethnic group - Any other ethnic group", "Other ethnic group - Any other ethnic group"),
    ];

    /// <summary>Hertfordshire PFA: 1,116,062 usual residents, 12.4% not White.</summary>
    public static readonly CensusArea Hertfordshire = Area("Hertfordshire",
        [902006, 17260, 1149, 57080, 8899, 3250, 8703, 6645, 28848, 12302, 5608, 8462, 17361, 19722, 8713, 2966, 2359, 4729]);

    /// <summary>Northumbria PFA: 1,420,853 usual residents, 5.4% not White (77,106).</summary>
    public static readonly CensusArea Northumbria = Area("Northumbria",
        [1317938, 4760, 514, 20535, 3068, 2202, 4406, 2771, 10401, 8754, 9524, 10183, 9103, 7714, 684, 608, 3999, 3689]);

    private static CensusArea Area(string name, int[] residents) =>
        new(name, Labels.Select((l, i) => new EthnicCategory(l.Group, l.Detailed, residents[i], l.Npcc, l.Broad, l.Application, l.Police)).ToList());
}
