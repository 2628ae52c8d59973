using Gongkai.Core.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Account;

/// <summary>Sign-out is a POST (with the antiforgery token): a link or an image elsewhere cannot sign a user out.</summary>
public sealed class LogoutModel(SignInManager<StaffUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
