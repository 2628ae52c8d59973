namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>Who calls in the authorization matrix: anonymous, each demo role, and a handler of another agency.</summary>
public enum Caller
{
    Anonymous,
    Handler,
    Reviewer,
    Admin,
    Auditor,

    /// <summary>政务公开办 of 北京市东城区, above the seed's office.</summary>
    Oversight,

    /// <summary>A 经办人 of another department of the district.</summary>
    OtherAgency,

    /// <summary>The 机关管理员 of that other department: everything of their own agency, nothing of the office's.</summary>
    OtherAgencyAdmin,
}

/// <summary>
/// Every staff route with the callers that may use it. The authorization matrix test calls each as every
/// <see cref="Caller"/>. Engineers adding staff pages add their rows here: a route missing from this list is a route
/// nobody checked. (/api/v1 routes are in ApiRoutes.All, which ApiAuthorizationMatrixTests walks.)
/// </summary>
public static class StaffRoutes
{
    public sealed record Route(string Name, HttpMethod Method, Func<StaffSite, string> Path, IReadOnlyCollection<Caller> Allowed, IReadOnlyDictionary<string, string>? Form = null)
    {
        public override string ToString() => Name;
    }

    private static readonly Caller[] OfficeStaff = [Caller.Handler, Caller.Reviewer, Caller.Admin, Caller.Auditor];

    /// <summary>Reading the office's records: its own staff and the district's 政务公开办 (it oversees the office).</summary>
    private static readonly HashSet<Caller> ReadOffice = [.. OfficeStaff, Caller.Oversight];

    /// <summary>Pages about "my agency": every signed-in staff user, each for their own agency.</summary>
    private static readonly HashSet<Caller> AnyStaff = [.. OfficeStaff, Caller.Oversight, Caller.OtherAgency, Caller.OtherAgencyAdmin];

    /// <summary>
    /// 用户管理 of one's own agency: 机关管理员 and 政务公开办 (who may give only 政务公开办). The forms the matrix posts are
    /// refused by the page's own checks (422: a field missing, a forged role, no such user in the caller's agency).
    /// </summary>
    private static readonly HashSet<Caller> UserManagers = [Caller.Admin, Caller.Oversight, Caller.OtherAgencyAdmin];

    /// <summary>Registering applications in one's own agency: who handles them (经办人, 机关管理员).</summary>
    private static readonly HashSet<Caller> Registrars = [Caller.Handler, Caller.Admin, Caller.OtherAgency, Caller.OtherAgencyAdmin];

    /// <summary>Reading the department's records: its own staff and the district's 政务公开办.</summary>
    private static readonly HashSet<Caller> ReadDepartment = [Caller.OtherAgency, Caller.OtherAgencyAdmin, Caller.Oversight];

    /// <summary>API keys of one's own agency: its 机关管理员 only.</summary>
    private static readonly HashSet<Caller> KeyManagers = [Caller.Admin, Caller.OtherAgencyAdmin];

