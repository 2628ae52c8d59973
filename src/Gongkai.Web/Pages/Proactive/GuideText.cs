using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Gongkai.Web.Pages.Proactive;

/// <summary>
/// The guide's Markdown (DisclosureGuide.Text) as HTML: headings, bullet and numbered lists and paragraphs only.
/// Every character of the text is HTML-encoded, so a guide cannot carry markup or script into the page; what is not
/// one of these blocks reads as the plain text it is. Headings start at <c>h2</c> under the page's <c>h1</c>.
/// </summary>
public static class GuideText
{
    public static IHtmlContent ToHtml(string markdown)
    {
        var html = new StringBuilder(markdown.Length * 2);
        string? openList = null;
        var paragraph = new List<string>();

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                html.Append("<p>").Append(string.Join("<br>", paragraph.Select(Encode))).Append("</p>\n");
                paragraph.Clear();
            }
        }

        void CloseList()
        {
            if (openList is not null)
            {
                html.Append("</").Append(openList).Append(">\n");
                openList = null;
            }
        }

        void ListItem(string kind, string text)
        {
            FlushParagraph();
            if (openList != kind)
            {
                CloseList();
                html.Append('<').Append(kind).Append(">\n");
                openList = kind;
            }

            html.Append("<li>").Append(Encode(text)).Append("</li>\n");
        }

        foreach (var raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            var hashes = line.TakeWhile(c => c == '#').Count();
            if (line.Length == 0)
            {
                FlushParagraph();
                CloseList();
            }
            else if (hashes is >= 1 and <= 6 && line.Length > hashes && line[hashes] == ' ')
            {
                FlushParagraph();
                CloseList();
                var level = Math.Min(hashes + 1, 6);
                html.Append("<h").Append(level).Append('>').Append(Encode(line[(hashes + 1)..].Trim())).Append("</h").Append(level).Append(">\n");
            }
            else if (line.Length > 2 && line[0] is '-' or '*' or '+' && line[1] == ' ')
            {
                ListItem("ul", line[2..].Trim());
            }
            else if (NumberedItem(line) is { } text)
            {
                ListItem("ol", text);
            }
            else
            {
                CloseList();
                paragraph.Add(line);
            }
        }

        FlushParagraph();
        CloseList();
        return new HtmlString(html.ToString());
    }

    /// <summary>"1. text" or "1、text": the text, else null.</summary>
    private static string? NumberedItem(string line)
    {
        var digits = line.TakeWhile(char.IsAsciiDigit).Count();
        return digits > 0 && line.Length > digits + 1 && (line[digits] == '、' || (line[digits] == '.' && line[digits + 1] == ' '))
            ? line[(digits + 1)..].Trim()
            : null;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
