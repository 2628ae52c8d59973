using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Tests.AnnualReports.Lifecycle;

public sealed class ReportVersionTests
{
    private static readonly DateTimeOffset At = new(2021, 1, 10, 2, 0, 0, TimeSpan.Zero);

    private static ReportVersion InStage(ReportStage stage)
    {
        var version = ReportVersion.Draft(Guid.NewGuid(), 2020, 1, ReportFormat.V2019, "{\"cells\":{}}", 0, 0, At);
        if (stage >= ReportStage.Checked)
        {
            Assert.True(version.Check(0, 0, null, At).IsSuccess);
        }

        if (stage >= ReportStage.Locked)
        {
            Assert.True(version.Lock("t", At).IsSuccess);
        }

        if (stage >= ReportStage.Published)
        {
            Assert.True(version.Publish(new DateOnly(2021, 1, 20)).IsSuccess);
        }

        return version;
    }

    private static Result<ReportVersion> Apply(ReportVersion version, ReportTrigger trigger) => trigger switch
    {
        ReportTrigger.Rebuild => version.Rebuild(ReportFormat.V2019, "{\"cells\":{\"x\":1}}", 0, 0, At),
        ReportTrigger.Check => version.Check(0, 0, null, At),
        ReportTrigger.Lock => version.Lock("t", At),
        ReportTrigger.Publish => version.Publish(new DateOnly(2021, 1, 25)),
        _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
    };

    /// <summary>Every (stage, trigger) pair: the allowed ones move to the stage given, every other is the same typed error.</summary>
    [Theory]
    [InlineData(ReportStage.Draft, ReportTrigger.Rebuild, ReportStage.Draft)]
    [InlineData(ReportStage.Draft, ReportTrigger.Check, ReportStage.Checked)]
    [InlineData(ReportStage.Draft, ReportTrigger.Lock, null)]
    [InlineData(ReportStage.Draft, ReportTrigger.Publish, null)]
    [InlineData(ReportStage.Checked, ReportTrigger.Rebuild, ReportStage.Draft)]
    [InlineData(ReportStage.Checked, ReportTrigger.Check, ReportStage.Checked)]
    [InlineData(ReportStage.Checked, ReportTrigger.Lock, ReportStage.Locked)]
    [InlineData(ReportStage.Checked, ReportTrigger.Publish, null)]
    [InlineData(ReportStage.Locked, ReportTrigger.Rebuild, null)]
    [InlineData(ReportStage.Locked, ReportTrigger.Check, null)]
    [InlineData(ReportStage.Locked, ReportTrigger.Lock, null)]
    [InlineData(ReportStage.Locked, ReportTrigger.Publish, ReportStage.Published)]
    [InlineData(ReportStage.Published, ReportTrigger.Rebuild, null)]
    [InlineData(ReportStage.Published, ReportTrigger.Check, null)]
    [InlineData(ReportStage.Published, ReportTrigger.Lock, null)]
    [InlineData(ReportStage.Published, ReportTrigger.Publish, null)]
    public void Transition_EveryStageAndTrigger_AsTheTableSays(ReportStage from, ReportTrigger trigger, ReportStage? to)
    {
        var version = InStage(from);
        var content = version.Content;
        var result = Apply(version, trigger);
        if (to is { } expected)
        {
            Assert.True(result.IsSuccess, result.ToString());
            Assert.Equal(expected, version.Stage);
        }
        else
        {
            Assert.Equal(ReportVersion.TransitionNotAllowed, result.Problem.Code);
            Assert.Equal(from, version.Stage);
            Assert.Equal(content, version.Content);
        }
    }

