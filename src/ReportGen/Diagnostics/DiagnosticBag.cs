namespace ReportGen.Diagnostics;

/// <summary>Collects diagnostics so a stage can report every problem it finds, not only the first.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public void Error(string code, string message, SourceLocation? location = null) =>
        _items.Add(new Diagnostic(Severity.Error, code, message, location));

    public void Warning(string code, string message, SourceLocation? location = null) =>
        _items.Add(new Diagnostic(Severity.Warning, code, message, location));

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
}
