using static ReportGen.SampleData.ForceProfile;
using static ReportGen.SampleData.Police;

namespace ReportGen.SampleData;

/// <summary>
/// People who left during 2016/17: the reason first, then a rank, length of service and age that fit it (a retiring
/// officer has about 30 years' service; a resigning one usually few). ASSUMPTION throughout: no leaver figures in the
/// shared data.
/// </summary>
public static class LeaverModel
{
    public const string Retirement = "Retirement";
    public const string Resignation = "Resignation";
    public const string Dismissal = "Dismissal";
    public const string Transfer = "Transfer to another force";
    public const string EndOfContract = "End of contract";
    public const string Death = "Death in service";

    public static IEnumerable<Person> Generate(Random rng, string role, int count)
    {
        var people = new List<Person>();
        for (var i = 0; i < count; i++)
        {
            var reason = rng.Pick(Reasons(role));
            var leaving = rng.Day(YearStart, Snapshot);
            var rank = Rank(rng, role, reason);
            var years = Years(rng, role, reason, Array.IndexOf(Ranks, rank));
            var person = WorkforceModel.Draw(rng, role, rank, leaving, leaving, years);
            person.LeavingReason = reason;
            people.Add(person);
        }
        // One death in service among officers and one among staff (the brief: one or two in the year).
        if (role is Officer or Staff)
        {
            var resigned = people.Where(p => p.LeavingReason == Resignation).ToList();
            if (resigned.Count > 0) rng.Pick(resigned).LeavingReason = Death;
        }
        return people;
    }

    private static IReadOnlyList<(string, double)> Reasons(string role) => role switch
    {
        Officer => [(Retirement, 0.45), (Resignation, 0.33), (Transfer, 0.17), (Dismissal, 0.05)],
        Staff => [(Retirement, 0.22), (Resignation, 0.52), (EndOfContract, 0.23), (Dismissal, 0.03)],
        Pcso => [(Resignation, 0.82), (Retirement, 0.05), (EndOfContract, 0.08), (Dismissal, 0.05)],
        _ => [(Resignation, 0.90), (Transfer, 0.05), (Dismissal, 0.05)],
    };

    private static string Rank(Random rng, string role, string reason)
    {
        if (role != Officer) return WorkforceModel.RankOrGrade(rng, role);
        double[] weights = reason == Retirement ? [60, 22, 11, 4, 2, 1, 0.5] : [88, 9, 3, 0, 0, 0, 0];
        return rng.Pick(Ranks.Select((r, i) => (r, weights[i])).ToList());
    }

    /// <summary>Years of service and age at leaving, or null to draw them as for someone in post.</summary>
    private static (double Service, double Age)? Years(Random rng, string role, string reason, int rankIndex)
    {
        var minService = rankIndex > 0 ? RankMinService[rankIndex] : 0;
        switch (role, reason)
        {
            case (Officer, Retirement):
                var service = rng.Normal(30.5, 1.5, 26, 35);
                return (service, service + rng.Normal(22, 3, 18.5, Math.Min(30, 59.9 - service)));
            case (Officer, _):
                var years = Math.Max(minService + rng.NextDouble(), reason == Transfer
                    ? rng.Normal(7, 4, 2, 20)
                    : rng.Normal(3, 3, 0.1, 15));
                return (years, years + rng.Normal(25, 4, 18.5, 40));
            case (_, Retirement):
                var age = rng.Normal(62, 2.5, 55, 67.9);
                return (rng.ServiceFor(age, rng.Normal(18, 8, 5, 40)), age);
            case (Staff or Pcso, _):
                var a = rng.Normal(35, 11, 18.5, 64);
                return (rng.ServiceFor(a, rng.Normal(3, 3, 0.1, 14)), a);
            default:
                return null;
        }
    }
}
