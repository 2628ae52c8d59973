using Gongkai.Core.Data;
using Gongkai.Core.Features.Letters;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Api.Requests;

/// <summary>
/// A staff step on an application from an integration (the agency's case system), with the agency's API key: the same
/// steps as the back office's application page, through Core's TakeStep, so what the 条例 does not allow is refused
/// and every step is in the 台账 (recorded as the API's, naming the agency). Problems answer by their kind (ApiProblems).
/// </summary>
internal static class ApplicationStepsApi
{
    /// <param name="Trigger">The step, by the glossary's name: <c>ConfirmReceipt</c>, <c>StartProcessing</c>, <c>RequestExtension</c>, <c>Extend</c>, <c>Reply</c> ….</param>
    /// <param name="Date">The step's statutory date; today (China time) when absent.</param>
    /// <param name="Text">Items to correct (one a line), a reason, the consulted party, what the applicant must explain (<c>RequestReasons</c>).</param>
    /// <param name="OtherDate">A period's end, a letter's or notice's receipt, the day the applicant was told of an extension.</param>
    /// <param name="WorkingDays">For <c>RequestExtension</c>: the working days asked for (条例 Art 33¶2: at most 20, StatutoryDeadline.Extension).</param>
    /// <param name="ApprovedBy">For <c>Extend</c> (the head's consent) and <c>RefuseExtension</c>: the user name of the agency's 机关管理员 who
    /// decided (条例 Art 33¶2); not the one who asked — a request made on the back office by that same user is refused (403).</param>
    /// <param name="Outcome">For a reply: <c>Disclosed</c>, <c>PartlyDisclosed</c>, <c>Withheld:StateSecret</c> ….</param>
    /// <param name="Particulars">For a reply: what it tells the applicant besides its outcome — <c>reasons</c> (required for every
    /// 不予公开 …), <c>obtainFrom</c>, <c>alreadyPublished</c>, <c>withheldParts</c> (<c>part</c>, <c>ground</c> e.g. <c>ThirdPartyRights</c>,
    /// <c>reasons</c>), <c>notThisAgency</c>, <c>responsibleAgencyName</c>, <c>responsibleAgencyContact</c>, <c>earlierReplyNumber</c>,
    /// <c>earlierReplyIssuedOn</c>; what the outcome requires and nothing it does not (ReplyParticularsRule), else 422.</param>
    public sealed record StepInput(
        string? Trigger, DateOnly? Date, string? Text, DateOnly? OtherDate, bool OpinionReceived, int? WorkingDays, string? ApprovedBy, decimal? Amount, FeeBasis Basis, string? Outcome,
        ReplyParticularsFields? Particulars = null);

    /// <param name="Letter">After a reply: its 答复书, issued with the step (issue 14).</param>
    /// <param name="LetterProblem">After a reply whose 答复书 could not be issued: why (the reply stands; issue it through the letters route once the fact is supplied).</param>
    public sealed record StepDone(
        string TrackingNumber, RequestState State, string StateName, RequestTrigger Trigger, DateOnly Date, string Description, DateOnly? ReceivedOn, DateOnly? ReplyDue,
        DateOnly? ExtendedDue, string? DueProvisionalNote, LetterIssued? Letter = null, string? LetterProblem = null);

    public sealed record LetterIssued(Guid Id, string Number, DateOnly IssuedOn);

    public static RouteGroupBuilder MapApplicationSteps(this RouteGroupBuilder api)
    {
        api.MapPost(ApiRoutes.ApplicationSteps, StepAsync).WithSummary("办理申请的一个步骤")
            .WithDescription($"需要本机关的 API 密钥（{ApiKeys.Header}）。与后台申请页面相同的步骤（确认收到、开始办理、延期、答复等）；" +
                "当前状态不允许的步骤返回 409，缺少或不符合条例的内容返回 422，没有该申请编号返回 404，detail 说明原因，什么也不保存。" +
                "延期分两步：RequestExtension 申请（text 填理由，workingDays 填工作日数），答复期限不变；Extend 同意（otherDate 为告知申请人的日期）或 RefuseExtension 不同意，" +
                "approvedBy 填写作出决定的本机关管理员的用户名，不能是提出申请的本人（403）。" +
                "答复（Reply、ReplyOnTheSpot）在 particulars 中填写答复书应载明的内容：不予公开须填写理由（reasons），部分公开须逐项填写不予公开的部分（withheldParts）及可以公开部分的获取方式（obtainFrom），" +
                "予以公开须填写获取方式（obtainFrom），缺少或不属于该答复结果的内容返回 422。RequestReasons 在 text 中填写要求申请人说明的事项。");
        return api;
    }

    private static async Task<Results<Ok<StepDone>, ProblemHttpResult>> StepAsync(
        Guid agencyId, string trackingNumber, [FromBody] StepInput input, HttpContext context, GongkaiDbContext db, TimeProvider clock, WorkCalendar calendar,
        CancellationToken cancellationToken)
    {
        if (await ApiProblems.AuthorizeAsync(context, agencyId) is { } refused)
        {
            return refused;
        }

        if (!Enum.TryParse<RequestTrigger>(input.Trigger, ignoreCase: false, out var trigger) || !Enum.IsDefined(trigger) || int.TryParse(input.Trigger, out _))
        {
            return ApiProblems.From(Problem.Invalid("step.unknown", "请在 trigger 中填写办理步骤，例如 ConfirmReceipt、StartProcessing、RequestExtension、Extend、Reply"));
        }

        // A number no application can have (empty, too long) is simply not found.
        var number = TrackingNumber.TryParse(trackingNumber).TryGetValue(out var n) ? n : null;
        var actor = new Actor(ApiKeys.ActorId(agencyId), "API 接入", ActorRole.Staff);
        var fields = new TakeStep.Fields(input.Date, input.Text, input.OtherDate, input.OpinionReceived, input.WorkingDays, input.Amount, input.Basis, input.Outcome,
            new OfficeHeads.Choice(null, input.ApprovedBy), input.Particulars);
        var taken = await TakeStep.HandleAsync(db, clock, calendar, new TakeStep.Request(agencyId, null, number, trigger, fields, actor), cancellationToken);
        if (!taken.TryGetValue(out var done))
        {
            return ApiProblems.From(taken.Problem);
        }

        var (step, request) = (done.Step, done.Application);
        var answer = new StepDone(
            request.TrackingNumber, request.State, request.State.DisplayName(), step.Trigger, step.Date, step.Description, request.ReceivedOn, request.ReplyDue, request.ExtendedDue,
            request.CurrentDue is { } due ? calendar.ProvisionalNote(due) : null);
        if (trigger is RequestTrigger.Reply or RequestTrigger.ReplyOnTheSpot)
        {
            // The reply's 答复书 at once, as the back office issues it; the reply stands if the letter is refused.
            db.ChangeTracker.Clear();
            var issued = await IssueRequestLetter.HandleAsync(db, clock, new IssueRequestLetter.Request(agencyId, request.Id, LetterKind.Reply, actor.UserId), cancellationToken);
            answer = issued.TryGetValue(out var letter)
                ? answer with { Letter = new LetterIssued(letter.Id, letter.Number, letter.IssuedOn) }
                : answer with { LetterProblem = issued.Problem.Message };
        }

        return TypedResults.Ok(answer);
    }
}
