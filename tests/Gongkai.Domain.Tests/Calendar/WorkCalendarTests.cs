using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

public sealed class WorkCalendarTests
{
    private const string YearNotPublished = "calendar.yearNotPublished";
    private const string InvalidData = "calendar.invalidData";

    private static readonly WorkCalendar Calendar = WorkCalendar.Official;

    /// <summary>
    /// A made-up 2027 notice (no real one exists in the data): 元旦 off 2026-12-31 to 2027-01-02, reaching back into
    /// December as the 2019 and 2023 notices did, and Saturday 2027-01-09 a working day.
    /// </summary>
    private const string Invented2027 = """
        {
          "format": "cn-holidays/1",
          "coverage": { "from": "2026-12-31", "to": "2027-12-31", "years": [2027] },
          "years": [
            {
              "year": 2027,
              "holidays": [
                { "date": "2026-12-31", "weekday": "Thu", "name": "元旦" },
                { "date": "2027-01-01", "weekday": "Fri", "name": "元旦" },
                { "date": "2027-01-02", "weekday": "Sat", "name": "元旦" }
              ],
              "adjustedWorkdays": [
                { "date": "2027-01-09", "weekday": "Sat", "name": "元旦" }
              ]
            }
          ]
        }
        """;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Json(string years) => $$"""{ "format": "cn-holidays/1", "years": [{{years}}] }""";

    private static string Year(int year, string holidays = "", string adjusted = "") =>
        $$"""{ "year": {{year.ToString(CultureInfo.InvariantCulture)}}, "holidays": [{{holidays}}], "adjustedWorkdays": [{{adjusted}}] }""";

    // Dates from the notices, checked by hand (spec/calendar/README.md, regulation-rules.md §12).
    public static TheoryData<string, DayKind, bool, string?> KnownDates => new()
    {
        { "2020-01-19", DayKind.AdjustedWorkday, true, "春节" },     // Sun, 国办发明电〔2019〕16号
        { "2020-02-01", DayKind.Holiday, false, "春节" },            // Sat: was a working day until 国办发明电〔2020〕1号 extended the holiday
        { "2020-02-03", DayKind.Workday, true, null },               // Mon "起正常上班": ordinary, not adjusted
        { "2020-09-24", DayKind.Workday, true, null },               // Thu, the worked example's receipt date
        { "2020-09-26", DayKind.Weekend, false, null },              // ordinary Saturday
        { "2020-09-27", DayKind.AdjustedWorkday, true, "国庆节、中秋节" }, // Sun
        { "2020-10-01", DayKind.Holiday, false, "国庆节、中秋节" },
        { "2020-10-03", DayKind.Holiday, false, "国庆节、中秋节" },    // Sat inside the 10-1..10-8 range
        { "2020-10-10", DayKind.AdjustedWorkday, true, "国庆节、中秋节" }, // Sat
        { "2020-10-11", DayKind.Weekend, false, null },              // ordinary Sunday
        { "2019-04-06", DayKind.Weekend, false, null },              // Sat of 清明 "与周末连休": an ordinary weekend
        { "2022-12-31", DayKind.Holiday, false, "元旦" },             // Sat, fixed by the 2023 notice
        { "2024-02-04", DayKind.AdjustedWorkday, true, "春节" },     // Sun
        { "2024-06-08", DayKind.Weekend, false, null },              // Sat of 端午 "与周末连休"
        { "2024-10-01", DayKind.Holiday, false, "国庆节" },
        { "2019-01-01", DayKind.Holiday, false, "元旦" },             // first covered date
        { "2026-01-01", DayKind.Holiday, false, "元旦" },
        { "2026-01-04", DayKind.AdjustedWorkday, true, "元旦" },     // Sun
        { "2026-12-31", DayKind.Workday, true, null },               // last covered date
    };

