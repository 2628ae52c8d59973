using System.Text;
using Gongkai.Domain.Agencies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Data.Accounts;

/// <summary>
/// The Identity tables named as the rest of the schema is (snake_case, <c>staff_</c> prefix), and a user's agency as
/// a foreign key: an agency with users cannot be deleted under them.
/// </summary>
internal static class AccountMapping
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StaffUser>(user =>
        {
            user.ToTable("staff_users");
            user.Property(u => u.DisplayName).HasMaxLength(StaffUser.MaxDisplayNameLength).IsRequired();
            user.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
            user.HasIndex(u => u.AgencyId);
        });
        modelBuilder.Entity<IdentityRole<Guid>>().ToTable("staff_roles");
        modelBuilder.Entity<IdentityUserRole<Guid>>().ToTable("staff_user_roles");
        modelBuilder.Entity<IdentityUserClaim<Guid>>().ToTable("staff_user_claims");
        modelBuilder.Entity<IdentityUserLogin<Guid>>().ToTable("staff_user_logins");
        modelBuilder.Entity<IdentityUserToken<Guid>>().ToTable("staff_user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<Guid>>().ToTable("staff_role_claims");

        // Whatever Identity's schema version maps (passkeys from version 3), every column in snake_case.
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(IsIdentityType))
        {
            foreach (var property in entity.GetDeclaredProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    private static bool IsIdentityType(Microsoft.EntityFrameworkCore.Metadata.IMutableEntityType entity) =>
        entity.ClrType == typeof(StaffUser) || entity.ClrType.Namespace == typeof(IdentityRole<Guid>).Namespace;

    /// <summary>NormalizedUserName → normalized_user_name.</summary>
    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
