using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;
using ReportGen.Content;

namespace ReportGen.Publishing;

/// <summary>
/// Completes what the browser's tagged PDF lacks for PDF/UA-1 (ISO 14289-1), for template sets that ask for it
/// (set.json <c>"pdfUA"</c>: <c>true</c> or 1, and 2, which adds the last two items):
/// <list type="bullet">
/// <item>everything drawn outside the tags (running headers and footers, page backgrounds, table rules) is marked as an
/// Artifact, so that a screen reader does not read "Page 2 of 9" on every page (Matterhorn 01-005, veraPDF 7.1-3);</item>
/// <item>an XMP metadata stream with the title, language and <c>pdfuaid:part</c> 1 (06-001…06-003, 7.1-8, 7.1-9);</item>
/// <item>every link annotation gets <c>/Contents</c>: the words it covers on the page (28-008, 7.18.1-2, 7.18.5-2);</item>
/// <item>the structure types of PDF 2.0 that the browser writes (Strong, Aside …) are role-mapped to PDF 1.7's (02-004, 7.1-5);</item>
/// <item>every list item holds only a label and a body: what the browser puts in an LI besides its Lbl goes into one LBody
/// (ISO 32000-1 Table 336; veraPDF 7.2-20), and the parent tree follows;</item>
/// <item>the words a line break separates are read as two: the browser draws no space where a line wraps, so a
/// marked-content sequence whose glyphs run words together gets <c>/ActualText</c> with the space put back.</item>
/// </list>
/// The browser's file is kept byte for byte and the changes are appended as an incremental update (ISO 32000-1
/// §7.5.6), written the same way every time, so the PDF stays reproducible. PDFsharp reads the file and parses the
/// content streams; it is not used to save, since its writer stamps random ids into the metadata.
/// </summary>
public static class PdfAccessibility
{
    /// <summary>The newest level of completion: 2, lists and spoken line breaks besides level 1's artifacts, metadata, links and role map.</summary>
    public const int Newest = 2;

    /// <summary>The standard structure types of PDF 1.7 (ISO 32000-1 §14.8.4), which need no role map.</summary>
    private static readonly HashSet<string> StandardTypes =
    [
        "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private",
        "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody",
        "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP",
        "Warichu", "WT", "WP", "Figure", "Formula", "Form",
    ];

    /// <summary>PDF 2.0's types, as PDF 1.7's nearest; any other unknown type becomes Span.</summary>
    private static readonly Dictionary<string, string> RoleMap = new(StringComparer.Ordinal)
    {
        ["Strong"] = "Span", ["Em"] = "Span", ["Sub"] = "Span", ["Aside"] = "Div", ["Title"] = "P", ["FENote"] = "Note",
        ["DocumentFragment"] = "Div", ["Artifact"] = "Span",
    };

    private static readonly HashSet<string> PathConstruction = ["m", "l", "c", "v", "y", "h", "re"];
    private static readonly HashSet<string> PathPainting = ["S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"];
    private static readonly HashSet<string> TextShowing = ["Tj", "TJ", "'", "\""];

