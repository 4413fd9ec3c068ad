using System.Text.RegularExpressions;

namespace ReportGen.Benchmarks;

/// <summary>
/// The editions of the peer comparison: the Hertfordshire sample (about 30 pages: 6 objectives, 22 tables with
/// benchmarks and charts, its seeded synthetic workbooks) as 1x, and the same content repeated <c>scale</c> times
/// (objectives numbered on, tables and achievements with their ids suffixed, measures pointing at their own copy)
/// as 10x, about 300 pages and 220 tables. Deterministic: the same bytes every time, on any machine.
/// </summary>
public static partial class PeerEdition
{
    [GeneratedRegex(@"^(  - id: )(\S+)$", RegexOptions.Multiline)]
    private static partial Regex ListId();

    [GeneratedRegex(@"^(    number: )(\d+)$", RegexOptions.Multiline)]
    private static partial Regex Number();

    [GeneratedRegex(@"table: ([a-z0-9-]+)")]
    private static partial Regex TableReference();

    [GeneratedRegex(@"^(    objectives: \[)([^\]]*)\]$", RegexOptions.Multiline)]
    private static partial Regex AchievementObjectives();

    /// <summary>Writes the edition into <paramref name="folder"/> (content/peer/&lt;scale&gt;x below it) and returns its folder.</summary>
    public static string Create(string repository, string folder, int scale)
    {
        var sample = Path.Combine(repository, "content", "hertfordshire", "2016-17");
        var edition = Path.Combine(folder, "content", "peer", $"{scale}x");
        Directory.CreateDirectory(Path.Combine(edition, "data"));
        foreach (var workbook in Directory.GetFiles(Path.Combine(sample, "data"), "*.xlsx"))
            File.Copy(workbook, Path.Combine(edition, "data", Path.GetFileName(workbook)), overwrite: true);
        File.Copy(Path.Combine(sample, "data.yaml"), Path.Combine(edition, "data.yaml"), overwrite: true);
        File.Copy(Path.Combine(sample, "glossary.yaml"), Path.Combine(edition, "glossary.yaml"), overwrite: true);

        // The edition as first published: no corrections, and the newest template set (a draft takes the newest).
        var info = File.ReadAllText(Path.Combine(sample, "edition.yaml"));
        info = Regex.Replace(info, @"^  template: .*\n", "", RegexOptions.Multiline);
        info = Regex.Replace(info, @"^  version: .*\n", "", RegexOptions.Multiline);
        info = Regex.Replace(info, @"^  corrections:\n(    .*\n|      .*\n|        .*\n)*", "", RegexOptions.Multiline);
        info = info.Replace("title: Equality objectives and key achievements 2016/17", $"title: Equality objectives and key achievements 2016/17 ({scale}x)");
        // The newest set publishes an accessibility statement, which needs a contact for other formats (the sample has
        // its own since it was re-issued on default@5).
        if (!Regex.IsMatch(info, @"^accessibility:", RegexOptions.Multiline))
            info = info.TrimEnd('\n') + "\naccessibility:\n  contact: { email: equality@example.police.uk }\n";
        File.WriteAllText(Path.Combine(edition, "edition.yaml"), info);

        File.WriteAllText(Path.Combine(edition, "objectives.yaml"), Repeat(File.ReadAllText(Path.Combine(sample, "objectives.yaml")), "objectives:", scale, (body, copy) =>
        {
            body = ListId().Replace(body, m => m.Groups[1].Value + Suffix(m.Groups[2].Value, copy));
            body = Number().Replace(body, m => m.Groups[1].Value + (int.Parse(m.Groups[2].Value) + 6 * (copy - 1)));
            return TableReference().Replace(body, m => "table: " + Suffix(m.Groups[1].Value, copy));
        }));
        File.WriteAllText(Path.Combine(edition, "achievements.yaml"), Repeat(File.ReadAllText(Path.Combine(sample, "achievements.yaml")), "achievements:", scale, (body, copy) =>
        {
            body = ListId().Replace(body, m => m.Groups[1].Value + Suffix(m.Groups[2].Value, copy));
            return AchievementObjectives().Replace(body, m => m.Groups[1].Value + string.Join(", ", m.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries).Select(o => Suffix(o, copy))) + "]");
        }));
        File.WriteAllText(Path.Combine(edition, "statistics.yaml"), Repeat(File.ReadAllText(Path.Combine(sample, "statistics.yaml")), "tables:", scale, (body, copy) =>
            ListId().Replace(body, m => m.Groups[1].Value + Suffix(m.Groups[2].Value, copy))));
        return edition;
    }

    private static string Suffix(string id, int copy) => copy == 1 ? id : $"{id}-{copy}";

    /// <summary>The file with the list under <paramref name="key"/> written <paramref name="scale"/> times, each copy rewritten.</summary>
    private static string Repeat(string yaml, string key, int scale, Func<string, int, string> rewrite)
    {
        var start = yaml.IndexOf("\n" + key + "\n", StringComparison.Ordinal);
        if (start < 0) throw new InvalidDataException($"the sample has no '{key}' list");
        var head = yaml[..(start + key.Length + 2)];
        var rest = yaml[(start + key.Length + 2)..];
        // The list runs to the next top-level key, or to the end of the file.
        var next = Regex.Match(rest, @"^[a-z_]+:", RegexOptions.Multiline);
        var body = next.Success ? rest[..next.Index] : rest;
        var tail = next.Success ? rest[next.Index..] : "";
        return head + string.Concat(Enumerable.Range(1, scale).Select(copy => rewrite(body.TrimEnd('\n') + "\n\n", copy))) + tail;
    }
}
