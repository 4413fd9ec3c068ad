namespace ReportGen.SampleData;

/// <summary>What every force's workbooks share: the four roles, the officer ranks, the year and the workbook properties.</summary>
public static class Police
{
    public const string Officer = "Police Officer";
    public const string Staff = "Police Staff";
    public const string Pcso = "PCSO";
    public const string Special = "Special Constable";
    public static readonly string[] Roles = [Officer, Staff, Pcso, Special];

    public static readonly string[] Ranks =
        ["Constable", "Sergeant", "Inspector", "Chief Inspector", "Superintendent", "Chief Superintendent", "Chief Officer"];

    /// <summary>The financial year 2016/17 both sample editions cover; the HR snapshot is its last day.</summary>
    public static readonly DateTime YearStart = new(2016, 4, 1);
    public static readonly DateTime Snapshot = new(2017, 3, 31);

    /// <summary>Fixed workbook properties, so that no clock reaches a file.</summary>
    public static readonly DateTime WorkbookDate = new(2017, 4, 3, 9, 0, 0);
    public const string Author = "ReportGen sample-data generator";
}

/// <summary>The force a workbook belongs to: its name in the SYNTHETIC title, and its short name in the workbook properties.</summary>
public sealed record ForceIdentity(string Name, string ShortName)
{
    public string WorkbookTitle => $"ReportGen sample data, {ShortName} 2016/17";
}
