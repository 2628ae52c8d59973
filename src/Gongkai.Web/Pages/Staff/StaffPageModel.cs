using Gongkai.Core.Data.Accounts;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Gongkai.Web.Accounts;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// A back-office page: the folder requires a signed-in staff user (SiteSetup); every record a page shows or changes is
/// checked here against <see cref="StaffAccess"/> — the one place that decides agency and role.
/// </summary>
public abstract class StaffPageModel(StaffAccess access) : PageModel
{
    protected StaffAccess Access { get; } = access;

    /// <summary>The agency the page is about: the user's own, or one they oversee (<c>?agency=</c>).</summary>
    public Agency Agency { get; private set; } = null!;

    /// <summary>The agencies the user may switch to (more than one only for 政务公开办).</summary>
    public IReadOnlyList<Agency> Readable { get; private set; } = [];

    /// <summary>A refused step's message, shown above the forms.</summary>
    public string? Problem { get; protected set; }

    /// <summary>A done step's message.</summary>
    [TempData]
    public string? Done { get; set; }

    public string UserId => StaffAccess.UserIdOf(User);

    public string UserDisplayName => StaffAccess.DisplayNameOf(User);

    public bool Can(StaffRight right) => StaffAccess.Has(User, right) && StaffAccess.AgencyOf(User) == Agency.Id;

    /// <summary>
    /// Sets <see cref="Agency"/> to <paramref name="agencyId"/> (default: the user's own) if the user holds the
    /// right there; false means the caller returns <see cref="Refuse"/>.
    /// </summary>
    protected async Task<bool> UseAgencyAsync(Guid? agencyId, StaffRight right, CancellationToken cancellationToken)
    {
        var id = agencyId ?? StaffAccess.AgencyOf(User);
        if (id is null || !await Access.AllowsAsync(User, id.Value, right, cancellationToken))
        {
            return false;
        }

        Readable = await Access.ReadableAgenciesAsync(User, cancellationToken);
        Agency = Readable.FirstOrDefault(a => a.Id == id) ?? throw new InvalidOperationException("An allowed agency is readable.");
        return true;
    }

    /// <summary>The user as the item workflow knows them: an admin steps in for authors; a reviewer reviews.</summary>
    protected ItemActor ItemActor() => new(UserId, UserDisplayName,
        User.IsInRole(StaffRoles.AgencyAdmin) ? ItemRole.Admin : User.IsInRole(StaffRoles.Reviewer) ? ItemRole.Reviewer : ItemRole.Staff);

    /// <summary>403 with the Chinese error page (a signed-in user; anonymous users never get this far).</summary>
    protected IActionResult Refuse() => Forbid();

    /// <summary>A refused step: the page again, with the domain's message, with the status of its kind (422 for invalid input).</summary>
    protected IActionResult Refused(Problem problem)
    {
        Problem = problem.Message;
        Response.StatusCode = ProblemStatus.Of(problem.Kind);
        return Page();
    }
}
