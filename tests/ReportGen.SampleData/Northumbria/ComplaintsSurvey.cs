using static ReportGen.SampleData.Northumbria.NorthumbriaService;

namespace ReportGen.SampleData.Northumbria;

/// <summary>complaints-survey.xlsx, sheet "Responses": one row per complainant who answered the 2016/17 satisfaction survey.</summary>
public static class ComplaintsSurvey
{
    public const string FileName = "complaints-survey.xlsx";

    public static readonly RecordSheet Layout = new("Responses", "complainant satisfaction survey responses April 2016 to March 2017",
    [
        new("Response ID", 13), new("Survey Month", 13, Public.MonthFormat), new("Complaint Category", 28),
        new("How satisfied are you with how your complaint was handled?", 30), new("Ethnicity", 18), new("Sex", 18),
        new("Disability", 11), new("Age Band", 9),
    ])
    {
        Preamble = ["Source: Professional Standards Department complainant survey, sent when a complaint is finalised (synthetic)"],
        Notes = ["Notes: Small groups (fewer than 50 responses) are too few for a reliable estimate."],
    };

    /// <summary>What the complaint was about (ASSUMPTION, MODELLED ON the IPCC's complaint categories).</summary>
    private static readonly (string Category, double Weight)[] Categories =
    [
        ("Neglect or failure in duty", 0.36), ("Incivility, impoliteness and intolerance", 0.18), ("Other assault", 0.08),
        ("Oppressive conduct or harassment", 0.08), ("Unlawful/unnecessary arrest or detention", 0.06), ("Other", 0.24),
    ];

    public static void Write(string folder, int seed)
    {
        var rng = new Random(Rng.DeriveSeed(seed, "northumbria/" + FileName));
        var months = Public.Months(NorthumbriaService.ComplaintsSurvey, Public.EvenMonths);
        var rows = months.Select((month, i) =>
        {
            // BME about 6%, disabled 11% and 16-24s about 7% of complainants: each fewer than 50 (ASSUMPTION).
            var ethnicity = rng.Chance(0.02) ? null : Public.Ethnicity(rng, 0.06);
            var disability = Public.SurveyDisability(rng, 0.11);
            var age = Public.Age(rng, 46, 14);
            var tilt = (Public.IsBme(ethnicity) ? 0.05 : 0) + (disability == "Yes" ? 0.04 : 0);
            return new object?[]
            {
                RecordSheet.Ref("CS16-", i + 1, 4), month, rng.Pick(Categories),
                Public.Answer(rng.NextDouble(), tilt, ComplaintHandling), ethnicity?.Broad ?? "Prefer not to say",
                Public.SurveySex(rng, 0.42), disability, rng.Chance(0.02) ? "" : Public.AgeBand(age),
            };
        });
        Layout.Save(folder, FileName, NorthumbriaProfile.Force, seed, rows);
    }
}
