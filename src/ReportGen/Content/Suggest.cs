namespace ReportGen.Content;

/// <summary>"Did you mean …?" suggestions by edit distance.</summary>
internal static class Suggest
{
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Candidate: c, Distance: Distance(input.ToLowerInvariant(), c.ToLowerInvariant())))
            .OrderBy(x => x.Distance).ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .FirstOrDefault();
        // Allow roughly one edit in three characters: 'mesures' → 'measures', not 'title' → 'text'.
        return best.Candidate is not null && best.Distance <= Math.Max(1, input.Length / 3) ? best.Candidate : null;
    }

    /// <summary>
    /// Up to <paramref name="count"/> candidates nearest to <paramref name="input"/>, nearest first: values that
    /// contain it or that it contains come first, then by edit distance.
    /// </summary>
    public static IReadOnlyList<string> Nearest(string input, IEnumerable<string> candidates, int count = 3)
    {
        var lower = input.Trim().ToLowerInvariant();
        return candidates.Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => (Candidate: c, Lower: c.ToLowerInvariant()))
            .OrderBy(c => c.Lower.Contains(lower, StringComparison.Ordinal) || lower.Contains(c.Lower, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(c => Distance(lower, c.Lower)).ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Take(count).Select(c => c.Candidate).ToList();
    }

    /// <summary>
    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbouring
    /// letters each count one, so 'titel' is one edit from 'title'.
    /// </summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
