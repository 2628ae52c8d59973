using Gongkai.Core.Features.AnnualReports;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.AnnualReports;

/// <summary>A report locks only with 一 drafted and 五 and 六 written; the refusal names what is missing; the check step.</summary>
public sealed class LockTextTests
{
    private const string Problems = "五、存在的主要问题及改进情况";
    private const string Other = "六、其他需要报告的事项";
    private const string Overview = "一、总体情况";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2022, 1, 10, 2, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Lock_SectionsEmpty_RefusedNamingEach_ThenLockedOnceWritten(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var agency = Agency.Create("某区某局").Value;
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(Ct);
        Assert.True((await SaveDraft.HandleAsync(db, WorkCalendar.Official, Clock, new SaveDraft.Request(agency.Id, 2021, null, "t"), Ct)).IsSuccess);

        Task<Result<LockReport.Response>> LockAsync() =>
            LockReport.HandleAsync(db, WorkCalendar.Official, Clock, new LockReport.Request(agency.Id, 2021, null, "t"), Ct);
        async Task WriteAsync(string key, string text) =>
            Assert.True((await EditReportText.HandleAsync(db, Clock, new EditReportText.Request(agency.Id, 2021, key, text, "t"), Ct)).IsSuccess);

        // The builder drafted 一; 五 and 六 are empty.
        var both = await LockAsync();
        Assert.Equal(LockRequirements.TextMissing, both.Problem.Code);
        Assert.Equal(ProblemKind.Invalid, both.Problem.Kind);
        Assert.Contains(Problems, both.Problem.Message, StringComparison.Ordinal);
        Assert.Contains(Other, both.Problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Overview, both.Problem.Message, StringComparison.Ordinal);

        await WriteAsync("text.problems", "依申请公开答复文书格式有待统一，下一步将制定范本。");
        var other = await LockAsync();
        Assert.Equal(LockRequirements.TextMissing, other.Problem.Code);
        Assert.DoesNotContain(Problems, other.Problem.Message, StringComparison.Ordinal);
        Assert.Contains(Other, other.Problem.Message, StringComparison.Ordinal);

        await WriteAsync("text.other", "无");
        await WriteAsync("text.overview", "   ");
        var overview = await LockAsync();
        Assert.Equal(LockRequirements.TextMissing, overview.Problem.Code);
        Assert.Contains(Overview, overview.Problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Other, overview.Problem.Message, StringComparison.Ordinal);
        Assert.Equal(ReportStage.Draft, (await db.ReportVersions.AsNoTracking().SingleAsync(Ct)).Stage);

        await WriteAsync("text.overview", "2021年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。");
        var locked = await LockAsync();
        Assert.True(locked.IsSuccess, locked.IsSuccess ? "" : locked.Problem.Message);
        Assert.Equal(ReportStage.Locked, locked.Value.Version.Stage);
        Assert.Equal("无", LockedReports.Read(locked.Value.Version).Text(Domain.AnnualReports.CellKey.OtherMatters));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Check_WithoutTexts_Checked_AnEditTakesItBackToDraft(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var agency = Agency.Create("某区某局").Value;
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(Ct);
        var noDraft = await CheckDraft.HandleAsync(db, WorkCalendar.Official, Clock, new CheckDraft.Request(agency.Id, 2021, null, "t"), Ct);
        Assert.Equal("report.noDraft", noDraft.Problem.Code);
        Assert.True((await SaveDraft.HandleAsync(db, WorkCalendar.Official, Clock, new SaveDraft.Request(agency.Id, 2021, null, "t"), Ct)).IsSuccess);

        var checkedDraft = await CheckDraft.HandleAsync(db, WorkCalendar.Official, Clock, new CheckDraft.Request(agency.Id, 2021, null, "checker"), Ct);

        Assert.True(checkedDraft.IsSuccess, checkedDraft.IsSuccess ? "" : checkedDraft.Problem.Message);
        var stored = await db.ReportVersions.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(ReportStage.Checked, stored.Stage);
        Assert.Equal(Clock.GetUtcNow(), stored.CheckedAt);
        Assert.Null(stored.ContentHash);
        Assert.Contains(await db.AuditEntries.AsNoTracking().Select(e => e.Action).ToListAsync(Ct), a => a == "report.checked");

        Assert.True((await EditReportText.HandleAsync(db, Clock, new EditReportText.Request(agency.Id, 2021, "text.other", "无", "t"), Ct)).IsSuccess);
        Assert.Equal(ReportStage.Draft, (await db.ReportVersions.AsNoTracking().SingleAsync(Ct)).Stage);
    }
}
