using System.ComponentModel.DataAnnotations;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// The 保密审查 queue (条例 Art 17): items of the agency waiting for review, approved or rejected by a 审核人. The
/// domain refuses a reviewer's decision on an item they wrote, revised or submitted; the page shows its refusal. An
/// approval needs every attachment opened by the reviewer (ReviewAttachment) and carries the hashes of the files shown.
/// </summary>
public sealed class ReviewsModel(StaffAccess access, GongkaiDbContext db, TimeProvider clock) : StaffPageModel(access)
{
    public IReadOnlyList<DisclosureItem> Queue { get; private set; } = [];

    [BindProperty]
    [StringLength(DisclosureItem.MaxReasonLength, ErrorMessage = "意见不能超过1000字")]
    public string? Note { get; set; }

    /// <summary>The SHA-256 of each attachment the approval form showed: approving refuses when the version's attachments changed since.</summary>
    [BindProperty]
    public List<string> Shown { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? agency, CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(agency, StaffRight.Read, cancellationToken))
        {
            return Refuse();
        }

        await LoadQueueAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, today => new ApproveItem(ItemActor(), today, clock.GetUtcNow(), Note, Shown), "保密审查通过", approve: true, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, today => new RejectItem(ItemActor(), today, clock.GetUtcNow(), Note ?? ""), "保密审查不通过", approve: false, cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid id, Func<DateOnly, ItemCommand> command, string done, bool approve, CancellationToken cancellationToken)
    {
        var item = await ItemsInReview.ItemAsync(db, id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        if (!await UseAgencyAsync(item.AgencyId, StaffRight.ReviewItems, cancellationToken))
        {
            return Refuse();
        }

        if (!ModelState.IsValid)
        {
            await LoadQueueAsync(cancellationToken);
            return Refused(new Problem("input.invalid", "意见不能超过1000字"));
        }

        if (approve && await ReviewAttachment.UnopenedAsync(db, id, UserId, cancellationToken) is { Count: > 0 } unopened)
        {
            await LoadQueueAsync(cancellationToken);
            return Refused(Domain.Common.Problem.Conflict("item.attachmentNotOpened",
                $"请先打开并审查全部附件，再作审查通过的结论：{string.Join("、", unopened.Select(a => "“" + a.FileName + "”"))}尚未打开"));
        }

        var applied = await ApplyItemStep.HandleAsync(db, clock, new ApplyItemStep.Request(id, item.AgencyId, command(ChinaClock.Today(clock))), cancellationToken);
        if (!applied.IsSuccess)
        {
            db.ChangeTracker.Clear();
            await LoadQueueAsync(cancellationToken);
            return Refused(applied.Problem);
        }

        Done = $"“{item.Title}”{done}";
        return Redirect("/staff/reviews");
    }

    private async Task LoadQueueAsync(CancellationToken cancellationToken) =>
        Queue = await ItemsInReview.ListAsync(db, Agency.Id, cancellationToken);
}