    /// <summary>Completes the PDF in place; <see cref="InvalidDataException"/> when it is not a PDF this can complete.</summary>
    /// <param name="labels">The words of the edition's language, for a link that covers no text; the tool's English when not given.</param>
    public static void Apply(string pdfPath, Edition edition, int level = Newest, Rendering.LabelSet? labels = null)
    {
        if (level is < 1 or > Newest) throw new ArgumentOutOfRangeException(nameof(level), level, "a PDF/UA level is 1 or 2");
        try
        {
            Complete(pdfPath, edition, level, labels);
        }
        catch (Exception ex) when (ex is not (InvalidDataException or OperationCanceledException or OutOfMemoryException or IOException or UnauthorizedAccessException))
        {
            throw new InvalidDataException($"the PDF could not be read ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }

    private static void Complete(string pdfPath, Edition edition, int level, Rendering.LabelSet? labels)
    {
        var original = File.ReadAllBytes(pdfPath);
        var changes = new SortedDictionary<int, byte[]>();
        int size;
        string root, info;
        long previous;
        using (var document = PdfReader.Open(new MemoryStream(original, writable: false), PdfDocumentOpenMode.Modify))
        using (var text = UglyToad.PdfPig.PdfDocument.Open(original))
        {
            (size, root, info, previous) = Trailer(original);
            var spoken = level >= 2 ? SpokenText(text) : [];

            // 1. Artifacts: each page's content, with everything drawn outside marked content wrapped as an Artifact.
            for (var p = 0; p < document.PageCount; p++)
            {
                var page = document.Pages[p];
                var streams = page.Elements["/Contents"] switch
                {
                    PdfReference single => [single],
                    PdfArray array => array.Elements.OfType<PdfReference>().ToList(),
                    _ => throw new InvalidDataException($"page {p + 1} has no content stream"),
                };
                var content = SayText(MarkArtifacts(ContentReader.ReadContent(page)), p + 1, spoken).ToContent();
                changes[streams[0].ObjectNumber] = Stream(Compress(content), "/Filter /FlateDecode");
                foreach (var rest in streams.Skip(1)) changes[rest.ObjectNumber] = Stream([], "");

                // 3. Links: what they say is the text they cover (the page's words read only when it has a link).
                List<UglyToad.PdfPig.Content.Word>? words = null;
                foreach (var annotation in (page.Elements["/Annots"] as PdfArray)?.Elements.OfType<PdfReference>() ?? [])
                {
                    if (annotation.Value is not PdfDictionary link || link.Elements.GetName("/Subtype") != "/Link" || link.Elements.ContainsKey("/Contents")) continue;
                    words ??= text.GetPage(p + 1).GetWords().ToList();
                    var covered = LinkText(words, link);
                    var uri = (link.Elements["/A"] as PdfDictionary)?.Elements.GetString("/URI");
                    var description = covered.Length > 0 ? covered : uri is { Length: > 0 } ? uri : (labels ?? Rendering.LabelSet.Tool("en")).Text("pdf.link_elsewhere");
                    changes[annotation.ObjectNumber] = Encoding.Latin1.GetBytes(Dictionary(link, ("/Contents", TextString(description))));
                }
            }

            // 2. Metadata, and 4. the role map.
            var catalog = document.Internals.Catalog;
            var metadata = size++;
            changes[metadata] = Stream(Encoding.UTF8.GetBytes(Xmp(edition, document.Info.Title)), "/Type /Metadata /Subtype /XML");
            changes[int.Parse(root.Split(' ')[0], CultureInfo.InvariantCulture)] = Encoding.Latin1.GetBytes(Dictionary(catalog, ("/Metadata", $"{metadata} 0 R")));
            if (catalog.Elements["/StructTreeRoot"] is PdfReference { Value: PdfDictionary structRoot } structReference)
            {
                var used = new SortedSet<string>(StringComparer.Ordinal);
                CollectTypes(structRoot, used, []);
                var mapped = used.Where(t => !StandardTypes.Contains(t)).ToList();
                if (mapped.Count > 0)
                {
                    var map = "<<" + string.Concat(mapped.Select(t => $" {Name(t)} {Name(RoleMap.GetValueOrDefault(t, "Span"))}")) + " >>";
                    changes[structReference.ObjectNumber] = Encoding.Latin1.GetBytes(Dictionary(structRoot, ("/RoleMap", map)));
                }

                // 5. Lists: Lbl and LBody in every LI.
                if (level >= 2)
                {
                    var changed = new Dictionary<int, PdfObject>();
                    foreach (var (number, body) in ListBodies(document, structRoot, changed, ref size)) changes[number] = body;
                    foreach (var (number, item) in changed) changes[number] = Encoding.Latin1.GetBytes(item is PdfDictionary d ? Dictionary(d) : Item(item));
                }
            }
        }

        using var output = new MemoryStream();
        output.Write(original);
        if (original[^1] != '\n') output.WriteByte((byte)'\n');
        var offsets = new SortedDictionary<int, long>();
        foreach (var (number, body) in changes)
        {
            offsets[number] = output.Position;
            Ascii(output, $"{number} 0 obj\n");
            output.Write(body);
            Ascii(output, "\nendobj\n");
        }
        var xref = output.Position;
        var table = new StringBuilder("xref\n");
        var numbers = offsets.Keys.ToList();
        for (var i = 0; i < numbers.Count;)
        {
            var j = i;
            while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1) j++;
            table.Append(CultureInfo.InvariantCulture, $"{numbers[i]} {j - i + 1}\n");
            for (var k = i; k <= j; k++) table.Append(CultureInfo.InvariantCulture, $"{offsets[numbers[k]]:D10} 00000 n \n");
            i = j + 1;
        }
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size} /Root {root} /Info {info} /Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n");
        Ascii(output, table.ToString());
        File.WriteAllBytes(pdfPath, output.ToArray());
    }

    /// <summary>
    /// The content with every painting operation outside marked content (a text object, a painted path, an image or
    /// shading) put inside <c>/Artifact BMC … EMC</c>. What is inside marked content, and the graphics state, is left as
    /// it is.
    /// </summary>
    internal static CSequence MarkArtifacts(CSequence content)
    {
        var output = new CSequence();
        var operators = content.OfType<COperator>().ToList();
        if (operators.Count != content.Count) throw new InvalidDataException("the page's content has operands without an operator");
        var depth = 0;
        for (var i = 0; i < operators.Count; i++)
        {
            var op = operators[i];
            var name = op.OpCode.Name;
            if (name is "BDC" or "BMC") { depth++; output.Add(op); continue; }
            if (name == "EMC") { depth--; output.Add(op); continue; }
            if (depth > 0) { output.Add(op); continue; }

            if (name == "BT")
            {
                var end = i;
                while (end < operators.Count && operators[end].OpCode.Name != "ET") end++;
                var block = operators.Skip(i).Take(end - i + 1).ToList();
                if (block.Any(o => o.OpCode.Name is "BDC" or "BMC"))
                {
                    // Marked content inside the text object: wrap only the text shown outside it.
                    var inner = 0;
                    foreach (var o in block)
                    {
                        if (o.OpCode.Name is "BDC" or "BMC") inner++;
                        if (o.OpCode.Name == "EMC") inner--;
                        if (inner == 0 && TextShowing.Contains(o.OpCode.Name)) Artifact(output, [o]);
                        else output.Add(o);
                    }
                }
                else Artifact(output, block);
                i = end;
                continue;
            }
            if (PathConstruction.Contains(name))
            {
                var end = i;
                while (end < operators.Count && !PathPainting.Contains(operators[end].OpCode.Name)) end++;
                var path = operators.Skip(i).Take(end - i + 1).ToList();
                if (end < operators.Count && operators[end].OpCode.Name != "n") Artifact(output, path);
                else foreach (var o in path) output.Add(o);
                i = end;
                continue;
            }
            if (name is "Do" or "sh" or "BI") { Artifact(output, [op]); continue; }
            output.Add(op);
        }
        return output;
    }

    /// <summary>
    /// What a screen reader should read for each marked-content sequence whose glyphs run words together, keyed by page
    /// (from 1) and MCID. The browser draws no space where a line wraps, so "increase" at the end of a line and
    /// "understanding" at the start of the next are read as "increaseunderstanding". A space is put back at every line
    /// break inside a sequence, and at the end of a sequence whose next one (in the content's order, on this page or the
    /// next) starts a new line or is drawn apart from it, unless either side is already a space or the line ends with a
    /// hyphen, a dash or a slash.
    /// </summary>
    internal static Dictionary<(int Page, int Mcid), string> SpokenText(UglyToad.PdfPig.PdfDocument pdf)
    {
        var said = new Dictionary<(int Page, int Mcid), (string Glyphs, StringBuilder Text)>();
        var twice = new HashSet<(int Page, int Mcid)>();
        (int Page, int Mcid, UglyToad.PdfPig.Content.Letter Last)? previous = null;
        foreach (var page in pdf.GetPages())
            foreach (var sequence in Sequences(page.GetMarkedContents()))
            {
                var letters = sequence.Letters;
                if (sequence.MarkedContentIdentifier < 0 || sequence.IsArtifact || letters.Count == 0) continue;
                var key = (page.Number, sequence.MarkedContentIdentifier);
                var text = new StringBuilder();
                for (var i = 0; i < letters.Count; i++)
                {
                    text.Append(letters[i].Value);
                    if (i + 1 < letters.Count && NewLine(letters[i], letters[i + 1]) && Joins(letters[i], letters[i + 1])) text.Append(' ');
                }
                if (previous is { } p && said.TryGetValue((p.Page, p.Mcid), out var before)
                    && (p.Page != page.Number || Apart(p.Last, letters[0])) && Joins(p.Last, letters[0]))
                    before.Text.Append(' ');
                if (!said.TryAdd(key, (string.Concat(letters.Select(l => l.Value)), text))) twice.Add(key);
                previous = (page.Number, sequence.MarkedContentIdentifier, letters[^1]);
            }
        return said.Where(s => !twice.Contains(s.Key) && s.Value.Text.ToString() != s.Value.Glyphs)
            .ToDictionary(s => s.Key, s => s.Value.Text.ToString());
    }

    /// <summary>The innermost marked-content sequences of a page, in the content's order.</summary>
    internal static IEnumerable<UglyToad.PdfPig.Content.MarkedContentElement> Sequences(IEnumerable<UglyToad.PdfPig.Content.MarkedContentElement> sequences)
    {
        foreach (var sequence in sequences)
        {
            if (sequence.Children.Count == 0) { yield return sequence; continue; }
            foreach (var child in Sequences(sequence.Children)) yield return child;
        }
    }

    /// <summary>The second letter starts a new line: its baseline is more than half a letter's height from the first's.</summary>
    private static bool NewLine(UglyToad.PdfPig.Content.Letter a, UglyToad.PdfPig.Content.Letter b) =>
        Math.Abs(a.StartBaseLine.Y - b.StartBaseLine.Y) > 0.5 * Math.Max(1, Math.Max(a.PointSize, b.PointSize));

    /// <summary>
    /// The second letter is not the first's neighbour on a line: it starts a new line, or it is on the same line with a
    /// gap between them (a definition beside its term, a table's next column) or before the first.
    /// </summary>
    private static bool Apart(UglyToad.PdfPig.Content.Letter a, UglyToad.PdfPig.Content.Letter b)
    {
        if (NewLine(a, b)) return true;
        var size = Math.Max(1, Math.Max(a.PointSize, b.PointSize));
        var gap = b.StartBaseLine.X - a.EndBaseLine.X;
        // A word space is a glyph of the sequence before it, so between two sequences of running text there is no gap;
        // a gap of a tenth of a letter's height is another box (a term beside its definition, the next column).
        return gap > 0.1 * size || gap < -0.15 * size;
    }

    /// <summary>Neither letter is a space, and the first is not a hyphen or dash that a line may end with.</summary>
    private static bool Joins(UglyToad.PdfPig.Content.Letter a, UglyToad.PdfPig.Content.Letter b) =>
        !string.IsNullOrWhiteSpace(a.Value) && !string.IsNullOrWhiteSpace(b.Value) && a.Value.Length > 0
        && a.Value[^1] is not ('-' or '\u00AD' or '\u2010' or '\u2011' or '\u2013' or '\u2014' or '/');

    /// <summary>The content with <c>/ActualText</c> added to the property list of each marked-content sequence <paramref name="spoken"/> names.</summary>
    internal static CSequence SayText(CSequence content, int page, IReadOnlyDictionary<(int Page, int Mcid), string> spoken)
    {
        foreach (var op in content.OfType<COperator>())
        {
            // PDFsharp reads "/Tag <<…>> BDC" as a pseudo-operator holding the tag and the dictionary's text, then BDC.
            if (op.OpCode.Name != "Dictionary" || op.Operands.Count != 2 || op.Operands[1] is not CString { CStringType: CStringType.Dictionary } properties) continue;
            var match = System.Text.RegularExpressions.Regex.Match(properties.Value, @"/MCID\s+(\d+)");
            if (!match.Success || properties.Value.Contains("/ActualText", StringComparison.Ordinal)) continue;
            if (!spoken.TryGetValue((page, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)), out var text)) continue;
            var end = properties.Value.LastIndexOf(">>", StringComparison.Ordinal);
            if (end < 0) continue;
            properties.Value = properties.Value[..end].TrimEnd() + " /ActualText " + TextString(text) + " >>";
        }
        return content;
    }

