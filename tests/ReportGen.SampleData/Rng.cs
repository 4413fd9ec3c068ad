namespace ReportGen.SampleData;

/// <summary>
/// Random helpers over a seeded <see cref="Random"/>. Only +, −, × and ÷ on doubles (no Log, Exp or Cos), so the
/// same seed gives the same values on every platform and runtime.
/// </summary>
public static class Rng
{
    /// <summary>A seed for one workbook: the run's seed mixed with the workbook's name by FNV-1a (stable, unlike GetHashCode).</summary>
    public static int DeriveSeed(int seed, string name)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var b in BitConverter.GetBytes(seed)) hash = (hash ^ b) * 16777619u;
            foreach (var ch in name) hash = (hash ^ ch) * 16777619u;
            return (int)(hash & 0x7FFFFFFF);
        }
    }

    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    /// <summary>Picks one of <paramref name="options"/> with probability proportional to its weight.</summary>
    public static T Pick<T>(this Random rng, IReadOnlyList<(T Value, double Weight)> options)
    {
        var total = 0.0;
        foreach (var option in options) total += option.Weight;
        var x = rng.NextDouble() * total;
        foreach (var option in options)
        {
            if (x < option.Weight) return option.Value;
            x -= option.Weight;
        }
        return options[^1].Value;
    }

    public static T Pick<T>(this Random rng, IReadOnlyList<T> options) => options[rng.Next(options.Count)];

    /// <summary>
    /// Approximately normal (Irwin–Hall: the sum of 12 uniforms), truncated to [min, max] by drawing again (clamping
    /// would pile values up at the limits, such as officers who all joined on their 18th birthday).
    /// </summary>
    public static double Normal(this Random rng, double mean, double sd, double min, double max)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var sum = 0.0;
            for (var i = 0; i < 12; i++) sum += rng.NextDouble();
            var x = mean + (sum - 6.0) * sd;
            if (x >= min && x <= max) return x;
        }
        return min + rng.NextDouble() * (max - min);
    }

    /// <summary>A day between <paramref name="first"/> and <paramref name="last"/> inclusive.</summary>
    public static DateTime Day(this Random rng, DateTime first, DateTime last) =>
        first.AddDays(rng.Next((int)(last - first).TotalDays + 1));

    /// <summary>A value drawn evenly from a band.</summary>
    public static double Within(this Random rng, (double Low, double High) band) => band.Low + rng.NextDouble() * (band.High - band.Low);

    /// <summary>
    /// Issues increasing reference numbers to <paramref name="inOrder"/>, as an HR system does in the order people
    /// joined: the first 100,200–100,899, then steps of 1 to 3 (the gaps are records deleted or never completed).
    /// </summary>
    public static void IssueNumbers<T>(this Random rng, IEnumerable<T> inOrder, Action<T, int> issue)
    {
        var number = 100_000 + rng.Next(200, 900);
        foreach (var item in inOrder)
        {
            issue(item, number);
            number += rng.Next(1, 4);
        }
    }

    /// <summary>
    /// Years of service for someone aged <paramref name="age"/>: <paramref name="drawn"/>, or, when that would have them
    /// start before 18, a length drawn afresh from what is possible.
    /// </summary>
    public static double ServiceFor(this Random rng, double age, double drawn)
    {
        var most = age - 18.1;
        return drawn <= most ? drawn : most * (0.2 + 0.8 * rng.NextDouble());
    }

    /// <summary>A weekday (Monday to Friday) between <paramref name="first"/> and <paramref name="last"/> inclusive.</summary>
    public static DateTime Weekday(this Random rng, DateTime first, DateTime last)
    {
        while (true)
        {
            var day = rng.Day(first, last);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) return day;
        }
    }

    public static void Shuffle<T>(this Random rng, IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Splits <paramref name="total"/> in proportion to the weights, by largest remainder (exact total).</summary>
    public static int[] Allocate(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var counts = exact.Select(x => (int)Math.Floor(x)).ToArray();
        var order = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).ToArray();
        var missing = total - counts.Sum();
        for (var k = 0; k < missing; k++) counts[order[k % order.Length]]++;
        return counts;
    }

    /// <summary>
    /// Chooses exactly <paramref name="count"/> of <paramref name="items"/>, each draw in proportion to its weight among
    /// those not yet chosen. Used to hit a group's target rate exactly while letting other factors tilt who is chosen.
    /// </summary>
    public static HashSet<T> SampleWeighted<T>(this Random rng, IReadOnlyList<T> items, Func<T, double> weight, int count)
        where T : notnull
    {
        var pool = items.ToList();
        var weights = pool.Select(weight).ToList();
        var chosen = new HashSet<T>();
        for (var n = 0; n < count && pool.Count > 0; n++)
        {
            var x = rng.NextDouble() * weights.Sum();
            var i = 0;
            while (i < pool.Count - 1 && x >= weights[i]) x -= weights[i++];
            chosen.Add(pool[i]);
            pool.RemoveAt(i);
            weights.RemoveAt(i);
        }
        return chosen;
    }

    /// <summary>
    /// In every cell (the items sharing a key, cells in key order), chooses exactly <paramref name="target"/>(key, size)
    /// items, weighted by <paramref name="weight"/>: so a rate per group holds in the data and not only on average.
    /// </summary>
    public static HashSet<T> ChooseInEachCell<T, TKey>(this Random rng, IEnumerable<T> items, Func<T, TKey> key,
        Func<TKey, int, int> target, Func<T, double> weight) where T : notnull
    {
        var chosen = new HashSet<T>();
        foreach (var cell in items.GroupBy(key).OrderBy(g => g.Key))
            chosen.UnionWith(rng.SampleWeighted(cell.ToList(), weight, target(cell.Key, cell.Count())));
        return chosen;
    }

    /// <summary><paramref name="count"/> flags in random order, exactly round(count × share) of them true.</summary>
    public static bool[] Exactly(this Random rng, int count, double share)
    {
        var yes = (int)Math.Round(count * share);
        var flags = Enumerable.Range(0, count).Select(i => i < yes).ToArray();
        rng.Shuffle(flags);
        return flags;
    }
}
