using ReportGen.Content;
using ReportGen.Data;
using ReportGen.Publishing;
using ReportGen.Statistics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Statistics;

/// <summary>
/// Random tables under random disclosure policies (threshold 3, 5 or 10; counts rounded to 3, 5 or 10, or not):
/// nothing the outputs publish gives back a withheld count or a count's unrounded value.
/// </summary>
public sealed class RecoveryPropertyTests
{
    private static readonly string[] Ethnicities = ["White", "Black", "Asian", "Mixed", "Other", "Not stated"];
    private static readonly string[] Sexes = ["Female", "Male"];
    private static readonly double[] Population = [90_000, 3_000, 5_000, 1_500, 500];

    private static readonly SourceDeclaration Staff = new()
    {
        Id = "staff", Title = "Random staff", Kind = "records",
        Fields = new() { ["ethnicity"] = "Ethnicity", ["sex"] = "Sex", ["outcome"] = "Outcome" },
    };

    private static readonly SourceDeclaration Census = new()
    {
        Id = "population", Title = "A public population", Kind = "aggregate", Public = true,
        Fields = new() { ["ethnicity"] = "Ethnic group", ["count"] = "People" },
    };

    private static readonly TableDeclaration[] Declarations =
    [
        new() { Id = "by-ethnicity", Title = "By ethnic group", Source = "staff", Rows = "ethnicity", Benchmark = new() { Source = "population" } },
        new() { Id = "ethnicity-by-sex", Title = "By ethnic group and sex", Source = "staff", Rows = "ethnicity", Columns = "sex" },
        new() { Id = "rate", Title = "Rate", Kind = "rate", Source = "staff", Rows = "ethnicity", Reference = "White", Benchmark = new() { Source = "population" } },
        new() { Id = "likelihood", Title = "Likelihood", Kind = "likelihood", Source = "staff", Rows = "ethnicity", Reference = "White",
            Outcome = new() { Field = "outcome", Success = ["Yes"] } },
    ];

    /// <summary>Random people: a few large groups and several small ones, so that suppression and rounding both bite.</summary>
    private static List<(string Ethnicity, string Sex, string Outcome)> People(Random random)
    {
        var people = new List<(string, string, string)>();
        foreach (var ethnicity in Ethnicities)
        foreach (var sex in Sexes)
        {
            var n = random.Next(4) == 0 ? random.Next(0, 5) : random.Next(0, 60) + (ethnicity == "White" ? 200 : 0);
            for (var i = 0; i < n; i++) people.Add((ethnicity, sex, random.Next(3) == 0 ? "Yes" : "No"));
        }
        return people;
    }

    private static IReadOnlyList<StatTable> Tables(IReadOnlyList<(string Ethnicity, string Sex, string Outcome)> people, DisclosureSettings settings)
    {
        var ethnicity = new LabelStandardiser(Classification.BuiltIn["ethnicity"]);
        var sex = new LabelStandardiser(Classification.BuiltIn["sex"]);
        Category Map(LabelStandardiser s, string label) => s.TryMap(label, out var c) ? c : throw new InvalidOperationException(label);
        var staff = new RecordSet(Staff, "data/staff.xlsx", "Staff",
            [new("ethnicity", "Ethnicity", FieldKind.Category, ethnicity), new("sex", "Sex", FieldKind.Category, sex), new("outcome", "Outcome", FieldKind.Text, null)],
            people.Select((p, i) => new DataRecord(i + 2, [Map(ethnicity, p.Ethnicity), Map(sex, p.Sex), p.Outcome])).ToList());
        var census = new RecordSet(Census, "data/population.xlsx", "Population",
            [new("ethnicity", "Ethnic group", FieldKind.Category, ethnicity), new("count", "People", FieldKind.Number, null)],
            Population.Select((n, i) => new DataRecord(i + 2, [Map(ethnicity, Ethnicities[i]), n])).ToList());
        var tables = Declarations.Select(d => d.Kind is null ? BreakdownBuilder.Build(d, staff, d.Benchmark is null ? null : census)
            : ComparisonBuilder.Build(d, staff, census)).ToList();
        DisclosureControl.Apply(tables, settings);
        Assert.Empty(DisclosureControl.Verify(tables, settings));
        return tables;
    }

    private static DisclosureSettings Policy(Random random) =>
        new(Threshold: new[] { 3, 5, 10 }[random.Next(3)], RoundTo: new int?[] { null, 3, 5, 10 }[random.Next(4)]);

