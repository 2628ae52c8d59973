using Microsoft.AspNetCore.Identity;

namespace Gongkai.Core.Data.Accounts;

/// <summary>
/// A staff account (ASP.NET Core Identity, stored with the records). Every user belongs to one agency (DESIGN.md:
/// staff see only their agency; a 政务公开办 user also sees the agencies under it).
/// </summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public const int MaxDisplayNameLength = 50;

    public Guid AgencyId { get; set; }

    /// <summary>The name the 台账 shows next to the user's actions, e.g. 张经办.</summary>
    public string DisplayName { get; set; } = "";
}
