using System.Globalization;
using ReportGen.SampleData;

// dotnet run --project tests/ReportGen.SampleData -- --out DIR [--edition hertfordshire|northumbria] [--seed N] [--hr-rows N]
var editions = string.Join("|", SampleDataGenerator.Editions.Select(e => e.Name));
var usage = $"""
    Usage: dotnet run --project tests/ReportGen.SampleData -- --out DIR [--edition {editions}] [--seed N] [--hr-rows N]

      --out DIR      folder to write the workbooks to (created if missing); required
      --edition E    which sample edition's workbooks to write: {editions} (default hertfordshire)
      --seed N       random seed (default {SampleDataGenerator.DefaultSeed}); the same seed always gives the same cell values
      --hr-rows N    Hertfordshire only: write only hr-extract.xlsx, with N people (a large file for benchmarks; not committed)

    The committed sample data is regenerated with:
    {string.Join("\n", SampleDataGenerator.Editions.Select(e => "  " + e.Command))}
    """;

string? output = null;
var edition = SampleDataGenerator.Hertfordshire;
var seed = SampleDataGenerator.DefaultSeed;
int? hrRows = null;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    try
    {
        switch (args[i])
        {
            case "--out" or "-o": output = Next(); break;
            case "--edition":
                var name = Next();
                edition = SampleDataGenerator.Editions.FirstOrDefault(e => e.Name == name)
                    ?? throw new ArgumentException($"unknown edition '{name}'; use one of {editions}");
                break;
            case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--hr-rows": hrRows = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--help" or "-h": Console.WriteLine(usage); return 0;
            default: throw new ArgumentException($"unknown option '{args[i]}'");
        }
    }
    catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
    {
        Console.Error.WriteLine($"error: {e.Message}\n\n{usage}");
        return 2;
    }
}
var problem = output is null ? "--out is required"
    : hrRows is <= 0 ? "--hr-rows must be a positive whole number"
    : hrRows is not null && edition != SampleDataGenerator.Hertfordshire ? "--hr-rows is for the hertfordshire edition only"
    : null;
if (problem is not null)
{
    Console.Error.WriteLine($"error: {problem}\n\n{usage}");
    return 2;
}

if (hrRows is { } rows)
{
    Directory.CreateDirectory(output!);
    HrExtractWriter.Write(output!, seed, rows);
    Console.WriteLine($"Wrote {Path.Combine(output!, HrExtractWriter.FileName)} ({rows:N0} people, seed {seed}).");
    return 0;
}
SampleDataGenerator.Write(edition, output!, seed);
foreach (var (file, synthetic, _) in edition.Workbooks)
    Console.WriteLine($"Wrote {Path.Combine(output!, file)}{(synthetic ? $" (synthetic, seed {seed})" : " (real published figures)")}");
return 0;
