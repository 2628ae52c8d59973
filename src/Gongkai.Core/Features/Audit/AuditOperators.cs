using Gongkai.Core.Data;
using Gongkai.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Audit;

/// <summary>
/// Who acted, as the 台账 shows it: a staff account's display name and roles (of any agency: an overseer may have acted);
/// a process as 系统 (<see cref="AuditText.Process"/>); an account no longer there by the start of its id.
/// </summary>
public static class AuditOperators
{
    public sealed record Who(string Name, string Role);

    public static async Task<IReadOnlyDictionary<string, Who>> ResolveAsync(GongkaiDbContext db, IEnumerable<string> actors, CancellationToken cancellationToken = default)
    {
        var distinct = actors.Distinct(StringComparer.Ordinal).ToList();
        var ids = distinct.Select(a => Guid.TryParse(a, out var id) ? id : (Guid?)null).OfType<Guid>().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        var roles = await ListStaffUsers.RolesAsync(db, ids, cancellationToken);
        var named = users.ToDictionary(u => u.Id, u => new Who(u.DisplayName, AuditText.Roles(roles[u.Id].Order(StringComparer.Ordinal))));

        var resolved = new Dictionary<string, Who>(StringComparer.Ordinal);
        foreach (var actor in distinct)
        {
            if (Guid.TryParse(actor, out var id))
            {
                resolved[actor] = named.TryGetValue(id, out var user) ? user : new Who($"已删除的账号（{actor[..8]}）", "");
            }
            else
            {
                var (name, role) = AuditText.Process(actor);
                resolved[actor] = new Who(name, role);
            }
        }

        return resolved;
    }
}
