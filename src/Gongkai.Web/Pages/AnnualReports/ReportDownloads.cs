using System.Text;
using Gongkai.Core.Data;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.AnnualReports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Pages.AnnualReports;

/// <summary>
/// A year's public report as a file: DOCX, PDF, XLSX (the tables) or JSON (report-json.md, the stored content as it
/// was locked). Only a locked or published version is ever served; a year without one is 404.
/// </summary>
internal static class ReportDownloads
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

    private static async Task<Results<FileContentHttpResult, NotFound, ContentHttpResult>> DownloadAsync(
        Guid agencyId, int year, string format, GongkaiDbContext db, CancellationToken cancellationToken)
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
        byte[] bytes;
        try
        {
            bytes = format switch
            {
                "docx" => DocxReportWriter.Write(report),
                "pdf" => PdfReportWriter.Write(report),
                "xlsx" => XlsxReportWriter.Write(report),
                _ => Encoding.UTF8.GetBytes(stored.Version.Content),
            };
        }
        catch (ReportWriteException e)
        {
            // A character no font has: the other formats still serve the report.
            return TypedResults.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        return TypedResults.File(bytes, contentType, ReportTitles.Title(report) + "." + format);
    }
}
