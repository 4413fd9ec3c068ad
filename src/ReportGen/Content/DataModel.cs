namespace ReportGen.Content;

// data.yaml: where the edition's numbers come from. statistics.yaml: which tables to compute from them, and the
// disclosure-control policy. Same conventions as Model.cs: nullable here, checked by EditionValidator.

public sealed class DataFile
{
    public List<SourceDeclaration>? Sources { get; set; }

    /// <summary>Extra labels per classification: label as the export writes it → category code.</summary>
    public Dictionary<string, Dictionary<string, string>>? Synonyms { get; set; }

    /// <summary>
    /// Labels a source uses for several groups or categories at once, per classification: label → the groups (or
    /// category codes) it stands for, such as "Mixed/Other": [Mixed, Other]. Tables show those together.
    /// </summary>
    public Dictionary<string, Dictionary<string, List<string>>>? Merged { get; set; }
}

public sealed class SourceDeclaration
{
    public string? Id { get; set; }
    [Words] public string? Title { get; set; }
    /// <summary>Path of the workbook, relative to the edition folder, such as data/hr-extract.xlsx.</summary>
    public string? File { get; set; }
    public string? Sheet { get; set; }
    /// <summary>records (one row per person, case or response) or aggregate (categories and a count).</summary>
    public string? Kind { get; set; }
    /// <summary>The row holding the column headers; when absent, the first row holding every mapped header.</summary>
    public int? HeaderRow { get; set; }
    /// <summary>Field name → column header, read by name, never by position.</summary>
    public Dictionary<string, string>? Fields { get; set; }
    /// <summary>Field → classification, for fields whose name is not the classification's own.</summary>
    public Dictionary<string, string>? Classify { get; set; }
    /// <summary>The date ages are worked out at, from a date_of_birth field.</summary>
    public PartialDate? AsAt { get; set; }
    public bool? Synthetic { get; set; }
    /// <summary>
    /// The figures are already published (a census table): they are shown as published, never withheld or rounded.
    /// Anything else, an aggregate HR table included, is disclosure-controlled like any count of people.
    /// </summary>
    public bool? Public { get; set; }
    /// <summary>For an aggregate source: what its count column holds, people (default) or fte (full-time equivalents).</summary>
    public string? Unit { get; set; }
}

public sealed class StatisticsFile
{
    public DisclosurePolicy? Disclosure { get; set; }
    /// <summary>Decimal places of every table's figures, unless a table says otherwise.</summary>
    public PrecisionDeclaration? Precision { get; set; }
    public List<TableDeclaration>? Tables { get; set; }
    /// <summary>
    /// What the tables print of the workbooks' own values (a role, a rank: "Police Officer"), in the edition's words:
    /// in an edition in several languages, in each ({ cy: Swyddog heddlu, en: Police officer }). The classifications'
    /// categories have names in every language of the template set already.
    /// </summary>
    [Words] public Dictionary<string, string>? Names { get; set; }

    /// <summary>The ids of the sources the tables read: their own and their benchmark's.</summary>
    public HashSet<string> UsedSourceIds() =>
        (Tables ?? []).SelectMany(t => new[] { t.Source, t.Benchmark?.Source }).OfType<string>().ToHashSet(StringComparer.Ordinal);
}

public sealed class DisclosurePolicy
{
    /// <summary>Counts from 1 to Threshold − 1 are withheld. Default 5.</summary>
    public int? Threshold { get; set; }
    /// <summary>Round published counts to the nearest multiple of this (e.g. 5); none when absent.</summary>
    public int? RoundTo { get; set; }
    /// <summary>Survey estimates on fewer responses than this are not shown. Default 50.</summary>
    public int? MinimumBase { get; set; }
}

public sealed class TableDeclaration
{
    public string? Id { get; set; }
    [Words] public string? Title { get; set; }
    /// <summary>workforce or service: the report section the table belongs to.</summary>
    public string? Section { get; set; }
    /// <summary>breakdown (default), rate, likelihood or survey.</summary>
    public string? Kind { get; set; }
    public string? Source { get; set; }
    /// <summary>Conditions on fields: a value, a list of values, or 'blank' / 'not blank'.</summary>
    public Dictionary<string, object>? Where { get; set; }
    /// <summary>The characteristic the rows show, such as ethnicity.</summary>
    public string? Rows { get; set; }
    /// <summary>For classified rows: group (the broad groups, default) or category (the detailed categories).</summary>
    public string? Level { get; set; }
    /// <summary>Another grouping of the rows' classification, such as bme or 5a for ethnicity (Data/Groupings).</summary>
    public string? Grouping { get; set; }
    /// <summary>For a breakdown: fte to add up full-time equivalents instead of counting records.</summary>
    public string? Sum { get; set; }
    /// <summary>An optional second field whose values become columns (a cross-tabulation).</summary>
    public string? Columns { get; set; }
    /// <summary>The order of the rows of a text field (such as ranks); values not listed follow, alphabetically.</summary>
    public List<string>? Order { get; set; }
    public BenchmarkDeclaration? Benchmark { get; set; }
    public string? Chart { get; set; }
    /// <summary>What the counts are of, for the chart's legend, such as "People stopped" or "Workforce".</summary>
    [Words] public string? Label { get; set; }
    /// <summary>For rate, likelihood and survey: the group the others are compared with, such as White.</summary>
    public string? Reference { get; set; }
    /// <summary>For likelihood and survey: the field holding the outcome, and the values that count as success.</summary>
    public OutcomeDeclaration? Outcome { get; set; }
    /// <summary>For rate: rates are per this many people of the population (default 1,000).</summary>
    public int? Per { get; set; }
    /// <summary>For rate and likelihood: also publish the 95% interval of each ratio, and whether it excludes 1.</summary>
    public bool? Intervals { get; set; }
    /// <summary>For survey: group-minus-reference (default) or reference-minus-group, as in "White − BME".</summary>
    public string? Gap { get; set; }
    public PrecisionDeclaration? Precision { get; set; }
    [Words] public List<string>? Notes { get; set; }
}

public sealed class PrecisionDeclaration
{
    public int? Percent { get; set; }
    public int? PercentagePoints { get; set; }
    public int? Rate { get; set; }
    public int? Ratio { get; set; }
    public int? Fte { get; set; }
}

public sealed class OutcomeDeclaration
{
    public string? Field { get; set; }
    /// <summary>The outcome values that count: "Appointed", or several such as the three "satisfied" answers.</summary>
    public List<string>? Success { get; set; }
    /// <summary>The name of the outcome, for column headers, such as "Appointed" or "Satisfied".</summary>
    [Words] public string? Label { get; set; }
}

public sealed class BenchmarkDeclaration
{
    public string? Source { get; set; }
    [Words] public string? Label { get; set; }
    public Dictionary<string, object>? Where { get; set; }
    /// <summary>For rate: what the base counts, in the plural, such as officers (default people): "per 1,000 officers".</summary>
    [Words] public string? Unit { get; set; }
}
