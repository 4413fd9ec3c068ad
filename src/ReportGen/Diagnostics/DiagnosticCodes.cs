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
    public const string YamlUnsafe = "RG0107";

    // Data (workbooks)
    public const string DataFileMissing = "RG0200";
    public const string SheetMissing = "RG0201";
    public const string HeaderNotFound = "RG0202";
    public const string NotANumber = "RG0203";
    public const string UnknownLabel = "RG0204";
    public const string UnreadableWorkbook = "RG0205";
    public const string FormulaError = "RG0206";
    public const string NotADate = "RG0207";
    public const string UnknownSource = "RG0208";
    public const string UnusedSource = "RG0209";
    public const string ExternalLinks = "RG0210";
    public const string FilterMatchesNothing = "RG0211";
    public const string TotalMismatch = "RG0212";
    public const string InvalidCell = "RG0213";
    public const string FrozenUnreadable = "RG0214";

    // Templates
    public const string TemplateNotFound = "RG0300";
    public const string TemplateSyntax = "RG0301";
    public const string TemplateRuntime = "RG0302";
    public const string LabelMissing = "RG0303";
    public const string LabelSyntax = "RG0304";
    public const string TemplateWords = "RG0305";
    public const string TranslationMissing = "RG0306";
    public const string LabelUnreviewed = "RG0307";

    // Environment and publishing
    public const string BrowserNotFound = "RG0400";
    public const string PrintFailed = "RG0401";
    public const string CannotWrite = "RG0402";

    // Verification
    public const string ManifestUnreadable = "RG0500";
}
