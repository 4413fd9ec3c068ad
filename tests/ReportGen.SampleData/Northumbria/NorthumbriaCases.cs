using static ReportGen.SampleData.Northumbria.NorthumbriaProfile;
using static ReportGen.SampleData.Police;

namespace ReportGen.SampleData.Northumbria;

/// <summary>cases.xlsx: sheets "Misconduct", "Grievances" and "Performance", one row per case opened in 2016/17.</summary>
public static class NorthumbriaCases
{
    public const string FileName = "cases.xlsx";

    private static readonly Column[] Columns =
    [
        new("Case Ref", 14), new("Date Opened", 13, Workbooks.DateFormat), new("Employee Type", 18), new("Sex", 8),
        new("Ethnicity", 32), new("Disability", 17), new("Case Type", 28), new("Stage", 26), new("Outcome", 30),
    ];

    /// <summary>
    /// The kinds of case (ASSUMPTION throughout): how many (the brief), who they concern, the BME share of those stated
    /// (misconduct 4.5% against the workforce's 2.7%: BME staff somewhat over-represented, as published force data
    /// often shows), the disabled share, how much likelier a woman is than her role's share, and the outcome of each
    /// type of case with the stage it ends at. A case still open on 31 March is "Ongoing" at its first stage.
    /// </summary>
    private static readonly CaseKind[] Kinds =
    [
        new("Misconduct", "MIS", NorthumbriaService.Misconduct, "misconduct cases", 0.045, 0.04, 0.6,
            [(Officer, 0.68), (Staff, 0.25), (Pcso, 0.04), (Special, 0.03)],
            [
                ("Misconduct", 0.72, [("No case to answer", "Assessment", 0.28), ("Management action", "Investigation", 0.32),
                    ("Written warning", "Misconduct meeting", 0.22), ("Final written warning", "Misconduct meeting", 0.10),
                    ("Left before outcome", "Investigation", 0.08)]),
                ("Gross misconduct", 0.28, [("No case to answer", "Investigation", 0.20), ("Final written warning", "Misconduct hearing", 0.30),
                    ("Dismissed", "Misconduct hearing", 0.30), ("Left before outcome", "Investigation", 0.15),
                    ("Management action", "Investigation", 0.05)]),
            ]),
        new("Grievances", "GRV", NorthumbriaService.Grievances, "grievances", 0.05, 0.10, 1.2,
            [(Officer, 0.42), (Staff, 0.52), (Pcso, 0.04), (Special, 0.02)],
            [
                ("Bullying and harassment", 0.30, Grievance), ("Discrimination", 0.10, Grievance), ("Working relationships", 0.20, Grievance),
                ("Management decision", 0.25, Grievance), ("Terms and conditions", 0.15, Grievance),
            ]),
        new("Performance", "UPP", NorthumbriaService.Performance, "unsatisfactory performance and capability cases", 0.035, 0.12, 0.9,
            [(Officer, 0.55), (Staff, 0.40), (Pcso, 0.05)],
            [
                ("Unsatisfactory performance", 0.60, Capability), ("Unsatisfactory attendance", 0.35, Capability),
                ("Gross incompetence", 0.05, [("Dismissed", "Third stage meeting", 0.5), ("Final written improvement notice", "Third stage meeting", 0.5)]),
            ]),
    ];

    private static (string, string, double)[] Grievance =>
    [
        ("Resolved informally", "Stage 1 (informal)", 0.16), ("Withdrawn", "Stage 1 (informal)", 0.10), ("Upheld", "Stage 2 (formal)", 0.16),
        ("Partially upheld", "Stage 2 (formal)", 0.16), ("Not upheld", "Stage 2 (formal)", 0.34), ("Not upheld", "Appeal", 0.08),
    ];

    private static (string, string, double)[] Capability =>
    [
        ("Improvement achieved", "First stage meeting", 0.40), ("Written improvement notice", "First stage meeting", 0.25),
        ("Final written improvement notice", "Second stage meeting", 0.18), ("Dismissed", "Third stage meeting", 0.05),
        ("Redeployed", "Third stage meeting", 0.04), ("Left before outcome", "Second stage meeting", 0.08),
    ];

    private sealed record CaseKind(string Sheet, string Prefix, int Count, string What, double Bme, double Disabled, double WomenFactor,
        (string Role, double Weight)[] Roles, (string Type, double Weight, (string Outcome, string Stage, double Weight)[] Outcomes)[] Types);

    public static void Write(string folder, int seed)
    {
        using var workbook = Workbooks.Create(Force);
        foreach (var kind in Kinds)
        {
            var rng = new Random(Rng.DeriveSeed(seed, $"northumbria/{FileName}/{kind.Sheet}"));
            var opened = Enumerable.Range(0, kind.Count).Select(_ => rng.Weekday(YearStart, Snapshot)).Order().ToList();
            var layout = new RecordSheet(kind.Sheet, $"{kind.What} opened 1 April 2016 to 31 March 2017", Columns)
            {
                Notes = ["Notes: Outcome as at 31/03/2017; a case still open then is shown as Ongoing at the stage it had reached."],
            };
            // Exactly the kind's BME share, so the over-representation holds in the data and not only on average.
            var codes = NorthumbriaWorkforce.Codes(rng, kind.Count, kind.Bme);
            layout.Write(workbook, Force, seed, opened.Select((date, i) => Row(rng, kind, i + 1, date, codes[i])).ToList());
        }
        Workbooks.Save(workbook, Path.Combine(folder, FileName));
    }

    private static object?[] Row(Random rng, CaseKind kind, int number, DateTime opened, string code)
    {
        var role = rng.Pick(kind.Roles);
        var female = rng.Chance(Math.Min(0.95, WomenShare[role] * kind.WomenFactor));
        var disabled = rng.Chance(kind.Disabled);
        var type = rng.Pick(kind.Types.Select(t => (t, t.Weight)).ToList());
        // Cases opened in the last ten weeks of the year are often still open on 31 March.
        var (outcome, stage) = opened > Snapshot.AddDays(-70) && rng.Chance(0.6)
            ? ("Ongoing", type.Outcomes[0].Stage)
            : rng.Pick(type.Outcomes.Select(o => ((o.Outcome, o.Stage), o.Weight)).ToList());
        return
        [
            $"{kind.Prefix}-2016-{number:000}", opened, role, female ? "Female" : "Male", Messiness.NpccWithLabel(rng, code),
            Messiness.DisabilityLabel(rng, disabled), type.Type, stage, outcome,
        ];
    }
}
