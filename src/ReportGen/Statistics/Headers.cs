using ReportGen.Rendering;

namespace ReportGen.Statistics;

/// <summary>
/// The column headers the tool makes, from its English labels (<c>table.column.*</c> in Labels/en.yaml): tables are
/// built in English, the words stored in their downloads and frozen copies, and printed in an edition's language by
/// <see cref="LabelSet.Translate"/>, which finds the label a header was made from.
/// </summary>
internal static class Headers
{
    public static string Of(string key, params (string Name, object? Value)[] values) =>
        LabelSet.Tool("en").Text(LabelSet.HeaderPrefix + key, values);
}
