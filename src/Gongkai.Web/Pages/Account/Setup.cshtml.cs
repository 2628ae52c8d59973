using System.ComponentModel.DataAnnotations;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Features.Accounts;
using Gongkai.Web.Accounts;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Account;

/// <summary>
/// The first run: while no account exists, whoever holds the setup token printed on the site's console
/// (<see cref="SetupToken"/>) may create the initial 机关管理员 (and the agency, if it is not there yet; never for an
/// agency with records) — Core's SetUpFirstAdmin, with its 台账 entries. As soon as one account exists this page is 404
/// for everybody. Its POSTs count against the sign-in's rate limit per address (guessing the token).
/// </summary>
[EnableRateLimiting(PublicRateLimits.Login)]
public sealed class SetupModel(GongkaiDbContext db, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, SetupToken token, TimeProvider clock) : PageModel
{
    [BindProperty]
    [Display(Name = "初始设置口令（见网站启动时控制台的输出）")]
    [Required(ErrorMessage = "请填写初始设置口令")]
    [StringLength(100, ErrorMessage = "初始设置口令不正确")]
    public string Token { get; set; } = "";

    [BindProperty]
    [Display(Name = "所属机关名称")]
    [Required(ErrorMessage = "请填写所属机关名称")]
    [StringLength(100, ErrorMessage = "机关名称不能超过100个字")]
    public string AgencyName { get; set; } = "";

    [BindProperty]
    [Display(Name = "用户名")]
    [Required(ErrorMessage = "请填写用户名")]
    [StringLength(50, ErrorMessage = "用户名不能超过50个字符")]
    public string UserName { get; set; } = "";

    [BindProperty]
    [Display(Name = "姓名")]
    [Required(ErrorMessage = "请填写姓名")]
    [StringLength(StaffUser.MaxDisplayNameLength, ErrorMessage = "姓名不能超过50个字")]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    [Display(Name = "密码（至少12位，含大小写字母、数字和符号）")]
    [Required(ErrorMessage = "请填写密码")]
    [StringLength(200, ErrorMessage = "密码不能超过200个字符")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty]
    [Display(Name = "再次输入密码")]
    [Compare(nameof(Password), ErrorMessage = "两次输入的密码不一致")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await SetUpFirstAdmin.IsOpenAsync(db, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await SetUpFirstAdmin.IsOpenAsync(db, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid && !token.Matches(Token))
        {
            ModelState.AddModelError(nameof(Token), "初始设置口令不正确：请使用本次启动时控制台输出的口令");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var created = await SetUpFirstAdmin.HandleAsync(db, users, clock, new SetUpFirstAdmin.Request(AgencyName, UserName, DisplayName, Password), cancellationToken);
        if (!created.TryGetValue(out var line))
        {
            if (created.Problem.Code == SetUpFirstAdmin.ClosedCode)
            {
                return NotFound();
            }

            ModelState.AddModelError(FieldOf(created.Problem.Code), created.Problem.Message);
            return Page();
        }

        token.Spend();
        await signIn.SignInAsync((await users.FindByIdAsync(line.Id.ToString("D")))!, isPersistent: false);
        return LocalRedirect("/staff");
    }

    /// <summary>The form field a refusal is shown at: the agency's, the password's (Identity's Password… codes), else the user name's.</summary>
    private static string FieldOf(string code) =>
        code.StartsWith("agency.", StringComparison.Ordinal) ? nameof(AgencyName)
        : code.StartsWith("user.Password", StringComparison.Ordinal) ? nameof(Password)
        : code is "user.displayName" ? nameof(DisplayName)
        : nameof(UserName);
}
