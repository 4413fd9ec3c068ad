using ReportGen.Content;

namespace ReportGen.Data;

/// <summary>
/// What a field holds follows from its name: a classification's name (or a 'classify:' entry) makes it a
/// category; a name ending in 'date' or 'date_of_birth' a date; 'count', 'fte' or a name ending in '_count' a
/// number; anything else text (role, rank, outcome …).
/// </summary>
public static class FieldKinds
{
    public static string? ClassificationOf(string field, SourceDeclaration source) =>
        source.Classify?.GetValueOrDefault(field) ?? (Classification.BuiltIn.ContainsKey(field) ? field : null);

    public static FieldKind KindOf(string field, SourceDeclaration source)
    {
        if (ClassificationOf(field, source) is not null) return FieldKind.Category;
        if (field == "date" || field.EndsWith("_date", StringComparison.Ordinal) || field == "date_of_birth") return FieldKind.Date;
        if (field is RecordSet.CountField or RecordSet.FteField or RecordSet.HeadcountField || field.EndsWith("_count", StringComparison.Ordinal)) return FieldKind.Number;
        return FieldKind.Text;
    }

    /// <summary>The age band a whole age falls in, as a code of the built-in age classification.</summary>
    public static string AgeBandCode(double age) => age switch
    {
        < 25 => "under-25",
        < 35 => "25-34",
        < 45 => "35-44",
        < 55 => "45-54",
        _ => "55-and-over",
    };
}
