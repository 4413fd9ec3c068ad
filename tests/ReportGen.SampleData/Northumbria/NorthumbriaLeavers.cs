using static ReportGen.SampleData.Northumbria.NorthumbriaProfile;
using static ReportGen.SampleData.Police;

namespace ReportGen.SampleData.Northumbria;

/// <summary>
/// People who left Northumbria Police during 2016/17: the reason first, then a rank, service and age that fit it (a
/// retiring officer has about 30 years' service; a resigning one usually few). ASSUMPTION throughout: the shared data
/// has no leaver figures. Police staff voluntary redundancy MODELLED ON the staff reductions forces made in 2016/17.
/// </summary>
public static class NorthumbriaLeavers
{
    public const string Retirement = "Retirement", MedicalRetirement = "Medical retirement", Resignation = "Resignation";
    public const string Transfer = "Transfer to another force", Dismissal = "Dismissal", Death = "Death in service";
    public const string Redundancy = "Voluntary redundancy", EndOfContract = "End of contract", BecameOfficer = "Appointed as a police officer";

    private static readonly IReadOnlyDictionary<string, (string Reason, double Weight)[]> Reasons = new Dictionary<string, (string, double)[]>
    {
        [Officer] = [(Retirement, 0.48), (Resignation, 0.28), (Transfer, 0.13), (MedicalRetirement, 0.07), (Dismissal, 0.04)],
        [Staff] = [(Retirement, 0.24), (Resignation, 0.46), (Redundancy, 0.12), (EndOfContract, 0.15), (Dismissal, 0.03)],
        [Pcso] = [(Resignation, 0.56), (BecameOfficer, 0.24), (Retirement, 0.08), (EndOfContract, 0.08), (Dismissal, 0.04)],
        [Special] = [(Resignation, 0.72), (BecameOfficer, 0.22), (Dismissal, 0.06)],
    };

    /// <summary>Officers' service when they leave (mean, spread, limits) and age on joining, by reason.</summary>
    private static readonly IReadOnlyDictionary<string, (double Mean, double Sd, double Min, double Max, double Entry)> OfficerYears =
        new Dictionary<string, (double, double, double, double, double)>
        {
            [Retirement] = (30.5, 1.2, 28, 35, 21.5), [MedicalRetirement] = (17, 6, 4, 30, 25), [Resignation] = (4, 4, 0.2, 20, 26),
            [Transfer] = (8, 4, 2, 20, 26), [Dismissal] = (6, 4, 0.5, 20, 26), [Death] = (15, 7, 1, 30, 25),
        };

    /// <summary>Other roles' age and service when they leave: retirement, voluntary redundancy, or anything else.</summary>
    private static YearsShape OtherYears(string reason) => reason switch
    {
        Retirement => new(62, 2.5, 55, 67.9, 20, 8, 5, 40),
        Redundancy => new(55, 5, 40, 66, 17, 7, 5, 38),
        _ => new(33, 10, 18.5, 64, 3, 3, 0.1, 14),
    };

    public static IEnumerable<Person> Generate(Random rng)
    {
        var people = new List<Person>();
        foreach (var role in Roles)
        {
            var death = role == Officer ? rng.Next(Leavers[role]) : -1; // one officer died in service (ASSUMPTION)
            for (var i = 0; i < Leavers[role]; i++)
            {
                var reason = i == death ? Death : rng.Pick(Reasons[role]);
                var leaving = rng.Day(YearStart, Snapshot);
                var rank = Rank(rng, role, reason);
                var (women, bme) = NorthumbriaWorkforce.Shares(role, rank);
                var who = (rng.Chance(women), NorthumbriaWorkforce.EthnicCode(rng, bme));
                var years = Years(rng, role, reason, Array.IndexOf(Ranks, rank));
                people.Add(NorthumbriaWorkforce.Person(rng, role, rank, who, NorthumbriaWorkforce.Dates(leaving, years), leaving, reason));
            }
        }
        return people;
    }

    private static string Rank(Random rng, string role, string reason)
    {
        if (role == Staff) return rng.Pick(StaffGrades.Select(g => (g.Grade, g.Weight)).ToList());
        if (role != Officer) return role;
        double[] weights = reason is Retirement or MedicalRetirement ? [55, 25, 12, 4, 2.5, 1, 0.5] : [90, 8, 2, 0, 0, 0, 0];
        return rng.Pick(Ranks.Select((r, i) => (r, weights[i])).ToList());
    }

    private static (double Service, double Age) Years(Random rng, string role, string reason, int rankIndex)
    {
        if (role == Officer)
        {
            var (mean, sd, min, max, entry) = OfficerYears[reason];
            var service = Math.Max(RankMinService[rankIndex] + rng.NextDouble(), rng.Normal(mean, sd, min, max));
            return (service, service + rng.Normal(entry, 3.5, 18.2, Math.Max(18.5, 59.9 - service)));
        }
        return OtherYears(reason).Draw(rng);
    }
}
