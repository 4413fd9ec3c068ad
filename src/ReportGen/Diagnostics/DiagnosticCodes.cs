namespace ReportGen.Diagnostics;

/// <summary>Stable diagnostic codes. The table in docs/diagnostics.md documents each one.</summary>
public static class DiagnosticCodes
{
    // Content (YAML)
    public const string MissingFile = "RG0100";
    public const string YamlSyntax = "RG0101";
    public const string InvalidValue = "RG0102";
    public const string UnknownKey = "RG0103";
    public const string MissingField = "RG0104";
    public const string DuplicateId = "RG0105";
    public const string UnknownObjective = "RG0106";

    // Templates
    public const string TemplateNotFound = "RG0300";
    public const string TemplateSyntax = "RG0301";
    public const string TemplateRuntime = "RG0302";

    // Environment and publishing
    public const string BrowserNotFound = "RG0400";
    public const string PrintFailed = "RG0401";
    public const string CannotWrite = "RG0402";
}