    /// <summary>
    /// Every LI made to hold only Lbl and LBody (ISO 32000-1 Table 336; PDF/UA-1 7.2-20): the browser puts a list item's
    /// content (its text, links and nested lists) straight into the LI beside the marker's Lbl. Each LI's kids other than
    /// Lbl go, in order, into one new LBody where the first of them was; their /P, and the parent tree's entries for
    /// content and annotations that were the LI's own, name the LBody. Returns the new objects; the changed ones are put
    /// in <paramref name="changed"/>.
    /// </summary>
    private static IEnumerable<(int Number, byte[] Body)> ListBodies(PdfDocument document, PdfDictionary structRoot, Dictionary<int, PdfObject> changed, ref int size)
    {
        var added = new List<(int, byte[])>();
        var items = new List<PdfDictionary>();
        CollectListItems(structRoot, items, []);
        if (items.Count == 0) return added;
        var parents = ParentTree(structRoot);
        foreach (var item in items)
        {
            if (!item.IsIndirect) throw new InvalidDataException("a list item in the structure tree is not an indirect object");
            var kids = item.Elements["/K"] is PdfArray array ? array.Elements.ToList() : item.Elements["/K"] is { } one ? [one] : [];
            bool IsLabel(PdfItem kid) => kid is PdfReference { Value: PdfDictionary d } && d.Elements.GetName("/S") == "/Lbl";
            var body = kids.Where(k => !IsLabel(k)).ToList();
            if (body.Count == 0 || body is [PdfReference { Value: PdfDictionary only }] && only.Elements.GetName("/S") == "/LBody") continue;

            var number = size++;
            var reference = new PdfLiteral(string.Create(CultureInfo.InvariantCulture, $"{number} 0 R"));
            var page = item.Elements["/Pg"];
            foreach (var kid in body)
            {
                switch (kid is PdfReference r ? r.Value : kid)
                {
                    case PdfDictionary mcr when mcr.Elements.GetName("/Type") == "/MCR":
                        parents.Point(mcr.Elements["/Pg"] ?? page, mcr.Elements.GetInteger("/MCID"), reference, changed);
                        break;
                    case PdfDictionary objr when objr.Elements.GetName("/Type") == "/OBJR":
                        if (objr.Elements["/Obj"] is PdfReference { Value: PdfDictionary annotation } && annotation.Elements.ContainsKey("/StructParent"))
                            parents.Point(annotation.Elements.GetInteger("/StructParent"), reference, changed);
                        break;
                    case PdfDictionary element:
                        if (!element.IsIndirect) throw new InvalidDataException("a list item's kid in the structure tree is not an indirect object");
                        element.Elements["/P"] = reference;
                        changed[element.Reference!.ObjectNumber] = element;
                        break;
                    case PdfInteger mcid:
                        parents.Point(page, mcid.Value, reference, changed);
                        break;
                    default:
                        throw new InvalidDataException("a list item's kid in the structure tree is neither an element nor content");
                }
            }
            var lbody = new StringBuilder("<< /Type /StructElem /S /LBody /P ")
                .Append(Item(item.Reference)).Append(page is null ? "" : " /Pg " + Item(page))
                .Append(" /K [").Append(string.Join(' ', body.Select(Item))).Append("] >>");
            added.Add((number, Encoding.Latin1.GetBytes(lbody.ToString())));

            var first = kids.IndexOf(body[0]);
            var kept = kids.Where(IsLabel).ToList();
            var ordered = new PdfArray(document);
            for (var i = 0; i < kids.Count; i++)
            {
                if (i == first) ordered.Elements.Add(reference);
                if (IsLabel(kids[i])) ordered.Elements.Add(kids[i]);
            }
            item.Elements["/K"] = ordered;
            changed[item.Reference!.ObjectNumber] = item;
        }
        return added;
    }

