using Gongkai.Core.Data;
using Gongkai.Core.Features.Letters;
using Gongkai.Core.Features.Mail;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Gongkai.Web.Hosting;
using Gongkai.Web.Pages.Letters;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Api.Requests;

/// <summary>
/// The letters of an application (issue 14, spec/letters.md): an integration with the agency's key lists them and
/// issues one (Core's IssueRequestLetter, as the back office does); the applicant, with the 查询码, fetches one
/// addressed to them as JSON, PDF or Word — the first such fetch is the letter's 网上 delivery.
/// </summary>
internal static class ApplicationLettersApi
{
    /// <param name="Kind">The letter's kind as spec/letters.md §1 names it: <c>receipt</c>, <c>supplement</c>, <c>explainReasons</c>, <c>extension</c>,
    /// <c>thirdPartyConsultation</c>, <c>thirdPartyNotice</c>, <c>agencyConsultation</c>, <c>feeNotice</c>, <c>reply</c>.</param>
    /// <param name="Replaces">The id of the issued letter this one corrects (same kind).</param>
    /// <param name="Email">Also send it to the applicant's e-mail address as a PDF (letters to the applicant).</param>
    public sealed record IssueInput(
        string? Kind, string? Reasons = null, DateOnly? ExplanationDue = null, string? ThirdPartyName = null, string? DisclosedContent = null, string? OtherAgencyName = null,
        int? FeeCount = null, int? FeeEarlierInMonth = null, string? PaymentMethod = null, string? CitedNumber = null, DateOnly? CitedIssuedOn = null, Guid? Replaces = null,
        bool Email = false);

    public sealed record IssuedLetter(Guid Id, LetterKind Kind, string Title, string Number, DateOnly IssuedOn, string DocumentSha256, LetterDocument Document);

    public sealed record LetterFull(
        Guid Id, LetterKind Kind, string Title, string Number, DateOnly IssuedOn, string? ReplacesNumber, string? ReplacedByNumber, LetterDocument Document);

    public static RouteGroupBuilder MapApplicationLetters(this RouteGroupBuilder api)
    {
        api.MapGet(ApiRoutes.ApplicationLetters, ListAsync).WithSummary("申请的文书列表")
            .WithDescription($"需要本机关的 API 密钥（{ApiKeys.Header}）。按出具时间列出该申请的全部文书：文号、种类、出具日期、更正关系和送达情况。");
        api.MapPost(ApiRoutes.ApplicationLetters, IssueAsync).WithSummary("出具文书")
            .WithDescription($"需要本机关的 API 密钥（{ApiKeys.Header}）。kind 为文书种类（receipt、supplement、explainReasons、extension、thirdPartyConsultation、" +
                "thirdPartyNotice、agencyConsultation、feeNotice、reply）；文号在出具时连续编号；办理记录中没有而该文书需要的内容（如第三方名称）在相应字段中填写，" +
                "缺少时返回 422 并指明缺少的内容。replaces 为所更正文书的 id；email 为 true 时同时以电子邮件（PDF 附件）发送给申请人。");
        api.MapGet(ApiRoutes.ApplicationLetter, LetterAsync).RequireRateLimiting(PublicRateLimits.Lookup).WithSummary("申请人获取文书")
            .WithDescription($"查询码放在 {ApplicationsApi.QueryCodeHeader} 请求头中；format 为 json（默认）、pdf 或 docx。只能获取出具给申请人本人的文书；" +
                "申请编号、查询码或文书不对时一律返回 404。首次获取记为网上送达。");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<ListLetters.Line>>, ProblemHttpResult>> ListAsync(
        Guid agencyId, string trackingNumber, HttpContext context, GongkaiDbContext db, CancellationToken cancellationToken)
    {
        if (await ApiProblems.AuthorizeAsync(context, agencyId) is { } refused)
        {
            return refused;
        }

        var requestId = await ListLetters.ApplicationIdAsync(db, agencyId, trackingNumber, cancellationToken);
        var lines = requestId is { } id ? await ListLetters.ForStaffAsync(db, agencyId, id, cancellationToken) : ApplyStep.NotFound;
        return lines.TryGetValue(out var found) ? TypedResults.Ok(found) : ApiProblems.From(lines.Problem);
    }

    private static async Task<Results<Created<IssuedLetter>, ProblemHttpResult>> IssueAsync(
        Guid agencyId, string trackingNumber, [FromBody] IssueInput input, HttpContext context, GongkaiDbContext db, TimeProvider clock, MailSignal mail,
        CancellationToken cancellationToken)
    {
        if (await ApiProblems.AuthorizeAsync(context, agencyId) is { } refused)
        {
            return refused;
        }

        if (!Enum.TryParse<LetterKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(input.Kind, out _))
        {
            return ApiProblems.From(Problem.Invalid("letter.kind", "请在 kind 中填写文书种类，例如 receipt、supplement、extension、feeNotice、reply"));
        }

        if (await ListLetters.ApplicationIdAsync(db, agencyId, trackingNumber, cancellationToken) is not { } requestId)
        {
            return ApiProblems.From(ApplyStep.NotFound);
        }

        var facts = new LetterFacts.Input(
            input.Reasons, input.ExplanationDue, input.ThirdPartyName, input.DisclosedContent, input.OtherAgencyName, input.FeeCount, input.FeeEarlierInMonth,
            input.PaymentMethod, input.CitedNumber, input.CitedIssuedOn);
        var issued = await IssueRequestLetter.HandleAsync(db, clock, new IssueRequestLetter.Request(
            agencyId, requestId, kind, ApiKeys.ActorId(agencyId), facts, input.Replaces, input.Email), cancellationToken);
        if (!issued.TryGetValue(out var letter))
        {
            return ApiProblems.From(issued.Problem);
        }

        if (input.Email)
        {
            mail.Ring();
        }

        return TypedResults.Created(
            context.Request.Path + "/" + letter.Id.ToString("D"),
            new IssuedLetter(letter.Id, kind, letter.Document.Title, letter.Number, letter.IssuedOn, letter.DocumentSha256, letter.Document));
    }

    private static async Task<IResult> LetterAsync(
        Guid agencyId, string trackingNumber, Guid letterId, string? format, [FromHeader(Name = ApplicationsApi.QueryCodeHeader)] string? queryCode, HttpContext context,
        GongkaiDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var wanted = string.IsNullOrEmpty(format) ? "json" : format;
        if (wanted != "json" && !LetterFiles.IsFile(wanted))
        {
            return ApiProblems.From(Problem.Invalid("letter.format", "format 只能是 json、pdf 或 docx"));
        }

        var found = await GetLetter.ForApplicantAsync(db, new LookupApplication.Request(agencyId, trackingNumber, queryCode), letterId, cancellationToken);
        if (!found.TryGetValue(out var letter))
        {
            return ApiProblems.From(found.Problem);
        }

        await RecordDelivery.OpenedOnlineAsync(db, clock, letterId, cancellationToken);
        return wanted == "json"
            ? TypedResults.Ok(new LetterFull(letter.Id, letter.Kind, letter.Document.Title, letter.Number, letter.IssuedOn, letter.ReplacesNumber, letter.ReplacedByNumber, letter.Document))
            : LetterFiles.Result(context, letter, wanted);
    }
}
