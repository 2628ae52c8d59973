using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Gongkai.Web.Pages.Requests;

/// <summary>
/// How a public page gets the 查询码 without it ever being in an address: the form's answer sets a cookie for one path
/// only, encrypted and time-limited by ASP.NET Core data protection, HttpOnly, SameSite=Strict. <see cref="Receipt"/>
/// lets the receipt page be reloaded; <see cref="Status"/> lets the status page's letters be downloaded after a lookup
/// (issue 14). Whoever opens such an address without the cookie (a guess, a shared link) gets the same “not found” as a
/// wrong code; the applicant can use it for <see cref="Lifetime"/>, then looks the application up again.
/// </summary>
internal sealed class LookupCookie
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static LookupCookie Receipt { get; } = new("gongkai-receipt", "Gongkai.Web.ApplyReceipt.v1");

    public static LookupCookie Status { get; } = new("gongkai-status", "Gongkai.Web.ApplyStatus.v1");

    private readonly string _name;
    private readonly string _purpose;

    private LookupCookie(string name, string purpose) => (_name, _purpose) = (name, purpose);

    public static string ReceiptPath(Guid agencyId, string trackingNumber) =>
        $"/agencies/{agencyId:D}/apply/receipt/{Uri.EscapeDataString(trackingNumber)}";

    /// <summary>The status page and what is below it (the letters' downloads).</summary>
    public static string StatusPath(Guid agencyId) => $"/agencies/{agencyId:D}/apply/status";

    /// <remarks>
    /// The lifetime is technical (how long a browser may use the cookie), not a statutory date: it is counted by data
    /// protection's and the browser's own clocks, relative to now, never from the site's (possibly fixed) clock.
    /// </remarks>
    public void Write(HttpContext context, IDataProtectionProvider protection, string path, Guid agencyId, string trackingNumber, string queryCode)
    {
        var value = Protector(protection).Protect($"{agencyId:D}\n{trackingNumber}\n{queryCode}", Lifetime);
        context.Response.Cookies.Append(_name, value, new CookieOptions
        {
            Path = path,
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    /// <summary>The 申请编号 and 查询码 the request's valid cookie holds for <paramref name="agencyId"/>, or null.</summary>
    public (string TrackingNumber, string QueryCode)? Read(HttpContext context, IDataProtectionProvider protection, Guid agencyId)
    {
        if (!context.Request.Cookies.TryGetValue(_name, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parts = Protector(protection).Unprotect(value).Split('\n');
            return parts.Length == 3 && parts[0] == agencyId.ToString("D", CultureInfo.InvariantCulture) ? (parts[1], parts[2]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Expired, tampered with, or from keys no longer held: as good as absent.
            return null;
        }
    }

    private ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector(_purpose).ToTimeLimitedDataProtector();
}
