using System.ComponentModel.DataAnnotations;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Features.Agencies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Account;

/// <summary>
/// The first run: while no account exists, anyone who reaches the site may create the initial 机关管理员 (and the
/// agency, if it is not there yet). As soon as one account exists this page is 404 for everybody.
/// </summary>
public sealed class SetupModel(GongkaiDbContext db, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, TimeProvider clock) : PageModel
{
    // One setup at a time in this process: two racing requests cannot both see "no user yet" and both create one.
    private static readonly SemaphoreSlim Gate = new(1, 1);

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
        await users.Users.AnyAsync(cancellationToken) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (await users.Users.AnyAsync(cancellationToken))
            {
                return NotFound();
            }

            if (!ModelState.IsValid)
            {
                return Page();
            }

            var name = AgencyName.Trim();
            var agencyId = await db.Agencies.Where(a => a.Name == name).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (agencyId is null)
            {
                var added = await AddAgency.HandleAsync(db, clock, new AddAgency.Request(name, null, "setup"), cancellationToken);
                if (!added.TryGetValue(out var agency))
                {
                    ModelState.AddModelError(nameof(AgencyName), added.Problem.Message);
                    return Page();
                }

                agencyId = agency.Id;
            }

            var user = new StaffUser { Id = Guid.NewGuid(), UserName = UserName.Trim(), DisplayName = DisplayName.Trim(), AgencyId = agencyId.Value };
            var created = await users.CreateAsync(user, Password);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, StaffRoles.AgencyAdmin);
            }

            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(UserName), error.Description);
                }

                return Page();
            }

            await signIn.SignInAsync(user, isPersistent: false);
            return LocalRedirect("/staff");
        }
        finally
        {
            Gate.Release();
        }
    }
}
