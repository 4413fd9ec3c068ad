using System.Text;
using AngleSharp.Dom;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace ReportGen.Tests.TestSupport;

/// <summary>
/// What a screen reader reads from a tagged PDF: the structure tree walked in order, each block's text made of its
/// marked content (its <c>/ActualText</c> where it has one, else its glyphs) and of its inline elements', with nothing
/// put between them — the way a reader joins the pieces of a paragraph. Figures are read by their alternative text
/// and list labels are generated, so neither is counted as words.
/// </summary>
public static class TaggedText
{
    /// <summary>Inline structure types: their text is part of the block they are in.</summary>
    private static readonly HashSet<string> Inline = ["Span", "Link", "NonStruct", "Strong", "Em", "Quote", "Reference", "Code", "Sub", "Annot", "BibEntry", "Note"];

    /// <summary>The types whose text is not words of the page: a figure's drawn labels, a list's generated numbers.</summary>
    private static readonly HashSet<string> Unread = ["Figure", "Lbl", "Artifact"];

    public sealed record Block(string Type, string Text);

    /// <summary>Every block of the structure tree, in order, with the text a reader reads for it.</summary>
    public static IReadOnlyList<Block> Blocks(string pdfPath)
    {
        using var pdf = PdfDocument.Open(pdfPath);
        IToken? Resolve(IToken? token) => token is IndirectReferenceToken r ? pdf.Structure.GetObject(r.Data).Data : token;

        var references = global::ReportGen.Publishing.ContentsPages.PageReferences(pdf);
        var pageNumbers = references.Select((r, i) => (r, i + 1)).ToDictionary(p => p.r, p => p.Item2);
        var said = new Dictionary<(int Page, int Mcid), string>();
        foreach (var page in pdf.GetPages())
        {
            foreach (var sequence in global::ReportGen.Publishing.PdfAccessibility.Sequences(page.GetMarkedContents()))
                if (sequence.MarkedContentIdentifier >= 0)
                    said[(page.Number, sequence.MarkedContentIdentifier)] = sequence.ActualText ?? string.Concat(sequence.Letters.Select(l => l.Value));
        }

        var blocks = new List<Block>();
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        if (!catalog.TryGet(NameToken.Create("StructTreeRoot"), out var rootToken) || Resolve(rootToken) is not DictionaryToken root) return blocks;
        var seen = new HashSet<DictionaryToken>();

        string Type(DictionaryToken element) => element.TryGet(NameToken.Create("S"), out var s) && Resolve(s) is NameToken n ? n.Data : "";
        int PageOf(DictionaryToken element, int inherited) =>
            element.TryGet(NameToken.Create("Pg"), out var pg) && pg is IndirectReferenceToken r && pageNumbers.TryGetValue(r.Data, out var number) ? number : inherited;

        // The text of an element's own content and inline kids; its block kids are read as blocks of their own.
        void Read(DictionaryToken element, int page, StringBuilder? into, int depth)
        {
            if (depth > 500 || !seen.Add(element)) return;
            var type = Type(element);
            if (Unread.Contains(type)) return;
            page = PageOf(element, page);
            var isBlock = !Inline.Contains(type) || into is null;
            var text = isBlock ? new StringBuilder() : into!;
            if (!element.TryGet(NameToken.Create("K"), out var k)) return;
            var kids = Resolve(k) is ArrayToken array ? array.Data.Select(Resolve).ToList() : [Resolve(k)];
            foreach (var kid in kids)
            {
                switch (kid)
                {
                    case NumericToken mcid:
                        text.Append(said.GetValueOrDefault((page, mcid.Int), ""));
                        break;
                    case DictionaryToken d when d.TryGet(NameToken.Type, out var t) && t is NameToken { Data: "MCR" }:
                        var mcrPage = PageOf(d, page);
                        if (d.TryGet(NameToken.Create("MCID"), out var m) && Resolve(m) is NumericToken number) text.Append(said.GetValueOrDefault((mcrPage, number.Int), ""));
                        break;
                    case DictionaryToken d when d.TryGet(NameToken.Type, out var t) && t is NameToken { Data: "OBJR" }:
                        break;
                    case DictionaryToken child:
                        Read(child, page, Inline.Contains(Type(child)) ? text : null, depth + 1);
                        break;
                }
            }
            if (isBlock && (type == "Table" || text.ToString().Trim().Length > 0)) blocks.Add(new Block(type, text.ToString()));
        }
        Read(root, 1, null, 0);
        return blocks;
    }

