using System.Globalization;

namespace ReportGen.SampleData;

/// <summary>victim-survey.xlsx, sheet "Responses": one row per victim interviewed in 2016/17.</summary>
public static class VictimSurveyWriter
{
    public const string FileName = "victim-survey.xlsx";
    public const string SheetName = "Responses";
    public const int HeaderRow = 3;

    public static readonly (string Header, double Width)[] Columns =
    [
        ("Response ID", 13), ("Survey Month", 13), ("Crime Type", 22), ("Q1 Overall satisfaction", 34), ("Ethnicity", 11),
        ("Disability or long-term illness", 16), ("Gender", 9), ("Age", 6),
    ];

    public static readonly string[] Scale =
    [
        "Completely satisfied", "Very satisfied", "Fairly satisfied", "Neither satisfied nor dissatisfied",
        "Fairly dissatisfied", "Very dissatisfied", "Completely dissatisfied",
    ];

    /// <summary>The brief: about 82% satisfied overall; BME victims 6 points and disabled victims 5 points below.</summary>
    public const double Overall = 0.82, BmeGap = 0.06, DisabledGap = 0.05;

    /// <summary>Crime types: share of responses, relative likelihood of being satisfied, typical victim age (ASSUMPTION).</summary>
    private static readonly (string Type, double Share, double Tilt, double MeanAge)[] Crimes =
    [
        ("Burglary", 0.26, 1.10, 52), ("Vehicle crime", 0.29, 1.00, 47), ("Violent crime", 0.25, 0.92, 34), ("Anti-social behaviour", 0.20, 0.90, 48),
    ];

    private sealed record Response(int Id, DateTime Month, int Crime, string Ethnicity, string Disability, string Gender, int? Age)
    {
        public string Group => Ethnicity switch { "White" or "Refused" => Ethnicity, _ => "BME" };
    }

    public static void Write(string folder, int seed)
    {
        var rng = new Random(Rng.DeriveSeed(seed, FileName));
        var responses = new List<Response>();
        var perMonth = Rng.Allocate(2016, [160, 171, 168, 174, 166, 170, 172, 165, 158, 169, 175, 168]);
        for (var m = 0; m < 12; m++)
            for (var i = 0; i < perMonth[m]; i++) responses.Add(Draw(rng, responses.Count, Police.YearStart.AddMonths(m)));

        // Exact numbers satisfied per ethnic group × disability, so the gaps hold in the data; crime type tilts who.
        var satisfied = Satisfied(rng, responses, r => r.Group, r => r.Disability == "Yes", (Overall, BmeGap, DisabledGap), r => Crimes[r.Crime].Tilt);

        using var workbook = Workbooks.Create(ForceProfile.Force);
        var sheet = Workbooks.AddSheet(workbook, SheetName,
            Workbooks.SyntheticTitle(ForceProfile.Force, "victim satisfaction survey responses April 2016 to March 2017", seed));
        Workbooks.Headers(sheet, HeaderRow, Columns);
        var row = HeaderRow + 1;
        foreach (var r in responses)
        {
            var answer = satisfied.Contains(r)
                ? rng.Pick<string>([(Scale[0], 0.30), (Scale[1], 0.42), (Scale[2], 0.28)])
                : rng.Pick<string>([(Scale[3], 0.35), (Scale[4], 0.30), (Scale[5], 0.20), (Scale[6], 0.15)]);
            sheet.Cell(row, 1).SetValue("VS16-" + (r.Id + 1).ToString("0000", CultureInfo.InvariantCulture));
            sheet.Cell(row, 2).SetValue(r.Month);
            sheet.Cell(row, 3).SetValue(Crimes[r.Crime].Type);
            sheet.Cell(row, 4).SetValue(answer);
            sheet.Cell(row, 5).SetValue(r.Ethnicity);
            sheet.Cell(row, 6).SetValue(r.Disability);
            sheet.Cell(row, 7).SetValue(r.Gender);
            if (r.Age is { } age) sheet.Cell(row, 8).SetValue(age);
            row++;
        }
        sheet.Range(HeaderRow + 1, 2, row - 1, 2).Style.NumberFormat.Format = "mmm yyyy";
        Workbooks.Save(workbook, Path.Combine(folder, FileName));
    }

    /// <summary>
    /// Who is satisfied: exactly round(n × rate) in every ethnic group × disability cell, where <paramref name="group"/>
    /// is "BME" for minority ethnic respondents and the rate is White, non-disabled respondents' less the gaps, set so
    /// that <c>Overall</c> of all respondents are satisfied; <paramref name="tilt"/> tilts who within a cell.
    /// </summary>
    public static HashSet<T> Satisfied<T>(Random rng, IReadOnlyList<T> responses, Func<T, string> group, Func<T, bool> disabled,
        (double Overall, double BmeGap, double DisabledGap) target, Func<T, double> tilt) where T : notnull
    {
        var bme = responses.Count(r => group(r) == "BME");
        var disabledCount = responses.Count(disabled);
        var white = target.Overall + (target.BmeGap * bme + target.DisabledGap * disabledCount) / responses.Count;
        return rng.ChooseInEachCell(responses, r => (Group: group(r), Disabled: disabled(r)),
            (key, size) => (int)Math.Round(size * (white - (key.Group == "BME" ? target.BmeGap : 0) - (key.Disabled ? target.DisabledGap : 0))),
            tilt);
    }

    /// <summary>
    /// A respondent. Ethnic mix roughly Hertfordshire's (Census 2011: 12.4% not White) with 2% refusing; 18% report a
    /// disability or long-term illness; age 16 to 95, 4% not given (ASSUMPTION).
    /// </summary>
    private static Response Draw(Random rng, int id, DateTime month)
    {
        var crime = rng.Pick(Crimes.Select((c, i) => (i, c.Share)).ToList());
        var ethnicity = rng.Chance(0.02) ? "Refused" : rng.Pick(ForceProfile.Census.Categories.Select(c => (c.Broad, (double)c.Residents)).ToList());
        var disability = rng.Pick<string>([("Yes", 0.18), ("No", 0.805), ("Refused", 0.015)]);
        var gender = rng.Chance(crime == 2 ? 0.58 : 0.47) ? "Male" : "Female";
        int? age = rng.Chance(0.04) ? null : (int)rng.Normal(Crimes[crime].MeanAge, 16, 16, 95);
        return new Response(id, month, crime, ethnicity, disability, gender, age);
    }
}