    [Theory]
    [MemberData(nameof(KnownDates))]
    public void KindOf_DateFromTheNotices_KindWorkingDayAndName(string date, DayKind kind, bool working, string? name)
    {
        Assert.Equal(kind, Calendar.KindOf(D(date)).Value);
        Assert.Equal(working, Calendar.IsWorkingDay(D(date)).Value);
        Assert.Equal(name, Calendar.HolidayName(D(date)).Value);
    }

    [Fact]
    public void Official_Coverage_WholeYears2019To2026()
    {
        Assert.Equal(new DateOnly(2019, 1, 1), Calendar.FirstDate);
        Assert.Equal(new DateOnly(2026, 12, 31), Calendar.LastDate);
        Assert.Equal([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], Calendar.Years);
        Assert.Same(Calendar, WorkCalendar.Official);
    }

    // regulation-rules.md §12, online application received Thursday 2020-09-24.
    public static TheoryData<string, int, string> WorkedExample => new()
    {
        { "2020-09-24", 20, "2020-10-28" }, // reply deadline, Art 33
        { "2020-10-28", 20, "2020-11-25" }, // extended deadline, Art 33
        { "2020-09-24", 7, "2020-10-10" },  // 补正 notice, Art 30: an adjusted Saturday
        { "2020-09-24", 15, "2020-10-21" }, // third party, Art 32
        { "2020-09-23", 20, "2020-10-27" }, // the §12 comparison row "receipt day counted as day 1"
        { "2020-09-24", 2, "2020-09-27" },  // day 2 is the adjusted Sunday
        { "2020-09-24", 6, "2020-10-09" },  // day 6 is the first day after the holiday
    };

