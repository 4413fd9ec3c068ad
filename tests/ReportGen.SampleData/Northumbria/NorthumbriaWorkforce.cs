using static ReportGen.SampleData.Northumbria.NorthumbriaProfile;
using static ReportGen.SampleData.Police;

namespace ReportGen.SampleData.Northumbria;

/// <summary>
/// Draws the people of the Northumbria HR extract: in post on 31/03/2017 by role and rank or grade, with exact shares
/// of women and BME people in each (so the shares fall with rank in the data, not only on average), the constables who
/// joined in 2016/17, and the leavers (<see cref="NorthumbriaLeavers"/>).
/// </summary>
public static class NorthumbriaWorkforce
{
    /// <summary>Constables' service, not counting 2016/17's starters (ASSUMPTION: few with 2-7 years, the 2010-15 recruitment freeze).</summary>
    private static readonly ((double, double) Years, double Weight)[] ConstableService =
        [((1, 2), 0.04), ((2, 7), 0.03), ((7, 15), 0.40), ((15, 25), 0.38), ((25, 31), 0.15)];

    /// <summary>Age and service of staff, PCSOs and Specials in post (ASSUMPTION).</summary>
    private static readonly IReadOnlyDictionary<string, YearsShape> Shapes = new Dictionary<string, YearsShape>
    {
        [Staff] = new(45, 11, 18.2, 67.9, 11, 8, 0.05, 42), [Pcso] = new(40, 11, 19, 64, 8, 3.5, 0.05, 14),
        [Special] = new(31, 10, 18.2, 65, 3, 3, 0.05, 15),
    };

    public static List<Person> Generate(Random rng)
    {
        var people = new List<Person>();
        var ranks = Rng.Allocate(InPost[Officer], RankHeadcount);
        for (var r = 0; r < Ranks.Length; r++)
            people.AddRange(Cohort(rng, Officer, Ranks[r], ranks[r] - (r == 0 ? OfficerStarters : 0)));
        people.AddRange(Starters(rng));
        var grades = Rng.Allocate(InPost[Staff], StaffGrades.Select(g => g.Weight).ToList());
        for (var g = 0; g < StaffGrades.Length; g++)
            people.AddRange(Cohort(rng, Staff, StaffGrades[g].Grade, grades[g]));
        foreach (var role in new[] { Pcso, Special })
            people.AddRange(Cohort(rng, role, role, InPost[role]));
        people.AddRange(NorthumbriaLeavers.Generate(rng));

        rng.IssueNumbers(people.OrderBy(p => p.Start).ThenBy(p => p.DateOfBirth), (person, number) => person.Ref = number);
        return people.OrderBy(p => p.Ref).ToList();
    }

    /// <summary>The share of women and of BME people (of those stated) for a role and rank or grade.</summary>
    public static (double Women, double Bme) Shares(string role, string rank) => role switch
    {
        Officer => (RankWomen[Array.IndexOf(Ranks, rank)], RankBme[Array.IndexOf(Ranks, rank)]),
        Staff => StaffGrades.Where(g => g.Grade == rank).Select(g => (g.Women, g.Bme)).Single(),
        _ => OtherRoles[role],
    };

    /// <summary><paramref name="count"/> people of one role and rank: exactly the shares of women, BME and not stated.</summary>
    private static IEnumerable<Person> Cohort(Random rng, string role, string rank, int count)
    {
        var (women, bme) = Shares(role, rank);
        return People(rng, count, women, bme).Select(who => Person(rng, role, rank, who, Dates(Snapshot, Serving(rng, role, Array.IndexOf(Ranks, rank))))).ToList();
    }

    /// <summary>Constables who joined in 2016/17, on an intake date (or, for transferees, any weekday).</summary>
    private static IEnumerable<Person> Starters(Random rng) => People(rng, OfficerStarters, StarterWomen, StarterBme).Select(who =>
    {
        var start = rng.Chance(TransfereeShare) ? rng.Weekday(YearStart, Snapshot) : rng.Pick(Intakes);
        var born = start.AddDays(-Math.Round(rng.Normal(27, 5, 18.5, 45) * 365.25));
        return Person(rng, Officer, Ranks[0], who, (start, born));
    }).ToList();

