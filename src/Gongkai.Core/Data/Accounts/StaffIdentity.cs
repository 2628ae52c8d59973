using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Data.Accounts;

/// <summary>
/// The staff accounts' rules, the same for the site and the CLI (<c>gongkai users add</c>): passwords, lockout, the
/// roles that must exist, Identity's messages in Chinese, and passwords generated for a new colleague.
/// </summary>
public static class StaffIdentity
{
    public static void Configure(IdentityOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = true;
        o.Password.RequiredUniqueChars = 6;
        // Lockout only as an administrator's lock (LockoutEnd): the site's sign-in never locks an account after failed
        // passwords, which would let anyone lock anyone out; it slows guessing itself (Gongkai.Web's LoginThrottle).
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
        o.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>The password rules beyond <see cref="Configure"/> and the Chinese messages, for the site and the CLI alike.</summary>
    public static IdentityBuilder AddGongkaiPasswordRules(this IdentityBuilder builder) =>
        builder.AddErrorDescriber<ChineseIdentityErrors>().AddPasswordValidator<CommonPasswordValidator>();

    /// <summary>
    /// The roles exist before anyone is given one (idempotent; on every start, on the database the start-up opened,
    /// not through the request services). Two hosts starting on one database at once may both find a role missing: the
    /// unique name index lets one insert win, and the other finds it there.
    /// </summary>
    public static async Task EnsureRolesAsync(GongkaiDbContext db, CancellationToken cancellationToken)
    {
        foreach (var role in StaffRoles.All)
        {
            // Identity's default normalizer: upper case, invariant culture.
            var normalized = role.ToUpperInvariant();
            if (await db.Roles.AnyAsync(r => r.NormalizedName == normalized, cancellationToken))
            {
                continue;
            }

            db.Roles.Add(new IdentityRole<Guid>(role) { Id = Guid.NewGuid(), NormalizedName = normalized, ConcurrencyStamp = Guid.NewGuid().ToString("D") });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (!await db.Roles.AnyAsync(r => r.NormalizedName == normalized, cancellationToken))
                {
                    throw;
                }
            }
        }
    }

    /// <summary>
    /// A password an administrator hands to a new colleague (or after a reset) when they do not choose one: 16
    /// characters with every class the rules ask for, without look-alikes (0/O, 1/l/I) that a person copies wrongly.
    /// </summary>
    public static string NewPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "#%+-=@!";
        const string all = upper + lower + digits + symbols;

        // One of each class, the rest from all of them, then shuffled: about 95 bits, each class present.
        var chars = new List<char>
        {
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
            symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 16)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }

        var shuffled = chars.ToArray();
        RandomNumberGenerator.Shuffle(shuffled.AsSpan());
        return new string(shuffled);
    }
}

/// <summary>Identity's messages in Chinese (those a staff page can show: passwords and user names).</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"密码至少{length}位" };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码应包含数字" };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码应包含小写字母" };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "密码应包含大写字母" };

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "密码应包含至少一个符号（如 ! # % -）" };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"密码应至少包含{uniqueChars}个不同的字符" };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已被使用" };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = "用户名只能包含字母、数字和 - . _ @ +" };
}
