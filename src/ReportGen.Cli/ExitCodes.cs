namespace ReportGen.Cli;

public static class ExitCodes
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;
    public const int EnvironmentProblem = 3;

    /// <summary>Stopped by Ctrl-C, SIGTERM or SIGHUP (128 + SIGINT, as shells report an interrupted command).</summary>
    public const int Cancelled = 130;
}
