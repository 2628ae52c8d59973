using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Gongkai.Web.Pages.Staff.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api.Requests;

/// <summary>
/// A staff step on an application from an integration (the agency's case system), with the agency's API key: the same
/// steps as the back office's application page, through Core's ApplyStep, so the domain refuses what the 条例 does not
/// allow and every step is in the 台账 (recorded as the API's, naming the agency).
/// </summary>
internal static class ApplicationStepsApi
{
    /// <param name="Trigger">The step, by the glossary's name: <c>ConfirmReceipt</c>, <c>StartProcessing</c>, <c>Extend</c>, <c>Reply</c> ….</param>
    /// <param name="Date">The step's statutory date; today (China time) when absent.</param>
    /// <param name="Text">Items to correct (one a line), a reason, the consulted party.</param>
    /// <param name="OtherDate">A period's end, a letter's or notice's receipt, the day the applicant was told of an extension.</param>
    /// <param name="WorkingDays">An extension's working days (条例 Art 33: at most 20).</param>
    /// <param name="ApprovedBy">For <c>Extend</c>: the user name of the agency's 机关管理员 who consented (条例 Art 33¶2).</param>
    /// <param name="Outcome">For a reply: <c>Disclosed</c>, <c>PartlyDisclosed</c>, <c>Withheld:StateSecret</c> ….</param>
    public sealed record StepInput(
        string? Trigger, DateOnly? Date, string? Text, DateOnly? OtherDate, bool OpinionReceived, int? WorkingDays, string? ApprovedBy, decimal? Amount, FeeBasis Basis, string? Outcome);

    public sealed record StepDone(
        string TrackingNumber, RequestState State, string StateName, RequestTrigger Trigger, DateOnly Date, string Description, DateOnly? ReceivedOn, DateOnly? ReplyDue,
        DateOnly? ExtendedDue, string? DueProvisionalNote);

    public static RouteGroupBuilder MapApplicationSteps(this RouteGroupBuilder api)
    {
        api.MapPost(ApiRoutes.ApplicationSteps, StepAsync).WithSummary("办理申请的一个步骤")
            .WithDescription($"需要本机关的 API 密钥（{ApiKeys.Header}）。与后台申请页面相同的步骤（确认收到、开始办理、延期、答复等）；条例不允许的步骤返回 422，detail 说明原因，什么也不保存。");
        return api;
    }

    private static async Task<Results<Ok<StepDone>, ProblemHttpResult>> StepAsync(
        Guid agencyId, string trackingNumber, [FromBody] StepInput input, HttpContext context, GongkaiDbContext db, UserManager<StaffUser> users,
        TimeProvider clock, WorkCalendar calendar, CancellationToken cancellationToken)
    {
        if (await ApiProblems.AuthorizeAsync(context, agencyId) is { } refused)
        {
            return refused;
        }

        if (!Enum.TryParse<RequestTrigger>(input.Trigger, ignoreCase: false, out var trigger) || !Enum.IsDefined(trigger) || int.TryParse(input.Trigger, out _))
        {
            return ApiProblems.From(Problem.Invalid("step.unknown", "请在 trigger 中填写办理步骤，例如 ConfirmReceipt、StartProcessing、Extend、Reply"));
        }

        var found = await db.Requests.Where(r => r.AgencyId == agencyId && r.TrackingNumber == trackingNumber)
            .Select(r => new { r.Id, r.State }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return ApiProblems.From(Problem.NotFound("request.notFound", "本机关没有该申请编号的申请"));
        }

        var actor = new Actor("api:" + agencyId.ToString("D"), "API 接入", ActorRole.Staff);
        Result<Actor> approver = trigger == RequestTrigger.Extend ? await ApproverAsync(users, agencyId, input.ApprovedBy) : new Problem("request.extensionApprover", "");
        var fields = new StepFields(input.Date, input.Text, input.OtherDate, input.OpinionReceived, input.WorkingDays, input.Amount, input.Basis, input.Outcome);
        var command = StepCommands.Build(found.State, trigger, fields, actor, () => approver, ChinaClock.Today(clock), clock.GetUtcNow());
        if (!command.TryGetValue(out var c))
        {
            return Refused(command.Problem);
        }

        var applied = await ApplyStep.HandleAsync(db, clock, calendar, new ApplyStep.Request(found.Id, agencyId, c), cancellationToken);
        if (!applied.TryGetValue(out var step))
        {
            return Refused(applied.Problem);
        }

        var request = await db.Requests.AsNoTracking().FirstAsync(r => r.Id == found.Id, cancellationToken);
        return TypedResults.Ok(new StepDone(
            request.TrackingNumber, request.State, request.State.DisplayName(), step.Trigger, step.Date, step.Description, request.ReceivedOn, request.ReplyDue, request.ExtendedDue,
            request.CurrentDue is { } due ? calendar.ProvisionalNote(due) : null));
    }

    /// <summary>条例 Art 33¶2: the office head is one of the agency's 机关管理员, as on the application page.</summary>
    private static async Task<Result<Actor>> ApproverAsync(UserManager<StaffUser> users, Guid agencyId, string? userName)
    {
        var head = (await users.GetUsersInRoleAsync(StaffRoles.AgencyAdmin))
            .FirstOrDefault(u => u.AgencyId == agencyId && string.Equals(u.UserName, userName?.Trim(), StringComparison.Ordinal));
        return head is null
            ? new Problem("request.extensionApprover", "延期须经政府信息公开工作机构负责人同意：请在 approvedBy 中填写本机关管理员的用户名")
            : new Actor(head.Id.ToString("D"), head.DisplayName, ActorRole.OfficeHead);
    }

    /// <summary>What the procedure refuses (or a missing field): 422, the reason in Chinese, nothing stored.</summary>
    private static ProblemHttpResult Refused(Problem problem) =>
        TypedResults.Problem(title: "无法办理该步骤", detail: problem.Message, statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = problem.Code });
}
