using System.Security.Claims;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Accounts;

/// <summary>ASP.NET Core Identity for staff: password and lockout rules, the sign-in cookie, the claims a page reads.</summary>
internal static class AccountSetup
{
    public const string LoginPath = "/account/login";
    public const string SetupPath = "/account/setup";

    /// <summary>条例 work is done in office hours; a forgotten session ends within the day.</summary>
    public static readonly TimeSpan SessionLength = TimeSpan.FromHours(8);

    public static readonly TimeSpan LockoutLength = TimeSpan.FromMinutes(15);

    public const int MaxFailedLogins = 5;

    /// <summary>
    /// How often a session's cookie is checked against the account (Identity's security stamp): a lock, a role change
    /// or a password reset by an administrator ends the account's open sessions within this time. One small query per
    /// user and interval; Identity's default of 30 minutes would leave a locked-out user working for half an hour.
    /// </summary>
    public static readonly TimeSpan SessionCheckInterval = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddGongkaiAccounts(this IServiceCollection services)
    {
        services.AddIdentity<StaffUser, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Password.RequiredUniqueChars = 6;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedLogins;
                o.Lockout.DefaultLockoutTimeSpan = LockoutLength;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<GongkaiDbContext>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();

        // The cookie's issue time and the stamp check on the site's clock (TimeProvider), as every other time here.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = SessionCheckInterval;
            o.TimeProvider = clock;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "gongkai.staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = SessionLength;
            o.SlidingExpiration = true;
            o.LoginPath = LoginPath;
            o.LogoutPath = "/account/logout";
            o.Events = new CookieAuthenticationEvents
            {
                // Identity's own handler, which a new Events object would drop: the cookie checked against the account
                // (security stamp) every SessionCheckInterval, so a locked or changed account's sessions end.
                OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,

                // A signed-in user without the right gets 403 and the Chinese error page, not a redirect to nowhere;
                // an API caller gets 401/403, never a login page.
                OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
                OnRedirectToLogin = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    }
                    else
                    {
                        context.Response.Redirect(context.RedirectUri);
                    }

                    return Task.CompletedTask;
                },
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffAccess.StaffPolicy, p => p.RequireAuthenticatedUser().RequireClaim(StaffAccess.AgencyClaim));
        services.AddScoped<StaffAccess>();
        return services;
    }

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
}

/// <summary>The user's agency and display name go into the cookie with the roles: every page reads them without a query.</summary>
internal sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffAccess.AgencyClaim, user.AgencyId.ToString("D")));
        identity.AddClaim(new Claim(StaffAccess.DisplayNameClaim, user.DisplayName));
        return identity;
    }
}

/// <summary>Identity's messages in Chinese (those a staff page can show: passwords and user names).</summary>
internal sealed class ChineseIdentityErrors : IdentityErrorDescriber
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
