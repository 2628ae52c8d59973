using System.Globalization;
using System.Text;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Calendar;

/// <summary>What a date is on the official calendar.</summary>
public enum DayKind
{
    /// <summary>Monday to Friday, not a day off.</summary>
    Workday,

    /// <summary>An ordinary Saturday or Sunday (including the weekend next to a "与周末连休" holiday).</summary>
    Weekend,

    /// <summary>A day inside a notice's 放假 or 放假调休 range, whatever weekday it falls on.</summary>
    Holiday,

    /// <summary>A Saturday or Sunday the notice declares a working day (调休上班).</summary>
    AdjustedWorkday,
}

/// <summary>
/// Working days (工作日) on China's official calendar: Monday–Friday, minus the State Council's days off, plus the
/// weekend days it declares working days (spec/calendar/README.md). The notice years run from <see cref="FirstDate"/>
/// (1 January of the first) to <see cref="LastDate"/> (31 December of the last), both inclusive. After them, up to
/// <see cref="EndDate"/>, a year without a notice is computed from the statutory holidays (<see cref="ProvisionalYear"/>)
/// and never refused: a date there is <see cref="IsProvisional"/>, and callers show it so. Before
/// <see cref="FirstDate"/> the answer is the <c>calendar.yearNotPublished</c> problem. Immutable; every query is O(1)
/// array lookups.
/// </summary>
public sealed class WorkCalendar
{
    internal const string YearNotPublished = "calendar.yearNotPublished";
    internal const string NegativeDays = "calendar.negativeDays";
    private const string ResourceName = "Gongkai.Domain.Calendar.cn-holidays.json";

    private static readonly Lazy<WorkCalendar> OfficialCalendar = new(LoadOfficial);

    private readonly SortedDictionary<int, NoticeYear> _notices;
    private readonly int _firstDayNumber;
    private readonly DayKind[] _kinds;
    private readonly string?[] _names;

    // _workingDaysThrough[i] = working days in FirstDate .. FirstDate + i, both inclusive.
    private readonly int[] _workingDaysThrough;

    // _workingDayNumbers[k - 1] = DateOnly.DayNumber of the k-th working day on or after FirstDate.
    private readonly int[] _workingDayNumbers;

    private WorkCalendar(SortedDictionary<int, NoticeYear> notices)
    {
        _notices = notices;
        Years = Array.AsReadOnly(notices.Keys.ToArray());
        FirstDate = new DateOnly(notices.Keys.First(), 1, 1);
        LastDate = new DateOnly(notices.Keys.Last(), 12, 31);

        // After the last notice, the years the law alone decides (ProvisionalYear), as far as they can be computed.
        var lastNoticeYear = notices.Keys.Last();
        EndDate = new DateOnly(ProvisionalYear.IsComputable(lastNoticeYear + 1) ? ProvisionalYear.LastComputableYear : lastNoticeYear, 12, 31);
        _firstDayNumber = FirstDate.DayNumber;
        var length = EndDate.DayNumber - _firstDayNumber + 1;

        _kinds = new DayKind[length];
        _names = new string?[length];
        for (var i = 0; i < length; i++)
        {
            _kinds[i] = DateOnly.FromDayNumber(_firstDayNumber + i).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
                ? DayKind.Weekend
                : DayKind.Workday;
        }

        for (var year = LastDate.Year + 1; year <= EndDate.Year; year++)
        {
            Mark(ProvisionalYear.For(year).Holidays, DayKind.Holiday);
        }

        // Ascending notice years, so a later notice that touches late December of the year before (as the 2023
        // notice does 2022-12-31) has the last word. Dates before FirstDate (2018-12-29..31 in the 2019 notice)
        // fall outside the whole-year range and are not indexed.
        foreach (var notice in notices.Values)
        {
            Mark(notice.Holidays, DayKind.Holiday);
            Mark(notice.AdjustedWorkdays, DayKind.AdjustedWorkday);
        }

        _workingDaysThrough = new int[length];
        var workingDayNumbers = new List<int>(length);
        for (var i = 0; i < length; i++)
        {
            if (_kinds[i] is DayKind.Workday or DayKind.AdjustedWorkday)
            {
                workingDayNumbers.Add(_firstDayNumber + i);
            }

            _workingDaysThrough[i] = workingDayNumbers.Count;
        }

        _workingDayNumbers = [.. workingDayNumbers];
    }

