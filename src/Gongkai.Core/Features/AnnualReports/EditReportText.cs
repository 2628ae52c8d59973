using Gongkai.Core.Data;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.AnnualReports;

/// <summary>
/// Staff write a narrative section of the year's draft (一、总体情况 as drafted by the builder, 五、存在的主要问题及改进情况,
/// 六、其他需要报告的事项). The draft is checked again (R8 compares the narrative with the tables) and goes back to draft.
/// A locked version is not edited: a new version is built first.
/// </summary>
public static class EditReportText
{
    public const int MaxTextLength = 20_000;

    public sealed record Request(Guid AgencyId, int Year, string Key, string Text, string Actor);

    public static async Task<Result<CheckedReport>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var latest = await db.ReportVersions.Where(v => v.AgencyId == request.AgencyId && v.Year == request.Year).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return Problem.NotFound("report.noDraft", "该年度报告还没有草稿，请先生成");
        }

        var report = LockedReports.Read(latest);
        if (!CellKey.TryParse(request.Key, out var key) || !report.Layout.Sections.Any(s => s.TextKey == key))
        {
            return Problem.Invalid("report.unknownSection", $"“{request.Key}”不是年度报告的文字部分（text.overview、text.problems 或 text.other）");
        }

        var text = request.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length > MaxTextLength)
        {
            return Problem.Invalid("report.textTooLong", $"文字不能超过{MaxTextLength}字");
        }

        var texts = report.Texts.ToDictionary(StringComparer.Ordinal);
        texts[request.Key] = text;
        var edited = await ReportCheck.WithPreviousYearAsync(db, request.AgencyId, SaveDraft.WithTexts(report, texts), cancellationToken);
        var before = LockedReports.Summary(latest);
        var rebuilt = latest.Rebuild(latest.Format, LockedReports.Content(edited), edited.ErrorCount, edited.WarningCount, clock.GetUtcNow());
        if (!rebuilt.IsSuccess)
        {
            return rebuilt.Problem.Code == ReportVersion.TransitionNotAllowed
                ? Problem.Conflict("report.locked", "该版本已锁定，不能修改；请先重新生成新版本再修改文字")
                : rebuilt.Problem;
        }

        LockedReports.Audit(db, clock, request.Actor, "report.textEdited", latest, before);
        await db.SaveChangesAsync(cancellationToken);
        return edited;
    }
}
