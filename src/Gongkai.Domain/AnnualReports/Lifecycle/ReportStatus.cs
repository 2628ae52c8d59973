using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.AnnualReports.Lifecycle;

/// <summary>Where an agency's report for a year stands, as a 政务公开办 sees it.</summary>
public enum ReportStatus
{
    /// <summary>No version of the year yet.</summary>
    NotStarted,
    Draft,
    Checked,

    /// <summary>已定稿: locked, its content hashed, not yet published.</summary>
    Locked,
    Published,

    /// <summary>Not published and the Art 49 deadline has passed (whatever stage was reached).</summary>
    Overdue,
}

/// <summary>
/// The days (China Standard Time) of each step of a year's report: started (its first version was built), checked,
/// locked (定稿), published. Null for a step not reached.
/// </summary>
public sealed record ReportSteps(DateOnly? StartedOn, DateOnly? CheckedOn, DateOnly? LockedOn, DateOnly? PublishedOn)
{
    public static ReportSteps None { get; } = new(null, null, null, null);
}

/// <summary>
/// The standing of a year's report: the stage it reached (never <see cref="ReportStatus.Overdue"/>), the version that
/// decides it, the Art 49 due date, whether it is overdue (unpublished after the due date) or was published late, and
/// the day of each step.
/// </summary>
public sealed record ReportStanding(ReportStatus Stage, ReportVersion? Version, DateOnly DueOn, bool Overdue, bool PublishedLate, ReportSteps Steps)
{
    /// <summary>The stage, or <see cref="ReportStatus.Overdue"/> when the report is overdue.</summary>
    public ReportStatus Status => Overdue ? ReportStatus.Overdue : Stage;

    /// <summary>What a person reads: 草稿, 逾期（草稿）, 已公开, 已公开（逾期公开）…</summary>
    public string Label => Overdue ? $"{Name(ReportStatus.Overdue)}（{Name(Stage)}）"
        : PublishedLate ? $"{Name(ReportStatus.Published)}（逾期公开）"
        : Name(Stage);

    /// <summary>
    /// From all versions of one agency and year: a published version stands (a newer draft is a correction in
    /// progress); otherwise the newest version. 条例 Art 49 sets a calendar date ("每年1月31日前", "3月31日前"), the
    /// last day in time: unpublished after <paramref name="dueOn"/> is overdue, published after it is published late.
    /// </summary>
    public static ReportStanding Of(IEnumerable<ReportVersion> versions, DateOnly dueOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var all = versions.OrderBy(v => v.Number).ToList();
        var published = all.LastOrDefault(v => v.Stage == ReportStage.Published);
        var standing = published ?? all.LastOrDefault();
        var steps = standing is null ? ReportSteps.None : new ReportSteps(
            ChinaClock.ToChinaDate(all[0].StartedAt ?? all[0].BuiltAt),
            standing.CheckedAt is { } c ? ChinaClock.ToChinaDate(c) : null,
            standing.LockedAt is { } l ? ChinaClock.ToChinaDate(l) : null,
            standing.PublishedOn);
        if (published is not null)
        {
            return new ReportStanding(ReportStatus.Published, published, dueOn, false, published.PublishedOn > dueOn, steps);
        }

        var stage = standing?.Stage switch
        {
            null => ReportStatus.NotStarted,
            ReportStage.Draft => ReportStatus.Draft,
            ReportStage.Checked => ReportStatus.Checked,
            _ => ReportStatus.Locked,
        };
        return new ReportStanding(stage, standing, dueOn, today > dueOn, false, steps);
    }

    public static string Name(ReportStatus status) => status switch
    {
        ReportStatus.NotStarted => "未开始",
        ReportStatus.Draft => "草稿",
        ReportStatus.Checked => "已检查",
        ReportStatus.Locked => "已定稿",
        ReportStatus.Published => "已公开",
        ReportStatus.Overdue => "逾期",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
