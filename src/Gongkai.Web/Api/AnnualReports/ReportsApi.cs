using Gongkai.Core.Data;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Api.AnnualReports;

/// <summary>
/// Annual reports over the API: an agency's locked or published reports, one as report-json.md (the content as it was
/// locked), its findings (ReportCheck on that content); and, with the agency's API key, the year's draft built from the
/// records, for a <see cref="ReportYear"/>.
/// </summary>
internal static class ReportsApi
{
    public sealed record ReportLine(int Year, int Version, ReportStage Stage, string Format, DateOnly? PublishedOn, DateTimeOffset? LockedAt, string Json);

    public sealed record FindingLine(string Rule, string Severity, IReadOnlyList<string> Cells, string Message);

    public sealed record ReportFindings(int Year, int Version, ReportStage Stage, IReadOnlyList<FindingLine> Findings);

    /// <param name="Section">overview（一、总体情况）, problems（五、存在的主要问题及改进情况） or other（六、其他需要报告的事项）.</param>
    public sealed record TextInput(string? Section, string? Text);

    public sealed record LockInput(string? Acknowledgement);

    public sealed record LockedVersion(int Year, int Version, ReportStage Stage, string ContentHash, DateTimeOffset LockedAt, IReadOnlyList<FindingLine> Findings);

    public sealed record BuiltDraft(int Year, int Version, ReportStage Stage, string Format, int ErrorCount, int WarningCount, bool StartedNewVersion, IReadOnlyList<FindingLine> Findings);

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        api.MapGet(ApiRoutes.Reports, ListAsync).WithSummary("年度报告列表").WithDescription("只列出已锁定或已公开的版本（每年最新一版）。");
        api.MapGet(ApiRoutes.Report, GetAsync).WithSummary("年度报告（JSON）").WithDescription("report-json.md 的格式：format、year、agency、cells、blank、findings。")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        api.MapGet(ApiRoutes.Findings, FindingsAsync).WithSummary("年度报告的检查结果（勾稽关系等）");
        api.MapPost(ApiRoutes.Build, BuildAsync).WithSummary("根据记录生成年度报告草稿").WithDescription($"需要本机关的 API 密钥（{ApiKeys.Header}）；已锁定的版本不会被改动。");
        api.MapPost(ApiRoutes.ReportTexts, TextAsync).WithSummary("填写年度报告草稿的文字部分")
            .WithDescription($"需要本机关的 API 密钥（{ApiKeys.Header}）；section 为 overview（一、总体情况）、problems（五、存在的主要问题及改进情况）或 other（六、其他需要报告的事项）。");
        api.MapPost(ApiRoutes.Lock, LockAsync).WithSummary("检查并锁定年度报告草稿")
            .WithDescription($"需要本机关的 API 密钥（{ApiKeys.Header}）；一、五、六部分须有文字，有警告时须在 acknowledgement 中说明。");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<ReportLine>>, ProblemHttpResult>> ListAsync(Guid agencyId, GongkaiDbContext db, CancellationToken cancellationToken)
    {
        if (!(await PublicReports.OfAgencyAsync(db, agencyId, cancellationToken)).TryGetValue(out var lines))
        {
            return ApiProblems.AgencyNotFound();
        }

        return TypedResults.Ok<IReadOnlyList<ReportLine>>([.. lines.Select(l => new ReportLine(
            l.Year, l.Version, l.Stage, l.Format.Code(), l.PublishedOn, l.LockedAt,
            ApiRoutes.Prefix + ApiRoutes.Fill(ApiRoutes.Report, Values(agencyId, l.Year))))]);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(Guid agencyId, int year, GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var stored = await PublicReports.GetAsync(db, agencyId, year, cancellationToken);
        return stored is null
            ? ApiProblems.From(Problem.NotFound("report.notLocked", $"该机关没有已锁定的{year}年度报告"))
            : TypedResults.Text(stored.Version.Content, ReportFileFormats.Json.ContentType);
    }

    private static async Task<Results<Ok<ReportFindings>, ProblemHttpResult>> FindingsAsync(Guid agencyId, int year, GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var stored = await PublicReports.GetAsync(db, agencyId, year, cancellationToken);
        if (stored is null)
        {
            return ApiProblems.From(Problem.NotFound("report.notLocked", $"该机关没有已锁定的{year}年度报告"));
        }

        // The locked content (read by ReportJson.Read) checked again as at the lock: R7/R9 against last year's locked report.
        var checkedReport = await ReportCheck.WithPreviousYearAsync(db, agencyId, stored.Report, cancellationToken);
        return TypedResults.Ok(new ReportFindings(year, stored.Version.Number, stored.Version.Stage, Lines(checkedReport)));
    }

    private static async Task<Results<Ok<BuiltDraft>, ProblemHttpResult>> BuildAsync(
        Guid agencyId, int year, HttpContext context, GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ApiProblems.AuthorizeAsync(context, agencyId) is { } refused)
        {
            return refused;
        }

        if (ReportYear.Create(year, ChinaClock.Today(clock)) is { IsSuccess: false } invalid)
        {
            return ApiProblems.From(invalid.Problem);
        }

        var built = await SaveDraft.HandleAsync(db, calendar, clock, new SaveDraft.Request(agencyId, year, null, Actor(agencyId)), cancellationToken);
        if (!built.TryGetValue(out var draft))
        {
            return ApiProblems.From(built.Problem);
        }

        return TypedResults.Ok(new BuiltDraft(year, draft.Version.Number, draft.Version.Stage, draft.Report.Report.Format.Code(), draft.Report.ErrorCount, draft.Report.WarningCount,
            draft.StartedNewVersion, Lines(draft.Report)));
    }

