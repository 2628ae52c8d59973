using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Gongkai.Web.Pages.Requests;

/// <summary>
/// How the receipt page gets the 查询码 without it ever being in an address: the form's answer sets a cookie for the
/// receipt's own path only, encrypted and time-limited by ASP.NET Core data protection, HttpOnly, SameSite=Strict.
/// Whoever opens the receipt's address without the cookie (a guess, a shared link) gets the same “not found” as a
/// wrong code; the applicant can reload it for <see cref="Lifetime"/>, then uses the status lookup.
/// </summary>
internal static class ReceiptCookie
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private const string Name = "gongkai-receipt";
    private const string Purpose = "Gongkai.Web.ApplyReceipt.v1";

    public static string PathOf(Guid agencyId, string trackingNumber) =>
        $"/agencies/{agencyId:D}/apply/receipt/{Uri.EscapeDataString(trackingNumber)}";

    /// <remarks>
    /// The lifetime is technical (how long a browser may show the receipt), not a statutory date: it is counted by data
    /// protection's and the browser's own clocks, relative to now, never from the site's (possibly fixed) clock.
    /// </remarks>
    public static void Write(HttpContext context, IDataProtectionProvider protection, Guid agencyId, string trackingNumber, string queryCode)
    {
        var value = Protector(protection).Protect($"{agencyId:D}\n{trackingNumber}\n{queryCode}", Lifetime);
        context.Response.Cookies.Append(Name, value, new CookieOptions
        {
            Path = PathOf(agencyId, trackingNumber),
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    /// <summary>The 查询码 of <paramref name="trackingNumber"/> at <paramref name="agencyId"/> if the request carries its valid cookie.</summary>
    public static string? Read(HttpContext context, IDataProtectionProvider protection, Guid agencyId, string trackingNumber)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parts = Protector(protection).Unprotect(value).Split('\n');
            return parts.Length == 3 && parts[0] == agencyId.ToString("D", CultureInfo.InvariantCulture) && parts[1] == trackingNumber ? parts[2] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Expired, tampered with, or from keys no longer held: as good as absent.
            return null;
        }
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
