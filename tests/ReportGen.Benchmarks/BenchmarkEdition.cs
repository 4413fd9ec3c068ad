using ReportGen.SampleData;

namespace ReportGen.Benchmarks;

/// <summary>
/// A temporary edition whose data is a large synthetic HR extract, every column declared, and whose tables are the
/// workforce tables. bench/workbooks links this file too (it reads the sources only).
/// </summary>
public static class BenchmarkEdition
{
    public static string Create(int rows)
    {
        var folder = Path.Combine(Path.GetTempPath(), "reportgen-benchmark-" + Environment.ProcessId, "content", "benchmark", "edition");
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
        File.WriteAllText(Path.Combine(folder, "statistics.yaml"), """
            tables:
              - { id: ethnicity-by-role, title: Ethnicity by role, source: workforce, where: { leaving_date: blank }, rows: ethnicity, columns: role }
              - { id: ethnicity-detailed, title: Ethnicity (detailed), source: workforce, where: { leaving_date: blank }, rows: ethnicity, level: category }
              - { id: sex-by-role, title: Sex by role, source: workforce, where: { leaving_date: blank }, rows: sex, columns: role }
              - { id: rank-by-sex, title: Rank by sex, source: workforce, where: { leaving_date: blank, role: Police Officer }, rows: rank, columns: sex }
              - { id: disability, title: Disability, source: workforce, where: { leaving_date: blank }, rows: disability }
              - { id: age, title: Age, source: workforce, where: { leaving_date: blank }, rows: age }
              - { id: sexual-orientation, title: Sexual orientation, source: workforce, where: { leaving_date: blank }, rows: sexual_orientation }
              - { id: religion, title: Religion, source: workforce, where: { leaving_date: blank }, rows: religion }
              - { id: gender-identity, title: Gender identity, source: workforce, where: { leaving_date: blank }, rows: gender_identity }
              - { id: leavers, title: Leavers by reason, source: workforce, where: { leaving_date: not blank }, rows: ethnicity, columns: leaving_reason }
            """);
        return folder;
    }
}
