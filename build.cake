// ReportGen build: Clean → Build → Test → Report. Run through ./build.sh (or ./build.ps1).
var target = Argument("target", "Build");
var configuration = Argument("configuration", "Release");
var solution = File("./ReportGen.sln");
var artifacts = Directory("./artifacts");
var testResults = artifacts + Directory("test-results");
var outputFolder = Argument("out", "./out");

var browserNames = new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable" };

Task("Clean")
    .Does(() =>
{
    CleanDirectories("./src/**/bin/" + configuration);
    CleanDirectories("./tests/**/bin/" + configuration);
    CleanDirectory(artifacts);
});

Task("Build")
    .Does(() =>
{
    // Directory.Build.props turns warnings into errors, so a warning fails the build.
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

// PDFs are printed by a Chromium-based browser. Find one, or install Debian's chromium when we can.
Task("EnsureBrowser")
    .Does(() =>
{
    var configured = EnvironmentVariable("REPORTGEN_BROWSER");
    if (!string.IsNullOrEmpty(configured))
    {
        if (!System.IO.File.Exists(configured))
            throw new CakeException($"REPORTGEN_BROWSER is set to {configured}, which does not exist. Set it to the path of Chromium, Chrome or Edge.");
        Information($"Browser: {configured} (REPORTGEN_BROWSER)");
        return;
    }
    string FindBrowser() => (EnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
        .SelectMany(dir => browserNames.Select(name => System.IO.Path.Combine(dir, name)))
        .FirstOrDefault(System.IO.File.Exists);
    var found = FindBrowser();
    if (found != null) { Information($"Browser: {found}"); return; }

    if (IsRunningOnLinux() && System.IO.File.Exists("/usr/bin/apt-get"))
    {
        if (Environment.UserName != "root")
            throw new CakeException("Chromium is needed to print the PDF reports. Install it with: sudo apt-get install chromium   (then run this command again)");
        Information("Chromium is not installed; installing Debian's chromium package with apt-get.");
        var env = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        foreach (var args in new[] { "update -qq", "install -y -qq --no-install-recommends chromium" })
        {
            var exit = StartProcess("apt-get", new ProcessSettings { Arguments = args, EnvironmentVariables = env });
            if (exit != 0) throw new CakeException($"'apt-get {args}' failed (exit code {exit}). Install Chromium yourself (apt-get install chromium) or set REPORTGEN_BROWSER.");
        }
        found = FindBrowser() ?? throw new CakeException("apt-get installed chromium but it is not on PATH. Set REPORTGEN_BROWSER to its path.");
        Information($"Browser: {found}");
        return;
    }
    throw new CakeException("Chromium, Google Chrome or Microsoft Edge is needed to print the PDF reports. Install one, or set REPORTGEN_BROWSER to its full path.");
});

Task("Test")
    .IsDependentOn("Build")
    .IsDependentOn("EnsureBrowser")
    .Does(() =>
{
    CleanDirectory(testResults);
    DotNetTest(solution, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        ResultsDirectory = testResults,
        Loggers = new[] { "trx;LogFileName=tests.trx", "console;verbosity=normal" },
    });
});

// The tool as users run it: published ReadyToRun (compiled ahead of time for this machine's platform), which starts
// in about half the time the JIT needs; its output is byte-identical (the published-edition locks check the samples).
var toolFolder = artifacts + Directory("tool");
Task("Publish")
    .Does(() =>
{
    DotNetPublish("./src/ReportGen.Cli/ReportGen.Cli.csproj", new DotNetPublishSettings
    {
        Configuration = configuration,
        Runtime = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier,
        SelfContained = false,
        OutputDirectory = toolFolder,
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("PublishReadyToRun", "true"),
    });
});
FilePath Tool() => toolFolder + File(IsRunningOnWindows() ? "reportgen.exe" : "reportgen");

Task("Report")
    .IsDependentOn("Publish")
    .IsDependentOn("EnsureBrowser")
    .Does(() =>
{
    var editions = GetFiles("./content/*/*/edition.yaml")
        .Select(f => System.IO.Path.GetRelativePath(Context.Environment.WorkingDirectory.FullPath, f.GetDirectory().FullPath))
        .OrderBy(p => p, StringComparer.Ordinal)
        .ToList();
    if (editions.Count == 0) throw new CakeException("No editions found under content/<organisation>/<edition>/edition.yaml.");
    var args = new ProcessArgumentBuilder().Append("build");
    foreach (var edition in editions) args.AppendQuoted(edition);
    args.Append("--out").AppendQuoted(outputFolder);
    var exit = StartProcess(Tool(), new ProcessSettings { Arguments = args });
    if (exit != 0) throw new CakeException($"reportgen build failed (exit code {exit}); the problems are printed above.");
    Information($"Reports written to {MakeAbsolute(Directory(outputFolder)).FullPath}");
});

// Reads a 50,000-row synthetic HR extract and builds its tables, in separate processes; prints medians.
// A benchmark, not a test: run it by hand (./build.sh --target=Benchmark) and compare figures between versions.
Task("Benchmark")
    .Does(() =>
{
    DotNetRun("./tests/ReportGen.Benchmarks/ReportGen.Benchmarks.csproj",
        new ProcessArgumentBuilder().Append("--rows").Append(Argument("rows", "50000")).Append("--runs").Append(Argument("runs", "5")),
        new DotNetRunSettings { Configuration = "Release" });
});

// Whole builds of the peer editions (the Hertfordshire sample as 1x and repeated as 10x) beside bare Chromium printing
// the same page: ./build.sh --target=PeerBenchmark [--runs=5] [--scales=1,10]. Medians and ratios; see docs/performance.md.
// With --batch=43: 43 copies of the 1x edition built by one call, against separate calls.
Task("PeerBenchmark")
    .IsDependentOn("Publish")
    .IsDependentOn("EnsureBrowser")
    .Does(() =>
{
    var arguments = new ProcessArgumentBuilder().Append("--peer").Append("--runs").Append(Argument("runs", "5")).Append("--scales").Append(Argument("scales", "1,10"))
        .Append("--tool").AppendQuoted(MakeAbsolute(Tool()).FullPath);
    if (Argument("batch", "") is { Length: > 0 } batch) arguments.Append("--batch").Append(batch);
    DotNetRun("./tests/ReportGen.Benchmarks/ReportGen.Benchmarks.csproj", arguments, new DotNetRunSettings { Configuration = "Release" });
});

// Warm rebuilds in one process after a one-word change, and the page alone as a live preview makes it:
// ./build.sh --target=WarmBenchmark [--runs=9] [--scales=1,10].
Task("WarmBenchmark")
    .Does(() =>
{
    DotNetRun("./tests/ReportGen.Benchmarks/ReportGen.Benchmarks.csproj",
        new ProcessArgumentBuilder().Append("--warm").Append("--runs").Append(Argument("runs", "9")).Append("--scales").Append(Argument("scales", "1,10")),
        new DotNetRunSettings { Configuration = "Release" });
});

Task("CI")
    .IsDependentOn("Clean")
    .IsDependentOn("Test")
    .IsDependentOn("Report");

RunTarget(target);
