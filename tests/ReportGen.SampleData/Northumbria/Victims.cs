using static ReportGen.SampleData.Northumbria.NorthumbriaService;

namespace ReportGen.SampleData.Northumbria;

/// <summary>victims.xlsx, sheet "Victims": one row per victim of a crime recorded in 2016/17.</summary>
public static class Victims
{
    public const string FileName = "victims.xlsx";

    public static readonly RecordSheet Layout = new("Victims", "victims of crime recorded 1 April 2016 to 31 March 2017",
    [
        new("Victim ID", 12), new("Date Recorded", 13, Workbooks.DateFormat), new("Crime Group", 30), new("Ethnicity", 52),
        new("Sex", 10), new("Age Band", 10), new("Disability", 12), new("Repeat Victim", 10),
    ])
    {
        Preamble = ["Source: crime recording system, victim records (synthetic)", "Selection: victims of victim-based crime; one row per victim per crime"],
        Notes = ["Notes: Repeat Victim = Yes when the person was the victim of another crime in the 12 months before this one."],
    };

    /// <summary>
    /// Crime groups (Home Office police recorded crime groups): share of victims, share female, typical age.
    /// ASSUMPTION, MODELLED ON police recorded crime 2016/17, where violence against the person was the largest group.
    /// </summary>
    private static readonly (string Group, double Weight, double Female, double Age)[] Groups =
    [
        ("Violence against the person", 34, 0.50, 33), ("Sexual offences", 4, 0.85, 25), ("Robbery", 1.2, 0.25, 28),
        ("Burglary", 10, 0.45, 48), ("Vehicle offences", 7, 0.35, 45), ("Theft from the person", 1.3, 0.55, 35),
        ("Bicycle theft", 2, 0.25, 35), ("All other theft offences", 15, 0.48, 42), ("Criminal damage and arson", 17, 0.45, 45),
        ("Public order offences", 8.5, 0.50, 38),
    ];

    public static void Write(string folder, int seed)
    {
        var rng = new Random(Rng.DeriveSeed(seed, "northumbria/" + FileName));
        var days = Public.Days(rng, NorthumbriaService.Victims, Public.CrimeMonths);
        var rows = days.Select((day, i) =>
        {
            var group = rng.Pick(Groups.Select(g => (g, g.Weight)).ToList());
            // Crime records often leave ethnicity and disability unrecorded (ASSUMPTION: 5% and a third).
            var ethnicity = rng.Chance(0.05) ? rng.Pick<string>([("Not stated", 0.6), ("", 0.4)]) : Public.Ethnicity(rng, VictimBme).Application;
            var sex = rng.Chance(0.01) ? "Not known" : rng.Chance(group.Female) ? "Female" : "Male";
            var disability = rng.Pick<string>([("Yes", 0.09), ("No", 0.58), ("", 0.33)]);
            var repeat = rng.Chance(disability == "Yes" ? RepeatVictimDisabled : RepeatVictim);
            return new object?[]
            {
                RecordSheet.Ref("V16-", i + 1, 6), day, group.Group, ethnicity, sex,
                Public.AgeBand(Public.Age(rng, group.Age, 17, 5), crimeRecord: true), disability, repeat ? "Yes" : "No",
            };
        });
        Layout.Save(folder, FileName, NorthumbriaProfile.Force, seed, rows);
    }
}
