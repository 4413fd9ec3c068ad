namespace ReportGen.SampleData;

/// <summary>One of the 18 ONS 2011 ethnic-group categories, its Hertfordshire count and how each export labels it.</summary>
/// <param name="Group">The broad group as QS201EW names it.</param>
/// <param name="Detailed">The category as QS201EW names it.</param>
/// <param name="Residents">Hertfordshire police force area usual residents, Census 2011.</param>
/// <param name="Npcc">The NPCC (16+1) code an HR system records; it has no Gypsy/Traveller or Arab code (W9, O9).</param>
/// <param name="Broad">Short five-group label (White, Mixed, Asian, Black, Other) as survey exports write it.</param>
/// <param name="Application">The long ONS label of an online application form (recruitment).</param>
/// <param name="Police">The police.uk self-defined ethnicity label (stop and search).</param>
public sealed record EthnicCategory(
    string Group, string Detailed, int Residents, string Npcc, string Broad, string Application, string Police);

/// <summary>
/// REAL published figures: ONS Census 2011 table QS201EW, usual residents by ethnic group, Hertfordshire police force
/// area, as in shared/data/census2011_ethnic_group_by_police_force_area.csv (ONS via Nomis, summed from local
/// authorities to the police force area by Resistance Lab, resistancelab_data commit c31baef3). Copied here so the
/// generator needs nothing outside the repository.
/// </summary>
public static class Census2011
{
    public const string Title =
        "Real published figures: ONS Census 2011 table QS201EW, usual residents by ethnic group, Hertfordshire police force area";

    public const string Source =
        "Source: ONS Census 2011 table QS201EW 'Ethnic group' (18-category tick-box classification, usual residents, " +
        "census day 27 March 2011), via Nomis; aggregated from local authority to Police Force Area by Resistance Lab " +
        "using ONS 'Local Authority District to Community Safety Partnerships to Police Force Areas (December 2016) Lookup " +
        "in England and Wales' (GitHub Resistance-Lab/resistancelab_data, analysis/0002-demographics-by-police-force-area/" +
        "force-demographics.csv, commit c31baef3)";

    /// <summary>All usual residents (the file's 'All categories' column).</summary>
    public const int AllResidents = 1116062;

    public const string White = "White";
    public const string Mixed = "Mixed/multiple ethnic groups";
    public const string Asian = "Asian/Asian British";
    public const string Black = "Black/African/Caribbean/Black British";
    public const string Other = "Other ethnic group";

    public static readonly IReadOnlyList<EthnicCategory> Categories =
    [
        new(White, "English/Welsh/Scottish/Northern Irish/British", 902006, "W1", "White",
            "White - English/Welsh/Scottish/Northern Irish/British", "White - English/Welsh/Scottish/Northern Irish/British"),
        new(White, "Irish", 17260, "W2", "White", "White - Irish", "White - Irish"),
        new(White, "Gypsy or Irish Traveller", 1149, "W9", "White",
            "White - Gypsy or Irish Traveller", "White - Gypsy or Irish Traveller"),
        new(White, "Other White", 57080, "W9", "White",
            "White - Any other White background", "White - Any other White background"),
        new(Mixed, "White and Black Caribbean", 8899, "M1", "Mixed",
            "Mixed - White and Black Caribbean", "Mixed/Multiple ethnic groups - White and Black Caribbean"),
        new(Mixed, "White and Black African", 3250, "M2", "Mixed",
            "Mixed - White and Black African", "Mixed/Multiple ethnic groups - White and Black African"),
        new(Mixed, "White and Asian", 8703, "M3", "Mixed",
            "Mixed - White and Asian", "Mixed/Multiple ethnic groups - White and Asian"),
        new(Mixed, "Other Mixed", 6645, "M9", "Mixed",
            "Mixed - Any other Mixed background", "Mixed/Multiple ethnic groups - Any other Mixed/Multiple ethnic background"),
        new(Asian, "Indian", 28848, "A1", "Asian", "Asian or Asian British - Indian", "Asian/Asian British - Indian"),
        new(Asian, "Pakistani", 12302, "A2", "Asian", "Asian or Asian British - Pakistani", "Asian/Asian British - Pakistani"),
        new(Asian, "Bangladeshi", 5608, "A3", "Asian",
            "Asian or Asian British - Bangladeshi", "Asian/Asian British - Bangladeshi"),
        new(Asian, "Chinese", 8462, "O1", "Asian", "Asian or Asian British - Chinese", "Asian/Asian British - Chinese"),
        new(Asian, "Other Asian", 17361, "A9", "Asian",
            "Asian or Asian British - Any other Asian background", "Asian/Asian British - Any other Asian background"),
        new(Black, "African", 19722, "B2", "Black",
            "Black or Black British - African", "Black/African/Caribbean/Black British - African"),
        new(Black, "Caribbean", 8713, "B1", "Black",
            "Black or Black British - Caribbean", "Black/African/Caribbean/Black British - Caribbean"),
        new(Black, "Other Black", 2966, "B9", "Black", "Black or Black British - Any other Black background",
            "Black/African/Caribbean/Black British - Any other Black/African/Caribbean background"),
        new(Other, "Arab", 2359, "O9", "Other", "Other ethnic group - Arab", "Other ethnic group - Arab"),
        new(Other, "Any other ethnic group", 4729, "O9", "Other",
            "Other ethnic group - Any other ethnic group", "Other ethnic group - Any other ethnic group"),
    ];

    /// <summary>The broad groups in QS201EW order.</summary>
    public static readonly IReadOnlyList<string> Groups = [White, Mixed, Asian, Black, Other];

    public static int ResidentsIn(string group) => Categories.Where(c => c.Group == group).Sum(c => c.Residents);

    /// <summary>The categories of <paramref name="group"/> weighted by residents (to split a broad group into categories).</summary>
    public static IReadOnlyList<(EthnicCategory Value, double Weight)> WeightsWithin(string group) =>
        Categories.Where(c => c.Group == group).Select(c => (c, (double)c.Residents)).ToList();
}
