namespace Gongkai.Domain.Proactive;

/// <summary>What a user may do with disclosure items.</summary>
public enum ItemRole
{
    /// <summary>Drafts items and their updates (the author); may publish an approved item.</summary>
    Staff,

    /// <summary>Carries out the 保密审查 before publication (条例 Art 17); may also draft, but never review, own items.</summary>
    Reviewer,

    /// <summary>Manages the agency's catalogue: may edit any item, withdraw, and import from an existing 台账.</summary>
    Admin,

    /// <summary>The platform itself: a scheduled publication, an import.</summary>
    System,
}

/// <summary>
/// A user (or the system) acting on an item, with the name shown in the 台账 at the time. Its own type rather than
/// the Requests <c>Actor</c>: the roles differ (a reviewer, no applicant or office head).
/// </summary>
public sealed record ItemActor(string UserId, string DisplayName, ItemRole Role);

public static class ItemRoles
{
    public static string DisplayName(this ItemRole role) => role switch
    {
        ItemRole.Staff => "工作人员",
        ItemRole.Reviewer => "保密审查人",
        ItemRole.Admin => "管理员",
        ItemRole.System => "系统",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