    private static void CollectListItems(PdfDictionary element, List<PdfDictionary> items, HashSet<PdfDictionary> seen)
    {
        if (!seen.Add(element)) return;
        if (element.Elements.GetName("/S") == "/LI") items.Add(element);
        var kids = element.Elements["/K"];
        IEnumerable<PdfItem> list = kids is PdfArray array ? array.Elements : kids is null ? [] : [kids];
        foreach (var kid in list)
            if ((kid is PdfReference reference ? reference.Value : kid) is PdfDictionary child && child.Elements.GetName("/Type") is not ("/MCR" or "/OBJR"))
                CollectListItems(child, items, seen);
    }

    private static ParentTreeIndex ParentTree(PdfDictionary structRoot) => new(structRoot.Elements["/ParentTree"] is PdfReference { Value: PdfDictionary tree } ? tree : structRoot.Elements["/ParentTree"] as PdfDictionary);

    /// <summary>The structure tree's parent tree (a number tree, ISO 32000-1 §14.7.4.4), and changes to its entries.</summary>
    private sealed class ParentTreeIndex(PdfDictionary? tree)
    {
        /// <summary>The element that marked content <paramref name="mcid"/> of <paramref name="page"/> belongs to becomes <paramref name="parent"/>.</summary>
        public void Point(PdfItem? page, int mcid, PdfLiteral parent, Dictionary<int, PdfObject> changed)
        {
            if ((page is PdfReference r ? r.Value : page) is not PdfDictionary pageDictionary || !pageDictionary.Elements.ContainsKey("/StructParents"))
                throw new InvalidDataException("marked content in a list item has no page with /StructParents");
            var (holder, index) = Find(pageDictionary.Elements.GetInteger("/StructParents"));
            if (holder.Elements[index + 1] is PdfReference { Value: PdfArray indirect })
            {
                if (mcid < 0 || mcid >= indirect.Elements.Count) throw new InvalidDataException($"the parent tree has no entry for MCID {mcid}");
                indirect.Elements[mcid] = parent;
                changed[indirect.Reference!.ObjectNumber] = indirect;
                return;
            }
            if (holder.Elements[index + 1] is not PdfArray direct || mcid < 0 || mcid >= direct.Elements.Count)
                throw new InvalidDataException($"the parent tree has no entry for MCID {mcid}");
            direct.Elements[mcid] = parent;
            Changed(holder, changed);
        }

