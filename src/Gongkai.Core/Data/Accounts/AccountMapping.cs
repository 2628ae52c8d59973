using System.Text;
using Gongkai.Domain.Agencies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Data.Accounts;

/// <summary>
/// The Identity tables named as the rest of the schema is (snake_case, <c>staff_</c> prefix), and a user's agency as
/// a foreign key: an agency with users cannot be deleted under them. The agencies' API keys (<c>api_keys</c>) too.
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
        modelBuilder.Entity<ApiKey>(key =>
        {
            key.ToTable("api_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).HasColumnName("id").ValueGeneratedNever();
            key.Property(k => k.AgencyId).HasColumnName("agency_id");
            key.HasOne<Agency>().WithMany().HasForeignKey(k => k.AgencyId).OnDelete(DeleteBehavior.Restrict);
            key.Property(k => k.Name).HasColumnName("name").HasMaxLength(ApiKey.MaxNameLength);
            key.Property(k => k.Hash).HasColumnName("hash").HasMaxLength(64).IsFixedLength();
            key.Property(k => k.Prefix).HasColumnName("prefix").HasMaxLength(ApiKey.PrefixLength);
            key.Property(k => k.CreatedBy).HasColumnName("created_by").HasMaxLength(100);
            key.Property(k => k.CreatedAt).HasColumnName("created_at");
            key.Property(k => k.RevokedAt).HasColumnName("revoked_at");
            key.Property(k => k.LastUsedOn).HasColumnName("last_used_on");

            // Every keyed API call finds its key by hash: one index seek.
            key.HasIndex(k => k.Hash).IsUnique();
            key.HasIndex(k => k.AgencyId);
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
