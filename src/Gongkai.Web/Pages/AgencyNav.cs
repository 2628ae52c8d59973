using Gongkai.Core.Data;
using Gongkai.Domain.Agencies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>The sections of an agency's 信息公开专栏, in the order every column shows them.</summary>
public enum ColumnSection
{
    Home,
    Guide,
    Items,
    Reports,
    Apply,
}

/// <summary>The navigation of an agency's column, shown by the layout on every page of it.</summary>
public sealed record AgencyNav(Guid Id, string Name, ColumnSection Current)
{
    public static string ColumnPath(Guid agencyId) => $"/agencies/{agencyId:D}";

    public static string GuidePath(Guid agencyId) => $"/agencies/{agencyId:D}/guide";

    public static string ItemsPath(Guid agencyId) => $"/agencies/{agencyId:D}/items";

    public static string ItemPath(Guid agencyId, Guid itemId) => $"/agencies/{agencyId:D}/items/{itemId:D}";

    public static string ReportsPath(Guid agencyId) => $"/agencies/{agencyId:D}/reports";

    public static string ApplyPath(Guid agencyId) => $"/agencies/{agencyId:D}/apply";

    public static string ApplicationStatusPath(Guid agencyId) => $"/agencies/{agencyId:D}/apply/status";

    public static string ReportPath(Guid agencyId, int year) => FormattableString.Invariant($"/agencies/{agencyId:D}/reports/{year}");

    public IEnumerable<(ColumnSection Section, string Label, string Path)> Links =>
    [
        (ColumnSection.Home, "专栏首页", ColumnPath(Id)),
        (ColumnSection.Guide, "政府信息公开指南", GuidePath(Id)),
        (ColumnSection.Items, "主动公开全清单", ItemsPath(Id)),
        (ColumnSection.Reports, "政府信息公开工作年度报告", ReportsPath(Id)),
        (ColumnSection.Apply, "依申请公开", ApplyPath(Id)),
    ];
}

/// <summary>A page of an agency's column: finds the agency of the route (or 404) and sets the column's navigation.</summary>
public abstract class AgencyPageModel(GongkaiDbContext db) : PageModel
{
    protected GongkaiDbContext Db { get; } = db;

    public Agency Agency { get; private set; } = null!;

    protected async Task<bool> FindAgencyAsync(Guid agencyId, ColumnSection section, CancellationToken cancellationToken)
    {
        var cache = HttpContext.RequestServices.GetRequiredService<PublicReferenceCache>();
        var agency = await cache.AgencyAsync(Db, agencyId, cancellationToken);
        if (agency is null)
        {
            return false;
        }

        Agency = agency;
        ViewData["Agency"] = new AgencyNav(agency.Id, agency.Name, section);
        return true;
    }
}
