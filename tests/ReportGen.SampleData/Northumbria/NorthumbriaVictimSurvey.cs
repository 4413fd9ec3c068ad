using static ReportGen.SampleData.Northumbria.NorthumbriaService;

namespace ReportGen.SampleData.Northumbria;

/// <summary>victim-survey.xlsx, sheet "Responses": one row per victim interviewed in 2016/17 (user satisfaction survey).</summary>
public static class NorthumbriaVictimSurvey
{
    public const string FileName = "victim-survey.xlsx";

    public static readonly RecordSheet Layout = new("Responses", "victim satisfaction survey responses April 2016 to March 2017",
    [
        new("Response ID", 13), new("Survey Month", 13, Public.MonthFormat), new("Crime Type", 22),
        new("Overall satisfaction with the service", 34), new("Ethnicity", 11), new("Disability", 11), new("Gender", 9), new("Age Band", 9),
    ])
    {
        Preamble = ["Source: victim satisfaction telephone survey, interviews 6-12 weeks after the crime was reported (synthetic)"],
        Notes = ["Notes: Satisfied = completely, very or fairly satisfied. BME victims were over-sampled so that their satisfaction can be estimated."],
    };

    /// <summary>Crime types: share of responses, relative likelihood of being satisfied, typical victim age (ASSUMPTION).</summary>
    private static readonly (string Type, double Share, double Tilt, double MeanAge)[] Crimes =
    [
        ("Burglary", 0.22, 1.10, 52), ("Vehicle crime", 0.22, 1.00, 47), ("Violent crime", 0.24, 0.92, 34),
        ("Anti-social behaviour", 0.24, 0.88, 48), ("Hate crime", 0.08, 0.95, 38),
    ];

    private sealed record Response(int Id, DateTime Month, int Crime, string Ethnicity, string Disability, string Gender, string AgeBand)
    {
        public string Group => Ethnicity switch { "White" or "Refused" => Ethnicity, _ => "BME" };
    }

    public static void Write(string folder, int seed)
    {
        var rng = new Random(Rng.DeriveSeed(seed, "northumbria/" + FileName));
        // Exactly the boosted number of BME respondents, 1.5% refusing, the rest White; then shuffled.
        var refused = (int)Math.Round(VictimSurvey * 0.015);
        var ethnicities = Enumerable.Repeat("Refused", refused)
            .Concat(Enumerable.Range(0, VictimSurveyBme).Select(_ => Public.Ethnicity(rng, 1.0).Broad))
            .Concat(Enumerable.Repeat("White", VictimSurvey - VictimSurveyBme - refused)).ToList();
        rng.Shuffle(ethnicities);
        var months = Public.Months(VictimSurvey, Public.EvenMonths);
        var responses = ethnicities.Select((e, i) => Draw(rng, i, months[i], e)).ToList();

        // Exact numbers satisfied per ethnic group × disability, so the gaps hold in the data; crime type tilts who.
        var satisfied = VictimSurveyWriter.Satisfied(rng, responses, r => r.Group, r => r.Disability == "Yes",
            (VictimSatisfied, VictimBmeGap, VictimDisabledGap), r => Crimes[r.Crime].Tilt);

        var scale = VictimSurveyWriter.Scale;
        var rows = responses.Select(r => new object?[]
        {
            RecordSheet.Ref("NVS16-", r.Id + 1, 4), r.Month, Crimes[r.Crime].Type,
            satisfied.Contains(r)
                ? rng.Pick<string>([(scale[0], 0.28), (scale[1], 0.44), (scale[2], 0.28)])
                : rng.Pick<string>([(scale[3], 0.38), (scale[4], 0.28), (scale[5], 0.20), (scale[6], 0.14)]),
            r.Ethnicity, r.Disability, r.Gender, r.AgeBand,
        });
        Layout.Save(folder, FileName, NorthumbriaProfile.Force, seed, rows);
    }

    /// <summary>A respondent: 17% report a disability; age from the crime type, 3% not given (ASSUMPTION).</summary>
    private static Response Draw(Random rng, int id, DateTime month, string ethnicity)
    {
        var crime = rng.Pick(Crimes.Select((c, i) => (i, c.Share)).ToList());
        var gender = Public.SurveySex(rng, crime == 2 ? 0.42 : 0.53);
        var age = rng.Chance(0.03) ? "" : Public.AgeBand(Public.Age(rng, Crimes[crime].MeanAge, 16));
        return new Response(id, month, crime, ethnicity, Public.SurveyDisability(rng, 0.17), gender, age);
    }
}
