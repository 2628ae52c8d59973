using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Agencies;

/// <summary>Adds an agency, optionally under a parent (a district and its departments), with its 台账 entry.</summary>
public static class AddAgency
{
    public sealed record Request(string Name, string? ParentName, string Actor);

    public static async Task<Result<Agency>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        Guid? parentId = null;
        if (!string.IsNullOrWhiteSpace(request.ParentName))
        {
            var parentName = request.ParentName.Trim();
            var parent = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Name == parentName, cancellationToken);
            if (parent is null)
            {
                return Problem.NotFound("agency.parentNotFound", $"上级机关「{parentName}」不存在");
            }

            parentId = parent.Id;
        }

        var created = Agency.Create(request.Name, parentId);
        if (!created.TryGetValue(out var agency))
        {
            return created.Problem;
        }

        if (await db.Agencies.AnyAsync(a => a.Name == agency.Name, cancellationToken))
        {
            return Problem.Conflict("agency.duplicate", $"机关「{agency.Name}」已存在");
        }

        db.Agencies.Add(agency);
        AuditTrail.Record(db, clock, request.Actor, "agency.created", nameof(Agency), agency.Id.ToString("D"), agency.Id, null,
            JsonSerializer.Serialize(new { agency.Id, agency.Name, agency.ParentId }, AuditTrail.Json));
        await db.SaveChangesAsync(cancellationToken);
        return agency;
    }
}
