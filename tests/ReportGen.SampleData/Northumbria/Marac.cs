using static ReportGen.SampleData.Northumbria.NorthumbriaService;

namespace ReportGen.SampleData.Northumbria;

/// <summary>marac.xlsx, sheet "MARAC Cases": one row per high-risk domestic abuse case heard at a MARAC in 2016/17.</summary>
public static class Marac
{
    public const string FileName = "marac.xlsx";

    public static readonly RecordSheet Layout = new("MARAC Cases", "high-risk domestic abuse cases heard at MARAC 1 April 2016 to 31 March 2017",
    [
        new("MARAC Ref", 13), new("Area Command", 14), new("Date Heard", 13, Workbooks.DateFormat), new("Victim Sex", 10),
        new("Victim Ethnicity", 52), new("Victim Age Band", 10), new("Disability", 12), new("Sexual Orientation", 20),
        new("Repeat Referral", 10),
    ])
    {
        Preamble = ["Source: MARAC coordinators' case lists (synthetic)"],
        Notes = ["Notes: Repeat Referral = Yes when the victim was heard at a MARAC in the 12 months before this referral."],
    };

    public static void Write(string folder, int seed)
    {
        var rng = new Random(Rng.DeriveSeed(seed, "northumbria/" + FileName));
        var perArea = Rng.Allocate(MaracCases, AreaCommands.Select(a => a.Weight).ToList());
        var cases = new List<(string Area, DateTime Heard)>();
        for (var a = 0; a < AreaCommands.Length; a++)
        {
            var meetings = Meetings(AreaCommands[a].Day, a % 2);
            for (var i = 0; i < perArea[a]; i++) cases.Add((AreaCommands[a].Area, rng.Pick(meetings)));
        }
        cases = cases.OrderBy(c => c.Heard).ThenBy(c => c.Area, StringComparer.Ordinal).ToList();
        var female = rng.Exactly(cases.Count, MaracFemale);
        var repeat = rng.Exactly(cases.Count, MaracRepeat);
        var rows = cases.Select((c, i) => new object?[]
        {
            RecordSheet.Ref("MARAC16-", i + 1, 4), c.Area, c.Heard, female[i] ? "Female" : "Male",
            rng.Chance(0.03) ? "Not known" : Public.Ethnicity(rng, MaracBme).Application,
            Public.AgeBand(Public.Age(rng, 34, 11)), rng.Pick<string>([("Yes", MaracDisabled), ("No", 0.78), ("Not known", 0.15)]),
            rng.Pick<string>([("Heterosexual", 0.86), ("Gay/Lesbian", 0.012), ("Bisexual", 0.006), ("Not known", 0.10), ("", 0.022)]),
            repeat[i] ? "Yes" : "No",
        });
        Layout.Save(folder, FileName, NorthumbriaProfile.Force, seed, rows);
    }

    /// <summary>An area's fortnightly meetings on <paramref name="day"/> through 2016/17, starting in the first or second week.</summary>
    private static List<DateTime> Meetings(DayOfWeek day, int week)
    {
        var first = Police.YearStart.AddDays(((int)day - (int)Police.YearStart.DayOfWeek + 7) % 7 + 7 * week);
        return Enumerable.Range(0, 27).Select(n => first.AddDays(14 * n)).Where(d => d <= Police.Snapshot).ToList();
    }
}
