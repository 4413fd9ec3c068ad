using ReportGen.Statistics;

namespace ReportGen.Tests.Statistics;

/// <summary>Worked examples; the expected values were computed independently from the published formulas.</summary>
public sealed class ProportionsTests
{
    [Theory]
    [InlineData(5, 10, 0.236593, 0.763407)]
    [InlineData(81, 100, 0.722212, 0.874852)]
    [InlineData(160, 200, 0.739145, 0.849548)]
    [InlineData(0, 20, 0.0, 0.1611252)]
    [InlineData(20, 20, 0.8388748, 1.0)]
    public void Wilson_95_percent_interval(double successes, double trials, double lower, double upper)
    {
        var (l, u) = Proportions.Wilson(successes, trials);
        Assert.Equal(lower, l, 5);
        Assert.Equal(upper, u, 5);
    }

    [Theory]
    [InlineData(160, 200, 1300, 1500, -2.543383, 0.010978)]
    [InlineData(45, 60, 820, 1000, -1.359256, 0.174066)]
    public void Two_proportion_test_gives_z_and_two_sided_p(double x1, double n1, double x2, double n2, double z, double p)
    {
        var (zz, pp) = Proportions.TwoProportionTest(x1, n1, x2, n2);
        Assert.Equal(z, zz, 5);
        Assert.Equal(p, pp, 5);
    }

    [Fact]
    public void Identical_groups_that_all_succeed_are_not_significantly_different()
    {
        Assert.Equal((0d, 1d), Proportions.TwoProportionTest(10, 10, 20, 20));
    }
}
