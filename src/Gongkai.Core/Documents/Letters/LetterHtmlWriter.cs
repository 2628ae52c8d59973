using System.Net;
using System.Text;
using Gongkai.Domain.Letters;

namespace Gongkai.Core.Documents.Letters;

/// <summary>
/// A letter as a print page for the browser, in the layout of <see cref="LetterDocxWriter"/>: A4 with the 公文
/// margins as <c>@page</c>, the fonts by name with their fallbacks, page numbers in the page's bottom margin where
/// the browser supports margin boxes. Self-contained (its style inline, no script, no external resource); every
/// text of the letter is HTML-encoded, so a reason containing markup is shown as text, never run.
/// </summary>
public static class LetterHtmlWriter
{
    /// <summary>
    /// The page's style. A site whose Content-Security-Policy forbids inline style can serve this as a file and
    /// put <see cref="Body"/> in its own page.
    /// </summary>
    public const string Style = """
        @page{size:A4;margin:37mm 26mm 35mm 28mm;@bottom-center{content:"— " counter(page) " —";font:14pt "宋体","SimSun","Noto Serif CJK SC",serif}}
        .letter{font-family:"仿宋_GB2312","仿宋","FangSong","STFangsong","Noto Serif CJK SC",serif;font-size:16pt;line-height:28pt;color:#000}
        .letter p{margin:0;text-indent:2em;text-align:justify}
        .letter .mark{text-indent:0;margin-bottom:28pt;font-family:"黑体","SimHei","Noto Sans CJK SC",sans-serif}
        .letter h1{margin:0;font-size:22pt;line-height:36pt;font-weight:normal;text-align:center;
          font-family:"方正小标宋简体","方正小标宋_GBK","FZXiaoBiaoSong-B05S","华文中宋","STZhongsong","Noto Serif CJK SC",serif}
        .letter .number{text-indent:0;text-align:center;margin-bottom:28pt}
        .letter .addressee{text-indent:0}
        .letter .signature{width:max-content;max-width:100%;margin:56pt 4em 0 auto;text-align:center;break-inside:avoid}
        .letter .signature p{text-indent:0;text-align:center}
        @media screen{body{background:#eee;margin:0}.letter{box-sizing:border-box;width:210mm;min-height:297mm;margin:1rem auto;padding:37mm 26mm 35mm 28mm;background:#fff}}
        @media print{body{margin:0}}
        """;

    public static string Write(LetterDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"Gongkai\">\n")
            .Append("<title>").Append(Encode(document.Title + " " + document.Number)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n")
            .Append(Body(document))
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The letter as an <c>article class="letter"</c>, every text encoded; styled by <see cref="Style"/>.</summary>
    public static string Body(LetterDocument document)
    {
        var html = new StringBuilder(4096);
        html.Append("<article class=\"letter\">\n");
        var signatureOpen = false;
        foreach (var (part, text) in LetterLayout.Blocks(document))
        {
            if ((part is LetterPart.Signatory or LetterPart.Date) && !signatureOpen)
            {
                html.Append("<div class=\"signature\">\n");
                signatureOpen = true;
            }

            html.Append(part switch
            {
                LetterPart.Mark => "<p class=\"mark\">",
                LetterPart.Title => "<h1>",
                LetterPart.Number => "<p class=\"number\">",
                LetterPart.Addressee => "<p class=\"addressee\">",
                LetterPart.Signatory => "<p class=\"signatory\">",
                LetterPart.Date => "<p class=\"date\">",
                _ => "<p>",
            });
            html.Append(Encode(text)).Append(part == LetterPart.Title ? "</h1>\n" : "</p>\n");
        }

        if (signatureOpen)
        {
            html.Append("</div>\n");
        }

        return html.Append("</article>\n").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
