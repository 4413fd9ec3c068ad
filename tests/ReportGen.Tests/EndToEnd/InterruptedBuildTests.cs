using System.Diagnostics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.EndToEnd;

/// <summary>
/// A build stopped half-way (killed, or interrupted with Ctrl-C) leaves the previous output of the edition exactly as
/// it was, and the next build clears what the stopped one left behind.
/// </summary>
public sealed class InterruptedBuildTests
{
    [Theory]
    [InlineData("KILL")]
    [InlineData("INT")]
    public async Task A_build_stopped_half_way_leaves_the_previous_output_byte_identical(string signal)
    {
        using var edition = SampleEditions.Create();
        var output = Path.Combine(edition.Root, "out");
        string folder;
        await using (var builder = new ReportBuilder(new BuildOptions(output, OutputFormats.Html, RepoPaths.Templates)))
            folder = (await builder.BuildAsync(edition.Folder)).OutputFolder!;
        var before = SampleEditions.Snapshot(folder);
        File.AppendAllText(Path.Combine(edition.Folder, "objectives.yaml"), "\n  - id: second\n    number: 2\n    title: A second objective\n");

        // The real command, in its own process, printing a PDF so that the build takes a while after staging begins.
        var start = CliProcess.StartInfo(["build", edition.Folder, "--out", output, "--templates", RepoPaths.Templates]);
        using var process = Process.Start(start)!;
        var parent = Path.GetDirectoryName(folder)!;
        // The signal is sent the moment the build says it is printing the PDF (staging has begun, and printing takes a
        // second or more), read from its output as it is written rather than by polling, so that a busy machine cannot
        // make the test miss the window.
        var printing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("printing PDF", StringComparison.Ordinal) == true) printing.TrySetResult(); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Task.WhenAny(printing.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(120)));
        Assert.True(printing.Task.IsCompleted && !process.HasExited, "the build finished before it could be stopped");
        Assert.NotEmpty(Directory.EnumerateDirectories(parent, ".*staging*"));
        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            await kill.WaitForExitAsync();
        await process.WaitForExitAsync();

        Assert.NotEqual(0, process.ExitCode);
        Assert.Equal(before, SampleEditions.Snapshot(folder));

        // The next build succeeds, replaces the output and removes any staging folder left behind.
        await using (var builder = new ReportBuilder(new BuildOptions(output, OutputFormats.Html, RepoPaths.Templates)))
            Assert.True((await builder.BuildAsync(edition.Folder)).Succeeded);
        Assert.Contains("A second objective", File.ReadAllText(Path.Combine(folder, "index.html")));
        Assert.Equal([folder], Directory.GetDirectories(parent));
    }
}
