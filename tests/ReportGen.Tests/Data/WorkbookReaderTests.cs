using ClosedXML.Excel;
using ReportGen.Content;
using ReportGen.Data;
using ReportGen.Diagnostics;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Data;

public sealed class WorkbookReaderTests
{
    private const string DataYaml = """
        sources:
          - id: staff
            file: data/hr.xlsx
            sheet: Staff
            fields:
              role: Role
              sex: Sex
              ethnicity: Ethnic Origin
              fte: FTE
              start_date: Start Date
        """;

    /// <summary>A sheet as HR systems export it: title rows, a merged group header, a blank row, notes below.</summary>
    private static IEnumerable<object?[]> MessyStaff(params object?[][] dataRows)
    {
        yield return ["HR extract — SYNTHETIC", null, null, null, null];
        yield return ["Extracted 31/03/2017", null, null, null, null];
        yield return [null, null, null, null, null];
        yield return ["Employee", null, "Protected characteristics", null, "Employment"];
        yield return ["  Role ", "sex", "Ethnic  Origin", "FTE", "Start Date"];
        foreach (var row in dataRows) yield return row;
        yield return [null, null, null, null, null];
        yield return ["Notes: ethnicity is self-declared.", null, null, null, null];
        yield return ["Source: HR system", null, null, null, null];
    }

    private static readonly DateTime Start = new(2010, 4, 1);

    /// <summary>Loads the edition (its own diagnostics apart: a source no table uses is only a warning there), then reads the source.</summary>
    private static (RecordSet? Set, DiagnosticBag Diagnostics) Read(DataEdition data)
    {
        var loading = new DiagnosticBag();
        var edition = EditionLoader.Load(data.Folder, loading) ?? throw new InvalidOperationException(string.Join("\n", loading.Items));
        var diagnostics = new DiagnosticBag();
        return (new WorkbookReader(edition, diagnostics).Read(edition.Data.Sources![0]), diagnostics);
    }

