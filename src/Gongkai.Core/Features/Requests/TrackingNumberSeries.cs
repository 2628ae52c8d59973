using Gongkai.Core.Data;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// An agency's online series of 申请编号 for a year (<see cref="TrackingNumber.Online"/>): the stored numbers decide
/// the next one. The caller that stores the next number holds the series' lock (<see cref="SubmissionWriter"/>).
/// </summary>
public static class TrackingNumberSeries
{
    /// <summary>The next number of the agency's series for the year: the highest stored "YYYY-NNNNNN" plus one.</summary>
    public static async Task<TrackingNumber> NextAsync(GongkaiDbContext db, Guid agencyId, int year, CancellationToken cancellationToken = default) =>
        TrackingNumber.Online(year, await LastSerialAsync(db, agencyId, year, cancellationToken) + 1);

    /// <summary>The highest serial of the agency's series for the year, 0 when there is none yet.</summary>
    internal static async Task<int> LastSerialAsync(GongkaiDbContext db, Guid agencyId, int year, CancellationToken cancellationToken = default)
    {
        // Same-length digit strings sort as numbers; a ledger's own numbers of that shape with letters sort among
        // them, so a few are read and the highest all-digit one is taken. A range, not StartsWith (LIKE, which cannot
        // use the (agency_id, tracking_number) index and read every request of the agency): the read stays a few rows.
        var (lowest, highest) = TrackingNumber.OnlineSeries(year);
        var length = lowest.Length;
        var numbers = await db.Requests.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.AgencyId == agencyId && r.TrackingNumber.CompareTo(lowest) >= 0 && r.TrackingNumber.CompareTo(highest) <= 0 && r.TrackingNumber.Length == length)
            .OrderByDescending(r => r.TrackingNumber)
            .Select(r => r.TrackingNumber)
            .Take(20)
            .ToListAsync(cancellationToken);
        return numbers.Select(n => TrackingNumber.TryParse(n).Value.SerialIn(year) ?? 0).DefaultIfEmpty(0).Max();
    }
}
