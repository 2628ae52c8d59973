using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Data.Audit;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Accounts;

/// <summary>
/// A new API key for an agency: the key is returned this once (the caller shows it and forgets it); the table keeps
/// its hash and prefix, and the 台账 who issued it (never the key).
/// </summary>
public static class IssueApiKey
{
    public sealed record Request(Guid AgencyId, string? Name, string Actor);

    public sealed record Issued(ApiKeyLine Line, string Key);

    public static async Task<Result<Issued>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            return new Problem("apiKey.nameRequired", "请填写密钥名称（用途，如“办公系统对接”）");
        }

        if (name.Length > ApiKey.MaxNameLength)
        {
            return new Problem("apiKey.nameTooLong", $"密钥名称不能超过{ApiKey.MaxNameLength}个字");
        }

        if (await db.ApiKeys.AnyAsync(k => k.AgencyId == request.AgencyId && k.Name == name && k.RevokedAt == null, cancellationToken))
        {
            return Problem.Conflict("apiKey.duplicateName", $"已有名为“{name}”的有效密钥，请换一个名称或先撤销原密钥");
        }

        var key = ApiKey.NewKey();
        var row = new ApiKey
        {
            Id = Guid.NewGuid(),
            AgencyId = request.AgencyId,
            Name = name,
            Hash = ApiKey.HashOf(key),
            Prefix = key[..ApiKey.PrefixLength],
            CreatedBy = request.Actor,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(row);
        AuditTrail.Record(db, clock, request.Actor, "apiKey.created", nameof(ApiKey), row.Id.ToString("D"), row.AgencyId, null, Snapshot(row));
        await db.SaveChangesAsync(cancellationToken);
        return new Issued(ApiKeyLine.Of(row), key);
    }

    /// <summary>What the 台账 keeps of a key: its name, prefix and dates — never the key or its hash.</summary>
    internal static string Snapshot(ApiKey key) =>
        JsonSerializer.Serialize(new { name = key.Name, prefix = key.Prefix, createdAt = key.CreatedAt, revokedAt = key.RevokedAt }, AuditTrail.Json);
}

/// <summary>A key as staff see it: never the key, only its first characters.</summary>
public sealed record ApiKeyLine(Guid Id, string Name, string Prefix, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateOnly? LastUsedOn)
{
    public static ApiKeyLine Of(ApiKey key) => new(key.Id, key.Name, key.Prefix, key.CreatedBy, key.CreatedAt, key.RevokedAt, key.LastUsedOn);
}
