using System.ComponentModel.DataAnnotations;
using Gongkai.Core.Data;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.AnnualReports;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Web.Accounts;
using Gongkai.Web.Pages.AnnualReports;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Reports;

/// <summary>
/// The year's annual report as staff work on it: build the draft from the records, see its findings with their
/// cells marked in the tables, write the narrative sections, lock it (warnings acknowledged), record its publication,
/// download any version's latest content. Every step is a Core handler of the report lifecycle.
/// </summary>
public sealed class ReportModel(StaffAccess access, GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock) : StaffPageModel(access)
{
    public int Year { get; private set; }

    public ReportHistory.Response? History { get; private set; }

    public ReportVersion? Latest => History is { Versions.Count: > 0 } h ? h.Versions[^1] : null;

    public CheckedReport? Checked { get; private set; }

    /// <summary>HtmlReportWriter encodes every text; each finding's cells carry <c>finding-error</c> or <c>finding-warning</c>.</summary>
    public IHtmlContent? Body { get; private set; }

    [BindProperty]
    [StringLength(EditReportText.MaxTextLength, ErrorMessage = "文字不能超过20000字")]
    public string? Text { get; set; }

    [BindProperty]
    [StringLength(20)]
    public string? Section { get; set; }

    [BindProperty]
    [StringLength(ReportVersion.MaxAcknowledgementLength, ErrorMessage = "说明不能超过1000字")]
    public string? Acknowledgement { get; set; }

    [BindProperty]
    public DateOnly? PublishedOn { get; set; }

    public static IReadOnlyList<(CellKey Key, string Label)> Sections { get; } =
        [.. Domain.AnnualReports.Layout.ReportLayouts.V2021.Sections.Where(s => s.TextKey is not null).Select(s => (s.TextKey!.Value, s.Title))];

    /// <summary>What staff download: the public forms, and HTML (the page's own tables) to proofread.</summary>
    public static IReadOnlyList<ReportFileFormat> Downloads { get; } = [.. ReportDownloads.Formats, ReportFileFormats.Html];

    public async Task<IActionResult> OnGetAsync(int? year, Guid? agency, CancellationToken cancellationToken) =>
        await LoadAsync(year, agency, StaffRight.Read, cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetDownloadAsync(int? year, Guid? agency, string format, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, agency, StaffRight.Read, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Latest is not { } version || Checked is not { } report || ReportFileFormats.Named(format, Downloads) is not { } file)
        {
            return NotFound();
        }

        // JSON is the version's content as stored (its hash is recorded at the lock); the other forms are rendered from it.
        var (bytes, status) = ReportDownloads.Render(HttpContext, format, () => file.Write(report, storedJson: version.Content));
        if (bytes is null)
        {
            return StatusCode(status);
        }

        return File(bytes, file.ContentType, $"{ReportTitles.Title(report.Report)}（第{version.Number}版）.{file.Name}");
    }

    public Task<IActionResult> OnPostBuildAsync(int? year, CancellationToken cancellationToken) =>
        StepAsync(year, async () => (await SaveDraft.HandleAsync(db, calendar, clock, new SaveDraft.Request(Agency.Id, Year, null, UserId), cancellationToken))
            .Map(r => r.StartedNewVersion ? $"已生成第{r.Version.Number}版草稿" : $"已根据记录重新生成第{r.Version.Number}版草稿"), cancellationToken);

    public Task<IActionResult> OnPostTextAsync(int? year, CancellationToken cancellationToken) =>
        StepAsync(year, async () => Sections.Any(s => s.Key == Section)
            ? (await EditReportText.HandleAsync(db, clock, new EditReportText.Request(Agency.Id, Year, Section!, Text ?? "", UserId), cancellationToken)).Map(_ => "文字已保存")
            : new Problem("report.unknownSection", "请选择要修改的部分"), cancellationToken);

