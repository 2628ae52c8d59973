using Gongkai.Core.Data;
using Gongkai.Core.Data.Letters;
using Gongkai.Core.Features.Letters;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Accounts;
using Gongkai.Web.Pages.Letters;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Letters;

/// <summary>
/// One issued letter for staff of its agency (and those who may read it): its 文号, who issued it and when, whether its
/// stored text still has its hash, its delivery and the form to record one (spec/letters.md §6); the print view
/// (/print), the PDF (/pdf) and the Word file (/docx), all rendered from the stored document.
/// </summary>
public sealed class LetterModel(StaffAccess access, GongkaiDbContext db, TimeProvider clock) : StaffPageModel(access)
{
    public GetLetter.Response Letter { get; private set; } = null!;

    public DateOnly Today => ChinaClock.Today(clock);

    [BindProperty]
    public DeliveryInput Delivery { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, StaffRight.Read, cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetPrintAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, StaffRight.Read, cancellationToken) is { } refused)
        {
            return refused;
        }

        Response.Headers.CacheControl = "no-store";
        return Partial("_LetterPrint", Letter.Document);
    }

    public Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken cancellationToken) => FileAsync(id, "pdf", cancellationToken);

    public Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken cancellationToken) => FileAsync(id, "docx", cancellationToken);

    public async Task<IActionResult> OnPostDeliveryAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, StaffRight.HandleRequests, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Enum.TryParse<DeliveryMethod>(Delivery.Method, out var method) || !Enum.IsDefined(method) || method == DeliveryMethod.Online)
        {
            return Refused(Domain.Common.Problem.Invalid("letterDelivery.method", "请选择送达方式：当面、邮寄或电子邮件"));
        }

        var recorded = await RecordDelivery.HandleAsync(db, clock, new RecordDelivery.Request(
            Agency.Id, id, method, UserId, Delivery.ReceivedOn, Delivery.PostedOn, Delivery.EmsNumber, UserName: UserDisplayName), cancellationToken);
        if (!recorded.TryGetValue(out var delivery))
        {
            return Refused(recorded.Problem);
        }

        Done = $"已记录送达：{delivery.Summary()}。";
        return Redirect($"/staff/letters/{id:D}");
    }

    private async Task<IActionResult> FileAsync(Guid id, string format, CancellationToken cancellationToken) =>
        await LoadAsync(id, StaffRight.Read, cancellationToken) ?? LetterFiles.File(HttpContext, Letter, format);

    private async Task<IActionResult?> LoadAsync(Guid id, StaffRight right, CancellationToken cancellationToken)
    {
        var agencyId = await GetLetter.AgencyOfAsync(db, id, cancellationToken);
        if (agencyId is null)
        {
            return NotFound();
        }

        if (!await UseAgencyAsync(agencyId, right, cancellationToken))
        {
            return Refuse();
        }

        var found = await GetLetter.ForStaffAsync(db, agencyId.Value, id, cancellationToken);
        if (!found.TryGetValue(out var letter))
        {
            return NotFound();
        }

        Letter = letter;
        return null;
    }

    /// <summary>What the delivery form posts (网上 is recorded by the status page itself).</summary>
    public sealed class DeliveryInput
    {
        public string? Method { get; set; }

        public DateOnly? ReceivedOn { get; set; }

        public DateOnly? PostedOn { get; set; }

        public string? EmsNumber { get; set; }
    }
}
