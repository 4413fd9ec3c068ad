using ReportGen.SampleData;

namespace ReportGen.WorkbookBench;

/// <summary>A temporary edition whose one source is a large synthetic HR extract, with every column declared.</summary>
public static class BenchEdition
{
    public static string Create(int rows)
    {
        var folder = Path.Combine(Path.GetTempPath(), "reportgen-workbook-bench-" + Environment.ProcessId, "content", "bench", "edition");
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        HrExtractWriter.Write(Path.Combine(folder, "data"), SampleDataGenerator.DefaultSeed, rows);
        File.WriteAllText(Path.Combine(folder, "edition.yaml"), "organisation:\n  name: Benchmark Constabulary\nedition:\n  title: Benchmark\n");
        File.WriteAllText(Path.Combine(folder, "objectives.yaml"), "objectives:\n  - id: benchmark\n    number: 1\n    title: Benchmark\n");
        File.WriteAllText(Path.Combine(folder, "data.yaml"), $"""
            sources:
              - id: workforce
                file: data/{HrExtractWriter.FileName}
                sheet: {HrExtractWriter.SheetName}
                as_at: 2017-03-31
                fields:
                  role: Role
                  rank: Rank / Grade
                  sex: Sex
                  ethnicity: Ethnic Origin
                  disability: Disability
                  date_of_birth: Date of Birth
                  sexual_orientation: Sexual Orientation
                  religion: Religion or Belief
                  gender_identity: Gender identity same as sex registered at birth
                  working_pattern: Working Pattern
                  fte: FTE
                  start_date: Start Date
                  leaving_date: Leaving Date
                  leaving_reason: Leaving Reason
            """);
        return folder;
    }
}
