namespace ReportGen.SampleData.Northumbria;

/// <summary>The sample workbooks of content/northumbria/joint-equality-objectives/data, in the order written.</summary>
public static class NorthumbriaGenerator
{
    public static readonly IReadOnlyList<SampleWorkbook> Workbooks =
    [
        new(NorthumbriaHrExtract.FileName, true, NorthumbriaHrExtract.Write),
        new(NorthumbriaPromotions.FileName, true, NorthumbriaPromotions.Write),
        new(NorthumbriaCases.FileName, true, NorthumbriaCases.Write),
        new(FlexibleWorking.FileName, true, FlexibleWorking.Write),
        new(HateCrimes.FileName, true, HateCrimes.Write),
        new(Victims.FileName, true, Victims.Write),
        new(Marac.FileName, true, Marac.Write),
        new(NorthumbriaVictimSurvey.FileName, true, NorthumbriaVictimSurvey.Write),
        new(CommunitySurvey.FileName, true, CommunitySurvey.Write),
        new(ComplaintsSurvey.FileName, true, ComplaintsSurvey.Write),
        new(StopSearchWriter.FileName, true, (folder, seed) => StopSearchWriter.Write(folder, seed, NorthumbriaService.StopSearch)),
        new(CensusWriter.FileName, false, (folder, _) => CensusWriter.Write(folder, NorthumbriaProfile.Force, NorthumbriaProfile.Census)),
    ];
}