    /// <summary>Every table of the structure tree: its cells' tagged text, in order, white space squeezed out.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Tables(string pdfPath)
    {
        // A table's cells are the TH and TD blocks between one Table block's start and the next: read them by walking
        // the blocks, which are in tree order with a table's cells before the table itself.
        var tables = new List<IReadOnlyList<string>>();
        var cells = new List<string>();
        foreach (var block in Blocks(pdfPath))
        {
            if (block.Type is "TH" or "TD") cells.Add(Squeeze(block.Text));
            else if (block.Type == "Table") { tables.Add(cells); cells = []; }
        }
        return tables;
    }

    /// <summary>
    /// Every word a screen reader reads from the PDF's tags is a word of the web page it was printed from: a word that
    /// is not ("increaseunderstanding") is two run together at a line break, or text the page does not have.
    /// </summary>
    public static IReadOnlyList<string> WordsNotOnThePage(IDocument page, string pdfPath)
    {
        var words = PageWords(page);
        return Blocks(pdfPath).SelectMany(b => Words(b.Text).Where(w => !words.Contains(w)).Select(w => $"{b.Type}: '{w}' in \"{b.Text.Trim()}\""))
            .Distinct().ToList();
    }

    /// <summary>
    /// Every table the page prints is in the PDF's tags cell for cell: its header and data cells, in order, are one
    /// tagged Table's TH and TD, white space aside.
    /// </summary>
    public static void AssertEveryTableTagged(IDocument page, string pdfPath)
    {
        var tagged = Tables(pdfPath);
        var tables = page.QuerySelectorAll("table").Where(t => t.Closest(".screen-only") is null).ToList();
        Assert.NotEmpty(tables);
        var from = 0;
        foreach (var table in tables)
        {
            var cells = table.QuerySelectorAll("tr").SelectMany(r => r.Children.Where(c => c.LocalName is "th" or "td"))
                .Select(c => Squeeze(c.TextContent)).Where(c => c.Length > 0).ToList();
            var caption = table.QuerySelector("caption")?.TextContent.Trim() ?? "";
            var at = -1;
            for (var i = from; i < tagged.Count && at < 0; i++)
                if (tagged[i].Where(c => c.Length > 0).SequenceEqual(cells, StringComparer.Ordinal)) at = i;
            Assert.True(at >= 0, $"the table '{caption}' ({cells.Count} cells) is not in the PDF's tags cell for cell after the tables before it;"
                + $" the nearest tagged table has {string.Join(", ", tagged.Skip(from).Take(3).Select(t => t.Count))} cells");
            from = at + 1;
        }
    }

    /// <summary>The words of a web page's text, read block by block as <see cref="Blocks"/> reads the PDF, punctuation trimmed.</summary>
    public static HashSet<string> PageWords(IDocument page)
    {
        // Case is not compared: a style may print a word in capitals (text-transform).
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // A superscript (a footnote's mark) may be read with the word before it or apart from it, as it is printed
        // raised: both readings are the page's words.
        foreach (var supApart in new[] { false, true })
        {
            var text = new StringBuilder();
            void Walk(INode node)
            {
                if (node is IText t) { text.Append(t.Data); return; }
                if (node is IElement e && e.LocalName is "script" or "style") return;
                var inline = node is IElement { LocalName: "a" or "span" or "strong" or "em" or "b" or "i" or "abbr" or "sub" or "small" or "code" or "time" or "cite" or "q" or "mark" or "data" or "bdi" }
                             || node is IElement { LocalName: "sup" } && !supApart;
                if (!inline) text.Append(' ');
                foreach (var child in node.ChildNodes) Walk(child);
                if (!inline) text.Append(' ');
            }
            Walk(page.Body!);
            foreach (var word in Words(text.ToString())) words.Add(word);
        }
        return words;
    }

    /// <summary>The words of a text: split at white space, punctuation trimmed from each end, empty ones dropped.</summary>
    public static IEnumerable<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim().TrimStart(Trimmed).TrimEnd(Trimmed))
            .Where(w => w.Length > 0);

    private static readonly char[] Trimmed = "!\"#%&'()*,-./:;?@[\\]_{}¡§«¶·»¿‐‑‒–—―‘’‚“”„†‡•…‰′″‹›⁄".ToCharArray();

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
