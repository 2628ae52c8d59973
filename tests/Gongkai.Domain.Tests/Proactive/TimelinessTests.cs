using System.Globalization;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Proactive;
using static Gongkai.Domain.Tests.Proactive.ItemScenario;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Proactive;

/// <summary>条例 Art 26 on the official calendar: 20 working days from the day after formation or change.</summary>
public sealed class TimelinessTests
{
    private static readonly WorkCalendar Calendar = WorkCalendar.Official;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Due dates counted by hand on the notices (regulation-rules.md §12 for the first).
    public static TheoryData<string, string, string> DueDates => new()
    {
        { "2020-09-24", "2020-10-28", "worked example: 09-27 (Sun) and 10-10 (Sat) worked, 10-01..08 off" },
        { "2020-09-30", "2020-11-04", "the last working day before 国庆 2020: all eight days off pass first" },
        { "2020-10-01", "2020-11-04", "formed on a holiday: counting starts after it as after any day" },
        { "2020-09-07", "2020-10-10", "the 20th working day is the adjusted Saturday 10-10" },
        { "2020-08-31", "2020-09-27", "the 20th working day is the adjusted Sunday 09-27" },
        { "2021-02-10", "2021-03-16", "the day before 春节 2021 (02-11..17 off, 02-20 Sat worked)" },
        { "2021-01-19", "2021-02-20", "the 20th working day is the adjusted Saturday 2021-02-20" },
        { "2021-01-11", "2021-02-07", "the 20th working day is the adjusted Sunday 2021-02-07" },
        { "2020-01-22", "2020-02-27", "春节 2020 as extended to 02-02 (国办发明电〔2020〕1号)" },
    };

    [Theory]
    [MemberData(nameof(DueDates))]
    public void For_FormedOn_DueOnThe20thWorkingDayAfter(string formed, string due, string why)
    {
        var t = Ok(Timeliness.For(D(formed), D(due), D(due), Calendar));

        Assert.Equal(D(due), t.Due);
        Assert.True(t.Status == TimelinessStatus.OnTime, why);
    }

    [Fact]
    public void For_DueInAYearWithoutNotice_PendingAndMarkedProvisional()
    {
        // Formed 2026-12-20: the 20th working day is 2027-01-18, counted over 2027's statutory holidays only.
        var t = Timeliness.For(D("2026-12-20"), null, D("2026-12-21"), Calendar).Value;

        Assert.Equal(D("2027-01-18"), t.Due);
        Assert.Equal("应于2027年1月18日前公开，尚余19个工作日（期限暂定：暂按法定节假日计算，待国务院办公厅公布2027年放假安排后更新）", t.Description);
        Assert.Null(Timeliness.For(D("2020-09-24"), null, D("2020-09-25"), Calendar).Value.ProvisionalNote);
    }

    [Fact]
    public void For_WorkedExample_OnTimeBy1028_LateOn1029()
    {
        var onTime = Ok(Timeliness.For(D("2020-09-24"), D("2020-10-28"), D("2021-01-01"), Calendar));
        var late = Ok(Timeliness.For(D("2020-09-24"), D("2020-10-29"), D("2021-01-01"), Calendar));

        Assert.Equal((TimelinessStatus.OnTime, 0, 0), (onTime.Status, onTime.WorkingDaysLate, onTime.DaysLate));
        Assert.Equal((TimelinessStatus.Late, 1, 1), (late.Status, late.WorkingDaysLate, late.DaysLate));
        Assert.Equal("应于2020年10月28日前公开，2020年10月29日公开，逾期1个工作日", late.Description);
        Assert.Equal("应于2020年10月28日前公开，已按时公开", onTime.Description);
    }

    [Theory]
    [InlineData("2020-09-24", TimelinessStatus.OnTime, 0, 0)]   // the day it was formed
    [InlineData("2020-10-08", TimelinessStatus.OnTime, 0, 0)]   // published during the holiday
    [InlineData("2020-10-30", TimelinessStatus.Late, 2, 2)]
    [InlineData("2020-11-02", TimelinessStatus.Late, 3, 5)]     // Monday: the weekend adds calendar days only
    public void For_PublishedOn_StatusAndDaysLate(string published, TimelinessStatus status, int workingDaysLate, int daysLate)
    {
        var t = Ok(Timeliness.For(D("2020-09-24"), D(published), D("2021-01-01"), Calendar));

        Assert.Equal((status, workingDaysLate, daysLate), (t.Status, t.WorkingDaysLate, t.DaysLate));
    }

