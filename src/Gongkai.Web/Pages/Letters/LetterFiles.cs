using System.Text;
using Gongkai.Core.Documents;
using Gongkai.Core.Documents.Letters;
using Gongkai.Core.Features.Letters;
using Gongkai.Web.Pages.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Web.Pages.Letters;

/// <summary>
/// An issued letter as a file for staff and for the applicant, rendered from the stored document (the PDF is the same
/// bytes for both: the writer is deterministic): PDF opens in the browser, Word downloads. Never cached: a letter
/// names its addressee. The print view's style is served as a file (<see cref="StylePath"/>), since the site's CSP
/// forbids inline style.
/// </summary>
internal static class LetterFiles
{
    public const string StylePath = "/letters/letter.css";

    /// <summary>The formats served: <see cref="LetterFile.Extensions"/> but the print page, which is a page of its own.</summary>
    public static bool IsFile(string? format) => format is "pdf" or "docx";

    public static void MapLetterStyle(this IEndpointRouteBuilder app) =>
        app.MapGet(StylePath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return TypedResults.Text(LetterHtmlWriter.Style, "text/css", Encoding.UTF8);
        });

    /// <summary>The letter as <paramref name="format"/> (pdf, docx) for a page; 422 with the Chinese error page when a character has no glyph.</summary>
    public static IActionResult File(HttpContext context, GetLetter.Response letter, string format)
    {
        var (bytes, problem) = Render(context, letter, format);
        if (bytes is null)
        {
            ErrorModel.Explain(context, "无法生成该文件", problem);
            return new StatusCodeResult(StatusCodes.Status422UnprocessableEntity);
        }

        return new FileContentResult(bytes, LetterFile.ContentType(format));
    }

    /// <summary>The same for the API: a problem (422) when a character has no glyph.</summary>
    public static IResult Result(HttpContext context, GetLetter.Response letter, string format)
    {
        var (bytes, problem) = Render(context, letter, format);
        return bytes is null
            ? TypedResults.Problem(title: "无法生成该文件", detail: problem, statusCode: StatusCodes.Status422UnprocessableEntity)
            : TypedResults.File(bytes, LetterFile.ContentType(format));
    }

    /// <summary>The file's bytes with its headers set, or null and why (in Chinese).</summary>
    private static (byte[]? Bytes, string Problem) Render(HttpContext context, GetLetter.Response letter, string format)
    {
        byte[] bytes;
        try
        {
            bytes = LetterFile.Write(letter.Document, format);
        }
        catch (ReportWriteException e)
        {
            return (null, $"{e.Message}。请下载 Word 文件或使用打印页面。");
        }

        var disposition = new ContentDispositionHeaderValue(format == "pdf" ? "inline" : "attachment");
        disposition.SetHttpFileName($"{letter.Number}.{format}");
        context.Response.Headers.ContentDisposition = disposition.ToString();
        context.Response.Headers.CacheControl = "no-store";
        return (bytes, "");
    }
}
