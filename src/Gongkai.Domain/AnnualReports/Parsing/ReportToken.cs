using System.Globalization;

namespace Gongkai.Domain.AnnualReports.Parsing;

public enum TokenKind
{
    /// <summary>A paragraph or line of running text (titles, headings, narrative).</summary>
    Paragraph,

    /// <summary>The text of one table cell.</summary>
    Cell,
}

/// <summary>
/// One unit of text of a published report, in reading order: every reader (plain text, HTML, DOCX, later PDF)
/// turns its file into these, and one parser reads the report from them by labels and the order of the cells.
/// </summary>
/// <param name="Text">The text as printed (a cell's paragraphs joined).</param>
/// <param name="Kind">A paragraph or a table cell.</param>
/// <param name="StartsRow">True for the first cell of a table row and for every paragraph.</param>
/// <param name="Line">1-based line of a plain-text file, else 0.</param>
/// <param name="Table">1-based table number in an HTML or DOCX file, else 0.</param>
/// <param name="Row">1-based row within the table.</param>
/// <param name="Column">1-based cell within the row.</param>
/// <param name="Page">1-based page of a PDF, else 0 (a reader that knows the page sets it: <c>check --explain</c> shows it).</param>
public readonly record struct ReportToken(string Text, TokenKind Kind, bool StartsRow, int Line = 0, int Table = 0, int Row = 0, int Column = 0, int Page = 0)
{
    public static ReportToken Paragraph(string text, int line = 0) => new(text, TokenKind.Paragraph, true, line);

    /// <summary>Where the token stands, for a finding: 第130行, 第3个表格第5行第2格, 第4页第3个表格第5行第2格.</summary>
    public string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        var page = Page > 0 ? $"第{Page.ToString(c)}页" : "";
        if (Line > 0)
        {
            return $"{page}第{Line.ToString(c)}行";
        }

        return Table > 0
            ? $"{page}第{Table.ToString(c)}个表格第{Row.ToString(c)}行第{Column.ToString(c)}格"
            : page.Length > 0 ? page : "正文";
    }
}
