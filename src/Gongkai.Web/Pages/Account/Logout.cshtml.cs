using Gongkai.Core.Data.Accounts;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Account;

/// <summary>
/// Sign-out is a POST (with the antiforgery token): a link or an image elsewhere cannot sign a user out. It ends the
/// session on the server too (<see cref="SignedOutSessions"/>).
/// </summary>
public sealed class LogoutModel(SignInManager<StaffUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await SignedOutSessions.SignOutAsync(signIn, User);
        return LocalRedirect("/");
    }
}