    public static IReadOnlyList<Route> All { get; } =
    [
        new("home", HttpMethod.Get, _ => "/staff", AnyStaff),
        new("worklist", HttpMethod.Get, _ => "/staff/requests", AnyStaff),
        new("worklist of the office", HttpMethod.Get, s => $"/staff/requests?agency={s.OfficeId}", ReadOffice),
        new("worklist export of the office", HttpMethod.Get, s => $"/staff/requests?agency={s.OfficeId}&handler=Export&format=csv", ReadOffice),
        new("worklist export (xlsx)", HttpMethod.Get, _ => "/staff/requests?handler=Export&format=xlsx", AnyStaff),
        new("application", HttpMethod.Get, s => $"/staff/requests/{s.FreshRequestId}", ReadOffice),
        new("application action", HttpMethod.Post, s => $"/staff/requests/{s.FreshRequestId}?trigger=FeePaid", [Caller.Handler, Caller.Admin]),
        new("register", HttpMethod.Get, _ => "/staff/requests/register", Registrars),
        new("register save", HttpMethod.Post, _ => "/staff/requests/register", Registrars, new Dictionary<string, string> { ["Form.Name"] = "" }),
        new("receipt", HttpMethod.Get, s => $"/staff/requests/{s.FreshRequestId}/receipt", ReadOffice),
        new("scan", HttpMethod.Get, s => $"/staff/requests/{s.RegisteredRequestId}/scan", ReadDepartment),

        // 延期审批 (条例 Art 33¶2): the agency's 机关管理员 only, each for their own agency (the fresh application has nothing pending: 409 / 404).
        new("extension queue", HttpMethod.Get, _ => "/staff/requests/extensions", [Caller.Admin, Caller.OtherAgencyAdmin]),
        new("extension decision", HttpMethod.Post, s => $"/staff/requests/extensions?id={s.FreshRequestId}&approve=true", [Caller.Admin, Caller.OtherAgencyAdmin]),
        new("items", HttpMethod.Get, _ => "/staff/items", AnyStaff),
        new("new item", HttpMethod.Get, _ => "/staff/items/edit", AnyStaff),
        new("item", HttpMethod.Get, s => $"/staff/items/edit/{s.DraftItemId}", ReadOffice),
        new("item save", HttpMethod.Post, s => $"/staff/items/edit/{s.DraftItemId}?handler=Save", [Caller.Handler, Caller.Reviewer, Caller.Admin],
            new Dictionary<string, string> { ["Input.Title"] = "" }),
        new("reviews", HttpMethod.Get, _ => "/staff/reviews", AnyStaff),
        new("review attachment", HttpMethod.Get, s => $"/staff/reviews/{s.DraftItemId}/attachments/{new string('0', 64)}", [Caller.Reviewer]),
        new("review decision", HttpMethod.Post, s => $"/staff/reviews?handler=Approve&id={s.DraftItemId}", [Caller.Reviewer]),
        new("article 20", HttpMethod.Get, _ => "/staff/article20/2021", AnyStaff),
        new("article 20 entry", HttpMethod.Post, _ => "/staff/article20/2021", [Caller.Handler, Caller.Admin, Caller.OtherAgency, Caller.OtherAgencyAdmin],
            new Dictionary<string, string> { ["Values[article20.none]"] = "1" }),
        new("appeals", HttpMethod.Get, _ => "/staff/appeals", AnyStaff),
        new("appeal entry", HttpMethod.Post, _ => "/staff/appeals", [Caller.Handler, Caller.Admin, Caller.OtherAgency, Caller.OtherAgencyAdmin],
            new Dictionary<string, string> { ["Input.CaseNumber"] = "" }),
        new("report", HttpMethod.Get, _ => "/staff/reports/2021", AnyStaff),
        new("report of the office", HttpMethod.Get, s => $"/staff/reports/2021?agency={s.OfficeId}", ReadOffice),
        new("report download", HttpMethod.Get, s => $"/staff/reports/2021?handler=Download&format=json&agency={s.OfficeId}", ReadOffice),
        new("report lock", HttpMethod.Post, _ => "/staff/reports/2030?handler=Lock", [Caller.Admin, Caller.Oversight, Caller.OtherAgencyAdmin]),
        new("report check", HttpMethod.Post, _ => "/staff/reports/2030?handler=Check", [Caller.Admin, Caller.Oversight, Caller.OtherAgencyAdmin]),
        new("oversight", HttpMethod.Get, _ => "/staff/oversight/2021", [Caller.Oversight]),
        new("audit trail", HttpMethod.Get, s => $"/staff/audit/DisclosureItem/{s.DraftItemId}", [Caller.Admin, Caller.Auditor]),
        new("audit ledger", HttpMethod.Get, _ => "/staff/audit", [Caller.Admin, Caller.Auditor, Caller.OtherAgencyAdmin]),
        new("audit ledger of the office", HttpMethod.Get, s => $"/staff/audit?agency={s.OfficeId}", [Caller.Admin, Caller.Auditor]),
        new("audit export", HttpMethod.Get, s => $"/staff/audit?handler=Csv&agency={s.OfficeId}", [Caller.Admin, Caller.Auditor]),
        new("users", HttpMethod.Get, _ => "/staff/users", UserManagers),
        new("users of the office", HttpMethod.Get, s => $"/staff/users?agency={s.OfficeId}", [Caller.Admin, Caller.Oversight]),
        new("user create", HttpMethod.Post, _ => "/staff/users?handler=Create", UserManagers, new Dictionary<string, string> { ["Input.UserName"] = "" }),
        new("user roles", HttpMethod.Post, s => $"/staff/users?handler=Roles&id={s.AuditorId}", UserManagers, new Dictionary<string, string> { ["Roles"] = "NotARole" }),
        new("user lock", HttpMethod.Post, _ => $"/staff/users?handler=Lock&id={Guid.Empty}", UserManagers),
        new("user unlock", HttpMethod.Post, _ => $"/staff/users?handler=Unlock&id={Guid.Empty}", UserManagers),
        new("user password", HttpMethod.Post, _ => $"/staff/users?handler=Password&id={Guid.Empty}", UserManagers),

        // 修改密码 (issue 16, 4): everyone their own (the form the matrix posts lacks the passwords: the page again, 200).
        new("own password", HttpMethod.Get, _ => "/staff/password", AnyStaff),
        new("own password change", HttpMethod.Post, _ => "/staff/password", AnyStaff, new Dictionary<string, string> { ["CurrentPassword"] = "" }),
        new("calendar", HttpMethod.Get, _ => "/staff/calendar", AnyStaff),
        new("calendar load", HttpMethod.Post, _ => "/staff/calendar", [Caller.Oversight], new Dictionary<string, string> { ["Input.Year"] = "2027", ["Input.Holidays"] = "" }),
        new("api keys", HttpMethod.Get, _ => "/staff/api-keys", KeyManagers),
        new("api key create", HttpMethod.Post, _ => "/staff/api-keys?handler=Create", KeyManagers, new Dictionary<string, string> { ["Name"] = "" }),
        new("api key revoke", HttpMethod.Post, _ => $"/staff/api-keys?handler=Revoke&id={Guid.Empty}", KeyManagers),

        // The mail outbox (issue 14): the agency's 机关管理员 only (the test site has no relay: sending is refused, 409).
        new("mail outbox", HttpMethod.Get, _ => "/staff/mail", KeyManagers),
        new("mail send", HttpMethod.Post, _ => "/staff/mail?handler=Send", KeyManagers),
        // 文书设置 of one's own agency: its 机关管理员 only (the form the matrix posts is refused: 422).
        new("letter settings", HttpMethod.Get, _ => "/staff/letters/settings", KeyManagers),
        new("letter settings save", HttpMethod.Post, _ => "/staff/letters/settings", KeyManagers, new Dictionary<string, string> { ["Input.NumberPrefix"] = "" }),

        // An issued letter (issue 14): read as the application is; delivery recorded and letters issued by who handles it
        // (the forms the matrix posts are refused: 422, no method chosen; a reply before any outcome).
        new("letter", HttpMethod.Get, s => $"/staff/letters/{s.LetterId}", ReadOffice),
        new("letter print", HttpMethod.Get, s => $"/staff/letters/{s.LetterId}/print", ReadOffice),
        new("letter pdf", HttpMethod.Get, s => $"/staff/letters/{s.LetterId}/pdf", ReadOffice),
        new("letter docx", HttpMethod.Get, s => $"/staff/letters/{s.LetterId}/docx", ReadOffice),
        new("letter delivery", HttpMethod.Post, s => $"/staff/letters/{s.LetterId}/delivery", [Caller.Handler, Caller.Admin]),
        new("application letter", HttpMethod.Post, s => $"/staff/requests/{s.FreshRequestId}?handler=Letter&kind=Reply", [Caller.Handler, Caller.Admin]),

        // 文书模板 of one's own agency: the same right (the forms the matrix posts name no kind: 422).
        new("letter templates", HttpMethod.Get, _ => "/staff/letters/templates", KeyManagers),
        new("letter template save", HttpMethod.Post, _ => "/staff/letters/templates?handler=Save", KeyManagers, new Dictionary<string, string> { ["Kind"] = "", ["Text"] = "" }),
        new("letter template reset", HttpMethod.Post, _ => "/staff/letters/templates?handler=Reset", KeyManagers, new Dictionary<string, string> { ["Kind"] = "" }),
    ];

    /// <summary>The demo user name of each caller.</summary>
    public static string? UserName(Caller caller) => caller switch
    {
        Caller.Anonymous => null,
        Caller.Handler => "handler",
        Caller.Reviewer => "reviewer",
        Caller.Admin => "admin",
        Caller.Auditor => "auditor",
        Caller.Oversight => "oversight",
        Caller.OtherAgency => StaffSite.OtherAgencyUser,
        Caller.OtherAgencyAdmin => StaffSite.OtherAgencyAdmin,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

}