    private static async Task<Results<Ok<IReadOnlyList<FindingLine>>, ProblemHttpResult>> TextAsync(
        Guid agencyId, int year, TextInput input, HttpContext context, GongkaiDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ApiProblems.AuthorizeAsync(context, agencyId) is { } refused)
        {
            return refused;
        }

        if (ReportYear.Create(year, ChinaClock.Today(clock)) is { IsSuccess: false } invalid)
        {
            return ApiProblems.From(invalid.Problem);
        }

        if (input.Section is not ("overview" or "problems" or "other"))
        {
            return ApiProblems.From(Problem.Invalid("report.unknownSection", "section 应为 overview、problems 或 other"));
        }

        var edited = await EditReportText.HandleAsync(db, clock, new EditReportText.Request(agencyId, year, CellKey.Text(input.Section), input.Text ?? "", Actor(agencyId)),
            cancellationToken);
        return edited.TryGetValue(out var report) ? TypedResults.Ok(Lines(report)) : ApiProblems.From(edited.Problem);
    }

    private static async Task<Results<Ok<LockedVersion>, ProblemHttpResult>> LockAsync(
        Guid agencyId, int year, LockInput input, HttpContext context, GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ApiProblems.AuthorizeAsync(context, agencyId) is { } refused)
        {
            return refused;
        }

        if (ReportYear.Create(year, ChinaClock.Today(clock)) is { IsSuccess: false } invalid)
        {
            return ApiProblems.From(invalid.Problem);
        }

        var ack = string.IsNullOrWhiteSpace(input.Acknowledgement) ? null : input.Acknowledgement.Trim();
        var locked = await LockReport.HandleAsync(db, calendar, clock, new LockReport.Request(agencyId, year, ack, Actor(agencyId)), cancellationToken);
        if (!locked.TryGetValue(out var done))
        {
            return ApiProblems.From(locked.Problem);
        }

        var v = done.Version;
        return TypedResults.Ok(new LockedVersion(year, v.Number, v.Stage, v.ContentHash!, v.LockedAt!.Value, Lines(done.Report)));
    }

    private static string Actor(Guid agencyId) => ApiKeys.ActorId(agencyId);

    private static IReadOnlyList<FindingLine> Lines(CheckedReport report) =>
        [.. report.Findings.Select(f => new FindingLine(f.Rule, f.Severity == Severity.Error ? "error" : "warning", f.Cells, f.Message))];

    private static Dictionary<string, string> Values(Guid agencyId, int year) => new(StringComparer.Ordinal)
    {
        ["agencyId"] = agencyId.ToString("D"),
        ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
