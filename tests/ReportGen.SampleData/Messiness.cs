namespace ReportGen.SampleData;

/// <summary>
/// The ways real HR exports write the same value: codes and descriptions, inconsistent case, stray spaces. Readers
/// must map all of them (the tool's classification synonyms), so the synthetic data uses them on purpose.
/// </summary>
public static class Messiness
{
    /// <summary>NPCC (16+1) ethnicity codes with their short description and the "Group - Category" form.</summary>
    public static readonly IReadOnlyDictionary<string, (string Short, string Long)> Npcc = new Dictionary<string, (string, string)>
    {
        ["W1"] = ("White British", "White - British"),
        ["W2"] = ("White Irish", "White - Irish"),
        ["W9"] = ("Any other White", "White - Any other White background"),
        ["M1"] = ("White and Black Caribbean", "Mixed - White and Black Caribbean"),
        ["M2"] = ("White and Black African", "Mixed - White and Black African"),
        ["M3"] = ("White and Asian", "Mixed - White and Asian"),
        ["M9"] = ("Any other mixed", "Mixed - Any other Mixed background"),
        ["A1"] = ("Indian", "Asian - Indian"),
        ["A2"] = ("Pakistani", "Asian - Pakistani"),
        ["A3"] = ("Bangladeshi", "Asian - Bangladeshi"),
        ["A9"] = ("Any other Asian", "Asian - Any other Asian background"),
        ["B1"] = ("Caribbean", "Black - Caribbean"),
        ["B2"] = ("African", "Black - African"),
        ["B9"] = ("Any other Black", "Black - Any other Black background"),
        ["O1"] = ("Chinese", "Other ethnic group - Chinese"),
        ["O9"] = ("Any other ethnic group", "Other ethnic group - Any other ethnic group"),
    };

    /// <summary>The broad group of an NPCC code: White, Mixed, Asian, Black or Other (O1 Chinese and O9), NS for not stated.</summary>
    public static string NpccGroup(string code) => code[0] switch
    {
        'W' => "White", 'M' => "Mixed", 'A' => "Asian", 'B' => "Black", 'O' => "Other", _ => "NS",
    };

    /// <summary>
    /// An NPCC code as an HR export writes it: "W1" (40%), "W1 - White British" (30%), "White - British" (20%) or
    /// "white british " (10%); a not-stated record as "Not Stated", "Prefer not to say" or "NS".
    /// </summary>
    public static string EthnicLabel(Random rng, string code)
    {
        if (code == "NS")
            return rng.Pick<string>([("Not Stated", 0.45), ("Prefer not to say", 0.40), ("NS", 0.15)]);
        var (shortName, longName) = Npcc[code];
        var form = rng.NextDouble();
        if (form < 0.40) return code;
        if (form < 0.70) return $"{code} - {shortName}";
        if (form < 0.90) return longName;
        return shortName.ToLowerInvariant() + " ";
    }

    /// <summary>
    /// An NPCC code with its short description, as case and crime systems write it: "W1 - White British" (92%), the
    /// code alone (5%), or lower case with a stray space, "w1 - white british " (3%); not stated as "NS - Not Stated"
    /// or "Prefer not to say".
    /// </summary>
    public static string NpccWithLabel(Random rng, string code)
    {
        if (code == "NS") return rng.Pick<string>([("NS - Not Stated", 0.7), ("Prefer not to say", 0.3)]);
        var label = $"{code} - {Npcc[code].Short}";
        var form = rng.NextDouble();
        return form < 0.92 ? label : form < 0.97 ? code : label.ToLowerInvariant() + " ";
    }

    /// <summary>Sex as the HR system writes it: mostly "Male"/"Female", some "M"/"F", a few "female " with a stray space.</summary>
    public static string SexLabel(Random rng, bool female)
    {
        var form = rng.NextDouble();
        if (female && form < 0.03) return "female ";
        if (form < 0.83) return female ? "Female" : "Male";
        return female ? "F" : "M";
    }

    /// <summary>Disability on the HR record; <paramref name="declaredYes"/> is decided by the caller (about 5%).</summary>
    public static string DisabilityLabel(Random rng, bool declaredYes) => declaredYes
        ? "Yes"
        : rng.Pick<string>([("No", 0.80), ("Prefer not to say", 0.05), ("Not known", 0.06), ("", 0.09)]);

    public static string SexualOrientation(Random rng) => rng.Pick<string>(
    [
        ("Heterosexual/Straight", 0.815), ("Gay/Lesbian", 0.022), ("Bisexual", 0.011), ("Other", 0.003),
        ("Prefer not to say", 0.064), ("", 0.085),
    ]);

    /// <summary>Religion or belief, depending on the broad ethnic group (ASSUMPTION, roughly the Census 2011 pattern).</summary>
    public static string Religion(Random rng, string group) => rng.Pick<string>(group switch
    {
        "White" => [("Christian", 0.52), ("No religion", 0.36), ("Jewish", 0.015), ("Buddhist", 0.004),
            ("Muslim", 0.003), ("Any other religion", 0.006), ("Prefer not to say", 0.092)],
        "Mixed" => [("Christian", 0.40), ("No religion", 0.35), ("Muslim", 0.10), ("Buddhist", 0.01),
            ("Any other religion", 0.02), ("Prefer not to say", 0.12)],
        "Asian" => [("Hindu", 0.30), ("Muslim", 0.35), ("Sikh", 0.12), ("Christian", 0.08), ("No religion", 0.05),
            ("Buddhist", 0.02), ("Any other religion", 0.01), ("Prefer not to say", 0.07)],
        "Black" => [("Christian", 0.65), ("Muslim", 0.15), ("No religion", 0.10), ("Any other religion", 0.01),
            ("Prefer not to say", 0.09)],
        "Other" => [("No religion", 0.35), ("Christian", 0.20), ("Buddhist", 0.15), ("Muslim", 0.15),
            ("Any other religion", 0.03), ("Prefer not to say", 0.12)],
        _ => [("Prefer not to say", 0.60), ("Christian", 0.15), ("No religion", 0.20), ("Any other religion", 0.05)],
    });

    /// <summary>"Yes" (same as sex registered at birth), "Prefer not to say" or blank; the few "No" are placed by the caller.</summary>
    public static string GenderIdentity(Random rng) =>
        rng.Pick<string>([("Yes", 0.84), ("Prefer not to say", 0.035), ("", 0.125)]);

    /// <summary>An FTE as text, the way a cell typed over by hand stores it: 1 → "1.0", 0.8 → "0.80".</summary>
    public static string FteAsText(double fte) =>
        fte >= 1.0 ? "1.0" : fte.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
