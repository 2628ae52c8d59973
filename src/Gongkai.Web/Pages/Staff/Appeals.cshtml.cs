using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Core.Data;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Appeals;
using Gongkai.Domain.Appeals;
using Gongkai.Domain.Common;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// 行政复议 and 行政诉讼 cases (annual report section 四): the agency's cases, and a form for one more, entered through
/// Core's ImportAppeals as a one-row ledger (the same checks as a file: every problem named, nothing saved if any).
/// </summary>
public sealed class AppealsModel(StaffAccess access, GongkaiDbContext db, TimeProvider clock) : StaffPageModel(access)
{
    public IReadOnlyList<AppealCase> Cases { get; private set; } = [];

    [BindProperty]
    public CaseInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid? agency, CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(agency, StaffRight.Read, cancellationToken))
        {
            return Refuse();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.EnterFigures, cancellationToken))
        {
            return Refuse();
        }

        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Refused(new Problem("input.invalid", string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage))));
        }

        var cells = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ImportAppeals.CaseNumber] = Input.CaseNumber.Trim(),
            [ImportAppeals.Kind] = Input.Kind,
            [ImportAppeals.FiledOn] = Input.FiledOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            [ImportAppeals.Result] = Input.Result ?? "",
            [ImportAppeals.ResultOn] = Input.ResultOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            [ImportAppeals.RequestNumber] = Input.RequestNumber?.Trim() ?? "",
            [ImportAppeals.Summary] = Input.Summary?.Trim() ?? "",
        };
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", cells.Values)));
        var imported = await ImportAppeals.HandleAsync(db, clock, new ImportAppeals.Request(Agency.Name, [new LedgerRow(1, cells)], "网页录入", hash, UserId), cancellationToken);
        if (!imported.TryGetValue(out var response))
        {
            return Refused(imported.Problem);
        }

        if (response.Rejected)
        {
            return Refused(new Problem("appeal.invalid", string.Join("；", response.Errors.Select(e => $"{e.Column}：{e.Reason}"))));
        }

        Done = response.Imported > 0 ? "案件已录入" : "该案号的案件已存在，未重复录入";
        return Redirect("/staff/appeals");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Cases = await ListAppeals.HandleAsync(db, Agency.Id, cancellationToken);

    public sealed class CaseInput
    {
        [Required(ErrorMessage = "请填写案号")]
        [StringLength(AppealCase.MaxCaseNumberLength, ErrorMessage = "案号不能超过100字")]
        public string CaseNumber { get; set; } = "";

        [Required(ErrorMessage = "请选择案件类型")]
        [StringLength(20)]
        public string Kind { get; set; } = "行政复议";

        [Required(ErrorMessage = "请填写提起日期")]
        public DateOnly? FiledOn { get; set; }

        [StringLength(20)]
        public string? Result { get; set; }

        public DateOnly? ResultOn { get; set; }

        [StringLength(50, ErrorMessage = "申请编号不能超过50字")]
        public string? RequestNumber { get; set; }

        [StringLength(AppealCase.MaxSummaryLength, ErrorMessage = "摘要不能超过2000字")]
        public string? Summary { get; set; }
    }
}
