using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportGen.Content;

/// <summary>
/// A date written only as precisely as the source gives it: a year (2018), a month (2018-04) or a day
/// (2018-04-30). Publications say "by April 2018"; the tool never invents the day.
/// </summary>
public readonly partial record struct PartialDate(int Year, int? Month = null, int? Day = null) : IComparable<PartialDate>
{
    [GeneratedRegex(@"^(?<y>\d{4})(-(?<m>\d{2})(-(?<d>\d{2}))?)?$")]
    private static partial Regex IsoPattern();

    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        var match = IsoPattern().Match(text?.Trim() ?? "");
        if (!match.Success) return false;
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        int? month = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : null;
        int? day = match.Groups["d"].Success ? int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture) : null;
        if (month is < 1 or > 12) return false;
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value))) return false;
        date = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>"2018", "April 2018" or "30 April 2018" in the given culture.</summary>
    public string Display(CultureInfo culture) => (Month, Day) switch
    {
        (null, _) => Year.ToString(CultureInfo.InvariantCulture),
        (int m, null) => new DateTime(Year, m, 1).ToString("MMMM yyyy", culture),
        (int m, int d) => new DateTime(Year, m, d).ToString("d MMMM yyyy", culture),
    };

    /// <summary>The machine-readable form for HTML &lt;time datetime&gt;.</summary>
    public string Iso => (Month, Day) switch
    {
        (null, _) => $"{Year:D4}",
        (int m, null) => $"{Year:D4}-{m:D2}",
        (int m, int d) => $"{Year:D4}-{m:D2}-{d:D2}",
    };

    /// <summary>The first moment the date covers (midnight UTC on its first day), for time stamps in outputs.</summary>
    public DateTime Start => new(Year, Month ?? 1, Day ?? 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The first moment after the date: the next year, month or day.</summary>
    public DateTime EndExclusive => (Month, Day) switch
    {
        (null, _) => Start.AddYears(1),
        (_, null) => Start.AddMonths(1),
        _ => Start.AddDays(1),
    };

    /// <summary>Whether <paramref name="moment"/> falls within the year, month or day (time of day and kind ignored).</summary>
    public bool Covers(DateTime moment) =>
        moment.Year == Year && (Month is null || moment.Month == Month) && (Day is null || moment.Day == Day);

    public int CompareTo(PartialDate other) =>
        (Year, Month ?? 0, Day ?? 0).CompareTo((other.Year, other.Month ?? 0, other.Day ?? 0));

    public static bool operator >(PartialDate a, PartialDate b) => a.CompareTo(b) > 0;
    public static bool operator <(PartialDate a, PartialDate b) => a.CompareTo(b) < 0;
    public static bool operator >=(PartialDate a, PartialDate b) => a.CompareTo(b) >= 0;
    public static bool operator <=(PartialDate a, PartialDate b) => a.CompareTo(b) <= 0;

    public override string ToString() => Iso;
}
