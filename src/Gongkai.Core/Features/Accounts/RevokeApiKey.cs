using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Data.Audit;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Accounts;

/// <summary>Revokes an agency's API key: the next call with it gets 401 (keys are looked up on every call, never cached).</summary>
public static class RevokeApiKey
{
    public sealed record Request(Guid AgencyId, Guid KeyId, string Actor);

    public static async Task<Result<ApiKeyLine>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        // Another agency's key is "not found": its existence is none of this agency's business.
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == request.KeyId && k.AgencyId == request.AgencyId, cancellationToken);
        if (key is null)
        {
            return Problem.NotFound("apiKey.notFound", "本机关没有该密钥");
        }

        if (key.RevokedAt is not null)
        {
            return Problem.Conflict("apiKey.revoked", $"密钥“{key.Name}”已于此前撤销");
        }

        var before = IssueApiKey.Snapshot(key);
        key.RevokedAt = clock.GetUtcNow();
        AuditTrail.Record(db, clock, request.Actor, "apiKey.revoked", nameof(ApiKey), key.Id.ToString("D"), key.AgencyId, before, IssueApiKey.Snapshot(key));
        await db.SaveChangesAsync(cancellationToken);
        return ApiKeyLine.Of(key);
    }
}