        /// <summary>The element that the annotation with /StructParent <paramref name="key"/> belongs to becomes <paramref name="parent"/>.</summary>
        public void Point(int key, PdfLiteral parent, Dictionary<int, PdfObject> changed)
        {
            var (holder, index) = Find(key);
            holder.Elements[index + 1] = parent;
            Changed(holder, changed);
        }

        private readonly Dictionary<PdfArray, PdfDictionary> _owners = [];

        private void Changed(PdfArray holder, Dictionary<int, PdfObject> changed)
        {
            PdfObject owner = holder.IsIndirect ? holder : _owners[holder];
            changed[owner.Reference!.ObjectNumber] = owner;
        }

        /// <summary>The /Nums array holding <paramref name="key"/> and the key's index in it.</summary>
        private (PdfArray Holder, int Index) Find(int key)
        {
            var node = tree;
            for (var depth = 0; node is not null && depth < 32; depth++)
            {
                if (node.Elements["/Nums"] is { } numsItem && (numsItem is PdfReference nr ? nr.Value : numsItem) is PdfArray nums)
                {
                    for (var i = 0; i + 1 < nums.Elements.Count; i += 2)
                        if (nums.Elements[i] is PdfInteger k && k.Value == key)
                        {
                            if (!nums.IsIndirect) _owners[nums] = node.IsIndirect ? node : throw new InvalidDataException("the parent tree's node is not an indirect object");
                            return (nums, i);
                        }
                    return Fail();
                }
                PdfDictionary? next = null;
                if ((node.Elements["/Kids"] is PdfReference kr ? kr.Value : node.Elements["/Kids"]) is PdfArray kids)
                    foreach (var kid in kids.Elements)
                        if ((kid is PdfReference r ? r.Value : kid) is PdfDictionary child
                            && child.Elements["/Limits"] is PdfArray { Elements.Count: 2 } limits
                            && limits.Elements[0] is PdfInteger low && limits.Elements[1] is PdfInteger high && key >= low.Value && key <= high.Value)
                        { next = child; break; }
                node = next;
            }
            return Fail();
            (PdfArray, int) Fail() => throw new InvalidDataException($"the parent tree has no entry {key}");
        }
    }

