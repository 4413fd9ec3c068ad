using static ReportGen.SampleData.Northumbria.NorthumbriaService;

namespace ReportGen.SampleData.Northumbria;

/// <summary>community-survey.xlsx, sheet "Responses": one row per Safer Community Survey interview in 2016/17.</summary>
public static class CommunitySurvey
{
    public const string FileName = "community-survey.xlsx";
    public const string DontKnow = "Don't know";

    public static readonly RecordSheet Layout = new("Responses", "Safer Community Survey responses April 2016 to March 2017",
    [
        new("Response ID", 13), new("Survey Month", 13, Public.MonthFormat), new("Area Command", 14),
        new("How good a job are the police doing in this area?", 24), new("The police will be there when I need them", 26),
        new("Ethnicity", 18), new("Sex", 18), new("Age Band", 9), new("Disability", 11),
    ])
    {
        Preamble = ["Source: Safer Community Survey, telephone interviews with residents (synthetic)", "Base: all respondents"],
        Notes = ["Notes: Good or excellent = the first two answers to the first question; agree = strongly or tend to agree."],
    };

    /// <summary>
    /// How much less favourable than average a respondent's answers are (ASSUMPTION): younger people, BME and disabled
    /// residents somewhat less favourable, older people more. A positive tilt moves the answer down the scale.
    /// </summary>
    private static double Tilt(int age, bool bme, bool disabled) =>
        (age < 25 ? 0.05 : age >= 65 ? -0.05 : 0) + (bme ? 0.03 : 0) + (disabled ? 0.04 : 0);

    public static void Write(string folder, int seed)
    {
        var rng = new Random(Rng.DeriveSeed(seed, "northumbria/" + FileName));
        var months = Public.Months(NorthumbriaService.CommunitySurvey, Public.EvenMonths);
        var rows = months.Select((month, i) =>
        {
            var ethnicity = rng.Chance(0.015) ? null : Public.Resident(rng);
            var age = Public.Age(rng, 50, 18);
            var disability = Public.SurveyDisability(rng, 0.19);
            var tilt = Tilt(age, Public.IsBme(ethnicity), disability == "Yes");
            // One latent view of the police drives both answers, mostly (ASSUMPTION: 70% of second answers follow it).
            var view = rng.NextDouble();
            return new object?[]
            {
                RecordSheet.Ref("SCS16-", i + 1, 5), month, rng.Pick(AreaCommands.Select(a => (a.Area, a.Weight)).ToList()),
                Answer(rng, view, tilt, JobRating), Answer(rng, rng.Chance(0.7) ? view : rng.NextDouble(), tilt, ThereWhenNeeded),
                ethnicity?.Broad ?? "Prefer not to say", Public.SurveySex(rng, 0.52), Public.AgeBand(age), disability,
            };
        });
        Layout.Save(folder, FileName, NorthumbriaProfile.Force, seed, rows);
    }

    /// <summary>"Don't know" at its weight's share; otherwise the latent view read against the other answers.</summary>
    private static string Answer(Random rng, double view, double tilt, IReadOnlyList<(string Answer, double Weight)> scale)
    {
        var known = scale.Where(a => a.Answer != DontKnow).ToList();
        return rng.Chance(scale.Single(a => a.Answer == DontKnow).Weight / scale.Sum(a => a.Weight)) ? DontKnow : Public.Answer(view, tilt, known);
    }
}
