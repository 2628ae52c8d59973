using System.ComponentModel.DataAnnotations;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Features.Accounts;
using Gongkai.Domain.Common;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// 用户管理: the agency's staff accounts. Listing is <see cref="StaffRight.ReadUsers"/> (a 政务公开办 user also lists the
/// agencies under theirs, as they read those agencies' other records); every change is
/// <see cref="StaffRight.ManageUsers"/> in the user's own agency only, limited to the roles StaffAccess lets them give,
/// and written to the 台账. A generated password is shown once, on the answer to the POST, and never stored in clear.
/// </summary>
public sealed class UsersModel(StaffAccess access, GongkaiDbContext db, UserManager<StaffUser> users, TimeProvider clock) : StaffPageModel(access)
{
    public IReadOnlyList<StaffUserLine> Users { get; private set; } = [];

    /// <summary>The roles the user may give here (none when they only read).</summary>
    public IReadOnlyList<string> Grantable { get; private set; } = [];

    /// <summary>What was done, when the answer also shows a generated password (not a redirect).</summary>
    public string? Issued { get; private set; }

    /// <summary>The password generated on this POST, to hand over once.</summary>
    public string? IssuedPassword { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The new account's form (bound by the create handler only: the other forms do not carry it).</summary>
    public NewUserInput Input { get; set; } = new();

    /// <summary>The roles ticked in a form (codes; anything else is refused).</summary>
    [BindProperty]
    public List<string> Roles { get; set; } = [];

    /// <summary>A new password typed for a reset (empty: one is generated).</summary>
    [BindProperty]
    [StringLength(200, ErrorMessage = "密码不能超过200个字符")]
    public string? NewPassword { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? agency, CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(agency, StaffRight.ReadUsers, cancellationToken))
        {
            return Refuse();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync([Bind(Prefix = nameof(Input))] NewUserInput input, CancellationToken cancellationToken)
    {
        Input = input;
        if (await StartChangeAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        if (ParseRoles() is { } invalid)
        {
            return Refused(invalid);
        }

        if (StaffAccess.RefuseNewUser(User, Roles) is { } refusal)
        {
            return Forbidden(refusal);
        }

        var generated = string.IsNullOrEmpty(Input.Password) ? StaffIdentity.NewPassword() : null;
        var created = await CreateStaffUser.HandleAsync(db, users, clock,
            new CreateStaffUser.Request(Agency.Id, Input.UserName, Input.DisplayName, Roles, generated ?? Input.Password!, UserId), cancellationToken);
        return created.TryGetValue(out var user)
            ? await ChangedAsync($"已创建用户“{user.UserName}”", generated, cancellationToken)
            : Refused(created.Problem);
    }

    public Task<IActionResult> OnPostRolesAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => ParseRoles() is { } invalid ? invalid : new StaffUserChange.SetRoles(Roles), "已修改角色", cancellationToken);

    public Task<IActionResult> OnPostLockAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => new StaffUserChange.Lock(), "已锁定账号", cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => new StaffUserChange.Unlock(), "已解除锁定", cancellationToken);

    public Task<IActionResult> OnPostPasswordAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => new StaffUserChange.ResetPassword(string.IsNullOrEmpty(NewPassword) ? StaffIdentity.NewPassword() : NewPassword), "已重置密码", cancellationToken);

    /// <summary>Whether this page offers changes of the account: the user's own agency, and every role of it one they may give.</summary>
    public bool Manages(StaffUserLine user) => Can(StaffRight.ManageUsers) && user.Roles.All(Grantable.Contains);

    public bool IsSelf(StaffUserLine user) => user.Id.ToString("D") == UserId;

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Result<StaffUserChange>> change, string done, CancellationToken cancellationToken)
    {
        if (await StartChangeAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        // An id of another agency's account is not in this list: the page never reaches outside the user's agency.
        if (Users.FirstOrDefault(u => u.Id == id) is not { } target)
        {
            return Refused(Domain.Common.Problem.NotFound("user.notFound", "本机关没有该用户"));
        }

        var parsed = change();
        if (!parsed.TryGetValue(out var wanted))
        {
            return Refused(parsed.Problem);
        }

        if (StaffAccess.RefuseUserChange(User, target, wanted) is { } refusal)
        {
            return Forbidden(refusal);
        }

        var changed = await ChangeStaffUser.HandleAsync(db, users, clock, new ChangeStaffUser.Request(Agency.Id, id, wanted, UserId), cancellationToken);
        if (!changed.TryGetValue(out var user))
        {
            return Refused(changed.Problem);
        }

        var generated = wanted is StaffUserChange.ResetPassword reset && string.IsNullOrEmpty(NewPassword) ? reset.Password : null;
        return await ChangedAsync($"{done}：{user.UserName}", generated, cancellationToken);
    }

    /// <summary>The checks every change starts with: the right in the user's own agency, and the form's fields.</summary>
    private async Task<IActionResult?> StartChangeAsync(CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.ManageUsers, cancellationToken))
        {
            return Refuse();
        }

        await LoadAsync(cancellationToken);
        return ModelState.IsValid
            ? null
            : Refused(new Problem("input.invalid", string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage))));
    }

    /// <summary>Role codes as the forms send them; a value that is no role (a forged form) is refused, not ignored.</summary>
    private Problem? ParseRoles()
    {
        Roles = [.. Roles.Distinct(StringComparer.Ordinal)];
        return Roles.FirstOrDefault(r => !StaffRoles.All.Contains(r, StringComparer.Ordinal)) is { } unknown
            ? new Problem("user.unknownRole", $"无效的角色：{unknown[..Math.Min(unknown.Length, 50)]}")
            : null;
    }

    /// <summary>After a change: back to the list (PRG); with a generated password, the list at once, showing it this once.</summary>
    private async Task<IActionResult> ChangedAsync(string message, string? password, CancellationToken cancellationToken)
    {
        if (password is null)
        {
            Done = message;
            return Redirect("/staff/users");
        }

        // Neither TempData (a cookie) nor any cache: only this answer carries the password.
        Response.Headers.CacheControl = "no-store";
        Issued = message;
        IssuedPassword = password;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Refused for the user's rights (a role they may not give, their own account): 403 with the reason.</summary>
    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Forbidden(string message)
    {
        Problem = message;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await ListStaffUsers.HandleAsync(db, Agency.Id, cancellationToken);
        Grantable = Can(StaffRight.ManageUsers) ? StaffAccess.GrantableRoles(User) : [];
    }

    public sealed class NewUserInput
    {
        [Required(ErrorMessage = "请填写用户名")]
        [StringLength(50, ErrorMessage = "用户名不能超过50个字符")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "请填写姓名")]
        [StringLength(StaffUser.MaxDisplayNameLength, ErrorMessage = "姓名不能超过50个字")]
        public string DisplayName { get; set; } = "";

        /// <summary>Empty: a password is generated and shown once.</summary>
        [StringLength(200, ErrorMessage = "密码不能超过200个字符")]
        public string? Password { get; set; }
    }
}
