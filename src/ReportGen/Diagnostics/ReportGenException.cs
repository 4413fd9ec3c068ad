namespace ReportGen.Diagnostics;

/// <summary>
/// A problem with the machine rather than the content (no browser, an output folder that cannot be written).
/// Carries a diagnostic whose message says what to do; the command line prints it and exits with code 3.
/// </summary>
public sealed class EnvironmentProblemException(Diagnostic diagnostic, Exception? inner = null)
    : Exception(diagnostic.Message, inner)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