    private static void Artifact(CSequence output, IEnumerable<COperator> operators)
    {
        var begin = OpCodes.OperatorFromName("BMC");
        begin.Operands.Add(new CName("/Artifact"));
        output.Add(begin);
        foreach (var o in operators) output.Add(o);
        output.Add(OpCodes.OperatorFromName("EMC"));
    }

    /// <summary>The words on the page inside the annotation's rectangle, in reading order.</summary>
    private static string LinkText(IEnumerable<UglyToad.PdfPig.Content.Word> words, PdfDictionary link)
    {
        if (link.Elements["/Rect"] is not PdfArray { Elements.Count: 4 } rect) return "";
        var r = rect.Elements.Select(e => e switch { PdfInteger i => (double)i.Value, PdfReal d => d.Value, _ => 0 }).ToArray();
        var (left, bottom, right, top) = (Math.Min(r[0], r[2]), Math.Min(r[1], r[3]), Math.Max(r[0], r[2]), Math.Max(r[1], r[3]));
        var inside = words.Where(w =>
        {
            var c = w.BoundingBox.Centroid;
            return c.X >= left && c.X <= right && c.Y >= bottom && c.Y <= top;
        });
        return string.Join(' ', inside.Select(w => w.Text)).Trim();
    }

    private static void CollectTypes(PdfDictionary element, SortedSet<string> types, HashSet<PdfDictionary> seen)
    {
        if (!seen.Add(element)) return;
        if (element.Elements.GetName("/S") is { Length: > 1 } type) types.Add(type[1..]);
        var kids = element.Elements["/K"];
        IEnumerable<PdfItem> items = kids is PdfArray array ? array.Elements : kids is null ? [] : [kids];
        foreach (var kid in items)
        {
            var value = kid is PdfReference reference ? reference.Value : kid;
            if (value is PdfDictionary child && child.Elements.GetName("/Type") is not ("/MCR" or "/OBJR")) CollectTypes(child, types, seen);
        }
    }

