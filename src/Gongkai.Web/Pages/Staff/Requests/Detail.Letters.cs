using System.ComponentModel.DataAnnotations;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Letters;
using Gongkai.Core.Features.Mail;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// The application's letters (issue 14, spec/letters.md): those issued, each with its print view and files, and the
/// form that issues one of the kinds whose facts the application records (<see cref="LetterFacts.Available"/>), with
/// what the handler adds. A reply step issues its 答复书 at once (<see cref="IssueReplyAsync"/>).
/// </summary>
public sealed partial class DetailModel
{
    public IReadOnlyList<ListLetters.Line> Letters { get; private set; } = [];

    /// <summary>The kinds the issue form offers now.</summary>
    public IReadOnlyList<LetterKind> LetterKinds { get; private set; } = [];

    /// <summary>Whether the applicant left an e-mail address the outbox accepts (the form offers sending then).</summary>
    public bool CanEmail => EnqueueMail.IsAddress(Application.Applicant.Contact.Email);

    [BindProperty]
    public LetterInput Letter { get; set; } = new();

    private async Task ShowLettersAsync(GongkaiDbContext db, CancellationToken cancellationToken)
    {
        LetterKinds = LetterFacts.Available(Application);
        Letters = (await ListLetters.ForStaffAsync(db, Application.AgencyId, Application.Id, cancellationToken)).TryGetValue(out var lines) ? lines : [];
    }

    /// <summary>Issues a letter of <paramref name="kind"/> (a correction when <paramref name="replaces"/> names an issued one).</summary>
    public async Task<IActionResult> OnPostLetterAsync(Guid id, LetterKind kind, Guid? replaces, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, StaffRight.HandleRequests, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return await RefusedWithLettersAsync(new Problem("input.invalid", string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage))), cancellationToken);
        }

        var issued = await IssueRequestLetter.HandleAsync(db, clock, new IssueRequestLetter.Request(
            Application.AgencyId, id, kind, UserId, Letter.Facts(), replaces, Letter.Email), cancellationToken);
        if (!issued.TryGetValue(out var letter))
        {
            return await RefusedWithLettersAsync(issued.Problem, cancellationToken);
        }

        if (Letter.Email)
        {
            mailSignal.Ring();
        }

        Done = $"已出具{letter.Document.Title}（{letter.Number}）{(Letter.Email ? "，已排入电子邮件发送队列" : "")}。";
        return Redirect($"/staff/requests/{id:D}");
    }

    /// <summary>
    /// After a reply step: its 答复书, issued with what the reply recorded. The reply stands if the letter is refused
    /// (the step is the decision; the letter can be issued from the form once the missing fact is supplied): the
    /// message says why.
    /// </summary>
    private async Task<string> IssueReplyAsync(Guid id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var issued = await IssueRequestLetter.HandleAsync(db, clock, new IssueRequestLetter.Request(
            Application.AgencyId, id, LetterKind.Reply, UserId, Letter.Facts(), Email: Letter.Email), cancellationToken);
        if (!issued.TryGetValue(out var letter))
        {
            return $"答复书未能出具：{issued.Problem.Message}。请在“文书”中补充后出具。";
        }

        if (Letter.Email)
        {
            mailSignal.Ring();
        }

        return $"已出具答复书（{letter.Number}）{(Letter.Email ? "，已排入电子邮件发送队列" : "")}。";
    }

    /// <summary>A refusal: the page as loaded (the contact details stay masked: a refused post is not a view of them) with the letters.</summary>
    private async Task<IActionResult> RefusedWithLettersAsync(Problem problem, CancellationToken cancellationToken)
    {
        await ShowLettersAsync(db, cancellationToken);
        return Refused(problem);
    }

    /// <summary>What the issue form posts besides the kind: see <see cref="LetterFacts.Input"/>.</summary>
    public sealed class LetterInput
    {
        [StringLength(2000, ErrorMessage = "理由不能超过2000字")]
        public string? Reasons { get; set; }

        public DateOnly? ExplanationDue { get; set; }

        [StringLength(200, ErrorMessage = "第三方名称不能超过200字")]
        public string? ThirdPartyName { get; set; }

        [StringLength(2000, ErrorMessage = "公开内容不能超过2000字")]
        public string? DisclosedContent { get; set; }

        [StringLength(200, ErrorMessage = "机关名称不能超过200字")]
        public string? OtherAgencyName { get; set; }

        [Range(0, 100_000, ErrorMessage = "件数或页数应在0至100000之间")]
        public int? FeeCount { get; set; }

        [Range(0, 100_000, ErrorMessage = "本月此前的申请件数应在0至100000之间")]
        public int? FeeEarlierInMonth { get; set; }

        [StringLength(500, ErrorMessage = "缴费方式不能超过500字")]
        public string? PaymentMethod { get; set; }

        [StringLength(100, ErrorMessage = "文号不能超过100字")]
        public string? CitedNumber { get; set; }

        public DateOnly? CitedIssuedOn { get; set; }

        /// <summary>Send the letter to the applicant's e-mail address too.</summary>
        public bool Email { get; set; }

        public LetterFacts.Input Facts() => new(
            Reasons, ExplanationDue, ThirdPartyName, DisclosedContent, OtherAgencyName, FeeCount, FeeEarlierInMonth, PaymentMethod, CitedNumber, CitedIssuedOn);
    }
}