    [Fact]
    public void No_attack_on_the_csv_downloads_of_random_tables_recovers_a_withheld_or_unrounded_count()
    {
        var edition = new Edition("/nowhere", "org", "edition", new Organisation { Name = "Org" }, new EditionInfo { Title = "T" }, null, null, [], [], [], [],
            new DataFile(), new StatisticsFile(), new SourceMap());
        var attacked = 0;
        for (var seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            var settings = Policy(random);
            var tables = Tables(People(random), settings);
            var folder = Directory.CreateTempSubdirectory("reportgen-attack-").FullName;
            try
            {
                DataDownloads.Write(folder, tables, edition);
                foreach (var table in tables)
                {
                    var published = PublishedTable.FromCsv(table.Id, File.ReadAllText(Path.Combine(folder, "data", table.Id + ".csv")));
                    double? Truth(string row, string header) =>
                        table.Rows.FirstOrDefault(r => r.Label == row)?.Cells[table.Columns.ToList().FindIndex(c => DataDownloads.Header(c) == header)].Value;
                    var recovered = CountRecovery.Attack(published, Truth, settings.RoundTo ?? 1);
                    Assert.True(recovered.Count == 0, $"seed {seed}, {settings}: {string.Join("; ", recovered)}");
                    attacked++;
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        Assert.Equal(300 * Declarations.Length, attacked);
    }

    [Fact]
    public void The_attack_does_recover_counts_from_percentages_computed_from_unrounded_counts()
    {
        // The attacker is real: the percentages of the leak that was found (full precision, from the true counts
        // 19, 12, 28 and 11 of 70, published rounded as 20, 10, 30 and 10 of 70) give the true counts back.
        var table = new PublishedTable("leak", ["Number", "Percentage"],
        [
            ("White", ["20", "27.142857142857142"]), ("Black", ["10", "17.142857142857142"]), ("Asian", ["30", "40"]),
            ("Mixed", ["10", "15.714285714285714"]), ("Total", ["70", "100"]),
        ]);
        var truth = new Dictionary<string, double> { ["White"] = 19, ["Black"] = 12, ["Asian"] = 28, ["Mixed"] = 11 };
        var recovered = CountRecovery.Attack(table, (row, _) => truth.TryGetValue(row, out var v) ? v : null, 5);
        Assert.Equal(4, recovered.Count);

        // And a full-precision rate over a public population: 3,973 stops published as 3,975.
        var rates = new PublishedTable("rates", ["Number", "Population", "Rate per 1,000 people"], [("Black", ["3975", "164069", "24.215421560441"])]);
        Assert.Single(CountRecovery.Attack(rates, (_, _) => 3973, 5));
        // The same published to one decimal place, from the rounded count, gives nothing back.
        var controlled = new PublishedTable("rates", ["Number", "Population", "Rate per 1,000 people"], [("Black", ["3975", "164069", "24.2"])]);
        Assert.Empty(CountRecovery.Attack(controlled, (_, _) => 3973, 5));
    }

    /// <summary>Every published value of every table (counts, derived figures and the figures of notes).</summary>
    private static List<string> Snapshot(IReadOnlyList<StatTable> tables) =>
        tables.SelectMany(t => t.AllFigures).Select(f => $"{f.Symbol}|{f.Published:R}").ToList();

    private static List<string> CountsOf(IReadOnlyList<StatTable> tables) =>
        tables.SelectMany(t => t.AllFigures.Where(f => f.Kind == FigureKind.Count && !f.IsPublic)).Select(f => $"{f.Symbol}|{f.Published:R}").ToList();

    [Fact]
    public void Data_that_gives_the_same_published_counts_gives_the_same_outputs_to_the_last_digit()
    {
        // Moving one person between groups, when no published count changes, must change nothing published: then
        // nothing published can tell the two apart, and so nothing gives back more than the published counts.
        var neutral = 0;
        for (var seed = 1; seed <= 400; seed++)
        {
            var random = new Random(seed);
            var settings = Policy(random);
            var people = People(random);
            if (people.Count < 2) continue;
            var before = Tables(people, settings);
            var moved = people.ToList();
            var i = random.Next(moved.Count);
            moved[i] = (Ethnicities[random.Next(Ethnicities.Length)], Sexes[random.Next(2)], moved[i].Outcome);
            var after = Tables(moved, settings);
            if (!CountsOf(before).SequenceEqual(CountsOf(after)) || moved[i] == people[i]) continue;
            neutral++;
            Assert.True(Snapshot(before).SequenceEqual(Snapshot(after)), $"seed {seed}, {settings}: the same published counts gave different outputs");
        }
        Assert.True(neutral >= 40, $"only {neutral} moves left the published counts as they were");
    }
}
