using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Proactive;

public enum TimelinessStatus
{
    /// <summary>Not published yet, and the last day has not passed (today is on or before <see cref="Timeliness.Due"/>).</summary>
    Pending,

    /// <summary>Published on or before the last day.</summary>
    OnTime,

    /// <summary>Published after the last day.</summary>
    Late,

    /// <summary>Not published, and the last day has passed.</summary>
    Overdue,
}

/// <summary>
/// Whether information was published in time (条例 Art 26: "属于主动公开范围的政府信息，应当自该政府信息形成或者
/// 变更之日起20个工作日内及时公开"). <see cref="Due"/> is the 20th working day after the day of formation or change
/// on the official calendar, that day not counted (民法典 Art 201, as for every period here, spec §12); publishing
/// on <see cref="Due"/> is on time. Formed 2020-09-24: due 2020-10-28, so 10-29 is late.
/// </summary>
/// <param name="WorkingDaysLate">For <see cref="TimelinessStatus.Late"/> and <see cref="TimelinessStatus.Overdue"/>: the
/// working days after <see cref="Due"/> up to and including the publication day (or today). It is 0 for a
/// publication on a day off right after <see cref="Due"/>, which is still late: see <see cref="DaysLate"/>.</param>
/// <param name="DaysLate">The calendar days after <see cref="Due"/>, for Late and Overdue; otherwise 0.</param>
/// <param name="WorkingDaysLeft">For <see cref="TimelinessStatus.Pending"/>: the working days after today up to and
/// including <see cref="Due"/> (0 on the last day itself); otherwise 0.</param>
public sealed record Timeliness(
    DateOnly FormedOn,
    DateOnly Due,
    DateOnly? PublishedOn,
    TimelinessStatus Status,
    int WorkingDaysLate,
    int DaysLate,
    int WorkingDaysLeft)
{
    /// <summary>条例 Art 26: 20 working days. (Its "法律、法规对政府信息公开的期限另有规定的，从其规定" is not modelled yet.)</summary>
    public static int WorkingDays => StatutoryDeadline.Publication.WorkingDays;

    public const string PublishedBeforeFormed = "timeliness.publishedBeforeFormed";

    /// <summary>
    /// Set when <see cref="Due"/> was counted over a year without a holiday notice (spec/calendar/README.md): the
    /// calendar's note, shown with the date.
    /// </summary>
    public string? ProvisionalNote { get; init; }

    /// <summary>A one-line Chinese account, e.g. "应于2020年10月28日前公开，逾期1个工作日公开".</summary>
    public string Description => Account + (ProvisionalNote is { } note ? $"（期限暂定：{note}）" : "");

    private string Account => Status switch
    {
        TimelinessStatus.OnTime => $"应于{ProactiveText.Date(Due)}前公开，已按时公开",
        TimelinessStatus.Late => $"应于{ProactiveText.Date(Due)}前公开，{ProactiveText.Date(PublishedOn!.Value)}公开，逾期{LateText}",
        TimelinessStatus.Overdue => $"应于{ProactiveText.Date(Due)}前公开，尚未公开，已逾期{LateText}",
        TimelinessStatus.Pending => $"应于{ProactiveText.Date(Due)}前公开，尚余{ProactiveText.Number(WorkingDaysLeft)}个工作日",
        _ => throw new ArgumentOutOfRangeException(nameof(Status), Status, null),
    };

    private string LateText => WorkingDaysLate > 0
        ? $"{ProactiveText.Number(WorkingDaysLate)}个工作日"
        : $"{ProactiveText.Number(DaysLate)}天";

    /// <summary>
    /// The timeliness of information formed or changed on <paramref name="formedOn"/> and published on
    /// <paramref name="publishedOn"/> (null: not yet), judged on <paramref name="today"/> when unpublished. Dates the
    /// calendar does not cover are its problem (<c>calendar.yearNotPublished</c>); a publication before formation is
    /// <c>timeliness.publishedBeforeFormed</c>.
    /// </summary>
    public static Result<Timeliness> For(DateOnly formedOn, DateOnly? publishedOn, DateOnly today, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Judge(formedOn, publishedOn, today, calendar).Map(t => t with { ProvisionalNote = calendar.ProvisionalNote(t.Due) });
    }

    private static Result<Timeliness> Judge(DateOnly formedOn, DateOnly? publishedOn, DateOnly today, WorkCalendar calendar)
    {
        if (publishedOn < formedOn)
        {
            return new Problem(PublishedBeforeFormed,
                $"公开日期{ProactiveText.Date(publishedOn.Value)}早于信息形成或变更日期{ProactiveText.Date(formedOn)}");
        }

        var dueResult = calendar.AddWorkingDays(formedOn, WorkingDays);
        if (!dueResult.TryGetValue(out var due))
        {
            return dueResult.Problem;
        }

        var end = publishedOn ?? today;
        if (end <= due)
        {
            if (publishedOn is not null)
            {
                return new Timeliness(formedOn, due, publishedOn, TimelinessStatus.OnTime, 0, 0, 0);
            }

            var left = calendar.WorkingDaysBetween(today, due);
            return left.TryGetValue(out var l)
                ? new Timeliness(formedOn, due, null, TimelinessStatus.Pending, 0, 0, l)
                : left.Problem;
        }

        var late = calendar.WorkingDaysBetween(due, end);
        if (!late.TryGetValue(out var workingDaysLate))
        {
            return late.Problem;
        }

        var status = publishedOn is null ? TimelinessStatus.Overdue : TimelinessStatus.Late;
        return new Timeliness(formedOn, due, publishedOn, status, workingDaysLate, end.DayNumber - due.DayNumber, 0);
    }

    /// <summary>
    /// The timeliness of an item's working version: its formation or change date, and its publication if it is
    /// published (a pending update is judged from the day the information changed). A withdrawn item is judged on
    /// its last published version.
    /// </summary>
    public static Result<Timeliness> For(DisclosureItem item, DateOnly today, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(item);
        return For(item.FormedOn, item.WorkingVersionPublishedOn, today, calendar);
    }
}
