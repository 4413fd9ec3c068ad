namespace ReportGen.SampleData;

/// <summary>stop-search.xlsx, sheet "Stops": one row per stop and search in 2016/17, in the police.uk layout.</summary>
public static class StopSearchWriter
{
    public const string FileName = "stop-search.xlsx";
    public const string SheetName = "Stops";
    public const int HeaderRow = 3;

    public static readonly (string Header, double Width)[] Columns =
    [
        ("Date", 17), ("Self-defined ethnicity", 60), ("Officer-defined ethnicity", 14), ("Gender", 9), ("Age range", 10),
        ("Legislation", 50), ("Object of search", 34), ("Outcome", 34),
    ];

    public const string Drugs = "Misuse of Drugs Act 1971 (section 23)", Pace = "Police and Criminal Evidence Act 1984 (section 1)";
    public const string Firearms = "Firearms Act 1968 (section 47)", Section60 = "Criminal Justice and Public Order Act 1994 (section 60)";

    /// <summary>
    /// Hertfordshire: 4,012 stops, 12% "Not stated". Stops per head of population relative to White residents: Black
    /// 3.5 (the brief); Mixed 2.0, Asian 1.4 and Other 1.5 are ASSUMPTIONS. Searches: 62% drugs (ASSUMPTION).
    /// </summary>
    public static readonly StopSearchProfile Hertfordshire = new(ForceProfile.Force, ForceProfile.Census, 4012, 0.12, "Not stated",
        [(Census2011.White, 1.0), (Census2011.Mixed, 2.0), (Census2011.Asian, 1.4), (Census2011.Black, 3.5), (Census2011.Other, 1.5)],
        [
            ((Drugs, "Controlled drugs"), 0.62), ((Pace, "Stolen goods"), 0.12), ((Pace, "Offensive weapons"), 0.10),
            ((Pace, "Article for use in theft"), 0.07), ((Pace, "Articles for use in criminal damage"), 0.03),
            ((Pace, "Anything to threaten or harm anyone"), 0.01), ((Pace, "Fireworks"), 0.005),
            ((Firearms, "Firearms"), 0.01), ((Section60, "Offensive weapons"), 0.004),
        ]);

    public static void Write(string folder, int seed, StopSearchProfile profile)
    {
        var rng = new Random(Rng.DeriveSeed(seed, FileName));
        var notStated = (int)Math.Round(profile.Stops * profile.NotStated);
        var perGroup = Rng.Allocate(profile.Stops - notStated, profile.Rates.Select(r => profile.Census.ResidentsIn(r.Group) * r.RateRatio).ToList());
        var people = new List<EthnicCategory?>();
        for (var g = 0; g < profile.Rates.Count; g++)
            for (var i = 0; i < perGroup[g]; i++) people.Add(rng.Pick(profile.Census.WeightsWithin(profile.Rates[g].Group)));
        people.AddRange(Enumerable.Repeat<EthnicCategory?>(null, notStated));
        var stops = people.Select(p => (When: When(rng), Ethnicity: p)).OrderBy(s => s.When).ToList();

        using var workbook = Workbooks.Create(profile.Force);
        var sheet = Workbooks.AddSheet(workbook, SheetName,
            Workbooks.SyntheticTitle(profile.Force, "stop and search records 1 April 2016 to 31 March 2017", seed));
        Workbooks.Headers(sheet, HeaderRow, Columns);
        var row = HeaderRow + 1;
        foreach (var (when, ethnicity) in stops)
        {
            var (law, target) = rng.Pick(profile.Searches);
            sheet.Cell(row, 1).SetValue(when);
            var selfDefined = ethnicity?.Police ?? profile.NotStatedLabel;
            if (selfDefined.Length > 0) sheet.Cell(row, 2).SetValue(selfDefined);
            var officerDefined = OfficerDefined(rng, ethnicity?.Broad);
            if (officerDefined.Length > 0) sheet.Cell(row, 3).SetValue(officerDefined);
            sheet.Cell(row, 4).SetValue(rng.Pick<string>([("Male", 0.905), ("Female", 0.09), ("Other", 0.005)]));
            sheet.Cell(row, 5).SetValue(rng.Pick<string>([("under 10", 0.0008), ("10-17", 0.16), ("18-24", 0.38), ("25-34", 0.25), ("over 34", 0.21)]));
            sheet.Cell(row, 6).SetValue(law);
            sheet.Cell(row, 7).SetValue(target);
            sheet.Cell(row, 8).SetValue(Outcome(rng, law == Drugs));
            row++;
        }
        sheet.Range(HeaderRow + 1, 1, row - 1, 1).Style.NumberFormat.Format = "dd/mm/yyyy hh:mm";
        Workbooks.Save(workbook, Path.Combine(folder, FileName));
    }

    /// <summary>A date and time in the year, more often in the afternoon and evening.</summary>
    private static DateTime When(Random rng)
    {
        var day = rng.Day(Police.YearStart, Police.Snapshot);
        var hour = rng.Pick<int>([(0, 3), (2, 1), (6, 1), (10, 3), (14, 5), (18, 6), (22, 4)]) + rng.Next(4);
        return day.AddHours(hour % 24).AddMinutes(rng.Next(60));
    }

    /// <summary>The officer's view of the person's ethnicity (four groups, or blank), from their own (ASSUMPTION).</summary>
    private static string OfficerDefined(Random rng, string? broad) => rng.Pick<string>(broad switch
    {
        "White" => [("White", 0.96), ("Other", 0.01), ("Asian", 0.005), ("", 0.025)],
        "Black" => [("Black", 0.94), ("Other", 0.02), ("Asian", 0.01), ("White", 0.005), ("", 0.025)],
        "Asian" => [("Asian", 0.90), ("Other", 0.04), ("White", 0.03), ("Black", 0.01), ("", 0.02)],
        "Mixed" => [("White", 0.35), ("Black", 0.40), ("Asian", 0.08), ("Other", 0.12), ("", 0.05)],
        "Other" => [("Other", 0.45), ("Asian", 0.25), ("White", 0.15), ("Black", 0.10), ("", 0.05)],
        _ => [("White", 0.68), ("Black", 0.12), ("Asian", 0.12), ("Other", 0.03), ("", 0.05)],
    });

    private static string Outcome(Random rng, bool drugs) => rng.Pick<string>(drugs
        ? [("Nothing found - no further action", 0.68), ("Arrest", 0.12), ("Community resolution", 0.05), ("Cannabis warning", 0.10),
           ("Summons / charged by post", 0.03), ("Penalty Notice for Disorder", 0.02)]
        : [("Nothing found - no further action", 0.75), ("Arrest", 0.17), ("Community resolution", 0.04),
           ("Summons / charged by post", 0.025), ("Penalty Notice for Disorder", 0.015)]);
}

/// <summary>
/// What a force's stop-and-search sheet is shaped after: how many stops, the share with no self-defined ethnicity (and
/// how the export writes it: a label, or "" for a blank cell), stops per head of each broad group relative to White
/// residents (applied to the census residents to share the stated stops exactly), and the searches' weights.
/// </summary>
public sealed record StopSearchProfile(ForceIdentity Force, CensusArea Census, int Stops, double NotStated, string NotStatedLabel,
    IReadOnlyList<(string Group, double RateRatio)> Rates, IReadOnlyList<((string Law, string Object) Search, double Weight)> Searches);
