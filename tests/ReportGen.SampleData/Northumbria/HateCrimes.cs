using System.Globalization;
using static ReportGen.SampleData.Northumbria.NorthumbriaService;

namespace ReportGen.SampleData.Northumbria;

/// <summary>hate-crimes.xlsx, sheet "Hate Crimes": one row per hate crime recorded in 2016/17, with its outcome.</summary>
public static class HateCrimes
{
    public const string FileName = "hate-crimes.xlsx";

    public static readonly RecordSheet Layout = new("Hate Crimes", "recorded hate crimes 1 April 2016 to 31 March 2017",
    [
        new("Crime Reference", 17), new("Recorded Date", 13, Workbooks.DateFormat), new("Offence Group", 28), new("Hate Strand", 20),
        new("Victim Ethnicity", 32), new("Victim Sex", 10), new("Victim Age Band", 10), new("Outcome Code", 9), new("Outcome Description", 70),
    ])
    {
        Preamble = ["Source: crime recording system, hate crime flag (synthetic). Outcomes as at 31/03/2017"],
        Notes =
        [
            "Notes: Each crime is shown under one hate strand (its main one). Outcome codes are the Home Office outcomes framework; " +
            "1-8 are positive outcomes (formal action against the offender). A blank code means the investigation is still open.",
        ],
    };

    /// <summary>
    /// Home Office outcomes framework codes and their descriptions, weighted for closed hate crimes (ASSUMPTION: positive
    /// outcomes 1-8 about 18% of closed crimes, the brief's 15-20%; 7, cannabis/khat warning, does not arise).
    /// </summary>
    private static readonly ((int Code, string Description) Outcome, double Weight)[] Outcomes =
    [
        ((1, "Charged/Summonsed"), 11.5), ((2, "Caution - youths"), 0.6), ((3, "Caution - adults"), 2.2),
        ((4, "Taken into consideration"), 0.1), ((6, "Penalty Notice for Disorder"), 0.6), ((8, "Community Resolution"), 3.0),
        ((10, "Formal action against the offender is not in the public interest (police decision)"), 1.0),
        ((14, "Evidential difficulties: suspect not identified; victim does not support further action"), 13),
        ((15, "Evidential difficulties: suspect identified; victim supports action"), 20),
        ((16, "Evidential difficulties: suspect identified; victim does not support further action"), 27),
        ((18, "Investigation complete - no suspect identified"), 19),
        ((20, "Further action undertaken by another body or agency"), 0.5),
        ((21, "Further investigation to support formal action not in the public interest (police decision)"), 1.5),
    ];

    /// <summary>Hate crimes by month (ASSUMPTION, MODELLED ON the national rise after the EU referendum of 23 June 2016).</summary>
    private static readonly double[] Months = [120, 125, 140, 175, 150, 135, 140, 130, 115, 120, 120, 130];

    public static void Write(string folder, int seed)
    {
        var rng = new Random(Rng.DeriveSeed(seed, "northumbria/" + FileName));
        var days = Public.Days(rng, NorthumbriaService.HateCrimes, Months);
        var rows = days.Select((day, i) => Row(rng, day, i)).ToList();
        Layout.Save(folder, FileName, NorthumbriaProfile.Force, seed, rows);
    }

    private static object?[] Row(Random rng, DateTime recorded, int index)
    {
        var strand = rng.Pick(HateStrands);
        var victim = rng.Chance(0.04) ? null : Public.Ethnicity(rng, strand == "Race" ? RaceHateBme : VictimBme);
        var ethnicity = Messiness.NpccWithLabel(rng, victim?.Npcc ?? "NS");
        var sex = rng.Pick<string>([("Male", 0.55), ("Female", 0.43), ("Unknown", 0.02)]);
        var age = rng.Chance(0.04) ? "" : Public.AgeBand(Public.Age(rng, 36, 15, 8), crimeRecord: true);
        // Crimes recorded in the last six weeks are often still being investigated on 31 March.
        (int Code, string Description)? outcome = recorded > Police.Snapshot.AddDays(-42) && rng.Chance(0.55) ? null : rng.Pick(Outcomes);
        return
        [
            $"NP-{recorded.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{index + 1:0000}", recorded, rng.Pick(HateOffences), strand,
            ethnicity, sex, age, outcome?.Code, outcome?.Description ?? "Investigation ongoing",
        ];
    }
}
