using System.Globalization;
using ReportGen.SampleData;

// dotnet run --project tests/ReportGen.SampleData -- --out DIR [--seed N] [--hr-rows N]
const string Usage = """
    Usage: dotnet run --project tests/ReportGen.SampleData -- --out DIR [--seed N] [--hr-rows N]

      --out DIR      folder to write the workbooks to (created if missing); required
      --seed N       random seed (default 2017); the same seed always gives the same cell values
      --hr-rows N    write only hr-extract.xlsx, with N people (a large file for benchmarks; not committed)

    The committed sample data is regenerated with:
      dotnet run --project tests/ReportGen.SampleData -- --out content/hertfordshire/2016-17/data
    """;

string? output = null;
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
            case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--hr-rows": hrRows = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--help" or "-h": Console.WriteLine(Usage); return 0;
            default: throw new ArgumentException($"unknown option '{args[i]}'");
        }
    }
    catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
    {
        Console.Error.WriteLine($"error: {e.Message}\n\n{Usage}");
        return 2;
    }
}
if (output is null || hrRows is <= 0)
{
    Console.Error.WriteLine((output is null ? "error: --out is required" : "error: --hr-rows must be a positive whole number") + $"\n\n{Usage}");
    return 2;
}

if (hrRows is { } rows)
{
    Directory.CreateDirectory(output);
    HrExtractWriter.Write(output, seed, rows);
    Console.WriteLine($"Wrote {Path.Combine(output, HrExtractWriter.FileName)} ({rows:N0} people, seed {seed}).");
    return 0;
}
SampleDataGenerator.WriteAll(output, seed);
foreach (var (file, synthetic) in SampleDataGenerator.Workbooks)
    Console.WriteLine($"Wrote {Path.Combine(output, file)}{(synthetic ? $" (synthetic, seed {seed})" : " (real published figures)")}");
return 0;