    [Fact]
    public void Reads_a_messy_export_by_header_name_skipping_titles_blank_rows_and_notes()
    {
        using var data = new DataEdition(DataYaml);
        data.Workbook("hr.xlsx", "Staff", MessyStaff(
            ["Police Officer", "Male", "W1", 1.0, Start],
            ["Police Staff", "female ", "White - British", "0.5", Start],
            [null, null, null, null, null],
            ["PCSO", "F", "white british ", "1,0", Start],
            ["Police Staff", "M", "Not Stated", 1.0, Start],
            ["Police Officer", "Female", "A1 - Indian", 1.0, Start]),
            ws => { ws.Range("A4:B4").Merge(); ws.Range("C4:D4").Merge(); });

        var (set, diagnostics) = Read(data);

        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.NotANumber && d.Location!.ToString().EndsWith("(Staff!D9)"));
        Assert.NotNull(set);
        Assert.Equal([6, 7, 9, 10, 11], set!.Records.Select(r => r.Row));
        var ethnicity = set.Records.Select(r => ((Category)r.Values[set.IndexOf("ethnicity")]!).Code).ToList();
        Assert.Equal(["white-british", "white-british", "white-british", "not-stated", "asian-indian"], ethnicity);
        Assert.Equal(["male", "female", "female", "male", "female"], set.Records.Select(r => ((Category)r.Values[set.IndexOf("sex")]!).Code));
        Assert.Equal(0.5, set.Records[1].Values[set.IndexOf("fte")]);
    }

    [Fact]
    public void Finds_a_header_held_in_a_cell_merged_across_two_rows()
    {
        using var data = new DataEdition(DataYaml);
        data.Workbook("hr.xlsx", "Staff", [
            ["Role", "Sex", "Ethnic Origin", "FTE", "Start Date"],
            [null, null, null, null, null],
            ["Police Officer", "Male", "W1", 1.0, Start],
        ], ws => ws.Range("A1:A2").Merge());

        var (set, diagnostics) = Read(data);

        Assert.Empty(diagnostics.Items);
        Assert.Single(set!.Records);
    }

    [Fact]
    public void An_unknown_label_names_its_cell_and_the_closest_known_label()
    {
        using var data = new DataEdition(DataYaml);
        data.Workbook("hr.xlsx", "Staff", MessyStaff(
            ["Police Officer", "Male", "Whte British", 1.0, Start],
            ["Police Officer", "Male", "Whte British", 1.0, Start]));

        var (_, diagnostics) = Read(data);

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.UnknownLabel, error.Code);
        Assert.EndsWith("data/hr.xlsx(Staff!C6)", error.Location!.ToString());
        Assert.Contains("'Whte British'", error.Message);
        Assert.Contains("(2 cells)", error.Message);
        Assert.Contains("did you mean 'White British'", error.Message);
        Assert.Contains("synonyms: ethnicity:", error.Message);
    }

    [Fact]
    public void An_extra_synonym_in_data_yaml_maps_a_local_label()
    {
        using var data = new DataEdition(DataYaml + "\nsynonyms:\n  ethnicity:\n    White Eastern European: white-other\n");
        data.Workbook("hr.xlsx", "Staff", MessyStaff(["Police Officer", "Male", "white eastern european", 1.0, Start]));

        var (set, diagnostics) = Read(data);

        Assert.Empty(diagnostics.Items);
        Assert.Equal("white-other", ((Category)set!.Records[0].Values[set.IndexOf("ethnicity")]!).Code);
    }

    [Fact]
    public void A_renamed_column_is_reported_with_the_closest_header()
    {
        using var data = new DataEdition(DataYaml);
        data.Workbook("hr.xlsx", "Staff", [["Role", "Sex", "Ethnicity Origin", "FTE", "Start Date"], ["Police Officer", "Male", "W1", 1.0, Start]]);

        var (set, diagnostics) = Read(data);

        Assert.Null(set);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.HeaderNotFound, error.Code);
        Assert.EndsWith("(Staff!A1)", error.Location!.ToString());
        Assert.Contains("no column 'Ethnic Origin'", error.Message);
        Assert.Contains("did you mean 'Ethnicity Origin'", error.Message);
    }

    [Fact]
    public void A_date_stored_as_text_is_reported_at_its_cell()
    {
        using var data = new DataEdition(DataYaml);
        data.Workbook("hr.xlsx", "Staff", MessyStaff(["Police Officer", "Male", "W1", 1.0, "01/04/2010"]));

        var (_, diagnostics) = Read(data);

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.NotADate, error.Code);
        Assert.EndsWith("(Staff!E6)", error.Location!.ToString());
    }

    [Fact]
    public void A_workbook_that_is_a_link_to_a_file_outside_the_edition_is_refused()
    {
        using var data = new DataEdition(DataYaml);
        var outside = Path.Combine(data.Root, "outside.xlsx");
        data.Workbook("real.xlsx", "Staff", MessyStaff(["Police Officer", "Male", "W1", 1.0, Start]));
        File.Move(Path.Combine(data.Folder, "data", "real.xlsx"), outside);
        File.CreateSymbolicLink(Path.Combine(data.Folder, "data", "hr.xlsx"), outside);

        AssertRefusedAsOutside(data);
    }

    [Fact]
    public void A_workbook_in_a_folder_that_links_outside_the_edition_is_refused()
    {
        // data/ext is a link to a folder outside the edition: data/ext/hr.xlsx names a file inside, but is not.
        using var data = new DataEdition(DataYaml.Replace("data/hr.xlsx", "data/ext/hr.xlsx", StringComparison.Ordinal));
        var outside = Directory.CreateDirectory(Path.Combine(data.Root, "secrets")).FullName;
        data.Workbook("real.xlsx", "Staff", MessyStaff(["Police Officer", "Male", "W1", 1.0, Start]));
        File.Move(Path.Combine(data.Folder, "data", "real.xlsx"), Path.Combine(outside, "hr.xlsx"));
        Directory.CreateSymbolicLink(Path.Combine(data.Folder, "data", "ext"), outside);

        AssertRefusedAsOutside(data);
    }

    /// <summary>The source is not read, with one error saying it leads outside the edition.</summary>
    private static void AssertRefusedAsOutside(DataEdition data)
    {
        var (set, diagnostics) = Read(data);
        Assert.Null(set);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.InvalidValue, error.Code);
        Assert.Contains("outside the edition folder", error.Message);
    }

    [Fact]
    public void A_link_to_a_folder_inside_the_edition_is_followed()
    {
        using var data = new DataEdition(DataYaml.Replace("data/hr.xlsx", "data/current/hr.xlsx", StringComparison.Ordinal));
        data.Workbook("hr.xlsx", "Staff", MessyStaff(["Police Officer", "Male", "W1", 1.0, Start]));
        var year = Directory.CreateDirectory(Path.Combine(data.Folder, "data", "2017")).FullName;
        File.Move(Path.Combine(data.Folder, "data", "hr.xlsx"), Path.Combine(year, "hr.xlsx"));
        Directory.CreateSymbolicLink(Path.Combine(data.Folder, "data", "current"), year);

        var (set, diagnostics) = Read(data);

        Assert.Empty(diagnostics.Items);
        Assert.NotNull(set);
    }

    [Fact]
    public void A_workbook_without_styles_whose_numbers_carry_no_type_is_read()
    {
        // Both are optional in OOXML, and programs other than Excel leave them out: the styles part, and t="n".
        using var data = new DataEdition(DataYaml);
        var path = Path.Combine(data.Folder, "data", "hr.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string Row(int r, string role, string sex, string ethnicity, string fte, string start) =>
            $"""<row r="{r}">{HostileWorkbooks.Text($"A{r}", role)}{HostileWorkbooks.Text($"B{r}", sex)}{HostileWorkbooks.Text($"C{r}", ethnicity)}{HostileWorkbooks.Number($"D{r}", fte)}{start}</row>""";
        HostileWorkbooks.Minimal(path, "Staff",
            $"""<row r="1">{HostileWorkbooks.Text("A1", "Role")}{HostileWorkbooks.Text("B1", "Sex")}{HostileWorkbooks.Text("C1", "Ethnic Origin")}{HostileWorkbooks.Text("D1", "FTE")}{HostileWorkbooks.Text("E1", "Start Date")}</row>""" +
            Row(2, "Police Officer", "Male", "W1", "1", HostileWorkbooks.Text("E2", "2010-04-01")) +
            Row(3, "Police Staff", "Female", "A1", "0.5", HostileWorkbooks.Number("E3", "40269")));

        var (set, diagnostics) = Read(data);

        // The numbers are read; a date in the one text form that cannot be misread is read; a bare number in a date
        // column (no styles, so no date format) is reported for what it is.
        Assert.NotNull(set);
        Assert.Equal(2, set.Records.Count);
        Assert.Equal(1.5, set.Records.Sum(r => (double)r.Values[set.Fields.ToList().FindIndex(f => f.Name == "fte")]!));
        Assert.Equal(new DateTime(2010, 4, 1), set.Records[0].Values[set.Fields.ToList().FindIndex(f => f.Name == "start_date")]);
        var error = Assert.Single(diagnostics.Items);
        Assert.EndsWith("hr.xlsx(Staff!E3): error RG0207: '40269' in column 'Start Date' is a number, not a date (the cell is not formatted as a date); format the column as a date in Excel, or write the date as 2010-04-01", error.ToString());
    }

    [Fact]
    public void A_formula_error_saved_by_excel_is_reported_at_its_cell()
    {
        using var data = new DataEdition(DataYaml);
        data.Workbook("hr.xlsx", "Staff", MessyStaff(["Police Officer", "Male", "W1", 1.0, Start]));
        // Excel stores a formula's error as the cell's cached value: <c t="e"><f>1/0</f><v>#DIV/0!</v></c>.
        var path = Path.Combine(data.Folder, "data", "hr.xlsx");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            var fte = System.Text.RegularExpressions.Regex.Match(xml, "<x:c r=\"D6\"[^>]*>.*?</x:c>").Value;
            Assert.NotEmpty(fte);
            xml = xml.Replace(fte, "<x:c r=\"D6\" t=\"e\"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c>");
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entry.FullName).Open());
            writer.Write(xml);
        }

        var (_, diagnostics) = Read(data);

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.FormulaError, error.Code);
        Assert.EndsWith("(Staff!D6)", error.Location!.ToString());
        Assert.Contains("#DIV/0!", error.Message);
    }

    [Fact]
    public void A_missing_sheet_lists_the_sheets_there_are()
    {
        using var data = new DataEdition(DataYaml);
        data.Workbook("hr.xlsx", "Workforce", [["Role"]]);

        var (set, diagnostics) = Read(data);

        Assert.Null(set);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.SheetMissing, error.Code);
        Assert.Contains("'Workforce'", error.Message);
    }

    [Fact]
    public void An_aggregate_sheet_reads_merged_group_cells_and_text_numbers_and_leaves_out_the_total_row()
    {
        using var data = new DataEdition("""
            sources:
              - id: population
                file: data/census.xlsx
                sheet: QS201EW
                kind: aggregate
                fields:
                  ethnicity: Ethnic group (detailed)
                  count: Usual residents
            """);
        data.Workbook("census.xlsx", "QS201EW", [
            ["Real published figures: Census 2011", null, null],
            [null, null, null],
            ["Ethnic group", "Ethnic group (detailed)", "Usual residents"],
            ["White", "White: English/Welsh/Scottish/Northern Irish/British", "902,006"],
            [null, "White: Irish", "17,260"],
            ["Asian/Asian British", "Asian/Asian British: Indian", " 28,848 "],
            ["Total", null, "948,114"],
            [null, null, null],
            ["Notes: usual residents on census day.", null, null],
        ], ws => ws.Range("A4:A5").Merge());

        var (set, diagnostics) = Read(data);

        Assert.Empty(diagnostics.Items);
        Assert.Equal([902006d, 17260d, 28848d], set!.Records.Select(set.HeadcountOf));
    }

    [Fact]
    public void A_workbook_that_two_sources_read_is_opened_once_and_each_reads_its_own_sheet()
    {
        using var data = new DataEdition(DataYaml + """

              - id: leavers
                file: data/hr.xlsx
                sheet: Leavers
                fields:
                  role: Role
                  sex: Sex
            """);
        var path = Path.Combine(data.Folder, "data", "hr.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var staff = workbook.Worksheets.Add("Staff");
            object[][] rows = [["Role", "Sex", "Ethnic Origin", "FTE", "Start Date"], ["Police Officer", "Male", "W1", 1.0, Start], ["Police Staff", "Female", "A1", 0.5, Start]];
            for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                staff.Cell(r + 1, c + 1).Value = rows[r][c];
            var leavers = workbook.Worksheets.Add("Leavers");
            leavers.Cell(1, 1).Value = "Role";
            leavers.Cell(1, 2).Value = "Sex";
            leavers.Cell(2, 1).Value = "PCSO";
            leavers.Cell(2, 2).Value = "F";
            workbook.SaveAs(path);
        }
        var loading = new DiagnosticBag();
        var edition = EditionLoader.Load(data.Folder, loading) ?? throw new InvalidOperationException(string.Join("\n", loading.Items));
        var diagnostics = new DiagnosticBag();
        var reader = new WorkbookReader(edition, diagnostics);

        var sets = reader.ReadAll(edition.Data.Sources!);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(1, reader.WorkbooksOpened);
        Assert.Equal([2, 3], sets["staff"].Records.Select(r => r.Row));
        Assert.Equal(1.5, sets["staff"].Records.Sum(sets["staff"].FteOf));
        Assert.Equal("PCSO", Assert.Single(sets["leavers"].Records).Values[0]);
        Assert.Equal("Leavers", sets["leavers"].Sheet);
    }

    [Fact]
    public void A_large_sheet_is_read_whole_with_its_row_numbers()
    {
        const int People = 30_000;
        using var data = new DataEdition(DataYaml);
        data.Workbook("hr.xlsx", "Staff", MessyStaff([.. Enumerable.Range(0, People).Select(i => new object?[]
            { i % 4 == 0 ? "Police Staff" : "Police Officer", i % 2 == 0 ? "Female" : "Male", i % 10 == 0 ? "A1" : "W1", i % 5 == 0 ? 0.5 : 1.0, Start.AddDays(i % 365) })]));

        var (set, diagnostics) = Read(data);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(People, set!.Records.Count);
        Assert.Equal(Enumerable.Range(6, People), set.Records.Select(r => r.Row));
        Assert.Equal(People / 10, set.Records.Count(r => ((Category)r.Values[set.IndexOf("ethnicity")]!).Code == "asian-indian"));
        Assert.Equal(People - People / 5 * 0.5, set.Records.Sum(set.FteOf));
        Assert.Equal(Start.AddDays((People - 1) % 365), set.Records[^1].Values[set.IndexOf("start_date")]);
    }

    [Fact]
    public void Dates_of_a_workbook_on_the_1904_date_system_are_read_as_the_dates_they_show()
    {
        using var data = new DataEdition(DataYaml);
        var path = Path.Combine(data.Folder, "data", "hr.xlsx");
        using (var workbook = new XLWorkbook { Use1904DateSystem = true })
        {
            var sheet = workbook.Worksheets.Add("Staff");
            object[] header = ["Role", "Sex", "Ethnic Origin", "FTE", "Start Date"];
            for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).Value = header[c];
            object[] person = ["Police Officer", "Male", "W1", 1.0, new DateTime(2010, 4, 1)];
            for (var c = 0; c < person.Length; c++) sheet.Cell(2, c + 1).Value = person[c];
            workbook.SaveAs(path);
        }
        Assert.Contains("date1904=\"1\"", PartText(path, "xl/workbook.xml"));

        var (set, diagnostics) = Read(data);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(new DateTime(2010, 4, 1), set!.Records[0].Values[set.IndexOf("start_date")]);
    }

    [Fact]
    public void Rich_text_booleans_escaped_characters_and_formula_values_are_read_as_their_text()
    {
        const string Yaml = """
            sources:
              - id: staff
                file: data/hr.xlsx
                sheet: Staff
                fields: { role: Role, team: Team, note: Note }
            """;
        using var data = new DataEdition(Yaml);
        var path = Path.Combine(data.Folder, "data", "hr.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        HostileWorkbooks.Minimal(path, "Staff",
            $"""<row r="1">{HostileWorkbooks.Text("A1", "Role")}{HostileWorkbooks.Text("B1", "Team")}{HostileWorkbooks.Text("C1", "Note")}</row>""" +
            // Rich text runs (a phonetic guide left out), a boolean, and a formula whose saved value is text.
            """<row r="2"><c r="A2" t="inlineStr"><is><r><rPr><b/></rPr><t>Police </t></r><r><t>Officer</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c>""" +
            """<c r="B2" t="b"><v>1</v></c><c r="C2" t="str"><f>"Night"&amp;" shift"</f><v>Night shift</v></c></row>""" +
            // A character written as Excel escapes it (_x0041_ is A), and a shared formula's other cell.
            """<row r="3"><c r="A3" t="inlineStr"><is><t>PCSO _x0041_</t></is></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="str"><f t="shared" si="0"/><v>Day</v></c></row>""");

        var (set, diagnostics) = Read(data);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(["Police Officer", "True", "Night shift"], set!.Records[0].Values);
        Assert.Equal(["PCSO A", "False", "Day"], set.Records[1].Values);
    }

    [Fact]
    public void Formula_errors_in_a_column_are_reported_three_at_their_cells_and_the_rest_once()
    {
        using var data = new DataEdition(DataYaml);
        var path = Path.Combine(data.Folder, "data", "hr.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string Row(int r) =>
            $"""<row r="{r}">{HostileWorkbooks.Text($"A{r}", "Police Officer")}{HostileWorkbooks.Text($"B{r}", "Male")}{HostileWorkbooks.Text($"C{r}", "W1")}""" +
            $"""<c r="D{r}" t="e"><f>VLOOKUP(A{r},X!A:B,2,FALSE)</f><v>#N/A</v></c>{HostileWorkbooks.Text($"E{r}", "2010-04-01")}</row>""";
        HostileWorkbooks.Minimal(path, "Staff",
            $"""<row r="1">{HostileWorkbooks.Text("A1", "Role")}{HostileWorkbooks.Text("B1", "Sex")}{HostileWorkbooks.Text("C1", "Ethnic Origin")}{HostileWorkbooks.Text("D1", "FTE")}{HostileWorkbooks.Text("E1", "Start Date")}</row>""" +
            string.Concat(Enumerable.Range(2, 6).Select(Row)));

        var (set, diagnostics) = Read(data);

        Assert.Equal(6, set!.Records.Count);
        Assert.All(diagnostics.Items, d => Assert.Equal(DiagnosticCodes.FormulaError, d.Code));
        Assert.Equal(["Staff!D2", "Staff!D3", "Staff!D4", "Staff!D5"], diagnostics.Items.Select(d => d.Location!.Cell));
        Assert.Contains("the formula in column 'FTE' gives the error #N/A", diagnostics.Items[0].Message);
        Assert.StartsWith("and 3 more cells in column 'FTE' (from here to Staff!D7) with the same problem, 6 in all.", diagnostics.Items[^1].Message);
    }

    [Fact]
    public void Cells_without_references_follow_the_cell_before_and_a_number_cell_without_a_value_is_empty()
    {
        // Both are valid OOXML that programs other than Excel write: c elements without r (each follows the one
        // before it in its row), and a number cell (t="n") with no value, which the reader before this one crashed on.
        using var data = new DataEdition(DataYaml);
        var path = Path.Combine(data.Folder, "data", "hr.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        static string Text(string text) => $"""<c t="inlineStr"><is><t>{text}</t></is></c>""";
        HostileWorkbooks.Minimal(path, "Staff",
            $"""<row r="1">{Text("Role")}{Text("Sex")}{Text("Ethnic Origin")}{Text("FTE")}{Text("Start Date")}</row>""" +
            $"""<row r="2">{Text("Police Officer")}{Text("Male")}{Text("W1")}<c t="n"/>{Text("2010-04-01")}</row>""" +
            $"""<row r="4">{Text("Police Staff")}{Text("Female")}{Text("A1")}<c><v>0.5</v></c>{Text("2010-04-01")}</row>""");

        var (set, diagnostics) = Read(data);

        Assert.Empty(diagnostics.Items);
        Assert.Equal([2, 4], set!.Records.Select(r => r.Row));
        Assert.Null(set.Records[0].Values[set.IndexOf("fte")]);
        Assert.Equal(0.5, set.Records[1].Values[set.IndexOf("fte")]);
        Assert.Equal("female", ((Category)set.Records[1].Values[set.IndexOf("sex")]!).Code);
    }

    private static string PartText(string path, string part)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry(part)!.Open());
        return reader.ReadToEnd();
    }
}
