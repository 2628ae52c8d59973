using Gongkai.Core.Data;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Domain.AnnualReports;
using Gongkai.Web.Pages.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Pages.AnnualReports;

/// <summary>
/// A year's public report as a file: DOCX, PDF, XLSX (the tables) or JSON (report-json.md, the stored content as it
/// was locked). Only a locked or published version is ever served; a year without one is 404.
/// </summary>
internal static partial class ReportDownloads
{
    /// <summary>The forms the public downloads (named in the URL by <see cref="ReportFileFormat.Name"/>).</summary>
    public static IReadOnlyList<ReportFileFormat> Formats { get; } = [ReportFileFormats.Docx, ReportFileFormats.Pdf, ReportFileFormats.Xlsx, ReportFileFormats.Json];

    public static string Path(Guid agencyId, int year, string format) =>
        FormattableString.Invariant($"/agencies/{agencyId:D}/reports/{year}/download/{format}");

    public static void MapReportDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/agencies/{agencyId:guid}/reports/{year:int}/download/{format}", DownloadAsync);

    private static async Task<Results<FileContentHttpResult, NotFound, StatusCodeHttpResult>> DownloadAsync(
        Guid agencyId, int year, string format, GongkaiDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        if (ReportFileFormats.Named(format, Formats) is not { } file)
        {
            return TypedResults.NotFound();
        }

        var stored = await PublicReports.GetAsync(db, agencyId, year, cancellationToken);
        if (stored is null)
        {
            return TypedResults.NotFound();
        }

        // No check here: DOCX, PDF and XLSX draw the report, not findings, and JSON is the locked content byte for byte
        // (findings as at the lock), so checking again per download would cost a query and the rules for nothing.
        var report = new CheckedReport(stored.Report, []);
        var (bytes, status) = Render(context, format, () => file.Write(report, storedJson: stored.Version.Content));
        return bytes is null
            ? TypedResults.StatusCode(status)
            : TypedResults.File(bytes, file.ContentType, ReportTitles.Title(report.Report) + "." + file.Name);
    }

    /// <summary>
    /// The file, or null with the status to answer: 422 when the report holds a character no font has (named in the
    /// message: staff correct the text), 503 when the renderer cannot work on this server (an InvalidOperationException
    /// in Chinese for the operator, logged). The visitor gets the Chinese error page saying why, and that the other
    /// formats still serve the report (issue 11: no bare 500).
    /// </summary>
    public static (byte[]? File, int Status) Render(HttpContext context, string format, Func<byte[]> render)
    {
        try
        {
            return (render(), StatusCodes.Status200OK);
        }
        catch (ReportWriteException e)
        {
            ErrorModel.Explain(context, "无法生成该文件", $"{e.Message}。请下载其他格式，或请机关更正报告文字。");
            return (null, StatusCodes.Status422UnprocessableEntity);
        }
        catch (InvalidOperationException e)
        {
            LogRenderFailure(context.RequestServices.GetRequiredService<ILogger<FileContentHttpResult>>(), e, format);
            ErrorModel.Explain(context, "暂时无法生成该文件", $"该年度报告的 {format.ToUpperInvariant()} 文件暂时无法生成，请稍后再试，或下载其他格式。");
            return (null, StatusCodes.Status503ServiceUnavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Rendering a report as {Format} failed")]
    private static partial void LogRenderFailure(ILogger logger, Exception exception, string format);
}
