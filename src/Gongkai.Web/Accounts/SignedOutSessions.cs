using System.Security.Claims;
using Gongkai.Core.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Accounts;

/// <summary>
/// Sign-out ends the session on the server, not only in the browser: it gives the account a new security stamp
/// (<see cref="SignOutAsync"/>), and every request's cookie must carry the account's current stamp
/// (<see cref="RejectAsync"/>), so a copied <c>gongkai.staff</c> cookie is refused from the next request on. The
/// stamp is the account's, so signing out ends the account's sessions in every browser (as a password change does);
/// that is the intended reading of 退出登录 on a shared office computer. One primary-key query per staff request.
/// </summary>
internal static class SignedOutSessions
{
    /// <summary>Signs the user out and renews the account's stamp, which ends every cookie issued before.</summary>
    public static async Task SignOutAsync(SignInManager<StaffUser> signIn, ClaimsPrincipal principal)
    {
        if (await signIn.UserManager.GetUserAsync(principal) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
    }

    /// <summary>Rejects (and clears) a cookie whose stamp is no longer the account's, or whose account is gone.</summary>
    public static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { Identity.IsAuthenticated: true } principal)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var user = await users.GetUserAsync(principal);
        if (user is not null && string.Equals(principal.FindFirstValue(stampType), await users.GetSecurityStampAsync(user), StringComparison.Ordinal))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
