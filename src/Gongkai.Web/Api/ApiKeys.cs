using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Features.Accounts;

namespace Gongkai.Web.Api;

/// <summary>
/// Per-agency API keys for integrations, in the <c>X-Api-Key</c> header. Only the SHA-256 (hex) of a key is kept, in
/// one of two places: the <c>api_keys</c> table, where an agency's 机关管理员 issues and revokes keys on
/// <c>/staff/api-keys</c>; or configuration, for operators: <c>Gongkai:ApiKeys:&lt;sha256 hex&gt; = &lt;agency id&gt;</c>
/// (appsettings, environment variable <c>Gongkai__ApiKeys__&lt;hash&gt;</c>, a secrets store), which no page can revoke.
/// </summary>
internal static class ApiKeys
{
    public const string Header = "X-Api-Key";

    public const string Section = "Gongkai:ApiKeys";

    /// <summary>Who acts in the 台账 when an integration calls with the agency's key.</summary>
    public static string ActorId(Guid agencyId) => "api:" + agencyId.ToString("D");

    public static string Hash(string key) => ApiKey.HashOf(key);

    /// <summary>
    /// The agency a call may write for: null without a key, or with a key neither configured nor active in the table
    /// (both 401). Looked up on every call (one index seek), so a revoked key is refused from the next call on.
    /// </summary>
    public static async Task<Guid?> AgencyOfAsync(HttpContext context)
    {
        var key = context.Request.Headers[Header].ToString().Trim();
        if (key.Length is 0 or > 512)
        {
            return null;
        }

        var hash = Hash(key);
        var services = context.RequestServices;
        if (Guid.TryParse(services.GetRequiredService<IConfiguration>().GetSection(Section)[hash], out var configured))
        {
            return configured;
        }

        return await ApiKeyLookup.AgencyOfAsync(services.GetRequiredService<GongkaiDbContext>(), services.GetRequiredService<TimeProvider>(), hash, context.RequestAborted);
    }
}
