namespace ReportGen.Benchmarks;

/// <summary>The median every benchmark reports (the mean of the middle two for an even count); bench/workbooks links this file too.</summary>
public static class Medians
{
    public static double Of(IEnumerable<double> values)
    {
        var v = values.Order().ToList();
        return v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2;
    }
}