    [Fact]
    public void Check_WithErrors_RefusedAndStaysDraft()
    {
        var version = InStage(ReportStage.Draft);
        Assert.Equal("report.hasErrors", version.Check(2, 0, "whatever", At).Problem.Code);
        Assert.Equal(ReportStage.Draft, version.Stage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_WarningsWithoutNote_Refused(string? note)
    {
        var version = InStage(ReportStage.Draft);
        Assert.Equal("report.warningsNotAcknowledged", version.Check(0, 1, note, At).Problem.Code);
    }

    [Fact]
    public void Check_WarningsWithNote_CheckedAndNoteKept()
    {
        var version = InStage(ReportStage.Draft);
        Assert.True(version.Check(0, 1, " 上年报告将更正 ", At).IsSuccess);
        Assert.Equal("上年报告将更正", version.Acknowledgement);
    }

    [Fact]
    public void Lock_FixesTheHashOfTheContent_AndDetectsAChange()
    {
        var version = InStage(ReportStage.Locked);
        Assert.Equal(ReportVersion.Hash("{\"cells\":{}}"), version.ContentHash);
        Assert.Equal(64, version.ContentHash!.Length);
        Assert.True(version.HashMatches);

        // What a forged row would look like when read back: same hash, other content.
        var forged = typeof(ReportVersion).GetProperty(nameof(ReportVersion.Content))!;
        forged.SetValue(version, "{\"cells\":{\"x\":2}}");
        Assert.False(version.HashMatches);
    }

    [Theory]
    [InlineData(2020, ReportLevel.Department, "2021-01-31")]
    [InlineData(2020, ReportLevel.Government, "2021-03-31")]
    [InlineData(2023, ReportLevel.Department, "2024-01-31")]
    public void PublicationDeadline_Article49(int year, ReportLevel level, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), PublicationDeadline.For(year, level));

    /// <summary>条例 Art 49: due 31 January 2021 for a department's 2020 report; the day itself is in time.</summary>
    [Theory]
    [InlineData(null, "2021-01-31", ReportStatus.NotStarted, false, "未开始")]
    [InlineData(null, "2021-02-01", ReportStatus.NotStarted, true, "逾期（未开始）")]
    [InlineData(ReportStage.Draft, "2021-01-15", ReportStatus.Draft, false, "草稿")]
    [InlineData(ReportStage.Draft, "2021-02-01", ReportStatus.Draft, true, "逾期（草稿）")]
    [InlineData(ReportStage.Checked, "2021-01-15", ReportStatus.Checked, false, "已检查")]
    [InlineData(ReportStage.Checked, "2022-03-01", ReportStatus.Checked, true, "逾期（已检查）")]
    [InlineData(ReportStage.Locked, "2021-01-31", ReportStatus.Locked, false, "已定稿")]
    [InlineData(ReportStage.Locked, "2021-02-01", ReportStatus.Locked, true, "逾期（已定稿）")]
    [InlineData(ReportStage.Published, "2022-06-01", ReportStatus.Published, false, "已公开")]
    public void Standing_FromVersionsAndToday(ReportStage? stage, string today, ReportStatus expectedStage, bool overdue, string label)
    {
        var versions = stage is { } s ? new[] { InStage(s) } : [];
        var standing = ReportStanding.Of(versions, new DateOnly(2021, 1, 31), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expectedStage, standing.Stage);
        Assert.Equal(overdue, standing.Overdue);
        Assert.Equal(overdue ? ReportStatus.Overdue : expectedStage, standing.Status);
        Assert.Equal(label, standing.Label);
        Assert.False(standing.PublishedLate);
    }

    [Theory]
    [InlineData("2021-01-31", false, "已公开")]
    [InlineData("2021-02-01", true, "已公开（逾期公开）")]
    public void Standing_PublishedOnOrAfterTheDueDate_LateOnlyAfter(string publishedOn, bool late, string label)
    {
        var version = InStage(ReportStage.Locked);
        Assert.True(version.Publish(DateOnly.Parse(publishedOn, System.Globalization.CultureInfo.InvariantCulture)).IsSuccess);
        var standing = ReportStanding.Of([version], new DateOnly(2021, 1, 31), new DateOnly(2021, 6, 1));
        Assert.Equal(ReportStatus.Published, standing.Status);
        Assert.False(standing.Overdue);
        Assert.Equal(late, standing.PublishedLate);
        Assert.Equal(label, standing.Label);
    }

    [Fact]
    public void Standing_Steps_StartedFromTheFirstVersionTheRestFromTheStandingOne()
    {
        var first = InStage(ReportStage.Locked); // started, checked and locked at 2021-01-10T02:00Z (10 January in Beijing)
        var later = new DateTimeOffset(2021, 1, 20, 17, 0, 0, TimeSpan.Zero); // already 21 January in Beijing
        var second = ReportVersion.Draft(first.AgencyId, 2020, 2, ReportFormat.V2019, "{}", 0, 0, later);
        Assert.True(second.Check(0, 0, null, later).IsSuccess);

        var steps = ReportStanding.Of([first, second], new DateOnly(2021, 1, 31), new DateOnly(2021, 1, 25)).Steps;

        Assert.Equal(new ReportSteps(new DateOnly(2021, 1, 10), new DateOnly(2021, 1, 21), null, null), steps);
        Assert.Equal(ReportSteps.None, ReportStanding.Of([], new DateOnly(2021, 1, 31), new DateOnly(2021, 1, 25)).Steps);
    }

    [Fact]
    public void Standing_PublishedThenANewDraft_StillPublished()
    {
        var published = InStage(ReportStage.Published);
        var correction = ReportVersion.Draft(published.AgencyId, 2020, 2, ReportFormat.V2019, "{}", 0, 0, At);
        var standing = ReportStanding.Of([correction, published], new DateOnly(2021, 1, 31), new DateOnly(2021, 5, 1));
        Assert.Equal(ReportStatus.Published, standing.Status);
        Assert.Same(published, standing.Version);
        Assert.False(standing.PublishedLate);
    }
}
