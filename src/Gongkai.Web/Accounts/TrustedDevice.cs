using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Gongkai.Web.Accounts;

/// <summary>
/// The browser an account last signed in from with its password: a cookie, encrypted and signed by ASP.NET Core data
/// protection, naming the user and a random device id. A sign-in from such a browser is counted apart from everyone
/// else's (<see cref="LoginThrottle"/>), so failures by a stranger cannot keep the owner out — it is the "something
/// you have" beside the password. Sent only to the sign-in page, HttpOnly, SameSite=Strict, Secure on HTTPS.
/// </summary>
internal static class TrustedDevice
{
    public const string CookieName = "gongkai.device";

    /// <summary>Half a year: a colleague who signs in at least that often is never slowed by a stranger.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private const string Purpose = "Gongkai.Web.TrustedDevice.v1";

    /// <summary>The device id this browser holds for <paramref name="normalizedName"/>, or null (none, another user's, expired, forged).</summary>
    public static string? Read(HttpContext context, IDataProtectionProvider protection, string normalizedName)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parts = Protector(protection).Unprotect(value).Split('\n');
            return parts.Length == 2 && string.Equals(parts[0], normalizedName, StringComparison.Ordinal) ? parts[1] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>After a correct password: this browser is the account's (a new id unless it already held one).</summary>
    public static void Write(HttpContext context, IDataProtectionProvider protection, string normalizedName, string? deviceId)
    {
        var id = deviceId ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(CookieName, Protector(protection).Protect(normalizedName + "\n" + id, Lifetime), new CookieOptions
        {
            Path = AccountSetup.LoginPath,
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
