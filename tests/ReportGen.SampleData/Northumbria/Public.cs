namespace ReportGen.SampleData.Northumbria;

/// <summary>
/// Members of the public in the Northumbria service workbooks (victims, survey respondents): the draws and the labels
/// those workbooks share. Ethnicity follows the Northumbria residents of Census 2011, with the BME share a workbook
/// asks for; everything else is ASSUMPTION.
/// </summary>
public static class Public
{
    /// <summary>A category, those not White making up <paramref name="bmeShare"/>, each group split as Northumbria's residents are.</summary>
    public static EthnicCategory Ethnicity(Random rng, double bmeShare) =>
        rng.Pick(NorthumbriaProfile.Census.WeightsWithBmeShare(bmeShare));

    /// <summary>A category in proportion to Northumbria's residents (5.4% not White).</summary>
    public static EthnicCategory Resident(Random rng) => rng.Pick(NorthumbriaProfile.Census.Weights);

    public static bool IsBme(EthnicCategory? category) => category is not null && category.Group != Census2011.White;

    /// <summary>A whole age, roughly normal around <paramref name="mean"/>, from <paramref name="youngest"/> to 95.</summary>
    public static int Age(Random rng, double mean, double sd, int youngest = 16) => (int)rng.Normal(mean, sd, youngest, 95.99);

    /// <summary>
    /// An age band as the export writes it: a survey's "16-24" … "55-64", "65+", or a crime record's "Under 18",
    /// "18-24" … "65+" (every one a label of the tool's age classification).
    /// </summary>
    public static string AgeBand(int age, bool crimeRecord = false) => age switch
    {
        < 18 when crimeRecord => "Under 18",
        < 25 => crimeRecord ? "18-24" : "16-24",
        < 35 => "25-34",
        < 45 => "35-44",
        < 55 => "45-54",
        < 65 => "55-64",
        _ => "65+",
    };

    /// <summary>The first of each month of 2016/17, shown "mmm yyyy" in the survey workbooks.</summary>
    public const string MonthFormat = "mmm yyyy";

    /// <summary><paramref name="total"/> dates split over the twelve months of 2016/17 by weight, each the first of its month.</summary>
    public static List<DateTime> Months(int total, IReadOnlyList<double> weights)
    {
        var perMonth = Rng.Allocate(total, weights);
        return Enumerable.Range(0, 12).SelectMany(m => Enumerable.Repeat(Police.YearStart.AddMonths(m), perMonth[m])).ToList();
    }

    /// <summary><paramref name="total"/> days of 2016/17 in date order, the months weighted (more crime in summer).</summary>
    public static List<DateTime> Days(Random rng, int total, IReadOnlyList<double> monthWeights) => Months(total, monthWeights)
        .Select(month => month.AddDays(rng.Next(DateTime.DaysInMonth(month.Year, month.Month)))).Order().ToList();

    /// <summary>Recorded crime by month (ASSUMPTION: a summer peak).</summary>
    public static readonly double[] CrimeMonths = [96, 102, 104, 110, 108, 101, 100, 97, 92, 93, 91, 104];

    /// <summary>A survey's even fieldwork: about the same number of interviews each month.</summary>
    public static readonly double[] EvenMonths = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

    /// <summary>Disability as a survey records it: "Yes" with probability <paramref name="yes"/>, "No", or "Refused".</summary>
    public static string SurveyDisability(Random rng, double yes) => rng.Pick<string>([("Yes", yes), ("No", 0.98 - yes), ("Refused", 0.02)]);

    /// <summary>Sex as a survey records it: "Male", "Female", or (rarely) "Prefer not to say".</summary>
    public static string SurveySex(Random rng, double female) =>
        rng.Chance(0.005) ? "Prefer not to say" : rng.Chance(female) ? "Female" : "Male";

    /// <summary>
    /// A survey answer from a latent score in [0, 1) (lower is more favourable), read against the answers' weights in
    /// order; <paramref name="tilt"/> moves the score (negative: more favourable), kept inside [0, 1).
    /// </summary>
    public static string Answer(double score, double tilt, IReadOnlyList<(string Answer, double Weight)> scale)
    {
        var x = Math.Clamp(score + tilt, 0, 0.999999) * scale.Sum(a => a.Weight);
        foreach (var (answer, weight) in scale)
        {
            if (x < weight) return answer;
            x -= weight;
        }
        return scale[^1].Answer;
    }
}
