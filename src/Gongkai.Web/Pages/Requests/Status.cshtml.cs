using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Requests;

/// <summary>
/// 申请办理进度查询: 申请编号 + 查询码, by POST (the code never goes into an address or a log), rate limited per
/// address. Shows the state, the deadline and the reply; nothing about the applicant. A wrong number and a wrong code
/// get the same answer.
/// </summary>
[EnableRateLimiting(PublicRateLimits.Lookup)]
public sealed class StatusModel(GongkaiDbContext db, WorkCalendar calendar) : AgencyPageModel(db)
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
}
