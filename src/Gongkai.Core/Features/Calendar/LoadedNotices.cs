using Gongkai.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Calendar;

/// <summary>Every holiday notice loaded into the database, every version, the latest loaded first.</summary>
public static class LoadedNotices
{
    public static async Task<IReadOnlyList<CalendarNotice>> HandleAsync(GongkaiDbContext db, CancellationToken cancellationToken = default) =>
        // A notice a year: few rows, sorted here (SQLite cannot sort by a timestamp with offset).
        [.. (await db.CalendarNotices.AsNoTracking().ToListAsync(cancellationToken)).OrderByDescending(n => n.LoadedAt)];
}
