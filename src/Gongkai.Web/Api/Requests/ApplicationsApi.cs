using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Api.Requests;

/// <summary>The public online application over the API: submit (number and code back, once), and the status lookup.</summary>
internal static class ApplicationsApi
{
    public const string QueryCodeHeader = "X-Query-Code";

    /// <summary>The client's idempotency key of a submission (Core's SubmissionKeys): a retry with it gets the first application back.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Set on the answer to a retry: the application is the one the first submission with the key filed.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <param name="TrackingNumber">申请编号.</param>
    /// <param name="QueryCode">查询码: returned this once, never stored in the clear.</param>
    /// <param name="ReplyDue">Null until the agency confirms receipt (条例 Art 31(三)).</param>
    public sealed record ApplicationReceipt(
        string TrackingNumber, string QueryCode, string Agency, DateOnly SubmittedOn, RequestState State, string StateName, DateOnly? ReceivedOn, DateOnly? ReplyDue,
        int ReplyWorkingDays, string Next);

    public static RouteGroupBuilder MapApplications(this RouteGroupBuilder api)
    {
        api.MapPost(ApiRoutes.Applications, SubmitAsync).RequireRateLimiting(PublicRateLimits.Apply)
            .WithSummary("提交政府信息公开申请（网上）").WithDescription(
                "与网上申请表相同的校验；成功时返回申请编号和查询码。建议在 " + IdempotencyKeyHeader + " 请求头中附上提交标识（每份申请一个，1至100个字母、数字或 - _ . :）：" +
                "同一标识、相同内容重复提交（如超时后重试）返回第一次提交的申请编号和查询码，不会重复立案（响应头 " + ReplayedHeader + ": true）；同一标识、不同内容返回 409。");
        api.MapGet(ApiRoutes.Application, StatusAsync).RequireRateLimiting(PublicRateLimits.Lookup)
            .WithSummary("查询申请办理状态").WithDescription($"查询码放在 {QueryCodeHeader} 请求头中（不放在网址里）；申请编号或查询码不对时一律返回 404。");
        return api;
    }

    public static string NextSteps =>
        "通过互联网渠道提交的申请，以双方确认之日为收到申请之日（条例第三十一条第（三）项）；" +
        "行政机关自收到申请之日起20个工作日内答复，需要延长的，经负责人同意并告知申请人，延长期限最长不超过20个工作日（条例第三十三条）。";

    private static async Task<Results<Created<ApplicationReceipt>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        Guid agencyId, [FromBody] OnlineApplicationForm form, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, HttpContext context,
        SubmissionWriter writer, CancellationToken cancellationToken)
    {
        var result = await SubmitOnline.HandleAsync(writer, new SubmitOnline.Request(agencyId, form, idempotencyKey), cancellationToken);
        if (!result.TryGetValue(out var response))
        {
            // The agency gone (404), a key that cannot be one (422), a key used before with other content (409).
            return ApiProblems.From(result.Problem);
        }

        if (response.Receipt is not { } r)
        {
            return ApiProblems.Validation(response.Errors, "申请未提交：" + string.Join("；", response.Errors.Values));
        }

        var receipt = new ApplicationReceipt(
            r.TrackingNumber, r.QueryCode, r.AgencyName, r.SubmittedOn, r.State, r.State.DisplayName(), r.ReceivedOn, r.ReplyDue, StatutoryDeadline.Reply.WorkingDays, NextSteps);
        var location = ApiRoutes.Prefix + ApiRoutes.Fill(ApiRoutes.Application, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["agencyId"] = agencyId.ToString("D"),
            ["trackingNumber"] = r.TrackingNumber,
        });
        if (r.Repeated)
        {
            context.Response.Headers[ReplayedHeader] = "true";
        }

        return TypedResults.Created(location, receipt);
    }

    private static async Task<Results<Ok<LookupApplication.Response>, ProblemHttpResult>> StatusAsync(
        Guid agencyId, string trackingNumber, [FromHeader(Name = QueryCodeHeader)] string? queryCode, GongkaiDbContext db, WorkCalendar calendar, CancellationToken cancellationToken)
    {
        var result = await LookupApplication.HandleAsync(db, calendar, new LookupApplication.Request(agencyId, trackingNumber, queryCode), cancellationToken);
        return result.TryGetValue(out var status) ? TypedResults.Ok(status) : ApiProblems.From(result.Problem);
    }
}
