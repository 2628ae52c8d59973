namespace Gongkai.Web.Api;

/// <summary>Who may call an API route.</summary>
public enum ApiAccess
{
    /// <summary>Anyone, no key (public data, or the applicant's own number and code).</summary>
    Public,

    /// <summary>Only with an <c>X-Api-Key</c> of the route's agency: 401 without a valid key, 403 with another agency's.</summary>
    AgencyKey,
}

/// <summary>One route of <c>/api/v1</c>, with an example path (the placeholders a test fills in) and its access.</summary>
public sealed record ApiRoute(string Method, string Pattern, ApiAccess Access, bool RateLimited);

/// <summary>
/// Every route of <c>/api/v1</c> in one place: the endpoints are mapped from these patterns, and the authorization
/// matrix test (staff accounts, issue 6) walks <see cref="All"/>.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "/api/v1";

    public const string Applications = "/agencies/{agencyId:guid}/applications";
    public const string Application = "/agencies/{agencyId:guid}/applications/{trackingNumber}";
    public const string ApplicationSteps = "/agencies/{agencyId:guid}/applications/{trackingNumber}/steps";
    public const string ApplicationLetters = "/agencies/{agencyId:guid}/applications/{trackingNumber}/letters";
    public const string ApplicationLetter = "/agencies/{agencyId:guid}/applications/{trackingNumber}/letters/{letterId:guid}";
    public const string Items = "/agencies/{agencyId:guid}/items";
    public const string Item = "/agencies/{agencyId:guid}/items/{itemId:guid}";
    public const string Reports = "/agencies/{agencyId:guid}/reports";
    public const string Report = "/agencies/{agencyId:guid}/reports/{year:int}";
    public const string Findings = "/agencies/{agencyId:guid}/reports/{year:int}/findings";
    public const string Build = "/agencies/{agencyId:guid}/reports/{year:int}/build";
    public const string ReportTexts = "/agencies/{agencyId:guid}/reports/{year:int}/texts";
    public const string Lock = "/agencies/{agencyId:guid}/reports/{year:int}/lock";

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("POST", Prefix + Applications, ApiAccess.Public, RateLimited: true),
        new("GET", Prefix + Application, ApiAccess.Public, RateLimited: true),
        new("POST", Prefix + ApplicationSteps, ApiAccess.AgencyKey, RateLimited: false),
        new("GET", Prefix + ApplicationLetters, ApiAccess.AgencyKey, RateLimited: false),
        new("POST", Prefix + ApplicationLetters, ApiAccess.AgencyKey, RateLimited: false),
        new("GET", Prefix + ApplicationLetter, ApiAccess.Public, RateLimited: true),
        new("GET", Prefix + Items, ApiAccess.Public, RateLimited: false),
        new("POST", Prefix + Items, ApiAccess.AgencyKey, RateLimited: false),
        new("GET", Prefix + Item, ApiAccess.Public, RateLimited: false),
        new("GET", Prefix + Reports, ApiAccess.Public, RateLimited: false),
        new("GET", Prefix + Report, ApiAccess.Public, RateLimited: false),
        new("GET", Prefix + Findings, ApiAccess.Public, RateLimited: false),
        new("POST", Prefix + Build, ApiAccess.AgencyKey, RateLimited: false),
        new("POST", Prefix + ReportTexts, ApiAccess.AgencyKey, RateLimited: false),
        new("POST", Prefix + Lock, ApiAccess.AgencyKey, RateLimited: false),
    ];

    /// <summary>A pattern with its route values filled in, e.g. for tests: <c>{agencyId:guid}</c> → the id.</summary>
    public static string Fill(string pattern, IReadOnlyDictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:[^}]*)?\}", m => values.TryGetValue(m.Groups[1].Value, out var v) ? Uri.EscapeDataString(v) : m.Value);
}