    private static string Xmp(Edition edition, string? title)
    {
        static string X(string? value) => SecurityElement.Escape(value ?? "") ?? "";
        var date = edition.Info.Published is { } published
            ? string.Create(CultureInfo.InvariantCulture, $"\n      <xmp:CreateDate>{published.Start:yyyy-MM-dd}</xmp:CreateDate>\n      <xmp:ModifyDate>{published.Start:yyyy-MM-dd}</xmp:ModifyDate>")
            : "";
        return $"""
            <?xpacket begin="{'\uFEFF'}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
              <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
                  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{X(title ?? edition.Info.Title)}</rdf:li></rdf:Alt></dc:title>
                  <dc:creator><rdf:Seq><rdf:li>{X(edition.Organisation.Name)}</rdf:li></rdf:Seq></dc:creator>
                  <dc:language><rdf:Bag><rdf:li>{X(edition.Language)}</rdf:li></rdf:Bag></dc:language>
                  <dc:format>application/pdf</dc:format>{date}
                  <xmp:CreatorTool>ReportGen</xmp:CreatorTool>
                  <pdfuaid:part>1</pdfuaid:part>
                </rdf:Description>
              </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="r"?>
            """.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static byte[] Compress(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(content);
        return buffer.ToArray();
    }

    private static byte[] Stream(byte[] data, string entries)
    {
        using var stream = new MemoryStream();
        Ascii(stream, $"<< /Length {data.Length}{(entries.Length > 0 ? " " + entries : "")} >>\nstream\n");
        stream.Write(data);
        Ascii(stream, "\nendstream");
        return stream.ToArray();
    }

    private static void Ascii(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));

