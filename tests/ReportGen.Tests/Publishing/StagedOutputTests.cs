using ReportGen.Diagnostics;
using ReportGen.Publishing;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Publishing;

public sealed class StagedOutputTests
{
    [Fact]
    public async Task Failed_content_build_leaves_previous_output_byte_identical()
    {
        using var edition = SampleEditions.Create();
        var output = Path.Combine(edition.Root, "out");
        await using var builder = new ReportBuilder(new BuildOptions(output, OutputFormats.Html));
        var first = await builder.BuildAsync(edition.Folder);
        Assert.True(first.Succeeded);
        var before = SampleEditions.Snapshot(first.OutputFolder!);

        File.AppendAllText(edition.PathOf("objectives.yaml"), "\n    mesures: []\n");
        var second = await builder.BuildAsync(edition.Folder);

        Assert.False(second.Succeeded);
        Assert.Contains(second.Diagnostics, d => d.Code == DiagnosticCodes.UnknownKey);
        Assert.Equal(before, SampleEditions.Snapshot(first.OutputFolder!));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(first.OutputFolder!)!, ".*"));
    }

    [Fact]
    public async Task Failed_pdf_print_leaves_previous_output_byte_identical()
    {
        using var edition = SampleEditions.Create();
        var output = Path.Combine(edition.Root, "out");
        string folder;
        await using (var builder = new ReportBuilder(new BuildOptions(output, OutputFormats.Html)))
            folder = (await builder.BuildAsync(edition.Folder)).OutputFolder!;
        var before = SampleEditions.Snapshot(folder);

        await using var failing = new ReportBuilder(new BuildOptions(output, OutputFormats.All, BrowserPath: "/nonexistent/chromium"));
        var ex = await Assert.ThrowsAsync<EnvironmentProblemException>(() => failing.BuildAsync(edition.Folder));

        Assert.Equal(DiagnosticCodes.BrowserNotFound, ex.Diagnostic.Code);
        Assert.Equal(before, SampleEditions.Snapshot(folder));
    }

    [Fact]
    public void Commit_replaces_previous_output_and_removes_staging()
    {
        var root = Directory.CreateTempSubdirectory("reportgen-staged-").FullName;
        try
        {
            var final = Path.Combine(root, "org", "edition");
            Directory.CreateDirectory(final);
            File.WriteAllText(Path.Combine(final, "old.txt"), "old");

            using (var staged = StagedOutput.Begin(final))
            {
                File.WriteAllText(Path.Combine(staged.StagingFolder, "new.txt"), "new");
                Assert.True(File.Exists(Path.Combine(final, "old.txt")));
                staged.Commit();
            }

            Assert.Equal(["new.txt"], Directory.GetFiles(final).Select(Path.GetFileName));
            Assert.Equal([final], Directory.GetDirectories(Path.Combine(root, "org")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Abandoned_staging_folder_of_a_killed_build_is_removed_by_the_next_build()
    {
        var root = Directory.CreateTempSubdirectory("reportgen-staged-").FullName;
        try
        {
            var final = Path.Combine(root, "edition");
            // PID 2^22+1 is above Linux's pid_max, so no process can hold it.
            var abandoned = Path.Combine(root, ".edition.staging-4194305");
            Directory.CreateDirectory(abandoned);

            using (StagedOutput.Begin(final)) { }

            Assert.False(Directory.Exists(abandoned));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Output_folder_that_cannot_be_created_is_an_environment_problem()
    {
        var ex = Assert.Throws<EnvironmentProblemException>(() => StagedOutput.Begin("/dev/null/out/edition"));
        Assert.Equal(DiagnosticCodes.CannotWrite, ex.Diagnostic.Code);
        Assert.Contains("--out", ex.Diagnostic.Message);
    }
}
