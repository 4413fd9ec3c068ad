using ReportGen.Cli;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Cli;

public sealed class CommandLineTests
{
    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("build")]
    [InlineData("publish content/x")]
    [InlineData("build content/x --format docx")]
    [InlineData("build --bogus content/x")]
    public async Task Usage_errors_exit_with_2_and_point_to_help(string commandLine)
    {
        var (exit, _, err) = await Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("error", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Theory]
    [InlineData("--help", "Examples:")]
    [InlineData("build --help", "Exit codes:")]
    public async Task Help_shows_examples_and_exits_0(string commandLine, string expected)
    {
        var (exit, output, _) = await Run(commandLine.Split(' '));
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains(expected, output);
        Assert.Contains("reportgen build content/hertfordshire/2016-17", output);
    }

    [Fact]
    public async Task Content_error_exits_1_with_compiler_format_diagnostic_and_no_output()
    {
        using var edition = new TempEdition(SampleEditions.EditionYaml, SampleEditions.ObjectivesYaml + "\n    mesures: []\n");
        var output = Path.Combine(edition.Root, "out");
        var (exit, _, err) = await Run("build", edition.Folder, "--out", output, "--format", "html");
        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Matches(@"objectives\.yaml\(10,5\): error RG0103: unknown key 'mesures' — did you mean 'measures'\?", err);
        Assert.False(Directory.Exists(Path.Combine(output, "test-org", "test-edition")));
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public async Task Check_passes_the_samples_without_writing_anything()
    {
        var before = Directory.Exists(Path.Combine(RepoPaths.Root, "out")) ? Directory.GetLastWriteTimeUtc(Path.Combine(RepoPaths.Root, "out")) : (DateTime?)null;
        var (exit, output, err) = await Run("check", Path.Combine(RepoPaths.Content, "hertfordshire", "2016-17"), Path.Combine(RepoPaths.Content, "northumbria", "joint-equality-objectives"));
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", err);
        Assert.Equal(2, output.Split('\n').Count(l => l.EndsWith("no problems found", StringComparison.Ordinal)));
        Assert.Equal(before, Directory.Exists(Path.Combine(RepoPaths.Root, "out")) ? Directory.GetLastWriteTimeUtc(Path.Combine(RepoPaths.Root, "out")) : null);
    }

    [Fact]
    public async Task Check_reports_every_problem_in_one_pass_and_exits_1()
    {
        using var edition = new TempEdition("organisation:\n  name: A\nedition:\n  titel: T\n", "objectives:\n  - id: a\n    number: x\n    title: T\n");
        var (exit, _, err) = await Run("check", edition.Folder);
        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Matches(@"edition\.yaml\(4,3\): error RG0103: unknown key 'titel' — did you mean 'title'\?", err);
        Assert.Matches(@"objectives\.yaml\(3,13\): error RG0102: this value has the wrong type", err);
        Assert.Equal(["content"], Directory.GetDirectories(edition.Root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Check_as_json_lists_each_diagnostic_with_its_location()
    {
        using var edition = new TempEdition("organisation:\n  name: A\nedition:\n  titel: T\n", SampleEditions.ObjectivesYaml);
        var (exit, output, _) = await Run("check", edition.Folder, "--format", "json");
        Assert.Equal(ExitCodes.ContentErrors, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        // The misspelt key, and the title it leaves missing: both found in one run.
        Assert.Equal(2, json.RootElement.GetProperty("errors").GetInt32());
        var diagnostic = json.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("RG0103", diagnostic.GetProperty("code").GetString());
        Assert.Equal(4, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(3, diagnostic.GetProperty("column").GetInt32());
        Assert.EndsWith("edition.yaml", diagnostic.GetProperty("file").GetString());
    }

    [Fact]
    public async Task Check_allows_warnings_unless_they_are_made_errors()
    {
        using var edition = new TempEdition(SampleEditions.EditionYaml, SampleEditions.ObjectivesYaml);
        File.WriteAllText(edition.PathOf("data.yaml"), "sources:\n  - id: unused\n    file: data/x.xlsx\n    sheet: S\n    fields: { role: Role }\n");

        var (exit, _, err) = await Run("check", edition.Folder);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Matches(@"data\.yaml\(2,5\): warning RG0209: source 'unused' is declared but no table uses it", err);

        var (strictExit, _, _) = await Run("check", edition.Folder, "--warnings-as-errors");
        Assert.Equal(ExitCodes.ContentErrors, strictExit);
    }

    [Fact]
    public async Task Build_and_check_never_write_to_the_content_folder()
    {
        using var edition = SampleEditions.Create();
        var before = SampleEditions.Snapshot(Path.Combine(edition.Root, "content"));
        var times = Directory.GetFiles(Path.Combine(edition.Root, "content"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        Assert.Equal(ExitCodes.Success, (await Run("check", edition.Folder)).Exit);
        Assert.Equal(ExitCodes.Success, (await Run("build", edition.Folder, "--out", Path.Combine(edition.Root, "out"), "--format", "html")).Exit);

        Assert.Equal(before, SampleEditions.Snapshot(Path.Combine(edition.Root, "content")));
        Assert.Equal(times, Directory.GetFiles(Path.Combine(edition.Root, "content"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc));
    }

    [Fact]
    public async Task Missing_browser_exits_3_and_says_what_to_install()
    {
        using var edition = SampleEditions.Create();
        var (exit, _, err) = await Run("build", edition.Folder, "--out", Path.Combine(edition.Root, "out"), "--browser", "/nonexistent/chrome");
        Assert.Equal(ExitCodes.EnvironmentProblem, exit);
        Assert.Contains("error RG0400", err);
        Assert.Contains("/nonexistent/chrome", err);
    }

    [Fact]
    public async Task Unwritable_output_folder_exits_3()
    {
        using var edition = SampleEditions.Create();
        var (exit, _, err) = await Run("build", edition.Folder, "--out", "/dev/null/out", "--format", "html");
        Assert.Equal(ExitCodes.EnvironmentProblem, exit);
        Assert.Contains("error RG0402", err);
    }

    [Fact]
    public async Task Html_only_build_writes_organisation_and_edition_folders_and_exits_0()
    {
        using var edition = SampleEditions.Create();
        var output = Path.Combine(edition.Root, "out");
        var (exit, stdout, err) = await Run("build", edition.Folder, "--out", output, "--format", "html");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", err);
        Assert.Contains("built", stdout);
        var folder = Path.Combine(output, "test-org", "test-edition");
        Assert.True(File.Exists(Path.Combine(folder, "index.html")));
        Assert.False(File.Exists(Path.Combine(folder, "report.pdf")));
    }
}