    [Fact]
    public void For_DueOnAdjustedSaturday_SundayAfterIsLateByNoWorkingDay()
    {
        var formed = D("2020-09-07");

        var saturday = Ok(Timeliness.For(formed, D("2020-10-10"), D("2021-01-01"), Calendar));
        var sunday = Ok(Timeliness.For(formed, D("2020-10-11"), D("2021-01-01"), Calendar));
        var monday = Ok(Timeliness.For(formed, D("2020-10-12"), D("2021-01-01"), Calendar));

        Assert.Equal(TimelinessStatus.OnTime, saturday.Status);
        Assert.Equal((TimelinessStatus.Late, 0, 1), (sunday.Status, sunday.WorkingDaysLate, sunday.DaysLate));
        Assert.Equal("应于2020年10月10日前公开，2020年10月11日公开，逾期1天", sunday.Description);
        Assert.Equal((TimelinessStatus.Late, 1, 2), (monday.Status, monday.WorkingDaysLate, monday.DaysLate));
    }

    [Theory]
    [InlineData("2020-09-24", TimelinessStatus.Pending, 20, 0)]
    [InlineData("2020-10-01", TimelinessStatus.Pending, 15, 0)]  // 国庆: five working days used, fifteen left
    [InlineData("2020-10-28", TimelinessStatus.Pending, 0, 0)]   // the last day itself
    [InlineData("2020-10-29", TimelinessStatus.Overdue, 0, 1)]
    [InlineData("2020-11-02", TimelinessStatus.Overdue, 0, 3)]
    public void For_NotPublished_PendingOrOverdue(string today, TimelinessStatus status, int left, int workingDaysLate)
    {
        var t = Ok(Timeliness.For(D("2020-09-24"), null, D(today), Calendar));

        Assert.Equal((status, left, workingDaysLate), (t.Status, t.WorkingDaysLeft, t.WorkingDaysLate));
        Assert.Null(t.PublishedOn);
    }

    [Fact]
    public void For_Overdue_Description() =>
        Assert.Equal(
            "应于2020年10月28日前公开，尚未公开，已逾期3个工作日",
            Ok(Timeliness.For(D("2020-09-24"), null, D("2020-11-02"), Calendar)).Description);

    [Fact]
    public void For_PublishedBeforeFormed_Refused() =>
        Fails(Timeliness.For(D("2020-09-24"), D("2020-09-23"), D("2020-10-01"), Calendar), Timeliness.PublishedBeforeFormed);

    [Theory]
    [InlineData("2018-12-28")]  // before the calendar
    [InlineData("2100-12-20")]  // due in 2101, past the years the lunisolar calendar computes
    public void For_DatesOutsideTheCalendar_CalendarProblemPassesThrough(string formed) =>
        Fails(Timeliness.For(D(formed), null, D(formed), Calendar), "calendar.yearNotPublished");

    [Fact]
    public void For_Item_JudgesTheWorkingVersion()
    {
        var item = Published(D("2020-10-29"));
        Assert.Equal(TimelinessStatus.Late, Ok(Timeliness.For(item, D("2020-11-30"), Calendar)).Status);

        // A change on 11-02 starts a new period for the new version; the published one does not count for it.
        Ok(item.Apply(new DraftItemUpdate(Author, D("2020-11-02"), At(D("2020-11-02")), Content("更新", D("2020-11-02")))));
        var update = Ok(Timeliness.For(item, D("2020-12-01"), Calendar));

        Assert.Equal((D("2020-11-02"), D("2020-11-30"), TimelinessStatus.Overdue, 1), (update.FormedOn, update.Due, update.Status, update.WorkingDaysLate));
    }

    [Fact]
    public void For_WithdrawnItem_JudgesTheLastPublishedVersion()
    {
        var item = Published();
        Step(item, ItemTrigger.DraftUpdate, D("2020-10-09"));
        Ok(item.Apply(new WithdrawItem(Admin, D("2020-12-31"), At(D("2020-12-31")), "不再适用")));

        var t = Ok(Timeliness.For(item, D("2020-12-31"), Calendar));

        Assert.Equal((Day, Day, TimelinessStatus.OnTime), (t.FormedOn, t.PublishedOn, t.Status));
    }
}
