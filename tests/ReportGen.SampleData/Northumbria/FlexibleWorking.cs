using static ReportGen.SampleData.Northumbria.NorthumbriaProfile;
using static ReportGen.SampleData.Police;

namespace ReportGen.SampleData.Northumbria;

/// <summary>flexible-working.xlsx, sheet "Requests": one row per flexible working request made in 2016/17.</summary>
public static class FlexibleWorking
{
    public const string FileName = "flexible-working.xlsx";

    public static readonly RecordSheet Layout = new("Requests", "flexible working requests 1 April 2016 to 31 March 2017",
    [
        new("Request Ref", 13), new("Request Date", 13, Workbooks.DateFormat), new("Role", 17), new("Sex", 8), new("Ethnicity", 32),
        new("Disability", 17), new("Request Type", 26), new("Outcome", 22),
    ])
    {
        Preamble = ["Source: flexible working request log (synthetic)"],
        Notes = ["Notes: Approved with changes means a pattern other than the one asked for was agreed."],
    };

    /// <summary>Women make about 80% of requests (the brief); the role mix of requesters by sex (ASSUMPTION).</summary>
    private const double Women = 0.80;

    private static (string Role, double Weight)[] RolesOf(bool female) =>
        female ? [(Officer, 0.40), (Staff, 0.55), (Pcso, 0.05)] : [(Officer, 0.50), (Staff, 0.45), (Pcso, 0.05)];

    /// <summary>What is asked for (ASSUMPTION).</summary>
    private static readonly (string Type, double Weight)[] Types =
    [
        ("Reduced hours (part time)", 0.45), ("Compressed hours", 0.25), ("Change to shift pattern", 0.15), ("Job share", 0.05),
        ("Term-time working", 0.05), ("Working from home", 0.05),
    ];

    /// <summary>Outcomes (ASSUMPTION): officers' and men's requests declined somewhat more often (operational cover).</summary>
    private static (string Outcome, double Weight)[] Outcomes(string role, bool female) =>
    [
        ("Approved", 0.66), ("Approved with changes", 0.15),
        ("Declined", 0.12 * (role == Officer ? 1.4 : 1.0) * (female ? 1.0 : 1.3)), ("Withdrawn", 0.07),
    ];

    public static void Write(string folder, int seed)
    {
        var rng = new Random(Rng.DeriveSeed(seed, "northumbria/" + FileName));
        var female = rng.Exactly(NorthumbriaService.FlexibleWorking, Women);
        var dates = Enumerable.Range(0, female.Length).Select(_ => rng.Weekday(YearStart, Snapshot)).Order().ToList();
        var rows = dates.Select((date, i) =>
        {
            var role = rng.Pick(RolesOf(female[i]));
            var code = NorthumbriaWorkforce.EthnicCode(rng, 0.03);
            return new object?[]
            {
                RecordSheet.Ref("FWR16-", i + 1, 4), date, role, Messiness.SexLabel(rng, female[i]), Messiness.NpccWithLabel(rng, code),
                Messiness.DisabilityLabel(rng, rng.Chance(0.08)), rng.Pick(Types), rng.Pick(Outcomes(role, female[i])),
            };
        });
        Layout.Save(folder, FileName, Force, seed, rows);
    }
}
