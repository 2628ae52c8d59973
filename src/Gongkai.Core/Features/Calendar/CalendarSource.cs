using Gongkai.Core.Data;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Calendar;

/// <summary>
/// The calendar in force: the official data shipped with Gongkai (2019–2026); the years of a cn-holidays/1 file named
/// by <c>GONGKAI_CALENDAR</c>, if set; and on top, the notices loaded into the database (<c>gongkai calendar load</c>
/// or the 政务公开办's page), the latest version of each year. A year none of them arranges is provisional
/// (<see cref="WorkCalendar.IsProvisional"/>).
/// </summary>
public static class CalendarSource
{
    public const string EnvironmentVariable = "GONGKAI_CALENDAR";

    public static Result<WorkCalendar> Load() => Load(Environment.GetEnvironmentVariable(EnvironmentVariable));

    public static Result<WorkCalendar> Load(string? extraFile)
    {
        if (string.IsNullOrWhiteSpace(extraFile))
        {
            return WorkCalendar.Official;
        }

        string json;
        try
        {
            json = File.ReadAllText(extraFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Problem("calendar.fileUnreadable", $"无法读取日历文件 {extraFile}（{EnvironmentVariable}）：{e.Message}");
        }

        return WorkCalendar.Official.With(json);
    }

    /// <summary>The calendar in force with the notices stored in <paramref name="db"/>.</summary>
    public static async Task<Result<WorkCalendar>> LoadAsync(GongkaiDbContext db, CancellationToken cancellationToken = default)
    {
        var shipped = Load();
        if (!shipped.TryGetValue(out var calendar))
        {
            return shipped.Problem;
        }

        var notices = await LatestNoticesAsync(db, cancellationToken);
        foreach (var notice in notices)
        {
            var with = calendar.With(notice.Json);
            if (!with.TryGetValue(out var next))
            {
                return new Problem(with.Problem.Code, $"数据库中{notice.Year}年第{notice.Version}版放假安排无效：{with.Problem.Message}");
            }

            calendar = next;
        }

        return calendar;
    }

    /// <summary>Each year's latest loaded version, by year.</summary>
    public static async Task<List<CalendarNotice>> LatestNoticesAsync(GongkaiDbContext db, CancellationToken cancellationToken = default)
    {
        var all = await db.CalendarNotices.AsNoTracking().ToListAsync(cancellationToken);
        return [.. all.GroupBy(n => n.Year).Select(g => g.MaxBy(n => n.Version)!).OrderBy(n => n.Year)];
    }

    /// <summary>A value that changes whenever a notice is loaded (any process): the number of versions stored.</summary>
    public static Task<int> StampAsync(GongkaiDbContext db, CancellationToken cancellationToken = default) =>
        db.CalendarNotices.CountAsync(cancellationToken);
}
