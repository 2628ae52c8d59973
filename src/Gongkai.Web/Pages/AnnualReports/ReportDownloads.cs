using System.Text;
using Gongkai.Core.Data;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Web.Pages.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Pages.AnnualReports;

/// <summary>
/// A year's public report as a file: DOCX, PDF, XLSX (the tables) or JSON (report-json.md, the stored content as it
/// was locked). Only a locked or published version is ever served; a year without one is 404.
/// </summary>
internal static partial class ReportDownloads
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["pdf"] = "application/pdf",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["json"] = "application/json; charset=utf-8",
    };

    public static string Path(Guid agencyId, int year, string format) =>
        FormattableString.Invariant($"/agencies/{agencyId:D}/reports/{year}/download/{format}");

    public static void MapReportDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/agencies/{agencyId:guid}/reports/{year:int}/download/{format}", DownloadAsync);

    private static async Task<Results<FileContentHttpResult, NotFound, StatusCodeHttpResult>> DownloadAsync(
        Guid agencyId, int year, string format, GongkaiDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ContentTypes.TryGetValue(format, out var contentType))
        {
            return TypedResults.NotFound();
        }

        var stored = await PublicReports.GetAsync(db, agencyId, year, cancellationToken);
        if (stored is null)
        {
            return TypedResults.NotFound();
        }

        var report = stored.Report;
        var bytes = Render(context, format, () => format switch
        {
            "docx" => DocxReportWriter.Write(report),
            "pdf" => PdfReportWriter.Write(report),
            "xlsx" => XlsxReportWriter.Write(report),
            _ => Encoding.UTF8.GetBytes(stored.Version.Content),
        });
        return bytes is null
            ? TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable)
            : TypedResults.File(bytes, contentType, ReportTitles.Title(report) + "." + format);
    }

    /// <summary>
    /// The file, or null when its renderer cannot make it on this server (no Chinese font for PDF: an
    /// InvalidOperationException in Chinese for the operator). The reason is logged; the visitor gets the Chinese 503
    /// page saying this format is unavailable for now and the others are not (issue 11: no bare 500).
    /// </summary>
    public static byte[]? Render(HttpContext context, string format, Func<byte[]> render)
    {
        try
        {
            return render();
        }
        catch (InvalidOperationException e)
        {
            LogRenderFailure(context.RequestServices.GetRequiredService<ILogger<FileContentHttpResult>>(), e, format);
            ErrorModel.Explain(context, "暂时无法生成该文件", $"该年度报告的 {format.ToUpperInvariant()} 文件暂时无法生成，请稍后再试，或下载其他格式。");
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Rendering a report as {Format} failed")]
    private static partial void LogRenderFailure(ILogger logger, Exception exception, string format);
}
