using System.Security.Claims;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Accounts;

/// <summary>ASP.NET Core Identity for staff: password and lockout rules, the sign-in cookie, the claims a page reads.</summary>
internal static class AccountSetup
{
    public const string LoginPath = "/account/login";
    public const string SetupPath = "/account/setup";

    /// <summary>条例 work is done in office hours; a forgotten session ends within the day.</summary>
    public static readonly TimeSpan SessionLength = TimeSpan.FromHours(8);

    /// <summary>
    /// How often a session's cookie is checked against the account (Identity's security stamp): a lock, a role change
    /// or a password reset by an administrator ends the account's open sessions within this time. One small query per
    /// user and interval; Identity's default of 30 minutes would leave a locked-out user working for half an hour.
    /// </summary>
    public static readonly TimeSpan SessionCheckInterval = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddGongkaiAccounts(this IServiceCollection services)
    {
        services.AddIdentity<StaffUser, IdentityRole<Guid>>(StaffIdentity.Configure)
            .AddEntityFrameworkStores<GongkaiDbContext>()
            .AddGongkaiPasswordRules()
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
                // (security stamp) every SessionCheckInterval, so a locked or changed account's sessions end; then on
                // every request the stamp alone, so a cookie copied before sign-out opens nothing after it.
                OnValidatePrincipal = async context =>
                {
                    await SecurityStampValidator.ValidatePrincipalAsync(context);
                    await SignedOutSessions.RejectAsync(context);
                },

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
                        // Relative: the absolute address Identity builds takes its host from the request's Host header,
                        // which a client may forge (issue 16, 6); the browser resolves a path against the real one.
                        context.Response.Redirect(Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute)
                            ? absolute.PathAndQuery
                            : context.RedirectUri);
                    }

                    return Task.CompletedTask;
                },
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffAccess.StaffPolicy, p => p.RequireAuthenticatedUser().RequireClaim(StaffAccess.AgencyClaim));
        services.AddScoped<StaffAccess>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<SetupToken>();
        services.AddScoped<StaffSignIn>();
        return services;
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
