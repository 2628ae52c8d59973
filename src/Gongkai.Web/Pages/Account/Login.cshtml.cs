using System.ComponentModel.DataAnnotations;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Accounts;
using Gongkai.Web.Accounts;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Account;

/// <summary>
/// Staff sign-in with user name and password (<see cref="StaffSignIn"/>): failures slow further tries per name and
/// address, never from the account's own browser, and the answer never says whether the user name exists. Sign-in
/// attempts are also limited per client address (PublicRateLimits.Login: the Chinese 429 page), so one address cannot
/// try a password on many accounts. Before any account exists it sends to the setup page.
/// </summary>
[EnableRateLimiting(PublicRateLimits.Login)]
public sealed class LoginModel(StaffSignIn signIn, GongkaiDbContext db) : PageModel
{
    [BindProperty]
    [Display(Name = "用户名")]
    [Required(ErrorMessage = "请填写用户名")]
    [StringLength(100, ErrorMessage = "用户名不能超过100个字符")]
    public string UserName { get; set; } = "";

    [BindProperty]
    [Display(Name = "密码")]
    [Required(ErrorMessage = "请填写密码")]
    [StringLength(200, ErrorMessage = "密码不能超过200个字符")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await SetUpFirstAdmin.IsOpenAsync(db, cancellationToken))
        {
            return Redirect(AccountSetup.SetupPath);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var answer = await signIn.SignInAsync(HttpContext, UserName, Password);
        if (answer.Outcome == StaffSignIn.Outcome.SignedIn)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/staff");
        }

        ModelState.AddModelError("", answer.Outcome switch
        {
            StaffSignIn.Outcome.Throttled => StaffSignIn.ThrottledMessage(answer.Wait),
            StaffSignIn.Outcome.LockedByAdministrator => "该账户已被停用，请联系本机关管理员",
            _ => "用户名或密码错误",
        });
        return Page();
    }
}
