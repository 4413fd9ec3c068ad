using ReportGen.SampleData.Northumbria;

namespace ReportGen.SampleData;

/// <summary>A workbook the generator writes: its file name, whether it is synthetic (all but the census figures), and its writer.</summary>
public sealed record SampleWorkbook(string FileName, bool Synthetic, Action<string, int> Write);

/// <summary>A sample edition whose workbooks the generator writes: its name, where they are committed, which they are.</summary>
/// <param name="Name">The value of <c>--edition</c>.</param>
/// <param name="Force">The force its synthetic titles name.</param>
/// <param name="DataFolder">The committed workbooks' folder, from the repository root.</param>
/// <param name="Workbooks">Every workbook, in the order written; each writer takes the folder and the seed.</param>
public sealed record SampleEdition(string Name, ForceIdentity Force, string DataFolder, IReadOnlyList<SampleWorkbook> Workbooks)
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
        new(HrExtractWriter.FileName, true, (folder, seed) => HrExtractWriter.Write(folder, seed)),
        new(RecruitmentWriter.FileName, true, RecruitmentWriter.Write),
        new(PromotionsWriter.FileName, true, PromotionsWriter.Write),
        new(CasesWriter.FileName, true, CasesWriter.Write),
        new(VictimSurveyWriter.FileName, true, VictimSurveyWriter.Write),
        new(StopSearchWriter.FileName, true, (folder, seed) => StopSearchWriter.Write(folder, seed, StopSearchWriter.Hertfordshire)),
        new(CensusWriter.FileName, false, (folder, _) => CensusWriter.Write(folder, ForceProfile.Force, ForceProfile.Census)),
    ]);

    /// <summary>Northumbria Police 2016/17: content/northumbria/joint-equality-objectives/data.</summary>
    public static readonly SampleEdition Northumbria = new("northumbria", NorthumbriaProfile.Force,
        "content/northumbria/joint-equality-objectives/data", NorthumbriaGenerator.Workbooks);

    public static readonly IReadOnlyList<SampleEdition> Editions = [Hertfordshire, Northumbria];

    /// <summary>Writes every workbook of <paramref name="edition"/> into <paramref name="folder"/> (created if missing).</summary>
    public static void Write(SampleEdition edition, string folder, int seed = DefaultSeed)
    {
        Directory.CreateDirectory(folder);
        foreach (var workbook in edition.Workbooks) workbook.Write(folder, seed);
    }
}