    public Task<IActionResult> OnPostCheckAsync(int? year, CancellationToken cancellationToken) =>
        StepAsync(year, async () => (await CheckDraft.HandleAsync(db, calendar, clock, new CheckDraft.Request(Agency.Id, Year,
            string.IsNullOrWhiteSpace(Acknowledgement) ? null : Acknowledgement.Trim(), UserId), cancellationToken))
            .Map(r => $"第{r.Version.Number}版已检查"), cancellationToken);

    public Task<IActionResult> OnPostLockAsync(int? year, CancellationToken cancellationToken) =>
        StepAsync(year, async () => (await LockReport.HandleAsync(db, calendar, clock, new LockReport.Request(Agency.Id, Year,
            string.IsNullOrWhiteSpace(Acknowledgement) ? null : Acknowledgement.Trim(), UserId), cancellationToken))
            .Map(r => $"第{r.Version.Number}版已锁定"), cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int? year, CancellationToken cancellationToken) =>
        StepAsync(year, async () => (await PublishReport.HandleAsync(db, clock, new PublishReport.Request(Agency.Id, Year, PublishedOn, UserId), cancellationToken))
            .Map(r => r.Late ? $"已记录公开日期（晚于法定期限{Dates.Numeric(r.DueOn)}）" : "已记录公开日期"), cancellationToken);

    private async Task<IActionResult> StepAsync(int? year, Func<Task<Result<string>>> step, CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.ManageReports, cancellationToken))
        {
            return Refuse();
        }

        Year = year ?? DefaultYear;
        var reportYear = ReportYear.Create(Year, ChinaClock.Today(clock));
        var done = !ModelState.IsValid ? new Problem("input.invalid", string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)))
            : !reportYear.IsSuccess ? reportYear.Problem
            : await step();
        if (!done.TryGetValue(out var message))
        {
            db.ChangeTracker.Clear();
            await LoadAsync(Year, null, StaffRight.ManageReports, cancellationToken);
            return Refused(done.Problem);
        }

        Done = message;
        return Redirect(FormattableString.Invariant($"/staff/reports/{Year}"));
    }

    private int DefaultYear => ChinaClock.Today(clock).Year - 1;

    /// <summary>Whether the page offers a link to <paramref name="year"/> (a <see cref="ReportYear"/> today).</summary>
    public bool IsReportYear(int year) => ReportYear.Create(year, ChinaClock.Today(clock)).IsSuccess;

    /// <summary>The year's versions and the latest one checked (R7/R9 against last year's locked report), or the refusal to answer.</summary>
    private async Task<IActionResult?> LoadAsync(int? year, Guid? agency, StaffRight right, CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(agency, right, cancellationToken))
        {
            return Refuse();
        }

        Year = year ?? DefaultYear;
        var reportYear = ReportYear.Create(Year, ChinaClock.Today(clock));
        if (!reportYear.IsSuccess)
        {
            return Refused(reportYear.Problem);
        }

        var history = await ReportHistory.HandleAsync(db, clock, new ReportHistory.Request(Agency.Id, Year), cancellationToken);
        History = history.IsSuccess ? history.Value : null;
        if (Latest is { } latest)
        {
            Checked = await ReportCheck.WithPreviousYearAsync(db, Agency.Id, LockedReports.Read(latest), cancellationToken);
            Body = new HtmlString(HtmlReportWriter.Body(Checked.Report, FindingCells(Checked.Findings)));
        }

        return null;
    }

    /// <summary>Each cell a finding names gets a class; an error outranks a warning on the same cell.</summary>
    public static IReadOnlyDictionary<string, string> FindingCells(IReadOnlyList<Finding> findings)
    {
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var finding in findings.OrderBy(f => f.Severity == Severity.Error))
        {
            foreach (var cell in finding.Cells)
            {
                classes[cell] = finding.Severity == Severity.Error ? "finding-error" : "finding-warning";
            }
        }

        return classes;
    }
}
