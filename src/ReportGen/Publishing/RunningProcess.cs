using System.Diagnostics;

namespace ReportGen.Publishing;

/// <summary>Whether a process id names a running process: used to tell abandoned temporary folders from live ones.</summary>
internal static class RunningProcess
{
    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
