using ReportGen.Diagnostics;

namespace ReportGen.Publishing;

/// <summary>
/// Builds an edition's output in a staging folder beside its final folder and swaps it in only when the
/// whole build succeeded. Until <see cref="Commit"/>, the previous output stays exactly as it was; a build
/// that fails or is killed leaves at most a staging folder, which the next build removes.
/// </summary>
public sealed class StagedOutput : IDisposable
{
    private const string StagingMarker = ".staging-";
    private bool _committed;

    public string FinalFolder { get; }
    public string StagingFolder { get; }

    private StagedOutput(string finalFolder, string stagingFolder)
    {
        FinalFolder = finalFolder;
        StagingFolder = stagingFolder;
    }

    public static StagedOutput Begin(string finalFolder)
    {
        finalFolder = Path.GetFullPath(finalFolder);
        var parent = Path.GetDirectoryName(finalFolder)!;
        var name = Path.GetFileName(finalFolder);
        try
        {
            Directory.CreateDirectory(parent);
            RemoveAbandonedStaging(parent, name);
            var staging = Path.Combine(parent, $".{name}{StagingMarker}{Environment.ProcessId}");
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            Directory.CreateDirectory(staging);
            return new StagedOutput(finalFolder, staging);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(parent, ex);
        }
    }

    public void Commit()
    {
        var previous = FinalFolder + $".previous-{Environment.ProcessId}";
        try
        {
            if (Directory.Exists(FinalFolder)) Directory.Move(FinalFolder, previous);
            try
            {
                Directory.Move(StagingFolder, FinalFolder);
            }
            catch
            {
                if (Directory.Exists(previous)) Directory.Move(previous, FinalFolder);
                throw;
            }
            _committed = true;
            if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(FinalFolder, ex);
        }
    }

    public void Dispose()
    {
        // A file still being closed as the folder is removed makes one attempt fail: a few more, then leave it.
        for (var attempt = 0; !_committed && Directory.Exists(StagingFolder) && attempt < 5; attempt++)
        {
            try
            {
                Directory.Delete(StagingFolder, recursive: true);
            }
            catch (IOException)
            {
                Thread.Sleep(50); // Left for the next build to remove if it still fails.
            }
        }
    }

    private static void RemoveAbandonedStaging(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}{StagingMarker}*"))
        {
            if (int.TryParse(dir[(dir.LastIndexOf('-') + 1)..], out var pid) && pid != Environment.ProcessId && RunningProcess.IsRunning(pid)) continue;
            Directory.Delete(dir, recursive: true);
        }
    }

    private static EnvironmentProblemException CannotWrite(string folder, Exception ex) =>
        new(new Diagnostic(Severity.Error, DiagnosticCodes.CannotWrite,
            $"cannot write the output folder {folder} ({ex.Message}); choose another folder with --out DIR or check its permissions"), ex);
}
