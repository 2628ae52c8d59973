using Gongkai.Core.Data;
using Gongkai.Core.Documents.Letters;
using Gongkai.Core.Features.Mail;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Letters;

/// <summary>
/// Issues a letter of a stored application (spec/letters.md §2–§6), as the back office, the API and the CLI do: the
/// facts from the records and the handler (<see cref="LetterFacts"/>), the agency's template and settings in force,
/// composed with the 文号 and date <see cref="IssueLetter"/> allocates, in its transaction. With
/// <see cref="Request.Email"/> the letter is also put into the mail outbox as a PDF to the applicant's e-mail address,
/// in the same transaction: issued and queued together or not at all (the site's worker then sends it; ring
/// <see cref="MailSignal"/> after a success).
/// </summary>
public static class IssueRequestLetter
{
    /// <param name="Email">Send it to the applicant's e-mail address (letters to the applicant only).</param>
    public sealed record Request(
        Guid AgencyId, Guid RequestId, LetterKind Kind, string IssuedBy, LetterFacts.Input? Input = null, Guid? Replaces = null, bool Email = false);

    public static Problem NoEmailAddress { get; } = Problem.Invalid("letter.noEmail", "申请人没有留下有效的电子邮箱，无法以电子邮件送达");

    public static async Task<Result<IssueLetter.Issued>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.IsDefined(request.Kind))
        {
            return Problem.Invalid("letter.kind", "没有这种文书");
        }

        var application = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.RequestId && r.AgencyId == request.AgencyId, cancellationToken);
        if (application is null)
        {
            return ApplyStep.NotFound;
        }

        var built = await LetterFacts.ForAsync(db, application, request.Kind, request.Input ?? LetterFacts.Input.None, cancellationToken);
        if (!built.TryGetValue(out var facts))
        {
            return built.Problem;
        }

        string? recipient = null;
        if (request.Email)
        {
            recipient = application.Applicant.Contact.Email?.Trim();
            if (!LetterKindNames.ToApplicant(request.Kind))
            {
                return Problem.Invalid("letter.emailNotToApplicant", "只有致申请人的文书可以电子邮件发送给申请人");
            }

            if (!EnqueueMail.IsAddress(recipient))
            {
                return NoEmailAddress;
            }
        }

        var template = await AgencyLetterTemplates.InForceAsync(db, request.AgencyId, request.Kind, cancellationToken);
        var settings = await GetLetterSettings.InForceAsync(db, request.AgencyId, cancellationToken)
            ?? throw new InvalidOperationException("A request's agency exists.");

        // The mark of a correction is IssueLetter's; the document is composed as an original.
        return await IssueLetter.HandleAsync(db, clock, new IssueLetter.Request(
            request.AgencyId, request.RequestId, request.Kind, request.IssuedBy,
            (number, issuedOn) => LetterComposer.Compose(template, facts, settings, issuedOn, number),
            request.Replaces, TemplateVersion: AgencyLetterTemplates.VersionLabel(template),
            AlongWith: recipient is null ? null : (context, letter, document) => Queue(context, clock, letter, document, recipient, application.TrackingNumber)),
            cancellationToken);
    }

    private static void Queue(GongkaiDbContext db, TimeProvider clock, Data.Letters.Letter letter, LetterDocument document, string recipient, string trackingNumber)
    {
        var queued = EnqueueMail.Add(db, clock, new EnqueueMail.Request(
            letter.AgencyId, letter.Id, recipient, $"{document.Title}（{letter.Number}）",
            $"您好：\n\n附件是{document.Signatory}就您的政府信息公开申请（申请编号{trackingNumber}）出具的{document.Title}（{letter.Number}），请查收。\n"
            + "您也可以凭申请编号和查询码在申请办理进度查询页面查看和下载。\n\n此邮件由系统发送，请勿直接回复。",
            $"{letter.Number}.pdf", LetterPdfWriter.Write(document)));
        if (!queued.IsSuccess)
        {
            // The address was checked before issuing and the rest is ours: a refusal here is a defect, not bad input.
            throw new InvalidOperationException($"The letter's e-mail was refused: {queued.Problem.Code}");
        }
    }
}
