using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.EndToEnd;

/// <summary>
/// Builds every sample edition under content/ (the ones in one language twice), into two output folders, with the real browser.
/// Shared by the end-to-end tests so the browser prints each sample only twice per test run.
/// </summary>
public sealed class SampleBuildFixture : IAsyncLifetime
{
    /// <summary>The samples in one language: a page (index.html) and a PDF (report.pdf) at the top of each one's output.</summary>
    public static readonly string[] Samples = ["hertfordshire/2016-17", "hertfordshire/2017-18", "hertfordshire/equality-information-2016-17", "northumbria/joint-equality-objectives"];

    /// <summary>The samples in several languages: a publication in each (cy/, en/), under a page that lists them.</summary>
    public static readonly string[] MultilingualSamples = ["pembrokeshire-coast/equality-report-2023-24"];

    /// <summary>Every sample, for what holds of any publication (reproducibility, locks).</summary>
    public static IEnumerable<string> Everything => Samples.Concat(MultilingualSamples);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "reportgen-e2e-" + Guid.NewGuid().ToString("N"));
    public string FirstOutput => Path.Combine(Root, "first");
    public string SecondOutput => Path.Combine(Root, "second");
    public Dictionary<string, EditionBuildResult> Results { get; } = [];

    public async Task InitializeAsync()
    {
        foreach (var output in new[] { FirstOutput, SecondOutput })
        {
            await using var builder = new ReportBuilder(new BuildOptions(output));
            // Building twice is compared for the samples in one language; every sample's bytes are held by its lock.
            foreach (var sample in output == FirstOutput ? Everything : Samples)
            {
                var result = await builder.BuildAsync(Path.Combine(RepoPaths.Content, sample));
                Results[$"{output}|{sample}"] = result;
            }
        }
    }

    public string OutputOf(string sample, bool second = false) =>
        Path.Combine(second ? SecondOutput : FirstOutput, sample);

    public Task DisposeAsync()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>The end-to-end test classes share one set of sample builds.</summary>
[CollectionDefinition(Name)]
public sealed class SampleBuildCollection : ICollectionFixture<SampleBuildFixture>
{
    public const string Name = "Sample builds";
}
