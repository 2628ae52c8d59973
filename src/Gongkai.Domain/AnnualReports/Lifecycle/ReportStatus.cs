namespace Gongkai.Domain.AnnualReports.Lifecycle;

/// <summary>Where an agency's report for a year stands, as a 政务公开办 sees it.</summary>
public enum ReportStatus
{
    NotStarted,
    Draft,
    Checked,
    Locked,
    Published,

    /// <summary>Not published and the Art 49 deadline has passed.</summary>
    Overdue,
}

/// <summary>The standing of a year's report: its status, the version that decides it, and the Art 49 due date.</summary>
public sealed record ReportStanding(ReportStatus Status, ReportVersion? Version, DateOnly DueOn, bool PublishedLate)
{
    /// <summary>
    /// From all versions of one agency and year: a published version stands (a newer draft is a correction in
    /// progress); otherwise the newest version; unpublished after <paramref name="dueOn"/> is overdue.
    /// </summary>
    public static ReportStanding Of(IEnumerable<ReportVersion> versions, DateOnly dueOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var all = versions.OrderBy(v => v.Number).ToList();
        var published = all.LastOrDefault(v => v.Stage == ReportStage.Published);
        if (published is not null)
        {
            return new ReportStanding(ReportStatus.Published, published, dueOn, published.PublishedOn > dueOn);
        }

        var latest = all.LastOrDefault();
        if (today > dueOn)
        {
            return new ReportStanding(ReportStatus.Overdue, latest, dueOn, false);
        }

        var status = latest?.Stage switch
        {
            null => ReportStatus.NotStarted,
            ReportStage.Draft => ReportStatus.Draft,
            ReportStage.Checked => ReportStatus.Checked,
            _ => ReportStatus.Locked,
        };
        return new ReportStanding(status, latest, dueOn, false);
    }

    public static string Name(ReportStatus status) => status switch
    {
        ReportStatus.NotStarted => "未开始",
        ReportStatus.Draft => "草稿",
        ReportStatus.Checked => "已检查",
        ReportStatus.Locked => "已锁定",
        ReportStatus.Published => "已公开",
        ReportStatus.Overdue => "逾期未公开",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
