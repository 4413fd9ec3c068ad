using System.IO.Compression;
using ReportGen.Content;
using ReportGen.Data;
using ReportGen.Diagnostics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Data;

/// <summary>
/// Worked examples for the boundaries and branches of reading data that mutation testing found untested: numbers
/// written as text, total labels, the kinds of fields, age bands, Excel's grid, the limits of the workbook guard,
/// label matching, and the records of aggregate and FTE sheets.
/// </summary>
public sealed class MutationDataTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reportgen-mutation-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // ---- Numbers written as text ----------------------------------------------------------------------------------

    [Theory]
    [InlineData("902,006", 902006.0)]
    [InlineData("12,345,678", 12345678.0)]
    [InlineData("-1,234.5", -1234.5)]
    [InlineData(" 12.5 ", 12.5)]
    [InlineData("7", 7.0)]
    [InlineData("-3", -3.0)]
    public void A_number_written_as_text_is_read(string text, double expected)
    {
        Assert.True(WorkbookReader.TryParseNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,0")]        // a decimal comma, not ten
    [InlineData("1,00")]
    [InlineData("1234,567")]
    [InlineData("1,234,56")]
    [InlineData("1e5")]
    [InlineData("12 000")]
    [InlineData("")]
    [InlineData("n/a")]
    public void Text_that_is_not_a_plain_number_is_not_read_as_one(string text) =>
        Assert.False(WorkbookReader.TryParseNumber(text, out _));

    [Theory]
    [InlineData("Total", true)]
    [InlineData(" TOTAL ", true)]
    [InlineData("All", true)]
    [InlineData("Grand total", true)]
    [InlineData("All categories", true)]
    [InlineData("Totals", false)]
    [InlineData("Subtotal", false)]
    [InlineData("White", false)]
    [InlineData("", false)]
    public void Total_rows_are_known_by_their_label(string text, bool isTotal) =>
        Assert.Equal(isTotal, WorkbookReader.IsTotal(text));

    // ---- Field kinds and age bands --------------------------------------------------------------------------------

    [Theory]
    [InlineData("ethnicity", FieldKind.Category)]
    [InlineData("sexual_orientation", FieldKind.Category)]
    [InlineData("date", FieldKind.Date)]
    [InlineData("start_date", FieldKind.Date)]
    [InlineData("date_of_birth", FieldKind.Date)]
    [InlineData("update", FieldKind.Text)]
    [InlineData("count", FieldKind.Number)]
    [InlineData("fte", FieldKind.Number)]
    [InlineData("headcount", FieldKind.Number)]
    [InlineData("officer_count", FieldKind.Number)]
    [InlineData("discount", FieldKind.Text)]
    [InlineData("role", FieldKind.Text)]
    public void What_a_field_holds_follows_from_its_name(string field, FieldKind kind) =>
        Assert.Equal(kind, FieldKinds.KindOf(field, new SourceDeclaration()));

    [Fact]
    public void A_classify_entry_makes_any_field_a_category_of_that_classification()
    {
        var source = new SourceDeclaration { Classify = new() { ["self_described"] = "ethnicity" } };
        Assert.Equal(FieldKind.Category, FieldKinds.KindOf("self_described", source));
        Assert.Equal("ethnicity", FieldKinds.ClassificationOf("self_described", source));
        Assert.Equal("sex", FieldKinds.ClassificationOf("sex", source));
        // A classify: entry wins over a field's own name.
        Assert.Equal("gender_identity", FieldKinds.ClassificationOf("sex", new SourceDeclaration { Classify = new() { ["sex"] = "gender_identity" } }));
        Assert.Null(FieldKinds.ClassificationOf("role", source));
    }

    [Theory]
    [InlineData(18.0, "under-25")]
    [InlineData(24.0, "under-25")]
    [InlineData(24.9, "under-25")]
    [InlineData(25.0, "25-34")]
    [InlineData(34.0, "25-34")]
    [InlineData(35.0, "35-44")]
    [InlineData(44.0, "35-44")]
    [InlineData(45.0, "45-54")]
    [InlineData(54.0, "45-54")]
    [InlineData(55.0, "55-and-over")]
    [InlineData(67.0, "55-and-over")]
    public void A_whole_age_falls_in_its_band_with_each_band_starting_at_its_first_year(double age, string code) =>
        Assert.Equal(code, FieldKinds.AgeBandCode(age));

    // ---- Excel's grid ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("A1", true)]
    [InlineData("a1", true)]
    [InlineData("Z9", true)]
    [InlineData("AA10", true)]
    [InlineData("XFD1048576", true)]   // the last cell of the grid
    [InlineData("XFE1", false)]        // column 16,385
    [InlineData("A1048577", false)]    // row 1,048,577
    [InlineData("A0", false)]
    [InlineData("A", false)]
    [InlineData("1", false)]
    [InlineData("AAAA1", false)]       // four letters: far beyond XFD
    [InlineData("A-1", false)]
    [InlineData("A1B", false)]
    [InlineData("", false)]
    public void A_cell_reference_is_in_the_grid_only_from_A1_to_XFD1048576(string reference, bool inGrid) =>
        Assert.Equal(inGrid, WorkbookGuard.InGrid(reference));

    // ---- The workbook guard's limits ------------------------------------------------------------------------------

    private (bool Safe, DiagnosticBag Diagnostics) Check(string name, Action<string> write)
    {
        var path = Path.Combine(_folder, name);
        write(path);
        var diagnostics = new DiagnosticBag();
        return (WorkbookGuard.IsSafe(path, "data/" + name, diagnostics), diagnostics);
    }

    private static string Refusal(DiagnosticBag diagnostics)
    {
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.UnreadableWorkbook, error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        return error.Message;
    }

    /// <summary>A zip with a workbook part and one sheet part holding <paramref name="sheetXml"/>, plus any other parts.</summary>
    private static Action<string> Package(string sheetXml, params (string Name, byte[] Bytes, CompressionLevel Level)[] others) => path =>
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open())) writer.Write("<workbook/>");
        using (var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open())) writer.Write(sheetXml);
        foreach (var (name, bytes, level) in others)
        {
            using var stream = zip.CreateEntry(name, level).Open();
            stream.Write(bytes);
        }
    };

    private static string Sheet(string sheetData) =>
        $"""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheetData}</sheetData></worksheet>""";

    [Fact]
    public void An_empty_file_is_refused_as_empty()
    {
        var (safe, diagnostics) = Check("empty.xlsx", p => File.WriteAllBytes(p, []));
        Assert.False(safe);
        Assert.Contains("is empty (0 bytes)", Refusal(diagnostics));
    }

    [Fact]
    public void A_file_of_exactly_the_size_limit_is_not_refused_for_its_size()
    {
        // 50 MB exactly is within the limit; these bytes are no zip, so it is refused as damaged instead.
        var (safe, diagnostics) = Check("limit.xlsx", p =>
        {
            using var file = File.Create(p);
            file.Write("PK\u0003\u0004"u8);
            file.SetLength(WorkbookGuard.MaxFileBytes);
        });
        Assert.False(safe);
        Assert.Contains("damaged or incomplete", Refusal(diagnostics));
    }

    [Theory]
    [InlineData("a,b\n")]           // shorter than the 8 bytes looked at
    [InlineData("Role Sex~x")]       // a space and a tilde are text
    [InlineData("Role\tSex\r\nx")]  // tabs and Windows line ends are text too
    public void A_short_or_tab_separated_text_file_is_refused_as_text(string text)
    {
        var (safe, diagnostics) = Check("text.xlsx", p => File.WriteAllText(p, text));
        Assert.False(safe);
        Assert.Contains("text or CSV file", Refusal(diagnostics));
    }

    [Fact]
    public void A_binary_file_that_is_not_a_zip_is_refused_as_not_a_workbook()
    {
        var (safe, diagnostics) = Check("binary.xlsx", p => File.WriteAllBytes(p, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.False(safe);
        var message = Refusal(diagnostics);
        Assert.Contains("is not an Excel workbook (.xlsx)", message);
        Assert.DoesNotContain("CSV", message);
    }

    [Fact]
    public void A_large_part_that_does_not_compress_well_is_not_a_zip_bomb()
    {
        // 11 MB of random bytes: over 10 MB, but stored at about its own size, so far under 200 times compressed.
        var random = new byte[11 * 1024 * 1024];
        new Random(7).NextBytes(random);
        var (safe, diagnostics) = Check("photo.xlsx", Package(Sheet(""), ("xl/media/image1.bin", random, CompressionLevel.Fastest)));
        Assert.True(safe);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_small_part_that_compresses_very_well_is_not_a_zip_bomb()
    {
        // 5 MB of zeros compresses over 200 times, but is under 10 MB expanded: an ordinary part.
        var (safe, diagnostics) = Check("zeros.xlsx", Package(Sheet(""), ("xl/media/blank.bin", new byte[5 * 1024 * 1024], CompressionLevel.SmallestSize)));
        Assert.True(safe);
        Assert.Empty(diagnostics.Items);
    }

    /// <summary>One row holding one text cell wrapped in <paramref name="depth"/> nested elements.</summary>
    private static string Nested(int depth) => Sheet($"""<row r="1">{HostileWorkbooks.DeeplyNested("A1", depth)}</row>""");

    [Fact]
    public void Xml_nested_to_just_under_the_limit_is_read_and_one_level_more_is_refused()
    {
        // worksheet 0, sheetData 1, row 2, c 3, is 4, then the nested r elements, then t: t is at depth 5 + n.
        // At n = 94 the deepest element is at depth 99, under the limit of 100; at n = 95 it reaches 100.
        var (safe, diagnostics) = Check("deep-ok.xlsx", Package(Nested(94)));
        Assert.True(safe);
        Assert.Empty(diagnostics.Items);

        var (refused, refusal) = Check("deep.xlsx", Package(Nested(95)));
        Assert.False(refused);
        var message = Refusal(refusal);
        Assert.Contains("more than 100 levels deep in xl/worksheets/sheet1.xml, in cell A1", message);
    }

    [Fact]
    public void Deep_xml_in_a_part_other_than_a_sheet_is_refused_too_without_naming_a_cell()
    {
        var deep = string.Concat(Enumerable.Repeat("<a>", 120)) + string.Concat(Enumerable.Repeat("</a>", 120));
        var (safe, diagnostics) = Check("deep-drawing.xlsx", Package(Sheet(""), ("xl/drawings/drawing1.xml", System.Text.Encoding.UTF8.GetBytes(deep), CompressionLevel.Optimal)));
        Assert.False(safe);
        var message = Refusal(diagnostics);
        Assert.Contains("in xl/drawings/drawing1.xml (Excel writes fewer than 20)", message);
    }

    private static string Rows(int count)
    {
        var builder = new System.Text.StringBuilder();
        for (var r = 1; r <= count; r++) builder.Append("<row r=\"").Append(r).Append("\"/>");
        return Sheet(builder.ToString());
    }

    [Fact]
    public void A_sheet_of_exactly_the_row_limit_is_read_and_one_row_more_is_refused()
    {
        var (safe, diagnostics) = Check("rows-ok.xlsx", Package(Rows(WorkbookGuard.MaxRows)));
        Assert.True(safe);
        Assert.Empty(diagnostics.Items);

        var (refused, refusal) = Check("rows.xlsx", Package(Rows(WorkbookGuard.MaxRows + 1)));
        Assert.False(refused);
        Assert.Contains("more than 200,000 rows", Refusal(refusal));
    }

    [Fact]
    public void Rows_are_counted_only_in_sheets()
    {
        // A part that is not a sheet may hold elements called row: they are not rows of data.
        var many = "<root>" + string.Concat(Enumerable.Repeat("<row/>", WorkbookGuard.MaxRows + 1)) + "</root>";
        var (safe, diagnostics) = Check("not-rows.xlsx", Package(Sheet(""), ("xl/other.xml", System.Text.Encoding.UTF8.GetBytes(many), CompressionLevel.Optimal)));
        Assert.True(safe);
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData("XFE1", "'XFE1'")]
    [InlineData("A1048577", "'A1048577'")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1", "'(unreadable)'")]   // too long to repeat
    public void A_cell_outside_the_grid_is_refused_naming_the_reference_when_it_can_be_read(string reference, string named)
    {
        var (safe, diagnostics) = Check("outside.xlsx", Package(Sheet($"""<row r="1"><c r="{reference}" t="inlineStr"><is><t>x</t></is></c></row>""")));
        Assert.False(safe);
        Assert.Contains($"has a cell reference {named} in xl/worksheets/sheet1.xml outside Excel's grid", Refusal(diagnostics));
    }

    [Fact]
    public void A_cell_inside_the_grid_in_a_sheet_passes()
    {
        var (safe, diagnostics) = Check("inside.xlsx", Package(Sheet("""<row r="1"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>""")));
        Assert.True(safe);
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData("xl/worksheets/sheet1.xml")]
    [InlineData("_rels/.rels")]
    [InlineData("xl/CUSTOM.XML")]
    public void A_document_type_declaration_in_any_xml_part_is_refused(string part)
    {
        var doctype = System.Text.Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>");
        Action<string> write = part == "xl/worksheets/sheet1.xml"
            ? p =>
            {
                using var zip = ZipFile.Open(p, ZipArchiveMode.Create);
                using (var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open())) writer.Write("<workbook/>");
                using var stream = zip.CreateEntry(part).Open();
                stream.Write(doctype);
            }
            : Package(Sheet(""), (part, doctype, CompressionLevel.Optimal));
        var (safe, diagnostics) = Check("dtd.xlsx", write);
        Assert.False(safe);
        Assert.Contains($"holds a document type declaration (<!DOCTYPE>) in {part}", Refusal(diagnostics));
    }

    [Fact]
    public void A_part_that_is_not_xml_is_not_parsed_as_xml()
    {
        var (safe, diagnostics) = Check("binary-part.xlsx", Package(Sheet(""), ("xl/media/image1.png", "<not xml"u8.ToArray(), CompressionLevel.Optimal)));
        Assert.True(safe);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Xml_that_is_not_well_formed_is_refused_naming_its_part_and_line()
    {
        var (safe, diagnostics) = Check("broken.xlsx", Package("<worksheet><sheetData></worksheet>"));
        Assert.False(safe);
        Assert.Contains("is damaged: its part xl/worksheets/sheet1.xml is not well-formed XML (line 1,", Refusal(diagnostics));
    }

    // ---- Labels ---------------------------------------------------------------------------------------------------

    private static LabelStandardiser Ethnicity => new(Classification.BuiltIn["ethnicity"]);

    [Theory]
    [InlineData("  White  -  British ", "white-british")]
    [InlineData("WHITE – BRITISH", "white-british")]       // an en dash is a hyphen
    [InlineData("Asian / Indian", "asian/indian")]
    [InlineData("Black:African", "black:african")]
    [InlineData("Arts & Crafts", "arts and crafts")]
    public void Labels_are_compared_without_case_spacing_or_spaces_around_separators(string label, string normalised) =>
        Assert.Equal(normalised, LabelStandardiser.Normalise(label));

    [Theory]
    [InlineData("Mixed/Other", new[] { "Mixed", "Other" })]
    [InlineData("Asian & Black", new[] { "Asian", "Black" })]
    [InlineData("White or Mixed", new[] { "White", "Mixed" })]
    [InlineData("Asian + Other", new[] { "Asian", "Other" })]
    public void A_label_naming_two_groups_is_recognised_as_merged(string label, string[] groups) =>
        Assert.Equal(groups, Ethnicity.PartsOfMerged(label));

    [Theory]
    [InlineData("White")]                  // one group
    [InlineData("White/White")]            // the same group twice
    [InlineData("Mixed/Martian")]          // a part that names nothing
    [InlineData("White/Prefer not to say")]  // a part that is not stated names no group
    public void A_label_that_does_not_name_two_groups_is_not_merged(string label) =>
        Assert.Null(Ethnicity.PartsOfMerged(label));

    [Fact]
    public void A_merged_label_declared_in_data_yaml_maps_to_a_merged_category_and_never_to_one_of_its_parts()
    {
        var standardiser = new LabelStandardiser(Classification.BuiltIn["ethnicity"], null,
            new Dictionary<string, List<string>> { [" Mixed/Other "] = ["Mixed", "Other"] });
        Assert.True(standardiser.TryMap("mixed / other", out var merged));
        Assert.Equal("Mixed/Other", merged.Label);
        Assert.Equal(["Mixed", "Other"], merged.Merges);
        Assert.False(merged.IsNotStated);
    }

    [Fact]
    public void A_leading_code_is_tried_on_its_own_and_a_label_that_maps_to_nothing_is_not_guessed()
    {
        Assert.True(Ethnicity.TryMap("W1 - something the export added", out var white));
        Assert.Equal("white-british", white.Code);
        Assert.False(Ethnicity.TryMap("Martian", out _));
        Assert.True(Ethnicity.TryMap(null, out var blank));
        Assert.True(blank.IsNotStated);
    }

    [Fact]
    public void A_category_is_in_its_group_its_code_and_its_label_ignoring_case()
    {
        var indian = Classification.BuiltIn["ethnicity"].Categories.Single(c => c.Code == "asian-indian");
        Assert.True(indian.IsIn("asian"));
        Assert.True(indian.IsIn("ASIAN-INDIAN"));
        Assert.True(indian.IsIn(indian.Label.ToUpperInvariant()));
        Assert.False(indian.IsIn("Black"));
    }

    [Fact]
    public void The_broad_groups_come_in_publication_order_with_not_stated_last()
    {
        var sex = Classification.Parse("test", """
            # code,label,group,order,synonyms
            b,B label,Second,20,bee
            not-stated,Not stated,Not stated,99,
            a,A label,First,10,ay|a1
            c,C label,Second,30,
            """);
        Assert.Equal(["First", "Second", "Not stated"], sex.Groups);
        Assert.Equal(["a", "b", "c", "not-stated"], sex.Categories.Select(c => c.Code));
        Assert.Equal("not-stated", sex.NotStated.Code);
        Assert.Equal(["ay", "a1", "A label"], sex.Synonyms[sex.Categories[0]]);
    }

    [Theory]
    [InlineData("5a", "asian-chinese", "Other", false)]
    [InlineData("5b", "asian-chinese", "Asian", false)]
    [InlineData("bme", "black-african", "Black, Asian and minority ethnic", false)]
    [InlineData("white-british", "white", "Not stated", true)]      // only "White": not known to be White British
    [InlineData("white-british", "not-stated", "Not stated", false)]
    public void A_grouping_puts_each_category_in_its_row_and_says_when_that_is_an_assumption(string grouping, string code, string row, bool uncertain)
    {
        var ethnicity = Classification.BuiltIn["ethnicity"];
        var category = ethnicity.Categories.Single(c => c.Code == code);
        Assert.Equal((row, uncertain), Grouping.BuiltIn["ethnicity"][grouping].RowOf(category));
    }

    // ---- Records of aggregate, FTE and records sheets --------------------------------------------------------------

    private static RecordSet Set(string? kind, string? unit, params string[] fields)
    {
        var declaration = new SourceDeclaration { Id = "s", Kind = kind, Unit = unit };
        return new RecordSet(declaration, "data/s.xlsx", "S", fields.Select(f => new FieldSpec(f, f, FieldKind.Number, null)).ToList(), []);
    }

    [Fact]
    public void A_record_of_a_records_sheet_is_one_person_and_its_fte_is_its_fte_field()
    {
        var set = Set(null, null, "fte");
        var record = new DataRecord(2, [0.6]);
        Assert.False(set.IsAggregate);
        Assert.False(set.IsFte);
        Assert.True(set.HasHeadcount);
        Assert.Equal(1, set.HeadcountOf(record));
        Assert.Equal(0.6, set.FteOf(record));
    }

    [Fact]
    public void A_record_of_an_aggregate_sheet_is_its_count_and_a_blank_count_is_none()
    {
        var set = Set("aggregate", null, "role", "count");
        Assert.True(set.IsAggregate);
        Assert.False(set.IsFte);
        Assert.Equal(42, set.HeadcountOf(new DataRecord(2, ["x", 42.0])));
        Assert.Equal(0, set.HeadcountOf(new DataRecord(3, ["x", null])));
        Assert.Equal(0, set.FteOf(new DataRecord(2, ["x", 42.0])));   // no fte field
    }

    [Fact]
    public void A_record_of_an_fte_sheet_has_its_count_as_fte_and_its_headcount_as_people()
    {
        var withPeople = Set("aggregate", "fte", "count", "headcount");
        Assert.True(withPeople.IsFte);
        Assert.True(withPeople.HasHeadcount);
        var record = new DataRecord(2, [187.4, 210.0]);
        Assert.Equal(187.4, withPeople.FteOf(record));
        Assert.Equal(210, withPeople.HeadcountOf(record));

        var withoutPeople = Set("aggregate", "fte", "count");
        Assert.False(withoutPeople.HasHeadcount);
        Assert.Equal(-1, withoutPeople.IndexOf("headcount"));
        Assert.Null(withoutPeople.Field("headcount"));
        Assert.Equal("count", withoutPeople.Field("count")!.Name);
        Assert.Equal(0, withoutPeople.HeadcountOf(new DataRecord(2, [187.4])));
    }

    [Fact]
    public void An_fte_unit_on_a_records_source_is_not_an_fte_sheet()
    {
        Assert.False(Set(null, "fte", "count").IsFte);
        Assert.True(Set("aggregate", null, "count", "headcount").HasHeadcount);
    }

    // ---- Reading cells --------------------------------------------------------------------------------------------

    private const string OfficersYaml = """
        sources:
          - id: officers
            file: data/officers.xlsx
            sheet: Officers
            kind: aggregate
            fields: { rank: Rank, count: Headcount }
        """;

    private static (RecordSet? Set, DiagnosticBag Diagnostics) Read(DataEdition data)
    {
        var loading = new DiagnosticBag();
        var edition = EditionLoader.Load(data.Folder, loading) ?? throw new InvalidOperationException(string.Join("\n", loading.Items));
        var diagnostics = new DiagnosticBag();
        return (new WorkbookReader(edition, diagnostics).Read(edition.Data.Sources![0]), diagnostics);
    }

    [Fact]
    public void A_dash_in_a_number_column_is_none_and_text_that_is_no_number_is_reported_at_its_cell()
    {
        using var data = new DataEdition(OfficersYaml);
        data.Workbook("officers.xlsx", "Officers", [["Rank", "Headcount"], ["Constable", "-"], ["Sergeant", "–"], ["Inspector", "1,0"], ["Chief", " 1,200 "]]);

        var (set, diagnostics) = Read(data);

        Assert.Equal([0d, 0d, 0d, 1200d], set!.Records.Select(set.HeadcountOf));
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.NotANumber, error.Code);
        Assert.EndsWith("(Officers!B4)", error.Location!.ToString());
        Assert.Contains("'1,0' in column 'Headcount' is not a number", error.Message);
    }

    [Fact]
    public void The_first_three_bad_cells_of_a_column_are_reported_each_and_the_rest_once_with_their_number()
    {
        using var data = new DataEdition(OfficersYaml);
        data.Workbook("officers.xlsx", "Officers", [["Rank", "Headcount"], .. Enumerable.Range(1, 6).Select(i => new object?[] { $"Rank {i}", "many" })]);

        var (_, diagnostics) = Read(data);

        Assert.Equal(4, diagnostics.Items.Count);
        Assert.Equal(["Officers!B2", "Officers!B3", "Officers!B4", "Officers!B5"], diagnostics.Items.Select(d => d.Location!.Cell));
        Assert.StartsWith("and 3 more cells in column 'Headcount' (from here to Officers!B7) with the same problem, 6 in all.", diagnostics.Items[^1].Message);
    }

    [Fact]
    public void One_bad_cell_more_than_those_reported_is_counted_as_one_more_cell()
    {
        using var data = new DataEdition(OfficersYaml);
        data.Workbook("officers.xlsx", "Officers", [["Rank", "Headcount"], .. Enumerable.Range(1, 4).Select(i => new object?[] { $"Rank {i}", "many" })]);

        var (_, diagnostics) = Read(data);

        Assert.Equal(4, diagnostics.Items.Count);
        Assert.StartsWith("and 1 more cell in column 'Headcount' (from here to Officers!B5) with the same problem, 4 in all.", diagnostics.Items[^1].Message);
        Assert.EndsWith("(Officers!B5)", diagnostics.Items[^1].Location!.ToString());
    }

    [Fact]
    public void Three_bad_cells_are_each_reported_and_no_more()
    {
        using var data = new DataEdition(OfficersYaml);
        data.Workbook("officers.xlsx", "Officers", [["Rank", "Headcount"], .. Enumerable.Range(1, 3).Select(i => new object?[] { $"Rank {i}", "many" })]);

        var (_, diagnostics) = Read(data);

        Assert.Equal(3, diagnostics.Items.Count);
        Assert.All(diagnostics.Items, d => Assert.Equal(DiagnosticCodes.NotANumber, d.Code));
    }

    private const string PeopleYaml = """
        sources:
          - id: staff
            file: data/staff.xlsx
            sheet: Staff
            as_at: 2017-03-31
            fields: { role: Role, date_of_birth: Date of birth }
        """;

    [Fact]
    public void Age_is_worked_out_at_the_as_at_date_and_a_birthday_on_that_day_counts()
    {
        using var data = new DataEdition(PeopleYaml);
        data.Workbook("staff.xlsx", "Staff", [
            ["Role", "Date of birth"],
            ["a", new DateTime(1992, 3, 31)],   // 25 on 31 March 2017
            ["b", new DateTime(1992, 4, 1)],    // 24 until the next day
            ["c", new DateTime(1982, 3, 31)],   // 35
            ["d", new DateTime(1982, 4, 1)],    // 34
            ["e", null],                        // not stated
        ]);

        var (set, diagnostics) = Read(data);

        Assert.Empty(diagnostics.Items);
        var age = set!.IndexOf("age");
        Assert.Equal(["25-34", "under-25", "35-44", "25-34", "not-stated"], set.Records.Select(r => ((Category)r.Values[age]!).Code));
    }

    [Fact]
    public void Age_at_a_month_is_worked_out_at_its_last_day_and_at_a_year_at_31_december()
    {
        foreach (var (asAt, expected) in new[] { ("2017-02", "under-25"), ("2017", "25-34") })
        {
            // Born 15 March 1992: 24 on 28 February 2017, 25 by 31 December 2017.
            using var data = new DataEdition(PeopleYaml.Replace("2017-03-31", asAt, StringComparison.Ordinal));
            data.Workbook("staff.xlsx", "Staff", [["Role", "Date of birth"], ["a", new DateTime(1992, 3, 15)]]);
            var (set, _) = Read(data);
            Assert.Equal(expected, ((Category)set!.Records[0].Values[set.IndexOf("age")]!).Code);
        }
    }

    [Fact]
    public void A_header_is_found_in_the_first_fifty_rows_and_not_below()
    {
        using (var within = new DataEdition(OfficersYaml))
        {
            within.Workbook("officers.xlsx", "Officers", [.. Enumerable.Range(1, 49).Select(i => new object?[] { $"title {i}", null }), ["Rank", "Headcount"], ["Constable", 12.0]]);
            var (set, diagnostics) = Read(within);
            Assert.Empty(diagnostics.Items);
            Assert.Equal([51], set!.Records.Select(r => r.Row));
        }
        using var below = new DataEdition(OfficersYaml);
        below.Workbook("officers.xlsx", "Officers", [.. Enumerable.Range(1, 50).Select(i => new object?[] { $"title {i}", null }), ["Rank", "Headcount"], ["Constable", 12.0]]);
        var (none, problems) = Read(below);
        Assert.Null(none);
        Assert.Contains(problems.Items, d => d.Code == DiagnosticCodes.HeaderNotFound);
    }

    [Fact]
    public void A_header_row_that_does_not_hold_the_headers_names_the_row_that_does()
    {
        using var data = new DataEdition(OfficersYaml.Replace("kind: aggregate", "kind: aggregate\n    header_row: 1", StringComparison.Ordinal));
        data.Workbook("officers.xlsx", "Officers", [["Officers by rank", null], ["Rank", "Headcount"], ["Constable", 12.0]]);

        var (set, diagnostics) = Read(data);

        Assert.Null(set);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.HeaderNotFound, error.Code);
        Assert.StartsWith("header_row: 1 does not hold the headers; the headers are in row 2: write header_row: 2", error.Message);
    }

    [Fact]
    public void A_header_row_past_the_last_row_or_on_an_empty_row_is_said_to_be_so()
    {
        foreach (var (row, expected) in new[] { (9, "header_row: 9 is past the last row of sheet 'Officers' (row 3)"), (2, "header_row: 2 is an empty row of sheet 'Officers'") })
        {
            using var data = new DataEdition(OfficersYaml.Replace("kind: aggregate", $"kind: aggregate\n    header_row: {row}", StringComparison.Ordinal));
            data.Workbook("officers.xlsx", "Officers", [["Rank", "Headcount"], [null, null], ["Constable", 12.0]]);
            var (set, diagnostics) = Read(data);
            Assert.Null(set);
            Assert.StartsWith(expected, Assert.Single(diagnostics.Items).Message);
        }
    }

    [Fact]
    public void A_total_row_is_left_out_and_checked_against_the_rows_it_totals()
    {
        using var data = new DataEdition(OfficersYaml);
        data.Workbook("officers.xlsx", "Officers", [["Rank", "Headcount"], ["Constable", 700.0], ["Sergeant", 120.0], ["Total", 820.4]]);

        var (set, diagnostics) = Read(data);

        // 820.4 is within half of 820: no warning; the total row is not a record.
        Assert.Empty(diagnostics.Items);
        Assert.Equal([700d, 120d], set!.Records.Select(set.HeadcountOf));
    }

    [Fact]
    public void A_total_off_by_a_half_or_more_is_a_warning()
    {
        using var data = new DataEdition(OfficersYaml);
        data.Workbook("officers.xlsx", "Officers", [["Rank", "Headcount"], ["Constable", 700.0], ["Sergeant", 120.0], ["Total", 820.5]]);

        var (_, diagnostics) = Read(data);

        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.TotalMismatch, warning.Code);
        Assert.Contains("the total 820.5 in column 'Headcount' does not equal the sum of the 2 rows it totals (820)", warning.Message);
    }

    [Fact]
    public void A_notes_line_after_a_blank_row_ends_the_table_even_with_text_in_two_columns()
    {
        // A row that leaves a field empty and starts "Notes" ends the table after a blank row, though it fills two
        // of the three fields; a full row is data whatever it says.
        using var data = new DataEdition("""
            sources:
              - id: officers
                file: data/officers.xlsx
                sheet: Officers
                kind: aggregate
                fields: { rank: Rank, grade: Grade, count: Headcount }
            """);
        data.Workbook("officers.xlsx", "Officers", [
            ["Rank", "Grade", "Headcount"], ["Constable", "A", 700.0], [null, null, null], ["Sergeant", "B", 120.0], [null, null, null],
            ["Notes: headcount on 31 March", "provisional", null], ["Inspector", "C", 40.0],
        ]);

        var (set, diagnostics) = Read(data);

        Assert.Empty(diagnostics.Items);
        Assert.Equal([2, 4], set!.Records.Select(r => r.Row));
    }

    [Fact]
    public void A_notes_line_alone_on_its_row_ends_the_table_even_without_a_blank_row_before_it()
    {
        using var data = new DataEdition(OfficersYaml);
        data.Workbook("officers.xlsx", "Officers", [
            ["Rank", "Headcount"], ["Constable", 700.0], ["Source: HR system", null], ["Sergeant", 120.0],
        ]);

        var (set, diagnostics) = Read(data);

        Assert.Empty(diagnostics.Items);
        Assert.Equal([2], set!.Records.Select(r => r.Row));
    }

    [Fact]
    public void A_full_row_whose_first_cell_reads_like_a_note_is_data()
    {
        using var data = new DataEdition(OfficersYaml);
        data.Workbook("officers.xlsx", "Officers", [["Rank", "Headcount"], ["Constable", 700.0], [null, null], ["Source officer", 12.0], ["Sergeant", 120.0]]);

        var (set, diagnostics) = Read(data);

        Assert.Empty(diagnostics.Items);
        Assert.Equal([2, 4, 5], set!.Records.Select(r => r.Row));
    }

    [Fact]
    public void A_total_label_in_a_column_no_field_reads_marks_a_total_row()
    {
        using var data = new DataEdition(OfficersYaml);
        data.Workbook("officers.xlsx", "Officers", [
            ["Group", "Rank", "Headcount"], ["Officers", "Constable", 700.0], [null, "Sergeant", 120.0], ["Total", null, 820.0],
        ]);

        var (set, diagnostics) = Read(data);

        Assert.Empty(diagnostics.Items);
        Assert.Equal([2, 3], set!.Records.Select(r => r.Row));
    }

    [Fact]
    public void An_age_given_as_a_number_falls_in_its_band_and_text_is_collapsed_to_single_spaces()
    {
        using var data = new DataEdition("""
            sources:
              - id: staff
                file: data/staff.xlsx
                sheet: Staff
                fields: { role: Role, age: Age }
            """);
        data.Workbook("staff.xlsx", "Staff", [["Role", "Age"], ["  Police   Officer ", 24.0], ["Police Staff", 25.0], ["PCSO", "54"], ["Special", "18-24"], ["Cadet", null]]);

        var (set, diagnostics) = Read(data);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(["Police Officer", "Police Staff", "PCSO", "Special", "Cadet"], set!.Records.Select(r => (string)r.Values[0]!));
        Assert.Equal(["under-25", "25-34", "45-54", "under-25", "not-stated"], set.Records.Select(r => ((Category)r.Values[1]!).Code));
    }

    [Fact]
    public void A_binary_file_with_a_delete_byte_in_its_first_bytes_is_not_taken_for_text()
    {
        var (safe, diagnostics) = Check("del.xlsx", p => File.WriteAllBytes(p, [(byte)'a', (byte)'b', 0x7F, (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h']));
        Assert.False(safe);
        Assert.Contains("is not an Excel workbook (.xlsx)", Refusal(diagnostics));
    }

    [Fact]
    public void A_part_of_exactly_10_MB_is_not_a_zip_bomb_however_well_it_compresses()
    {
        var (safe, diagnostics) = Check("ten.xlsx", Package(Sheet(""), ("xl/media/blank.bin", new byte[10 * 1024 * 1024], CompressionLevel.Fastest)));
        Assert.True(safe);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Parts_that_expand_to_more_than_400_MB_in_all_are_refused_as_a_zip_bomb()
    {
        // 41 parts of 10 MB of zeros: none is over 10 MB, but together they expand to 410 MB.
        var zeros = new byte[10 * 1024 * 1024];
        var (safe, diagnostics) = Check("many.xlsx", Package(Sheet(""), [.. Enumerable.Range(1, 41).Select(i => ($"xl/media/blank{i}.bin", zeros, CompressionLevel.Fastest))]));
        Assert.False(safe);
        Assert.Contains("expands to far more than its size on disk (more than 400 MB, or over 200 times compressed)", Refusal(diagnostics));
    }

    [Fact]
    public void A_total_row_of_an_fte_sheet_is_checked_on_its_fte_whatever_its_headcount()
    {
        using var data = new DataEdition("""
            sources:
              - id: officers
                file: data/officers.xlsx
                sheet: Officers
                kind: aggregate
                unit: fte
                fields: { rank: Rank, count: FTE, headcount: Headcount }
            """);
        data.Workbook("officers.xlsx", "Officers", [["Rank", "FTE", "Headcount"], ["Constable", 650.5, 700.0], ["Sergeant", 110.0, 120.0], ["Total", 770.5, 820.0]]);

        var (_, diagnostics) = Read(data);

        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.TotalMismatch, warning.Code);
        Assert.Contains("the total 770.5 in column 'FTE' does not equal the sum of the 2 rows it totals (760.5)", warning.Message);
    }

    [Fact]
    public void An_unknown_label_in_one_cell_is_reported_without_a_count_of_cells()
    {
        using var data = new DataEdition("""
            sources:
              - id: staff
                file: data/staff.xlsx
                sheet: Staff
                fields: { role: Role, ethnicity: Ethnicity }
            """);
        data.Workbook("staff.xlsx", "Staff", [["Role", "Ethnicity"], ["#1 team", "Martian"], [null, "White"]]);

        var (set, diagnostics) = Read(data);

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.UnknownLabel, error.Code);
        Assert.DoesNotContain("cells)", error.Message);
        Assert.Contains("'Martian' in column 'Ethnicity' is not a known ethnicity label", error.Message);
        // Text beginning with # is text, not a formula error; a blank text cell is no value.
        Assert.Equal("#1 team", set!.Records[0].Values[0]);
        Assert.Null(set.Records[1].Values[0]);
    }

    [Fact]
    public void A_header_row_with_some_of_the_headers_is_the_one_the_error_names()
    {
        using var data = new DataEdition(OfficersYaml);
        data.Workbook("officers.xlsx", "Officers", [["Officers by rank", null], ["Rank", "Heads"], ["Constable", 12.0]]);

        var (set, diagnostics) = Read(data);

        Assert.Null(set);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("Officers!A2", error.Location!.Cell);
        Assert.StartsWith("no column 'Headcount' (field 'count' of source 'officers') in the header row 2", error.Message);
    }
}
