using Gongkai.Core.Data;
using Gongkai.Core.Features.Accounts;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// The agency's API keys (<c>X-Api-Key</c> of <c>/api/v1</c>): the 机关管理员 issues one — shown once, on the answer to
/// the POST — sees the list (name, first characters, issued, last used) and revokes. Own agency only: no other role
/// and no other agency sees even the names.
/// </summary>
public sealed class ApiKeysModel(StaffAccess access, GongkaiDbContext db, TimeProvider clock) : StaffPageModel(access)
{
    public IReadOnlyList<ApiKeyLine> Keys { get; private set; } = [];

    /// <summary>Display names of the users who issued the keys, by user id.</summary>
    public IReadOnlyDictionary<string, string> Issuers { get; private set; } = new Dictionary<string, string>();

    /// <summary>The key issued on this POST, shown this once.</summary>
    public IssueApiKey.Issued? Issued { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.ManageApiKeys, cancellationToken))
        {
            return Refuse();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.ManageApiKeys, cancellationToken))
        {
            return Refuse();
        }

        var issued = await IssueApiKey.HandleAsync(db, clock, new IssueApiKey.Request(Agency.Id, Name, UserId), cancellationToken);
        await LoadAsync(cancellationToken);
        if (!issued.TryGetValue(out var key))
        {
            return Refused(issued.Problem);
        }

        // Neither TempData (a cookie) nor any cache: only this answer carries the key.
        Response.Headers.CacheControl = "no-store";
        Issued = key;
        Name = null;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.ManageApiKeys, cancellationToken))
        {
            return Refuse();
        }

        var revoked = await RevokeApiKey.HandleAsync(db, clock, new RevokeApiKey.Request(Agency.Id, id, UserId), cancellationToken);
        if (!revoked.TryGetValue(out var key))
        {
            await LoadAsync(cancellationToken);
            return Refused(revoked.Problem);
        }

        Done = $"已撤销密钥“{key.Name}”，使用它的请求将被拒绝";
        return Redirect("/staff/api-keys");
    }

    public static string Day(DateTimeOffset? at) => at is { } t ? Dates.Numeric(ChinaClock.ToChinaDate(t)) : "";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Keys = await ApiKeyLookup.ListAsync(db, Agency.Id, cancellationToken);
        var ids = Keys.Select(k => Guid.TryParse(k.CreatedBy, out var id) ? id : Guid.Empty).Distinct().ToList();
        Issuers = await ListStaffUsers.DisplayNamesAsync(db, ids, cancellationToken);
    }
}
