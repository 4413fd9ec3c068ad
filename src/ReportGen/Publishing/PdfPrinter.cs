using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using ReportGen.Diagnostics;

namespace ReportGen.Publishing;

/// <summary>
/// Prints HTML files to tagged PDF with the browser's own print engine, through Playwright driving the
/// installed browser (no browser is downloaded). The browser gets a fresh profile in a temporary folder,
/// deleted on dispose, and no network: only file: URLs load.
/// </summary>
/// <remarks>
/// Interrupting a build must never hang or leave anything behind. So: the Playwright driver is told not to act on
/// Ctrl-C, SIGTERM or SIGHUP itself (it would close the browser under us and every pending call would fail as if
/// the browser had crashed); every call stops waiting as soon as the build is cancelled; shutting down is bounded
/// in time (<see cref="ShutdownBudget"/>); and a profile folder left by a process that was killed outright is removed
/// by the next start.
/// </remarks>
public sealed class PdfPrinter : IAsyncDisposable
{
    private const string FolderPrefix = "reportgen-browser-";
    private static readonly string[] TemporaryFolderVariables = ["TMPDIR", "TMP", "TEMP"];
    private static readonly Lock EnvironmentLock = new();

    /// <summary>How long closing the browser and its driver may take before they are abandoned.</summary>
    public static readonly TimeSpan ShutdownBudget = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long printing may take: the largest edition content allows prints in well under a minute, so a browser
    /// still printing after this has hung, and the build stops with a diagnostic instead of waiting for ever.
    /// </summary>
    public static readonly TimeSpan PrintTimeout = TimeSpan.FromMinutes(10);

    /// <summary>How long a browser left without its driver may take to end on its own before it is killed.</summary>
    private static readonly TimeSpan BrowserGrace = TimeSpan.FromSeconds(0.3);