    [Theory]
    [MemberData(nameof(WorkedExample))]
    public void AddWorkingDays_WorkedExample_DeadlineOfTheSpec(string start, int days, string expected)
    {
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), days).Value);
        Assert.Equal(days, Calendar.WorkingDaysBetween(D(start), D(expected)).Value);
    }

    [Theory]
    [InlineData("2020-09-24", "2020-09-24")]
    [InlineData("2020-09-26", "2020-09-26")]
    [InlineData("2020-10-01", "2020-10-01")]
    public void AddWorkingDays_Zero_StartEvenWhenNotAWorkingDay(string start, string expected) =>
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), 0).Value);

    [Theory]
    [InlineData("2020-09-26", 1, "2020-09-27")] // from an ordinary Saturday to the adjusted Sunday
    [InlineData("2020-09-30", 1, "2020-10-09")] // over the eight-day holiday
    [InlineData("2020-10-01", 1, "2020-10-09")] // from inside the holiday
    [InlineData("2020-01-23", 1, "2020-02-03")] // over the extended Spring Festival 2020 (2-1 no longer a working day)
    [InlineData("2026-12-30", 1, "2026-12-31")] // the last covered day
    [InlineData("2019-01-01", 1, "2019-01-02")] // from the first covered day
    public void AddWorkingDays_AcrossHolidaysAndWeekends_NextWorkingDay(string start, int days, string expected) =>
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), days).Value);

    [Theory]
    [InlineData("2020-09-24", "2020-10-28", 20)]
    [InlineData("2020-10-28", "2020-09-24", -20)]
    [InlineData("2020-09-24", "2020-09-24", 0)]
    [InlineData("2020-10-01", "2020-10-08", 0)]  // nothing but holiday in between
    [InlineData("2020-09-30", "2020-10-09", 1)]
    [InlineData("2020-09-24", "2020-10-27", 19)]
    [InlineData("2020-09-25", "2020-09-26", 0)]  // end on a weekend: still the count AddWorkingDays needs to stay <= end
    [InlineData("2019-01-01", "2026-12-31", 1994)] // every working day covered (2019-01-01 itself is 元旦)
    public void WorkingDaysBetween_Dates_CountOfHalfOpenInterval(string start, string end, int expected) =>
        Assert.Equal(expected, Calendar.WorkingDaysBetween(D(start), D(end)).Value);

    [Fact]
    public void AddWorkingDays_NegativeCount_Problem()
    {
        var result = Calendar.AddWorkingDays(D("2020-09-24"), -1);

        Assert.Equal("calendar.negativeDays", result.Problem.Code);
        Assert.Equal("工作日数不能为负数（-1）", result.Problem.Message);
    }

    [Fact]
    public void KindOf_AfterLastDate_ProvisionalFromTheStatutoryHolidays()
    {
        Assert.Equal(DayKind.Workday, Calendar.KindOf(D("2027-01-04")).Value);
        Assert.Equal(DayKind.Holiday, Calendar.KindOf(D("2027-01-01")).Value);
        Assert.Equal("元旦", Calendar.HolidayName(D("2027-01-01")).Value);
        Assert.True(Calendar.IsProvisional(D("2027-01-04")));
        Assert.False(Calendar.IsProvisional(D("2026-12-31")));
    }

    [Fact]
    public void KindOf_BeforeFirstDate_YearNotPublishedNamingTheYear()
    {
        var result = Calendar.KindOf(D("2018-12-31"));

        Assert.Equal(YearNotPublished, result.Problem.Code);
        Assert.Equal("2018年的节假日安排不在日历中（日历覆盖2019年1月1日至2100年12月31日），无法计算工作日", result.Problem.Message);
    }

    public static TheoryData<string> OutsideDates => ["2018-12-31", "2101-01-03", "0001-01-01", "9999-12-31"];

    [Theory]
    [MemberData(nameof(OutsideDates))]
    public void EveryQuery_DateOutsideTheCalendar_YearNotPublished(string date)
    {
        var outside = D(date);
        var inside = D("2020-09-24");

        Assert.Equal(YearNotPublished, Calendar.KindOf(outside).Problem.Code);
        Assert.Equal(YearNotPublished, Calendar.IsWorkingDay(outside).Problem.Code);
        Assert.Equal(YearNotPublished, Calendar.HolidayName(outside).Problem.Code);
        Assert.Equal(YearNotPublished, Calendar.AddWorkingDays(outside, 0).Problem.Code);
        Assert.Equal(YearNotPublished, Calendar.AddWorkingDays(outside, 5).Problem.Code);
        Assert.Equal(YearNotPublished, Calendar.WorkingDaysBetween(outside, inside).Problem.Code);
        Assert.Equal(YearNotPublished, Calendar.WorkingDaysBetween(inside, outside).Problem.Code);
    }

    [Fact]
    public void AddWorkingDays_RunningPastLastDate_ProvisionalNotRefused()
    {
        var result = Calendar.AddWorkingDays(D("2026-12-20"), 20);

        Assert.Equal(D("2027-01-18"), result.Value);
        Assert.True(Calendar.IsProvisional(result.Value));
    }

    [Fact]
    public void AddWorkingDays_RunningPastEndDate_YearNotPublished()
    {
        var result = Calendar.AddWorkingDays(D("2100-12-20"), 20);

        Assert.Equal(YearNotPublished, result.Problem.Code);
        Assert.Equal("自2100年12月20日起第20个工作日超出了日历范围（日历覆盖2019年1月1日至2100年12月31日），无法计算工作日", result.Problem.Message);
    }

    [Theory]
    [InlineData("2100-12-31", 1)]
    [InlineData("2019-01-01", 30_000)]
    [InlineData("2020-09-24", int.MaxValue)]
    public void AddWorkingDays_OneDayTooMany_YearNotPublished(string start, int days) =>
        Assert.Equal(YearNotPublished, Calendar.AddWorkingDays(D(start), days).Problem.Code);

    [Fact]
    public void With_New2027Notice_ExtendsCoverageAndChangesAnswers()
    {
        var extended = Calendar.With(Invented2027).Value;

        Assert.Equal(new DateOnly(2019, 1, 1), extended.FirstDate);
        Assert.Equal(new DateOnly(2027, 12, 31), extended.LastDate);
        Assert.Equal([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027], extended.Years);

        // Before: provisional. After: fixed by the notice, including the December date the new notice reaches back to.
        Assert.Equal(DayKind.Workday, extended.KindOf(D("2027-01-04")).Value);
        Assert.Equal(DayKind.AdjustedWorkday, extended.KindOf(D("2027-01-09")).Value);
        Assert.Equal(DayKind.Holiday, extended.KindOf(D("2026-12-31")).Value);
        Assert.Equal("元旦", extended.HolidayName(D("2026-12-31")).Value);
        Assert.Equal(D("2027-01-18"), extended.AddWorkingDays(D("2026-12-20"), 20).Value);
        Assert.Equal(D("2026-12-30"), extended.AddWorkingDays(D("2026-12-29"), 1).Value);
        Assert.Equal(D("2027-01-04"), extended.AddWorkingDays(D("2026-12-30"), 1).Value);

        // The official calendar is immutable and keeps its answers (2027 from the rule: 01-09 an ordinary Saturday).
        Assert.Equal(DayKind.Workday, Calendar.KindOf(D("2026-12-31")).Value);
        Assert.Equal(DayKind.Weekend, Calendar.KindOf(D("2027-01-09")).Value);
        Assert.True(Calendar.IsProvisional(D("2027-01-04")));
        Assert.Equal(new DateOnly(2026, 12, 31), Calendar.LastDate);
    }

    [Fact]
    public void With_YearAlreadyPresent_ReplacesThatYear()
    {
        // A corrected 2020 notice with only 元旦: the National Day holiday and its adjusted days are gone.
        var corrected = Calendar.With(Json(Year(2020, """{ "date": "2020-01-01", "name": "元旦" }"""))).Value;

        Assert.Equal(DayKind.Workday, corrected.KindOf(D("2020-10-01")).Value);
        Assert.Equal(DayKind.Weekend, corrected.KindOf(D("2020-09-27")).Value);
        Assert.Equal(DayKind.Holiday, corrected.KindOf(D("2020-01-01")).Value);
        Assert.Equal(DayKind.Holiday, corrected.KindOf(D("2021-10-01")).Value);
        Assert.Equal(Calendar.Years, corrected.Years);
    }

    [Fact]
    public void With_YearAfterAGap_InvalidDataNamingTheMissingYear()
    {
        var result = Calendar.With(Json(Year(2028)));

        Assert.Equal(InvalidData, result.Problem.Code);
        Assert.Equal("日历数据无效：年份不连续：有2026年和2028年，缺少2027年的安排", result.Problem.Message);
    }

    [Fact]
    public void FromJson_OneYear_CoversThatYearOnly()
    {
        var only2027 = WorkCalendar.FromJson(Invented2027).Value;

        Assert.Equal(new DateOnly(2027, 1, 1), only2027.FirstDate);
        Assert.Equal(new DateOnly(2027, 12, 31), only2027.LastDate);
        Assert.Equal(YearNotPublished, only2027.KindOf(D("2026-12-31")).Problem.Code);
        Assert.Equal(DayKind.Holiday, only2027.KindOf(D("2027-01-01")).Value);
    }

    public static TheoryData<string, string> InvalidFiles => new()
    {
        { "not json", "日历数据无效：不是有效的 JSON，第1行第2个字节附近出错" },
        { """{ "format": "cn-holidays/1", "years": [ }""", "日历数据无效：不是有效的 JSON，第1行" },
        { "[]", "日历数据无效：顶层应为 JSON 对象，实际为 Array" },
        { """{ "years": [] }""", "日历数据无效：缺少字符串字段 format（应为「cn-holidays/1」）" },
        { """{ "format": "cn-holidays/2", "years": [] }""", "日历数据无效：format 应为「cn-holidays/1」，实际为「cn-holidays/2」" },
        { """{ "format": "cn-holidays/1" }""", "日历数据无效：缺少数组字段 years" },
        { Json(""), "日历数据无效：years 是空数组，没有任何年份的安排" },
        { Json("""{ "holidays": [], "adjustedWorkdays": [] }"""), "日历数据无效：years[0].year 缺少或不是整数" },
        { Json("""{ "year": "2027", "holidays": [], "adjustedWorkdays": [] }"""), "日历数据无效：years[0].year 缺少或不是整数" },
        { Json(Year(1800)), "日历数据无效：years[0].year 为1800，超出可接受的范围（1900至2999）" },
        { Json("""{ "year": 2027, "holidays": [] }"""), "日历数据无效：缺少数组字段 years[0].adjustedWorkdays（没有这类日期时写空数组 []）" },
        { Json(Year(2027, """{ "date": "2027-02-30", "name": "春节" }""")), "日历数据无效：years[0].holidays[0].date「2027-02-30」不是 YYYY-MM-DD 格式的有效日期" },
        { Json(Year(2027, """{ "date": "2027/2/3", "name": "春节" }""")), "日历数据无效：years[0].holidays[0].date「2027/2/3」不是 YYYY-MM-DD 格式的有效日期" },
        { Json(Year(2027, """{ "name": "春节" }""")), "日历数据无效：years[0].holidays[0].date 缺少或不是字符串" },
        { Json(Year(2027, """{ "date": "2027-02-08" }""")), "日历数据无效：years[0].holidays[0].name 缺少或为空（应为节日名称，如「春节」）" },
        { Json(Year(2027, """{ "date": "2026-06-01", "name": "端午节" }""")), "日历数据无效：years[0].holidays[0].date 2026-06-01 不属于2027年的通知（只能是2027年或2026年12月的日期）" },
        { Json(Year(2027, """{ "date": "2027-01-01", "weekday": "Thu", "name": "元旦" }""")), "日历数据无效：years[0].holidays[0].weekday「Thu」与日期不符：2027-01-01 是 Fri" },
        { Json(Year(2027, adjusted: """{ "date": "2027-01-04", "name": "元旦" }""")), "日历数据无效：years[0].adjustedWorkdays[0]：2027-01-04 是 Mon，调休上班日只能是星期六或星期日" },
        {
            Json(Year(2027, """{ "date": "2027-01-02", "name": "元旦" }""", """{ "date": "2027-01-02", "name": "元旦" }""")),
            "日历数据无效：years[0].adjustedWorkdays[0]：2027-01-02 在2027年的安排里重复出现（已见于 years[0].holidays[0]）"
        },
        { Json(Year(2027) + ", " + Year(2027)), "日历数据无效：years 里2027年出现了不止一次" },
        { Json(Year(2025) + ", " + Year(2027)), "日历数据无效：年份不连续：有2025年和2027年，缺少2026年的安排" },
        {
            """{ "format": "cn-holidays/1", "coverage": { "years": [2026, 2027] }, "years": [{ "year": 2027, "holidays": [], "adjustedWorkdays": [] }] }""",
            "日历数据无效：coverage.years（2026、2027）与 years 里的年份（2027）不一致"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void FromJson_InvalidFile_InvalidDataWithPreciseMessage(string json, string expectedStart)
    {
        var result = WorkCalendar.FromJson(json);

        Assert.Equal(InvalidData, result.Problem.Code);
        Assert.StartsWith(expectedStart, result.Problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "format": "cn-holidays/2", "years": [] }""")]
    [InlineData("""{ "format": "cn-holidays/1", "years": [{ "year": 2027, "holidays": [{ "date": "2027-13-01", "name": "元旦" }], "adjustedWorkdays": [] }] }""")]
    public void With_InvalidFile_InvalidDataAndNoCalendar(string json)
    {
        var result = Calendar.With(json);

        Assert.Equal(InvalidData, result.Problem.Code);
        Assert.StartsWith("日历数据无效：", result.Problem.Message, StringComparison.Ordinal);
    }
}
