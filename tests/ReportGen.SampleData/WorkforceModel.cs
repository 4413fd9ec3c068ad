using static ReportGen.SampleData.ForceProfile;
using static ReportGen.SampleData.Police;

namespace ReportGen.SampleData;

/// <summary>One synthetic person on the HR system, before the export's messy labels are applied.</summary>
public sealed class Person
{
    public int Ref { get; set; }
    public required string Role { get; init; }
    public required string Rank { get; init; }
    public bool Female { get; init; }
    public required string EthnicCode { get; init; }
    public bool Disabled { get; init; }
    public DateTime DateOfBirth { get; init; }
    public DateTime Start { get; init; }
    public DateTime? Leaving { get; init; }
    public string? LeavingReason { get; set; }
    public double? Fte { get; init; }
    public bool GenderIdentityDifferent { get; set; }

    /// <summary>Northumbria's extract only: the department, and Full Time, Part Time, Compressed Hours or Job Share.</summary>
    public string? Department { get; init; }
    public string? Pattern { get; init; }
}

/// <summary>Draws the people of the HR extract: who is in post on 31/03/2017 and who left during 2016/17.</summary>
public static class WorkforceModel
{
    /// <summary>The default extract (about 4,060 in post, 281 leavers), or <paramref name="rows"/> people in the same proportions.</summary>
    public static List<Person> Generate(Random rng, int? rows = null)
    {
        var buckets = Roles.SelectMany(r => new[] { (Role: r, Leaver: false, Count: InPost[r]), (Role: r, Leaver: true, Count: Leavers[r]) }).ToList();
        var counts = rows is { } n ? Rng.Allocate(n, buckets.Select(b => (double)b.Count).ToList()) : buckets.Select(b => b.Count).ToArray();
        var people = new List<Person>();
        for (var b = 0; b < buckets.Count; b++)
        {
            if (buckets[b].Leaver) people.AddRange(LeaverModel.Generate(rng, buckets[b].Role, counts[b]));
            else people.AddRange(InPostPeople(rng, buckets[b].Role, counts[b]));
        }

        var defaultTotal = InPost.Values.Sum() + Leavers.Values.Sum();
        var different = Math.Max(GenderIdentityDifferent, (int)Math.Round((double)people.Count * GenderIdentityDifferent / defaultTotal));
        foreach (var person in rng.SampleWeighted(people, _ => 1.0, different)) person.GenderIdentityDifferent = true;

        // References follow the order people joined, as an HR system issues them.
        rng.IssueNumbers(people.OrderBy(p => p.Start).ThenBy(p => p.DateOfBirth), (person, number) => person.Ref = number);
        return people.OrderBy(p => p.Ref).ToList();
    }

    private static IEnumerable<Person> InPostPeople(Random rng, string role, int count)
    {
        if (role != Officer)
        {
            for (var i = 0; i < count; i++) yield return Draw(rng, role, RankOrGrade(rng, role), Snapshot, null, null);
            yield break;
        }
        var ranks = Rng.Allocate(count, RankHeadcount);
        for (var r = 0; r < Ranks.Length; r++)
            for (var i = 0; i < ranks[r]; i++) yield return Draw(rng, role, Ranks[r], Snapshot, null, null);
    }

    public static string RankOrGrade(Random rng, string role) => role switch
    {
        Staff => "Grade " + rng.Pick<char>([('A', 4), ('B', 12), ('C', 18), ('D', 20), ('E', 16), ('F', 11), ('G', 8), ('H', 6), ('I', 3), ('J', 2)]),
        Officer => rng.Pick(Ranks.Select((r, i) => (r, RankHeadcount[i])).ToList()),
        _ => role,
    };

    /// <summary>
    /// One person as at <paramref name="asAt"/> (the snapshot, or the leaving date). <paramref name="service"/> and
    /// <paramref name="age"/> in years may be fixed by the caller (leavers); otherwise they are drawn for the role and rank.
    /// </summary>
    public static Person Draw(Random rng, string role, string rank, DateTime asAt, DateTime? leaving, (double Service, double Age)? fixedYears)
    {
        var rankIndex = Array.IndexOf(Ranks, rank);
        var female = rng.Chance(role == Officer ? RankWomen[rankIndex] / RankHeadcount[rankIndex] : WomenShare[role]);
        var (service, age) = fixedYears ?? ServiceAndAge(rng, role, rankIndex);
        var start = asAt.AddDays(-Math.Round(service * 365.25));
        var dob = start.AddDays(-Math.Round((age - service) * 365.25));
        var code = rng.Chance(EthnicityNotStated) ? "NS" : EthnicCode(rng, role);
        return new Person
        {
            Role = role, Rank = rank, Female = female, EthnicCode = code, Disabled = rng.Chance(Disabled),
            DateOfBirth = dob, Start = start, Leaving = leaving, Fte = Fte(rng, role, female),
        };
    }

    private static (double Service, double Age) ServiceAndAge(Random rng, string role, int rankIndex)
    {
        double service, age;
        switch (role)
        {
            case Officer:
                service = rankIndex switch
                {
                    // Constables: few with 2-6 years' service (the 2010-15 recruitment freeze; ASSUMPTION).
                    0 => rng.Within(rng.Pick<(double, double)>([((0, 2), 0.16), ((2, 6), 0.06), ((6, 15), 0.38), ((15, 25), 0.30), ((25, 31), 0.10)])),
                    _ => rng.Normal(15 + 2.2 * rankIndex, 5.0 - 0.4 * rankIndex, RankMinService[rankIndex], 34),
                };
                var entry = rng.Normal(26, 5, 18.2, 45);
                // Officers retire by 60: someone with long service joined young.
                if (entry + service > 59.8) entry = 18.2 + rng.NextDouble() * (59.8 - service - 18.2);
                return (service, entry + service);
            case Staff:
                age = rng.Normal(44, 12, 18.2, 67.9);
                service = rng.ServiceFor(age, rng.Normal(9, 7, 0.05, 40));
                return (service, age);
            case Pcso:
                age = rng.Normal(38, 11, 19, 64);
                service = rng.ServiceFor(age, rng.Normal(6, 4, 0.05, 14));
                return (service, age);
            default:
                age = rng.Normal(30, 10, 18.2, 67.9);
                service = rng.ServiceFor(age, rng.Normal(3, 3, 0.05, 15));
                return (service, age);
        }
    }

    /// <summary>An NPCC code for someone who stated their ethnicity, by the role's mix (see <see cref="ForceProfile"/>).</summary>
    private static string EthnicCode(Random rng, string role) => role == Officer
        ? Census.CodeWithin(rng, rng.Pick(OfficerEthnicity.Select(e => (e.Group, e.Weight)).ToList()))
        : Census.NpccCode(rng, OtherRolesBme[role]);

    private static double? Fte(Random rng, string role, bool female)
    {
        if (role == Special) return null; // volunteers: no contracted hours
        var (women, men) = PartTime[role];
        if (!rng.Chance(female ? women : men)) return 1.0;
        return role == Staff
            ? Math.Round(rng.Pick<double>([(18.5, 3), (20, 2), (22.5, 3), (25, 2), (30, 3), (32, 1)]) / 37.0, 2)
            : rng.Pick<double>([(0.5, 3), (0.6, 3), (0.7, 1), (0.75, 2), (0.8, 3), (0.9, 1)]);
    }
}
