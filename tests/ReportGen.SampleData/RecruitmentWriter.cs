using System.Globalization;
using static ReportGen.SampleData.ForceProfile;
using static ReportGen.SampleData.Police;

namespace ReportGen.SampleData;

/// <summary>recruitment.xlsx, sheet "Applications": one row per application in 2016/17.</summary>
public static class RecruitmentWriter
{
    public const string FileName = "recruitment.xlsx";
    public const string SheetName = "Applications";
    public const int HeaderRow = 3;

    public static readonly (string Header, double Width)[] Columns =
    [
        ("Application ID", 15), ("Campaign", 40), ("Role Applied For", 18), ("Gender", 18), ("Ethnicity", 52),
        ("Disability", 18), ("Age Band", 10), ("Stage Reached", 22), ("Outcome", 13),
    ];

    /// <summary>Campaigns of 2016/17 and their applications (ASSUMPTION, about 3,200 in all).</summary>
    private static readonly (string Role, string Campaign, int Applications)[] Campaigns =
    [
        (Officer, "Police Constable intake - May 2016", 598),
        (Officer, "Police Constable intake - October 2016", 621),
        (Officer, "Police Constable intake - February 2017", 537),
        (Staff, "Police Staff vacancies 2016/17 (rolling)", 905),
        (Pcso, "PCSO recruitment - July 2016", 231),
        (Special, "Special Constabulary - Spring 2016", 152),
        (Special, "Special Constabulary - Autumn 2016", 171),
    ];

    /// <summary>Appointment rate of a White, non-disabled applicant, by role (ASSUMPTION).</summary>
    private static readonly Dictionary<string, double> BaseRate = new() { [Officer] = 0.10, [Staff] = 0.13, [Pcso] = 0.20, [Special] = 0.33 };

    /// <summary>Relative appointment rates that the brief asks for: BME 0.7 × White (fails the four-fifths rule), disabled 0.9 ×.</summary>
    public const double BmeRatio = 0.7, DisabledRatio = 0.9, NotStatedRatio = 0.9;

    private sealed record Applicant(int Id, string Role, string Campaign, string Gender, EthnicCategory? Ethnicity, string Disability, string AgeBand)
    {
        public string Group => Ethnicity is null ? "Not stated" : Ethnicity.Group == Census2011.White ? "White" : "BME";
        public double Rate => BaseRate[Role];
    }

    public static void Write(string folder, int seed)
    {
        var rng = new Random(Rng.DeriveSeed(seed, FileName));
        var applicants = new List<Applicant>(); // a record, but the Id keeps look-alike applicants apart
        foreach (var (role, campaign, count) in Campaigns)
            for (var i = 0; i < count; i++) applicants.Add(Draw(rng, applicants.Count, role, campaign));

        // Exact appointments per ethnic group × disability (at the average rate of all roles), so the ratios hold in
        // the data and not only on average; within a group, the role's rate tilts who is appointed.
        var average = applicants.Average(a => a.Rate);
        var appointed = rng.ChooseInEachCell(applicants, a => (a.Group, Disabled: a.Disability == "Yes"), (key, size) =>
        {
            var ratio = (key.Group switch { "White" => 1.0, "BME" => BmeRatio, _ => NotStatedRatio }) * (key.Disabled ? DisabledRatio : 1.0);
            return (int)Math.Round(size * average * ratio);
        }, a => a.Rate);

        using var workbook = Workbooks.Create(ForceProfile.Force);
        var sheet = Workbooks.AddSheet(workbook, SheetName,
            Workbooks.SyntheticTitle(ForceProfile.Force, "recruitment applications 1 April 2016 to 31 March 2017", seed));
        Workbooks.Headers(sheet, HeaderRow, Columns);
        var row = HeaderRow + 1;
        foreach (var a in applicants)
        {
            var stages = Stages(a.Role);
            string outcome, stage;
            if (appointed.Contains(a)) (outcome, stage) = ("Appointed", stages[^1]);
            else if (rng.Chance(0.11)) (outcome, stage) = ("Withdrawn", rng.Pick(stages));
            else (outcome, stage) = ("Unsuccessful", rng.Pick(stages.Select((s, i) => (s, i == stages.Length - 1 ? 0.4 : stages.Length - i)).ToList()));
            var values = new[]
            {
                "APP-16-" + (row - HeaderRow).ToString("00000", CultureInfo.InvariantCulture), a.Campaign, a.Role, a.Gender,
                a.Ethnicity?.Application ?? "Not stated", a.Disability, a.AgeBand, stage, outcome,
            };
            for (var c = 0; c < values.Length; c++) sheet.Cell(row, c + 1).SetValue(values[c]);
            row++;
        }
        Workbooks.Save(workbook, Path.Combine(folder, FileName));
    }

    private static Applicant Draw(Random rng, int id, string role, string campaign)
    {
        var women = role switch { Officer => 0.34, Staff => 0.60, Pcso => 0.45, _ => 0.36 };
        var gender = rng.Chance(0.008) ? "Prefer not to say" : rng.Chance(women) ? "Female" : "Male";
        var ethnicity = rng.Chance(0.03) ? null : rng.Pick(Census.Weights);
        var disability = rng.Pick<string>([("Yes", 0.06), ("No", 0.90), ("Prefer not to say", 0.04)]);
        double[] ages = role switch
        {
            Officer => [34, 41, 17, 7, 1], Staff => [18, 28, 22, 21, 11], Pcso => [30, 33, 18, 13, 6], _ => [45, 31, 13, 8, 3],
        };
        var ageBand = rng.Pick(new[] { "18-24", "25-34", "35-44", "45-54", "55+" }.Select((b, i) => (b, ages[i])).ToList());
        return new Applicant(id, role, campaign, gender, ethnicity, disability, ageBand);
    }

    private static string[] Stages(string role) => role switch
    {
        Officer => ["Application form", "Online assessment", "Assessment centre", "Interview", "Pre-employment checks"],
        Staff => ["Application form", "Shortlisting", "Interview", "Pre-employment checks"],
        _ => ["Application form", "Assessment centre", "Interview", "Pre-employment checks"],
    };
}
