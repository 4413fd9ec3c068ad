using System.Globalization;
using ReportGen.Content;

namespace ReportGen.Tests.Content;

public class PartialDateTests
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    [Theory]
    [InlineData("2018", 2018, null, null)]
    [InlineData("2018-04", 2018, 4, null)]
    [InlineData("2018-04-30", 2018, 4, 30)]
    [InlineData("2016-02-29", 2016, 2, 29)]
    [InlineData(" 2018-04 ", 2018, 4, null)]
    public void Parses_a_year_a_month_or_a_day(string text, int year, int? month, int? day)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal(new PartialDate(year, month, day), date);
    }

    [Theory]
    [InlineData("2018-13")]
    [InlineData("2018-00")]
    [InlineData("2018-02-30")]
    [InlineData("2017-02-29")]
    [InlineData("2018-04-31")]
    [InlineData("April 2018")]
    [InlineData("30/04/2018")]
    [InlineData("2018-4")]
    [InlineData("18")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_what_is_not_a_real_iso_date(string? text)
    {
        Assert.False(PartialDate.TryParse(text, out var date));
        Assert.Equal(default, date);
    }

    [Theory]
    [InlineData("2018", "2018")]
    [InlineData("2018-04", "April 2018")]
    [InlineData("2018-04-30", "30 April 2018")]
    [InlineData("2017-03-01", "1 March 2017")]
    public void Displays_only_as_much_as_is_known_in_british_english(string iso, string expected)
    {
        Assert.True(PartialDate.TryParse(iso, out var date));
        Assert.Equal(expected, date.Display(EnGb));
    }

    [Theory]
    [InlineData("2018")]
    [InlineData("2018-04")]
    [InlineData("2018-04-30")]
    [InlineData("0999-01-05")]
    public void Iso_form_round_trips(string iso)
    {
        Assert.True(PartialDate.TryParse(iso, out var date));
        Assert.Equal(iso, date.Iso);
        Assert.Equal(iso, date.ToString());
        Assert.True(PartialDate.TryParse(date.Iso, out var again));
        Assert.Equal(date, again);
    }

    [Fact]
    public void Orders_by_year_then_month_then_day_with_less_precise_dates_first()
    {
        var dates = new[] { "2019", "2018-04-30", "2018-04", "2018", "2018-12", "2018-04-01", "2017-12-31" }
            .Select(Parse).ToList();

        var sorted = dates.Order().Select(d => d.Iso);

        Assert.Equal(["2017-12-31", "2018", "2018-04", "2018-04-01", "2018-04-30", "2018-12", "2019"], sorted);
    }

    [Fact]
    public void Comparison_operators_agree_with_CompareTo()
    {
        var april = Parse("2018-04");
        var aprilEnd = Parse("2018-04-30");
        var march = Parse("2018-03");

        Assert.True(march < april);
        Assert.True(april < aprilEnd);
        Assert.True(aprilEnd > march);
        Assert.True(april <= Parse("2018-04"));
        Assert.True(april >= Parse("2018-04"));
        Assert.False(april > aprilEnd);
        Assert.Equal(0, april.CompareTo(Parse("2018-04")));
    }

    [Fact]
    public void A_month_and_a_day_in_it_are_different_dates()
    {
        Assert.NotEqual(Parse("2018-04"), Parse("2018-04-01"));
        Assert.NotEqual(Parse("2018"), Parse("2018-01"));
    }

    private static PartialDate Parse(string text)
    {
        Assert.True(PartialDate.TryParse(text, out var date), $"'{text}' should parse");
        return date;
    }
}