    /// <summary>The embedded official data (notice years 2019–2026), read once.</summary>
    public static WorkCalendar Official => OfficialCalendar.Value;

    /// <summary>The first covered date, 1 January of the first notice year (inclusive).</summary>
    public DateOnly FirstDate { get; }

    /// <summary>The last date a notice fixes, 31 December of the last notice year (inclusive); later dates are provisional.</summary>
    public DateOnly LastDate { get; }

    /// <summary>
    /// The last date anything can be computed for (inclusive): 31 December 2100, the end of the lunisolar calendar
    /// the provisional years need; <see cref="LastDate"/> for a calendar whose notices end before 2013.
    /// </summary>
    public DateOnly EndDate { get; }

    /// <summary>
    /// Whether a date lies in a year no notice has arranged yet, so that whether it is a working day, and every date
    /// counted over it, may still change. A deadline is provisional when it is; a count of days between two dates when
    /// the later one is.
    /// </summary>
    public bool IsProvisional(DateOnly date) => date > LastDate;

    /// <summary>
    /// The mark a provisional date carries wherever it is shown (spec/calendar/README.md), e.g.
    /// “暂按法定节假日计算，待国务院办公厅公布2027年放假安排后更新”; null for a date the notices fix.
    /// </summary>
    public string? ProvisionalNote(DateOnly date)
    {
        if (!IsProvisional(date))
        {
            return null;
        }

        var first = LastDate.Year + 1;
        var years = first == date.Year ? Year(first) : $"{Year(first)}年至{Year(date.Year)}";
        return $"暂按法定节假日计算，待国务院办公厅公布{years}年放假安排后更新";
    }

    /// <summary>What the calendar covers, for start-up lines and explanations (years of notices, then the provisional rule).</summary>
    public string CoverageDescription =>
        $"{Year(Years[0])}年至{Year(Years[^1])}年按国务院办公厅放假通知"
        + (EndDate > LastDate ? $"；{Year(LastDate.Year + 1)}年起暂按法定节假日计算（《全国年节及纪念日放假办法》），待通知公布后更新" : "");

    /// <summary>The notice years covered, ascending and without gaps.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>A calendar from a <c>cn-holidays/1</c> file; <c>calendar.invalidData</c> when the file is not one.</summary>
    public static Result<WorkCalendar> FromJson(string json) =>
        CalendarData.Parse(json).Bind(years => Create(new SortedDictionary<int, NoticeYear>(years.ToDictionary(y => y.Year))));

    /// <summary>
    /// This calendar plus the years of another <c>cn-holidays/1</c> file (a new year's notice, loaded without a code
    /// change). A year already present is replaced by the file's. The years must stay contiguous.
    /// </summary>
    public Result<WorkCalendar> With(string json) =>
        CalendarData.Parse(json).Bind(years =>
        {
            var merged = new SortedDictionary<int, NoticeYear>(_notices);
            foreach (var year in years)
            {
                merged[year.Year] = year;
            }

            return Create(merged);
        });

    public Result<DayKind> KindOf(DateOnly date) =>
        TryIndex(date, out var i) ? _kinds[i] : NotCovered(date);

    public Result<bool> IsWorkingDay(DateOnly date) =>
        TryIndex(date, out var i) ? _kinds[i] is DayKind.Workday or DayKind.AdjustedWorkday : NotCovered(date);

    /// <summary>The notice's holiday name (春节, 国庆节、中秋节 …) for a holiday or an adjusted working day; null for any other day.</summary>
    public Result<string?> HolidayName(DateOnly date) =>
        TryIndex(date, out var i) ? _names[i] : NotCovered(date);

