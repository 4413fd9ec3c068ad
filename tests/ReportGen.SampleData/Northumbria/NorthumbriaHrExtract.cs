namespace ReportGen.SampleData.Northumbria;

/// <summary>hr-extract.xlsx, sheet "Workforce": one row per person in post on 31/03/2017 or who left in 2016/17.</summary>
public static class NorthumbriaHrExtract
{
    public const string FileName = "hr-extract.xlsx";

    public static readonly RecordSheet Layout = new("Workforce", "HR extract as at 31 March 2017",
    [
        new("Employee No", 11), new("Role", 17), new("Rank / Grade", 20), new("Department", 22), new("Specialist Role", 10),
        new("Sex", 8), new("Ethnicity", 32), new("Disability", 17), new("Date of Birth", 13, Workbooks.DateFormat),
        new("Sexual Orientation", 22), new("Religion or Belief", 20),
        new("Working Pattern", 17), new("FTE", 7), new("Start Date", 13, Workbooks.DateFormat),
        new("Leaving Date", 13, Workbooks.DateFormat), new("Leaving Reason", 28),
    ])
    {
        Preamble = ["Source: HR system export (synthetic). Report run 31/03/2017 23:45, all employees and leavers 2016/17"],
        Groups = [("Employee", 1, 5), ("Protected characteristics", 6, 11), ("Employment", 12, 16)],
        Notes =
        [
            "Notes: Ethnicity uses the NPCC 16+1 codes; characteristics are self-declared and blank means not recorded.",
            "Notes: Special Constables are volunteers, so they have no working pattern or FTE. Compressed Hours are full-time " +
            "hours worked over fewer days (FTE 1); a Job Share post is FTE 0.5.",
            "Notes: Leavers are people whose leaving date falls between 01/04/2016 and 31/03/2017.",
        ],
    };

    public static void Write(string folder, int seed)
    {
        var rng = new Random(Rng.DeriveSeed(seed, "northumbria/" + FileName));
        var people = NorthumbriaWorkforce.Generate(rng);
        // A stray empty row in the middle, as hand-edited exports have.
        (Layout with { BlankRowAfter = people.Count / 2 }).Save(folder, FileName, NorthumbriaProfile.Force, seed, people.Select(p => Row(rng, p)));
    }

    private static object?[] Row(Random rng, Person p) =>
    [
        RecordSheet.Ref("NP", p.Ref, 6), p.Role, p.Rank, p.Department, Departments.IsSpecialist(p.Department!) ? "Yes" : "No",
        Messiness.SexLabel(rng, p.Female), Messiness.NpccWithLabel(rng, p.EthnicCode), Messiness.DisabilityLabel(rng, p.Disabled),
        p.DateOfBirth, Messiness.SexualOrientation(rng), Messiness.Religion(rng, Messiness.NpccGroup(p.EthnicCode)),
        p.Pattern ?? "",
        // About 0.5% of FTE cells were typed over as text, as in real exports.
        p.Fte is { } fte ? rng.Chance(0.005) ? Messiness.FteAsText(fte) : (object)fte : null,
        p.Start, p.Leaving, p.LeavingReason ?? "",
    ];
}
