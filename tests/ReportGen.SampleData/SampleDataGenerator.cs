namespace ReportGen.SampleData;

/// <summary>A sample edition whose workbooks the generator writes: its name, where they are committed, which they are.</summary>
/// <param name="Name">The value of <c>--edition</c>.</param>
/// <param name="Force">The force its synthetic titles name.</param>
/// <param name="DataFolder">The committed workbooks' folder, from the repository root.</param>
/// <param name="Files">Every workbook written, and whether it is synthetic (all but the census figures).</param>
/// <param name="WriteAll">Writes every workbook into a folder (created by the caller) with a seed.</param>
public sealed record SampleEdition(
    string Name, ForceIdentity Force, string DataFolder, IReadOnlyList<(string FileName, bool Synthetic)> Files, Action<string, int> WriteAll)
{
    /// <summary>The command that regenerates the committed workbooks, from the repository root.</summary>
    public string Command => $"dotnet run --project tests/ReportGen.SampleData -- --edition {Name} --out {DataFolder}";
}

/// <summary>The sample editions and their workbooks. Same seed, same cell values, same bytes.</summary>
public static class SampleDataGenerator
{
    public const int DefaultSeed = 2017;

    /// <summary>Hertfordshire Constabulary 2016/17: content/hertfordshire/2016-17/data.</summary>
    public static readonly SampleEdition Hertfordshire = new("hertfordshire", ForceProfile.Force, "content/hertfordshire/2016-17/data",
    [
        (HrExtractWriter.FileName, true), (RecruitmentWriter.FileName, true), (PromotionsWriter.FileName, true),
        (CasesWriter.FileName, true), (VictimSurveyWriter.FileName, true), (StopSearchWriter.FileName, true),
        (CensusWriter.FileName, false),
    ], WriteHertfordshire);

    public static readonly IReadOnlyList<SampleEdition> Editions = [Hertfordshire];

    /// <summary>Writes every workbook of <paramref name="edition"/> into <paramref name="folder"/> (created if missing).</summary>
    public static void Write(SampleEdition edition, string folder, int seed = DefaultSeed)
    {
        Directory.CreateDirectory(folder);
        edition.WriteAll(folder, seed);
    }

    private static void WriteHertfordshire(string folder, int seed)
    {
        HrExtractWriter.Write(folder, seed);
        RecruitmentWriter.Write(folder, seed);
        PromotionsWriter.Write(folder, seed);
        CasesWriter.Write(folder, seed);
        VictimSurveyWriter.Write(folder, seed);
        StopSearchWriter.Write(folder, seed, StopSearchWriter.Hertfordshire);
        CensusWriter.Write(folder, ForceProfile.Force, ForceProfile.Census);
    }
}