    /// <summary>
    /// The Nth working day after <paramref name="start"/>. The start date itself is never counted, working day or
    /// not (民法典 Art 201: "开始的当日不计入，自下一日开始计算"), so day 1 is the first working day after it;
    /// <paramref name="days"/> = 0 gives <paramref name="start"/> unchanged. A negative count, a start outside the
    /// calendar or a result after <see cref="EndDate"/> is a problem; a result after <see cref="LastDate"/> is provisional.
    /// </summary>
    public Result<DateOnly> AddWorkingDays(DateOnly start, int days)
    {
        if (!TryIndex(start, out var i))
        {
            return NotCovered(start);
        }

        if (days <= 0)
        {
            return days == 0 ? start : Negative(days);
        }

        var before = _workingDaysThrough[i];
        if (days > _workingDayNumbers.Length - before)
        {
            return PastEnd(start, days);
        }

        return DateOnly.FromDayNumber(_workingDayNumbers[before + days - 1]);
    }

    /// <summary>
    /// The number of working days in (<paramref name="start"/>, <paramref name="end"/>]: after start, up to and
    /// including end. It is the largest n with AddWorkingDays(start, n) ≤ end, so
    /// WorkingDaysBetween(d, AddWorkingDays(d, n)) == n. It is 0 when end == start or when no working day lies in
    /// between; when end &lt; start it is minus the count of (end, start]. Both dates must be covered.
    /// </summary>
    public Result<int> WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        if (!TryIndex(start, out var s))
        {
            return NotCovered(start);
        }

        if (!TryIndex(end, out var e))
        {
            return NotCovered(end);
        }

        return _workingDaysThrough[e] - _workingDaysThrough[s];
    }

    internal static string ChineseDate(DateOnly date) =>
        Common.ChineseDate.Format(date);

    private static Result<WorkCalendar> Create(SortedDictionary<int, NoticeYear> notices)
    {
        var years = notices.Keys.ToList();
        for (var i = 1; i < years.Count; i++)
        {
            if (years[i] != years[i - 1] + 1)
            {
                // A missing year in the middle would be counted as plain Monday–Friday: a silent guess.
                return CalendarData.Invalid(string.Create(CultureInfo.InvariantCulture,
                    $"年份不连续：有{years[i - 1]}年和{years[i]}年，缺少{years[i - 1] + 1}年的安排"));
            }
        }

        return new WorkCalendar(notices);
    }

    private static WorkCalendar LoadOfficial()
    {
        using var stream = typeof(WorkCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from Gongkai.Domain.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var calendar = FromJson(reader.ReadToEnd());
        return calendar.IsSuccess ? calendar.Value : throw new InvalidOperationException($"The embedded calendar is invalid: {calendar.Problem}");
    }

    private static Problem Negative(int days) =>
        new(NegativeDays, string.Create(CultureInfo.InvariantCulture, $"工作日数不能为负数（{days}）"));

    private void Mark(IReadOnlyList<NoticeDay> days, DayKind kind)
    {
        foreach (var day in days)
        {
            if (TryIndex(day.Date, out var i))
            {
                _kinds[i] = kind;
                _names[i] = day.Name;
            }
        }
    }

    private bool TryIndex(DateOnly date, out int index)
    {
        index = date.DayNumber - _firstDayNumber;
        return index >= 0 && index < _kinds.Length;
    }

    private string Coverage => $"日历覆盖{ChineseDate(FirstDate)}至{ChineseDate(EndDate)}";

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private Problem NotCovered(DateOnly date) =>
        date > EndDate
            ? new Problem(YearNotPublished, $"{Year(date.Year)}年的工作日无法推算（{Coverage}）")
            : new Problem(YearNotPublished, $"{Year(date.Year)}年的节假日安排不在日历中（{Coverage}），无法计算工作日");

    private Problem PastEnd(DateOnly start, int days) =>
        new(YearNotPublished, string.Create(CultureInfo.InvariantCulture,
            $"自{ChineseDate(start)}起第{days}个工作日超出了日历范围（{Coverage}），无法计算工作日"));
}