    private static readonly string[] BrowserArguments =
    [
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--no-first-run",
        "--no-default-browser-check", "--disable-gpu", "--font-render-hinting=none",
        "--host-resolver-rules=MAP * ~NOTFOUND",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _context;
    private readonly BrowserProcess _browser;
    private bool _disposed;

    /// <summary>
    /// The printer's own temporary folder: the browser profile and the driver's temporary files, so that deleting it
    /// leaves nothing behind, even when a signal killed the driver before it tidied up.
    /// </summary>
    public string Folder { get; }

    /// <summary>The browser's name and version, as it reports them (for the manifest).</summary>
    public string BrowserVersion => _context.Browser is { } browser ? $"{browser.BrowserType.Name} {browser.Version}" : "chromium (version unknown)";

    private PdfPrinter(IPlaywright playwright, IBrowserContext context, string folder, BrowserProcess browser)
    {
        _playwright = playwright;
        _context = context;
        _browser = browser;
        Folder = folder;
    }

    /// <summary>
    /// The browser's temporary files go in the printer's folder too, but the browser makes a Unix socket in a folder
    /// of its own there (such as "org.chromium.Chromium.XXXXXX/SingletonSocket"), whose path may not be longer than
    /// 107 bytes. Where the printer's folder is too deep for that (macOS's long TMPDIR), the browser keeps the
    /// machine's temporary folder, and its socket is removed by <see cref="BrowserProcess.RemoveSocket"/>.
    /// </summary>
    private static Dictionary<string, string> BrowserEnvironment(string folder)
    {
        const int LongestSocketTail = 50; // "/org.chromium.Chromium.XXXXXX/SingletonSocket" is 45; Chrome's and Edge's are shorter
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
        if (System.Text.Encoding.UTF8.GetByteCount(folder) + LongestSocketTail <= 107)
            foreach (var variable in TemporaryFolderVariables) environment[variable] = folder;
        if (!OperatingSystem.IsWindows() && !OperatingSystem.IsMacOS())
            environment["FONTCONFIG_FILE"] = WriteFontConfig(folder, environment.GetValueOrDefault("FONTCONFIG_FILE"));
        return environment;
    }

    /// <summary>
    /// How text is laid out depends, on Linux, on the machine's fontconfig rendering settings (hinting, anti-aliasing,
    /// sub-pixel order), even for the shipped web fonts: a machine set to full hinting lays lines out a fraction
    /// wider, and the PDF's bytes change. The browser gets a configuration that reads the machine's (for its font
    /// folders, so that a character the shipped font lacks still has a fallback) and then sets every rendering
    /// setting itself, the same on every machine.
    /// </summary>
    private static string WriteFontConfig(string folder, string? machineConfig)
    {
        var machine = string.IsNullOrEmpty(machineConfig) ? "/etc/fonts/fonts.conf" : machineConfig;
        var path = Path.Combine(folder, "fonts.conf");
        File.WriteAllText(path, $"""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig>
              <include ignore_missing="yes">{System.Security.SecurityElement.Escape(machine)}</include>
              <match target="font">
                <edit name="antialias" mode="assign"><bool>true</bool></edit>
                <edit name="hinting" mode="assign"><bool>false</bool></edit>
                <edit name="hintstyle" mode="assign"><const>hintnone</const></edit>
                <edit name="autohint" mode="assign"><bool>false</bool></edit>
                <edit name="rgba" mode="assign"><const>none</const></edit>
                <edit name="lcdfilter" mode="assign"><const>lcdnone</const></edit>
                <edit name="embeddedbitmap" mode="assign"><bool>false</bool></edit>
              </match>
            </fontconfig>
            """);
        return path;
    }

    /// <summary>
    /// Starts the Playwright driver with its temporary folder inside ours.
    /// The driver is started synchronously at the start of <see cref="Playwright.CreateAsync"/>, so the process-wide
    /// variables are changed only for that instant, under a lock, and restored before the handshake is awaited.
    /// </summary>
    private static Task<IPlaywright> StartDriver(string temporaryFolder)
    {
        lock (EnvironmentLock)
        {
            var saved = TemporaryFolderVariables.Select(Environment.GetEnvironmentVariable).ToArray();
            try
            {
                foreach (var variable in TemporaryFolderVariables) Environment.SetEnvironmentVariable(variable, temporaryFolder);
                return Playwright.CreateAsync();
            }
            finally
            {
                for (var i = 0; i < TemporaryFolderVariables.Length; i++) Environment.SetEnvironmentVariable(TemporaryFolderVariables[i], saved[i]);
            }
        }
    }

    public static async Task<PdfPrinter> StartAsync(string browserPath, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        RemoveAbandonedFolders();
        var folder = Directory.CreateTempSubdirectory(FolderPrefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-").FullName;
        var profile = Directory.CreateDirectory(ProfileOf(folder)).FullName;
        IPlaywright? playwright = null;
        IBrowserContext? context = null;
        try
        {
            playwright = await StartDriver(Directory.CreateDirectory(Path.Combine(folder, "tmp")).FullName).WaitAsync(cancellationToken);
            context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = browserPath,
                Headless = true,
                Args = BrowserArguments,
                Offline = true,
                ServiceWorkers = ServiceWorkerPolicy.Block,
                AcceptDownloads = false,
                HandleSIGINT = false,
                HandleSIGTERM = false,
                HandleSIGHUP = false,
                Env = BrowserEnvironment(folder),
            }).WaitAsync(cancellationToken);
            // Only the report's own files may load; anything else (http, https, ws) is refused.
            await context.RouteAsync("**/*", route =>
                route.Request.Url.StartsWith("file:", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync()).WaitAsync(cancellationToken);
            return new PdfPrinter(playwright, context, folder, BrowserProcess.Find(profile));
        }
        catch (Exception ex)
        {
            await ShutDownAsync(playwright, context, folder);
            if (CancelledMeanwhile(cancellationToken)) throw new OperationCanceledException(cancellationToken);
            if (ex is not (PlaywrightException or TimeoutException or IOException or InvalidOperationException)) throw;
            throw new EnvironmentProblemException(new Diagnostic(Severity.Error, DiagnosticCodes.PrintFailed,
                $"the browser at {browserPath} could not be started to print the PDF ({FirstLine(ex.Message)}). " +
                $"Check that it is Chromium, Chrome or Edge and runs on this machine, or pass --browser PATH"), ex);
        }
    }

    public Task PrintAsync(string htmlPath, string pdfPath, CancellationToken cancellationToken = default) =>
        PrintAsync(htmlPath, pdfPath, null, cancellationToken);

    /// <summary>
    /// Prints the page to PDF. With <paramref name="pageNumbers"/>, each element of the page with
    /// <c>data-page-for="id"</c> first gets the text given for that id (or for "*", else none): a contents page's
    /// numbers, known only once the page has been printed (<see cref="ContentsPages"/>). Returns the ids of those
    /// elements, in the page's order.
    /// </summary>
    public async Task<IReadOnlyList<string>> PrintAsync(string htmlPath, string pdfPath, IReadOnlyDictionary<string, string>? pageNumbers, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IPage? page = null;
        try
        {
            page = await _context.NewPageAsync().WaitAsync(cancellationToken);
            await page.GotoAsync(new Uri(htmlPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load }).WaitAsync(cancellationToken);
            await page.EvaluateAsync("() => document.fonts.ready.then(() => true)").WaitAsync(cancellationToken);
            var places = pageNumbers is null ? [] : await page.EvaluateAsync<string[]>(
                """
                (numbers) => [...document.querySelectorAll('[data-page-for]')].map(e => {
                    const id = e.getAttribute('data-page-for');
                    e.textContent = Object.hasOwn(numbers, id) ? numbers[id] : (numbers['*'] ?? '');
                    return id;
                })
                """, pageNumbers).WaitAsync(cancellationToken);
            // The PDF comes back as bytes and is written here, never by the browser's driver: a print abandoned by
            // Ctrl-C must not go on writing into the staging folder while it is being removed.
            var bytes = await page.PdfAsync(new PagePdfOptions
            {
                PreferCSSPageSize = true,
                PrintBackground = true,
                Tagged = true,
                Outline = true,
            }).WaitAsync(PrintTimeout, cancellationToken);
            await File.WriteAllBytesAsync(pdfPath, bytes, cancellationToken);
            await page.CloseAsync().WaitAsync(cancellationToken);
            return places;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested)
        {
            // Whatever the browser was doing is abandoned; it is closed with the printer.
            throw new OperationCanceledException("the PDF was not printed: the build was cancelled", ex, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            if (page is not null) await Bounded(page.CloseAsync());
            throw new EnvironmentProblemException(new Diagnostic(Severity.Error, DiagnosticCodes.PrintFailed,
                $"the browser did not finish printing {Path.GetFileName(htmlPath)} to PDF within {PrintTimeout.TotalMinutes:0} minutes, and was stopped; nothing was published. " +
                "Try again on a less busy machine; if it persists, try another browser with --browser PATH"), ex);
        }
        catch (PlaywrightException ex)
        {
            // A signal to the process group reaches the driver too: it may die ("Broken pipe") an instant before this
            // process has turned the same signal into a cancellation. That is a cancelled build, not a failed print.
            if (CancelledMeanwhile(cancellationToken)) throw new OperationCanceledException("the PDF was not printed: the build was cancelled", ex, cancellationToken);
            if (page is not null) await Bounded(page.CloseAsync());
            throw new EnvironmentProblemException(new Diagnostic(Severity.Error, DiagnosticCodes.PrintFailed,
                $"the browser failed to print {Path.GetFileName(htmlPath)} to PDF ({FirstLine(ex.Message)}). Try again; if it persists, try another browser with --browser PATH"), ex);
        }
    }

    /// <summary>Whether the build is cancelled now or within half a second: how long a signal takes to become a cancellation.</summary>
    private static bool CancelledMeanwhile(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested || cancellationToken.CanBeCanceled && cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(0.5));

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await ShutDownAsync(_playwright, _context, Folder, _browser);
    }

    /// <summary>
    /// Closes the browser (which ends its process), then the driver, then deletes the profile folder, each within
    /// the shutdown budget, and never throws: a browser that has already gone, or a driver that does not answer,
    /// must not turn a cancelled or failed build into a crash or a hang.
    /// </summary>
    private static async Task ShutDownAsync(IPlaywright? playwright, IBrowserContext? context, string folder, BrowserProcess? known = null)
    {
        var deadline = Stopwatch.StartNew();
        if (context is not null) await Bounded(context.CloseAsync(), ShutdownBudget);
        // Disposing closes the driver's input and waits for it to exit, without a time limit: it runs aside.
        if (playwright is not null) await Bounded(Task.Run(playwright.Dispose), ShutdownBudget - deadline.Elapsed);
        // By now the browser has closed, unless its driver was killed by the signal too: then nothing will ever close
        // it, and it may still be writing to its profile (or starting up, if the driver was killed as it launched it),
        // so it gets a moment and is then killed; the folder can only be deleted once it has gone.
        var browser = BrowserProcess.Find(ProfileOf(folder), known);
        browser.WaitForExitOrKill(BrowserGrace);
        // Look again, and kill what is still there: a helper (a zygote, a renderer) the browser forked as it was being
        // stopped is not in the first look, and would outlive the build. A browser stopped as it started may also
        // have linked its socket only after the first look.
        for (var look = 0; look < 3; look++)
        {
            var left = BrowserProcess.Find(ProfileOf(folder), browser).Alive(ProfileOf(folder));
            if (left.Pids.Count == 0) break;
            left.WaitForExitOrKill(TimeSpan.Zero);
            Thread.Sleep(20);
        }
        BrowserProcess.Find(ProfileOf(folder), browser).RemoveSocket();
        DeleteFolder(folder, TimeSpan.FromSeconds(0.5) + ShutdownBudget - deadline.Elapsed);
    }

    private static string ProfileOf(string folder) => Path.Combine(folder, "profile");

    /// <summary>
    /// The browser's processes and single-instance socket. The browser records them in its profile (SingletonLock
    /// links to "host-PID"; SingletonSocket to a socket in a folder of its own in the machine's temporary folder), and
    /// on Linux its command line names the profile, which finds it even in the instant before it has written anything.
    /// A browser that closes normally removes the socket and its cookie; one whose driver was killed does not.
    /// </summary>
    private sealed record BrowserProcess(IReadOnlyList<int> Pids, DateTime StartedAfter, string? Socket)
    {
        public static BrowserProcess Find(string profile, BrowserProcess? known = null)
        {
            var pids = new SortedSet<int>(known?.Pids ?? []);
            var socket = known?.Socket;
            try
            {
                if (new FileInfo(Path.Combine(profile, "SingletonLock")).LinkTarget is { } owner &&
                    int.TryParse(owner[(owner.LastIndexOf('-') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    pids.Add(id);
                if (new FileInfo(Path.Combine(profile, "SingletonSocket")).LinkTarget is { } target && Path.GetFileName(target) == "SingletonSocket")
                    socket ??= target;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Not there (yet).
            }
            if (OperatingSystem.IsLinux()) pids.UnionWith(LinuxProcessesNaming("--user-data-dir=" + profile));
            var made = known?.StartedAfter ?? (Directory.Exists(profile) ? Directory.GetCreationTimeUtc(profile).AddSeconds(-1) : DateTime.UtcNow);
            return new BrowserProcess([.. pids], made, socket);
        }

        private static IEnumerable<int> LinuxProcessesNaming(string argument)
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
                string commandLine;
                try
                {
                    commandLine = File.ReadAllText(Path.Combine(dir, "cmdline"));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    continue; // it ended while being read
                }
                if (commandLine.Split('\0').Contains(argument, StringComparer.Ordinal)) yield return pid;
            }
        }

        /// <summary>
        /// Waits for the processes to end on their own within the budget, then kills what is left (each of them: a
        /// browser's helpers name the profile too). A killed process writes nothing more, even while it waits to be
        /// reaped, so there is no waiting after the kill.
        /// </summary>
        public void WaitForExitOrKill(TimeSpan budget)
        {
            var clock = Stopwatch.StartNew();
            var processes = new List<Process>();
            foreach (var pid in Pids)
            {
                try
                {
                    var process = Process.GetProcessById(pid);
                    // A process id can be reused: only a process started after the profile was made is this browser.
                    if (process.StartTime.ToUniversalTime() >= StartedAfter) processes.Add(process);
                    else process.Dispose();
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
                {
                    // It has already gone.
                }
            }
            foreach (var process in processes)
            {
                try
                {
                    var left = budget - clock.Elapsed;
                    if (!process.WaitForExit(left < TimeSpan.Zero ? TimeSpan.Zero : left)) process.Kill();
                }
                catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
                {
                    // It has already gone.
                }
                finally
                {
                    process.Dispose();
                }
            }
        }

        /// <summary>
        /// Only the processes that still run and name the profile on their command line: a killed one waiting to be
        /// reaped has none, and a process id that has been given to another program since names something else.
        /// </summary>
        public BrowserProcess Alive(string profile) => this with
        {
            Pids = OperatingSystem.IsLinux() ? [.. Pids.Where(pid => Names(pid, "--user-data-dir=" + profile))] : [],
        };

        private static bool Names(int pid, string argument)
        {
            try
            {
                return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Split('\0').Contains(argument, StringComparer.Ordinal);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        public void RemoveSocket()
        {
            if (Socket is null || Path.GetDirectoryName(Socket) is not { } socketFolder) return;
            try
            {
                File.Delete(Socket);
                File.Delete(Path.Combine(socketFolder, "SingletonCookie"));
                if (Directory.Exists(socketFolder) && !Directory.EnumerateFileSystemEntries(socketFolder).Any()) Directory.Delete(socketFolder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Someone else's now, or already gone.
            }
        }
    }

    private static async Task Bounded(Task task, TimeSpan? budget = null)
    {
        var limit = budget ?? ShutdownBudget;
        if (limit < TimeSpan.Zero) limit = TimeSpan.Zero;
        try
        {
            await task.WaitAsync(limit);
        }
        catch (Exception)
        {
            // Closing something that has already gone, or that does not answer in time, is not an error here.
            _ = task.ContinueWith(t => t.Exception, TaskScheduler.Default);
        }
    }

    /// <summary>The browser may still be writing to its profile for a moment after it was told to close.</summary>
    private static void DeleteFolder(string folder, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (clock.Elapsed >= budget) return; // The next start removes it (RemoveAbandonedFolders).
                Thread.Sleep(50);
            }
        }
    }

    /// <summary>Removes the folders of earlier runs that were killed outright (SIGKILL, power cut).</summary>
    private static void RemoveAbandonedFolders()
    {
        try
        {
            foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
            {
                var rest = Path.GetFileName(folder)[FolderPrefix.Length..];
                var dash = rest.IndexOf('-');
                if (dash <= 0 || !int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
                if (pid == Environment.ProcessId || RunningProcess.IsRunning(pid)) continue;
                var browser = BrowserProcess.Find(ProfileOf(folder));
                if (browser.Pids.Any(RunningProcess.IsRunning)) continue;
                browser.RemoveSocket();
                DeleteFolder(folder, TimeSpan.Zero);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temporary folder that cannot be listed is no reason not to print.
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
