using Gongkai.Core.Data;
using Gongkai.Core.Features.Letters;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Hosting;
using Gongkai.Web.Pages.Letters;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Requests;

/// <summary>
/// 申请办理进度查询: 申请编号 + 查询码, by POST (the code never goes into an address or a log), rate limited per
/// address. Shows the state, the deadline and the reply; nothing about the applicant. A wrong number and a wrong code
/// get the same answer. The letters issued to the applicant are listed with their files (issue 14): a successful
/// lookup sets the status cookie (<see cref="LookupCookie.Status"/>), which the downloads read, so the code never goes
/// into their addresses; the first opening of a letter is its 网上 delivery (spec/letters.md §6).
/// </summary>
[EnableRateLimiting(PublicRateLimits.Lookup)]
public sealed class StatusModel(GongkaiDbContext db, WorkCalendar calendar, IDataProtectionProvider protection, TimeProvider clock) : AgencyPageModel(db)
{
    [BindProperty]
    public string? TrackingNumber { get; set; }

    /// <summary>Bound, but never written back into the page.</summary>
    [BindProperty]
    public string? QueryCode { get; set; }

    public LookupApplication.Response? Application { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid agencyId, CancellationToken cancellationToken) =>
        await FindAgencyAsync(agencyId, ColumnSection.Apply, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        if (!await FindAgencyAsync(agencyId, ColumnSection.Apply, cancellationToken))
        {
            return NotFound();
        }

        var result = await LookupApplication.HandleAsync(Db, calendar, new LookupApplication.Request(agencyId, TrackingNumber, QueryCode), cancellationToken);
        if (result.TryGetValue(out var application))
        {
            Application = application;
            Response.Headers.CacheControl = "no-store";
            LookupCookie.Status.Write(HttpContext, protection, LookupCookie.StatusPath(agencyId), agencyId, application.TrackingNumber, QueryCode!);
        }
        else
        {
            Problem = result.Problem.Message;
        }

        if (TrackingNumber?.Length > Domain.Requests.TrackingNumber.MaxLength)
        {
            TrackingNumber = null;
        }

        return Page();
    }

    /// <summary>A letter's file (<paramref name="format"/> pdf or docx) for the holder of the status cookie; else the lookup's one not-found.</summary>
    public async Task<IActionResult> OnGetLetterAsync(Guid agencyId, Guid id, string? format, CancellationToken cancellationToken)
    {
        var held = LookupCookie.Status.Read(HttpContext, protection, agencyId);
        if (held is not { } lookup || !LetterFiles.IsFile(format))
        {
            return NotFound();
        }

        var found = await GetLetter.ForApplicantAsync(Db, new LookupApplication.Request(agencyId, lookup.TrackingNumber, lookup.QueryCode), id, cancellationToken);
        if (!found.TryGetValue(out var letter))
        {
            return NotFound();
        }

        // 网上送达: the first opening is recorded once; a later one, or a refusal of two at once, changes nothing the applicant sees.
        await RecordDelivery.OpenedOnlineAsync(Db, clock, id, cancellationToken);
        return LetterFiles.File(HttpContext, letter, format!);
    }
}
