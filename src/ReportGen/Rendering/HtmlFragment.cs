namespace ReportGen.Rendering;

/// <summary>
/// HTML that is safe to write as it is: produced by the Markdown renderer (raw HTML disabled, unsafe links
/// removed) or by an escaping helper. Every other value a template writes is HTML-escaped.
/// </summary>
public sealed record HtmlFragment(string Html)
{
    public static readonly HtmlFragment Empty = new("");
    public bool IsEmpty => Html.Length == 0;
    public override string ToString() => Html;
}

internal static partial class Html
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\b[0-9]{4} ?[-–/] ?[0-9]{2,4}\b")]
    private static partial System.Text.RegularExpressions.Regex YearRange();

    /// <summary>
    /// The text escaped, with each year range ("2021-22", "2016–2020", "2016/17") kept on one line: a title that wraps
    /// never breaks inside one (default@6's keep_years).
    /// </summary>
    public static HtmlFragment KeepYears(string? text)
    {
        if (string.IsNullOrEmpty(text)) return HtmlFragment.Empty;
        var builder = new System.Text.StringBuilder();
        var at = 0;
        foreach (System.Text.RegularExpressions.Match match in YearRange().Matches(text))
        {
            builder.Append(Escape(text[at..match.Index])).Append("<span class=\"nowrap\">").Append(Escape(match.Value)).Append("</span>");
            at = match.Index + match.Length;
        }
        return new HtmlFragment(builder.Append(Escape(text[at..])).ToString());
    }

    /// <summary>Escapes the five characters that matter in HTML text and attribute values.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    /// <summary>A CSS string literal, quoted, safe inside a &lt;style&gt; element.</summary>
    public static HtmlFragment CssString(string? text)
    {
        var builder = new System.Text.StringBuilder("\"");
        foreach (var c in text ?? "")
        {
            if (c is '"' or '\\' or '<' or '>' or '&' || char.IsControl(c))
                builder.Append('\\').Append(((int)c).ToString("X", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
            else
                builder.Append(c);
        }
        return new HtmlFragment(builder.Append('"').ToString());
    }
}
