namespace ReportGen.SampleData;

/// <summary>
/// One police force area's Census 2011 residents by ethnic category, and draws in proportion to them: the population
/// weights of every synthetic workbook that splits a broad group into categories.
/// </summary>
public sealed class CensusArea(string name, IReadOnlyList<EthnicCategory> categories)
{
    public string Name => name;

    public IReadOnlyList<EthnicCategory> Categories => categories;

    /// <summary>Row 1 of the census sheet.</summary>
    public string Title =>
        $"Real published figures: ONS Census 2011 table QS201EW, usual residents by ethnic group, {name} police force area";

    public int ResidentsIn(string group) => categories.Where(c => c.Group == group).Sum(c => c.Residents);

    /// <summary>The categories of <paramref name="group"/> weighted by residents (to split a broad group into categories).</summary>
    public IReadOnlyList<(EthnicCategory Value, double Weight)> WeightsWithin(string group) =>
        categories.Where(c => c.Group == group).Select(c => (c, (double)c.Residents)).ToList();

    /// <summary>Every category weighted by residents.</summary>
    public IReadOnlyList<(EthnicCategory Value, double Weight)> Weights => categories.Select(c => (c, (double)c.Residents)).ToList();

    /// <summary>
    /// Every category weighted so that those not White make up <paramref name="share"/> (a boosted survey sample, or
    /// victims of racially motivated crime), each group's categories in proportion to the area's residents.
    /// </summary>
    public IReadOnlyList<(EthnicCategory Value, double Weight)> WeightsWithBmeShare(double share)
    {
        var white = ResidentsIn(Census2011.White);
        var others = categories.Sum(c => c.Residents) - white;
        return categories.Select(c => (c, c.Group == Census2011.White ? (1 - share) * c.Residents / white : share * c.Residents / others)).ToList();
    }

    /// <summary>
    /// An NPCC code with a BME share of <paramref name="bmeShare"/>; BME people are split between the groups, and
    /// everyone between the categories of their group, as the area's residents are.
    /// </summary>
    public string NpccCode(Random rng, double bmeShare)
    {
        if (!rng.Chance(bmeShare)) return CodeWithin(rng, "White");
        return CodeWithin(rng, rng.Pick<string>(
            [("Mixed", ResidentsIn(Census2011.Mixed)), ("Asian", ResidentsIn(Census2011.Asian) - ChineseResidents),
             ("Black", ResidentsIn(Census2011.Black)), ("ChineseOther", ChineseResidents + ResidentsIn(Census2011.Other))]));
    }

    private int ChineseResidents => categories.Single(c => c.Detailed == "Chinese").Residents;

    /// <summary>A category of a group: White, Mixed, Asian (less Chinese), Black, or ChineseOther (NPCC O1 and O9).</summary>
    public string CodeWithin(Random rng, string group)
    {
        var weights = group switch
        {
            "White" => WeightsWithin(Census2011.White),
            "Mixed" => WeightsWithin(Census2011.Mixed),
            "Asian" => WeightsWithin(Census2011.Asian).Where(c => c.Value.Npcc != "O1").ToList(),
            "Black" => WeightsWithin(Census2011.Black),
            _ => categories.Where(c => c.Npcc.StartsWith('O')).Select(c => (c, (double)c.Residents)).ToList(),
        };
        return rng.Pick(weights).Npcc;
    }
}
