namespace ReportGen.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>
/// Where a problem is: a file, and a line and column within it when known (1-based), or for a workbook the sheet
/// and cell, such as <c>Staff!C14</c>.
/// </summary>
public sealed record SourceLocation(string File, int Line = 0, int Column = 0, string? Cell = null)
{
    public static SourceLocation InCell(string file, string sheet, string cell) => new(file, Cell: $"{sheet}!{cell}");

    public override string ToString() => Cell is not null ? $"{File}({Cell})" : Line > 0 ? $"{File}({Line},{Column})" : File;
}

/// <summary>
/// One problem found in the user's input or environment, printed in the compiler format that editors and CI
/// understand: <c>path(line,col): error RG0103: message</c>.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation? Location = null)
{
    public override string ToString()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        return Location is null ? $"{severity} {Code}: {Message}" : $"{Location}: {severity} {Code}: {Message}";
    }
}
