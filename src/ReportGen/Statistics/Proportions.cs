using MathNet.Numerics.Distributions;

namespace ReportGen.Statistics;

/// <summary>Confidence intervals and tests for proportions, as survey and HR statistics use them.</summary>
public static class Proportions
{
    /// <summary>
    /// The Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/>: unlike the
    /// normal approximation it stays within 0–1 and behaves for small bases and proportions near 0 or 1.
    /// </summary>
    public static (double Lower, double Upper) Wilson(double successes, double trials, double confidence = 0.95)
    {
        if (trials <= 0) throw new ArgumentOutOfRangeException(nameof(trials), "needs at least one trial");
        var z = Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
        var p = successes / trials;
        var denominator = 1 + z * z / trials;
        var centre = (p + z * z / (2 * trials)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// The two-proportion z-test (pooled): whether two groups' proportions differ by more than chance would
    /// explain. Returns the z statistic and the two-sided p-value.
    /// </summary>
    public static (double Z, double P) TwoProportionTest(double x1, double n1, double x2, double n2)
    {
        var pooled = (x1 + x2) / (n1 + n2);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        if (standardError == 0) return (0, 1);
        var z = (x1 / n1 - x2 / n2) / standardError;
        return (z, 2 * (1 - Normal.CDF(0, 1, Math.Abs(z))));
    }
}