    /// <summary>Sex and NPCC code of <paramref name="count"/> people: exact shares of women, not stated, and BME.</summary>
    private static IEnumerable<(bool Female, string Code)> People(Random rng, int count, double women, double bme) =>
        rng.Exactly(count, women).Zip(Codes(rng, count, bme));

    /// <summary>NPCC codes of <paramref name="count"/> people: exactly the shares not stated and BME, in random order.</summary>
    public static List<string> Codes(Random rng, int count, double bme)
    {
        var notStated = rng.Exactly(count, EthnicityNotStated);
        var minority = rng.Exactly(count, bme);
        return Enumerable.Range(0, count)
            .Select(i => notStated[i] ? "NS" : minority[i] ? Census.NpccCode(rng, 1.0) : Census.CodeWithin(rng, "White")).ToList();
    }

    /// <summary>An NPCC code: "NS" for the share not stated, otherwise BME with probability <paramref name="bme"/>.</summary>
    public static string EthnicCode(Random rng, double bme) => rng.Chance(EthnicityNotStated) ? "NS" : Census.NpccCode(rng, bme);

    /// <summary>Service and age in years of someone in post; <paramref name="rankIndex"/> is an officer's rank (−1 for other roles).</summary>
    private static (double Service, double Age) Serving(Random rng, string role, int rankIndex)
    {
        if (role != Officer) return Shapes[role].Draw(rng);
        var service = rankIndex == 0
            ? rng.Within(rng.Pick(ConstableService))
            : rng.Normal(14 + 2.5 * rankIndex, 5 - 0.5 * rankIndex, RankMinService[rankIndex], 33);
        // Officers join at about 25 and retire by 60: someone with long service joined young.
        var entry = rng.Normal(25.5, 5, 18.2, 45);
        if (entry + service > 59.8) entry = 18.2 + rng.NextDouble() * (59.8 - service - 18.2);
        return (service, entry + service);
    }

    /// <summary>Start date and date of birth of someone with <paramref name="years"/> of service and age at <paramref name="asAt"/>.</summary>
    public static (DateTime Start, DateTime Born) Dates(DateTime asAt, (double Service, double Age) years)
    {
        var start = asAt.AddDays(-Math.Round(years.Service * 365.25));
        return (start, start.AddDays(-Math.Round((years.Age - years.Service) * 365.25)));
    }

    /// <summary>One person: department, disability and working pattern drawn for their role, sex and ethnicity.</summary>
    public static Person Person(Random rng, string role, string rank, (bool Female, string Code) who, (DateTime Start, DateTime Born) dates,
        DateTime? leaving = null, string? reason = null)
    {
        var bme = Messiness.NpccGroup(who.Code) is not ("White" or "NS");
        var department = Departments.Pick(rng, role, rank, who.Female, bme);
        var disabled = rng.Chance(Disabled[role]);
        string? pattern = null;
        double? fte = null;
        if (role != Special)
        {
            pattern = rng.Pick(PatternNames.Select((p, i) => (p, Patterns[(role, who.Female)][i])).ToList());
            fte = pattern switch
            {
                "Part Time" when role == Staff => Math.Round(rng.Pick<double>([(18.5, 3), (20, 2), (22.5, 3), (25, 2), (30, 3)]) / 37.0, 2),
                "Part Time" => rng.Pick<double>([(0.5, 3), (0.6, 3), (0.75, 2), (0.8, 3), (0.9, 1)]),
                "Job Share" => 0.5,
                _ => 1.0,
            };
        }
        return new Person
        {
            Role = role, Rank = rank, Department = department, Female = who.Female, EthnicCode = who.Code, Disabled = disabled,
            Start = dates.Start, DateOfBirth = dates.Born, Leaving = leaving, LeavingReason = reason, Pattern = pattern, Fte = fte,
        };
    }
}

/// <summary>How old someone is and how long they have served, in years: mean, spread and limits of each (a normal draw).</summary>
public sealed record YearsShape(double Age, double AgeSd, double MinAge, double MaxAge, double Service, double ServiceSd, double MinService, double MaxService)
{
    /// <summary>Age first, then service that fits it (no one started before 18).</summary>
    public (double Service, double Age) Draw(Random rng)
    {
        var age = rng.Normal(Age, AgeSd, MinAge, MaxAge);
        return (rng.ServiceFor(age, rng.Normal(Service, ServiceSd, MinService, MaxService)), age);
    }
}
