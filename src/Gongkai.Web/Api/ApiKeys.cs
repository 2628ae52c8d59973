using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Web.Api;

/// <summary>
/// Per-agency API keys for integrations, in the <c>X-Api-Key</c> header. Only the SHA-256 (hex) of a key is kept, in
/// configuration: <c>Gongkai:ApiKeys:&lt;sha256 hex&gt; = &lt;agency id&gt;</c> (appsettings, environment variable
/// <c>Gongkai__ApiKeys__&lt;hash&gt;</c>, a secrets store). A key is random (32 bytes or more), so an unsalted hash is
/// enough: nobody can guess one to match. Keys move to a table when accounts come (issue 6).
/// </summary>
internal static class ApiKeys
{
    public const string Header = "X-Api-Key";

    public const string Section = "Gongkai:ApiKeys";

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The agency a call may write for: null without a key or with a key not configured (both 401).</summary>
    public static Guid? AgencyOf(HttpContext context)
    {
        var key = context.Request.Headers[Header].ToString().Trim();
        if (key.Length is 0 or > 512)
        {
            return null;
        }

        var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
        return Guid.TryParse(configuration.GetSection(Section)[Hash(key)], out var agencyId) ? agencyId : null;
    }
}
