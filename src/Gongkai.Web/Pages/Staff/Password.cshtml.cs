using System.ComponentModel.DataAnnotations;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Features.Accounts;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// 修改密码: every staff user changes their own password (issue 16, 4) with the current one (Core's
/// <see cref="ChangeOwnPassword"/>: the rules, the common-password list, the 台账). This browser stays signed in with
/// the new stamp; the account's sessions elsewhere end. A wrong current password counts as a failed sign-in
/// (<see cref="StaffSignIn"/>), so a session left open cannot be used to guess it.
/// </summary>
public sealed class PasswordModel(GongkaiDbContext db, SignInManager<StaffUser> signIn, StaffSignIn staffSignIn, TimeProvider clock) : PageModel
{
    [BindProperty]
    [Display(Name = "当前密码")]
    [Required(ErrorMessage = "请填写当前密码")]
    [StringLength(200, ErrorMessage = "密码不能超过200个字符")]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    [Display(Name = "新密码（至少12位，含大小写字母、数字和符号，不能是常见密码）")]
    [Required(ErrorMessage = "请填写新密码")]
    [StringLength(200, ErrorMessage = "密码不能超过200个字符")]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [BindProperty]
    [Display(Name = "再次输入新密码")]
    [Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";

    [TempData]
    public string? Done { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var userName = User.Identity?.Name ?? "";
        var userId = StaffAccess.UserIdOf(User);
        if (staffSignIn.Wait(HttpContext, userName) is var wait && wait > TimeSpan.Zero)
        {
            ModelState.AddModelError(nameof(CurrentPassword), StaffSignIn.ThrottledMessage(wait));
            return Page();
        }

        var changed = await ChangeOwnPassword.HandleAsync(db, signIn.UserManager, clock,
            new ChangeOwnPassword.Request(Guid.Parse(userId), CurrentPassword, NewPassword), cancellationToken);
        if (!changed.TryGetValue(out _))
        {
            var wrongCurrent = changed.Problem.Code == ChangeOwnPassword.WrongCurrentCode;
            if (wrongCurrent)
            {
                staffSignIn.Failed(HttpContext, userName);
            }

            ModelState.AddModelError(wrongCurrent ? nameof(CurrentPassword) : nameof(NewPassword), changed.Problem.Message);
            return Page();
        }

        // The new stamp ended every session of the account, this one too: sign this browser in again with it.
        await signIn.RefreshSignInAsync((await signIn.UserManager.FindByIdAsync(userId))!);
        Done = "密码已修改；本账号在其他浏览器上的登录已结束";
        return RedirectToPage();
    }
}