    /// <summary>
    /// The last trailer: /Size, /Root and /Info, and where its cross-reference table starts. The browser writes a
    /// classic table and trailer (Skia's PDF 1.4); a file with a cross-reference stream is refused, not guessed at.
    /// </summary>
    private static (int Size, string Root, string Info, long Xref) Trailer(byte[] file)
    {
        var tail = Encoding.Latin1.GetString(file, Math.Max(0, file.Length - 2048), Math.Min(2048, file.Length));
        var trailer = tail.LastIndexOf("trailer", StringComparison.Ordinal);
        var start = tail.LastIndexOf("startxref", StringComparison.Ordinal);
        if (trailer < 0 || start < trailer) throw new InvalidDataException("the PDF has no classic trailer");
        var dictionary = tail[trailer..start];
        string Match(string pattern) => System.Text.RegularExpressions.Regex.Match(dictionary, pattern) is { Success: true } m
            ? m.Groups[1].Value : throw new InvalidDataException($"the PDF's trailer has no {pattern}");
        return (int.Parse(Match(@"/Size (\d+)"), CultureInfo.InvariantCulture), Match(@"/Root (\d+ \d+ R)"), Match(@"/Info (\d+ \d+ R)"),
            long.Parse(tail[(start + 9)..].Trim().Split('\n', '\r')[0], CultureInfo.InvariantCulture));
    }

    /// <summary>A dictionary written again with some entries added or replaced.</summary>
    private static string Dictionary(PdfDictionary dictionary, params (string Key, string Value)[] replace)
    {
        var text = new StringBuilder("<<");
        foreach (var key in dictionary.Elements.Keys.Order(StringComparer.Ordinal))
        {
            if (replace.Any(r => r.Key == key)) continue;
            text.Append(' ').Append(Name(key[1..])).Append(' ').Append(Item(dictionary.Elements[key]));
        }
        foreach (var (key, value) in replace) text.Append(' ').Append(key).Append(' ').Append(value);
        return text.Append(" >>").ToString();
    }

    private static string Item(PdfItem? item) => item switch
    {
        null or PdfNull => "null",
        PdfReference r => string.Create(CultureInfo.InvariantCulture, $"{r.ObjectNumber} {r.GenerationNumber} R"),
        PdfLiteral l => l.Value,
        PdfName n => Name(n.Value[1..]),
        PdfBoolean b => b.Value ? "true" : "false",
        PdfInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
        PdfLongInteger l => l.Value.ToString(CultureInfo.InvariantCulture),
        PdfReal d => d.Value.ToString("0.#########", CultureInfo.InvariantCulture),
        PdfString s => TextString(s.Value),
        PdfArray a => "[" + string.Join(' ', a.Elements.Select(Item)) + "]",
        PdfDictionary { Stream: null } d when d.Reference is null => Dictionary(d),
        _ => throw new InvalidDataException($"an object of type {item.GetType().Name} cannot be written"),
    };

    /// <summary>A name, with the characters a name cannot hold written as #xx.</summary>
    private static string Name(string name)
    {
        var text = new StringBuilder("/");
        foreach (var b in Encoding.UTF8.GetBytes(name))
            text.Append(b is > 0x20 and < 0x7F and not ((byte)'#' or (byte)'/' or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'%')
                ? ((char)b).ToString() : string.Create(CultureInfo.InvariantCulture, $"#{b:X2}"));
        return text.ToString();
    }

    /// <summary>A text string: printable ASCII as a literal string, anything else as UTF-16BE with its byte order mark.</summary>
    private static string TextString(string value)
    {
        if (value.All(c => c is >= ' ' and < (char)0x7F))
            return "(" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal) + ")";
        return "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";
    }
}
