namespace ReportGen.SampleData;

/// <summary>Writes every sample workbook of content/hertfordshire/2016-17/data. Same seed, same cell values.</summary>
public static class SampleDataGenerator
{
    public const int DefaultSeed = 2017;

    /// <summary>The command that regenerates the committed workbooks, from the repository root.</summary>
    public const string Command = "dotnet run --project tests/ReportGen.SampleData -- --out content/hertfordshire/2016-17/data";

    /// <summary>Every workbook the generator writes, and whether it is synthetic (all but the census figures).</summary>
    public static readonly IReadOnlyList<(string FileName, bool Synthetic)> Workbooks =
    [
        (HrExtractWriter.FileName, true), (RecruitmentWriter.FileName, true), (PromotionsWriter.FileName, true),
        (CasesWriter.FileName, true), (VictimSurveyWriter.FileName, true), (StopSearchWriter.FileName, true),
        (CensusWriter.FileName, false),
    ];

    public static void WriteAll(string folder, int seed = DefaultSeed)
    {
        Directory.CreateDirectory(folder);
        HrExtractWriter.Write(folder, seed);
        RecruitmentWriter.Write(folder, seed);
        PromotionsWriter.Write(folder, seed);
        CasesWriter.Write(folder, seed);
        VictimSurveyWriter.Write(folder, seed);
        StopSearchWriter.Write(folder, seed);
        CensusWriter.Write(folder);
    }
}
