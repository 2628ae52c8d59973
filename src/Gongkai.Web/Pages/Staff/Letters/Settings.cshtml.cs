using Gongkai.Core.Data;
using Gongkai.Core.Features.Letters;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Letters;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Letters;

/// <summary>
/// 文书设置: the agency's admin sets the 文号's prefix and kind codes, what the agency is (which decides its 复议机关),
/// the 复议机关 and the court of the remedy clause, and the contact of its 政府信息公开工作机构 (spec/letters.md §2, §4).
/// Until saved the page shows the default and says where it comes from. Own agency only.
/// </summary>
public sealed class SettingsModel(StaffAccess access, GongkaiDbContext db, TimeProvider clock) : StaffPageModel(access)
{
    /// <summary>True while the agency has saved none: the form shows the default.</summary>
    public bool IsDefault { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>The year the examples of 文号 show: this year in China.</summary>
    public int ExampleYear => ChinaClock.Today(clock).Year;

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.ManageLetterSettings, cancellationToken))
        {
            return Refuse();
        }

        var found = await GetLetterSettings.HandleAsync(db, Agency.Id, cancellationToken);
        if (!found.TryGetValue(out var current))
        {
            return Refused(found.Problem);
        }

        Show(current);
        Input = SettingsInput.From(current.Settings);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.ManageLetterSettings, cancellationToken))
        {
            return Refuse();
        }

        var current = await GetLetterSettings.HandleAsync(db, Agency.Id, cancellationToken);
        if (!current.TryGetValue(out var found))
        {
            return Refused(current.Problem);
        }

        Show(found);
        if (!Enum.TryParse<AgencyKind>(Input.AgencyKind, out var agencyKind) || !Enum.IsDefined(agencyKind))
        {
            return Refused(Domain.Common.Problem.Invalid("letterSettings.agencyKind", "请选择本机关的类别"));
        }

        var settings = new LetterSettings
        {
            NumberPrefix = Input.NumberPrefix ?? "",
            KindCodes = Enum.GetValues<LetterKind>().ToDictionary(k => k, k => Input.KindCodes.GetValueOrDefault(k.ToString()) ?? ""),
            AgencyKind = agencyKind,
            ReconsiderationBody = Input.ReconsiderationBody ?? "",
            AlternativeReconsiderationBody = Input.AlternativeReconsiderationBody ?? "",
            Court = Input.Court ?? "",
            OfficeName = Input.OfficeName ?? "",
            OfficeAddress = Input.OfficeAddress ?? "",
            OfficePhone = Input.OfficePhone ?? "",
        };
        var saved = await SaveLetterSettings.HandleAsync(db, clock, new SaveLetterSettings.Request(Agency.Id, settings, UserId), cancellationToken);
        if (!saved.IsSuccess)
        {
            return Refused(saved.Problem);
        }

        Done = "已保存文书设置；此后发出的文书使用新的设置，已发出的文书不变";
        return Redirect("/staff/letters/settings");
    }

    private void Show(GetLetterSettings.Response current)
    {
        IsDefault = current.IsDefault;
        UpdatedAt = current.UpdatedAt;
    }

    /// <summary>The form's fields; the kind codes by the kind's name (Reply, Receipt …).</summary>
    public sealed class SettingsInput
    {
        public string? NumberPrefix { get; set; }

        public Dictionary<string, string?> KindCodes { get; set; } = [];

        public string? AgencyKind { get; set; }

        public string? ReconsiderationBody { get; set; }

        public string? AlternativeReconsiderationBody { get; set; }

        public string? Court { get; set; }

        public string? OfficeName { get; set; }

        public string? OfficeAddress { get; set; }

        public string? OfficePhone { get; set; }

        public static SettingsInput From(LetterSettings settings) => new()
        {
            NumberPrefix = settings.NumberPrefix,
            KindCodes = Enum.GetValues<LetterKind>().ToDictionary(k => k.ToString(), k => (string?)settings.KindCode(k)),
            AgencyKind = settings.AgencyKind.ToString(),
            ReconsiderationBody = settings.ReconsiderationBody,
            AlternativeReconsiderationBody = settings.AlternativeReconsiderationBody,
            Court = settings.Court,
            OfficeName = settings.OfficeName,
            OfficeAddress = settings.OfficeAddress,
            OfficePhone = settings.OfficePhone,
        };
    }
}
