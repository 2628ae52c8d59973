using Gongkai.Core.Data;
using Gongkai.Core.Features.Article20;
using Gongkai.Domain.AnnualReports.Parsing;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// The year's 第二十条 figures (annual report section 二): every cell of the year's format with its current value
/// and where it came from; staff type figures in and Core's EnterArticle20 checks and keeps them with their provenance.
/// </summary>
public sealed class Article20Model(StaffAccess access, GongkaiDbContext db, TimeProvider clock) : StaffPageModel(access)
{
    public int Year { get; private set; }

    public IReadOnlyList<EnterArticle20.Cell> Cells { get; private set; } = [];

    public IReadOnlyDictionary<string, (decimal Value, string Source)> Current { get; private set; } = new Dictionary<string, (decimal, string)>();

    /// <summary>What was posted, kept when a value is refused so the form shows it again.</summary>
    [BindProperty]
    public Dictionary<string, string> Values { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, Guid? agency, CancellationToken cancellationToken) =>
        await LoadAsync(year, agency, StaffRight.Read, cancellationToken) ? Page() : Refuse();

    public async Task<IActionResult> OnPostAsync(int? year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, null, StaffRight.EnterFigures, cancellationToken))
        {
            return Refuse();
        }

        var keys = Cells.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        foreach (var (key, text) in Values.Where(v => keys.Contains(v.Key) && !string.IsNullOrWhiteSpace(v.Value)))
        {
            // The same reading as a published report's cell: 减4, 0.5950, full-width digits.
            var reading = CellText.Read(text);
            if (reading.Status != CellStatus.Number || text.Length > 30)
            {
                unreadable.Add($"“{text}”不是数值");
                continue;
            }

            values[key] = reading.Unit == CellUnit.Yuan ? reading.Value / 10000m : reading.Value;
        }

        if (unreadable.Count > 0)
        {
            return Refused(new Problem("article20.unreadable", string.Join("；", unreadable)));
        }

        var entered = await EnterArticle20.HandleAsync(db, clock, new EnterArticle20.Request(Agency.Id, Year, values, UserId, UserDisplayName), cancellationToken);
        if (!entered.TryGetValue(out var response))
        {
            return Refused(entered.Problem);
        }

        Done = $"已保存，{response.Changed}项数据有变化";
        return Redirect(FormattableString.Invariant($"/staff/article20/{Year}"));
    }

    private async Task<bool> LoadAsync(int? year, Guid? agency, StaffRight right, CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(agency, right, cancellationToken))
        {
            return false;
        }

        Year = year ?? ChinaClock.Today(clock).Year - 1;
        var form = await EnterArticle20.FormAsync(db, Agency.Id, Year, cancellationToken);
        (Cells, Current) = (form.Cells, form.Current);
        return true;
    }
}
