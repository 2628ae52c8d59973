using Gongkai.Core.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// The public online application (条例 Art 29: 数据电文): the form checked field by field, then the request lodged
/// through the domain with <see cref="Channel.Online"/>, a 申请编号 of the agency's year series (2026-000123) and a
/// random 查询码 kept only as its salted hash, with a 台账 entry that holds no personal data. Nothing is stored when
/// anything is wrong. Online, the receipt date is the day both sides confirm (Art 31(三)): the request waits in
/// <see cref="RequestState.Submitted"/> and the 20 working days (Art 33) start at that confirmation. The checked form
/// is stored by the database's <see cref="SubmissionWriter"/>, with the others waiting at the same moment, in one
/// transaction; the receipt comes once that transaction is committed.
/// </summary>
public static class SubmitOnline
{
    public const string ActorId = "applicant:online";

    internal static Actor OnlineApplicant { get; } = new(ActorId, "申请人（网上提交）", ActorRole.Applicant);


    public sealed record Request(Guid AgencyId, OnlineApplicationForm Form);

    /// <summary>What the applicant is given once: <see cref="QueryCode"/> is not kept anywhere.</summary>
    public sealed record Receipt(
        Guid AgencyId, string AgencyName, string TrackingNumber, string QueryCode, DateOnly SubmittedOn, RequestState State, DateOnly? ReceivedOn, DateOnly? ReplyDue);

    /// <summary>Either the receipt, or the problems by field (the page shows them at the fields).</summary>
    public sealed record Response(Receipt? Receipt, IReadOnlyDictionary<string, string> Errors);

    /// <summary>
    /// The form is checked here, without the database; the agency is looked up by the writer, in the transaction that
    /// stores the application (an unknown agency is <see cref="AgencyProblems.NotFound()"/>, after any error of the form).
    /// </summary>
    public static Task<Result<Response>> HandleAsync(SubmissionWriter writer, Request request, CancellationToken cancellationToken = default)
    {
        var today = ChinaClock.Today(writer.Clock);
        var form = request.Form.Check(today);
        if (!form.IsValid)
        {
            return Task.FromResult<Result<Response>>(new Response(null, form.Errors));
        }

        return writer.SubmitAsync(new SubmissionWriter.Submission(request.AgencyId, today, form.Applicant!, form.Content!), cancellationToken);
    }

    /// <summary>The next number of the agency's series for the year: the highest "YYYY-NNNNNN" plus one.</summary>
    public static async Task<string> NextNumberAsync(GongkaiDbContext db, Guid agencyId, int year, CancellationToken cancellationToken = default) =>
        Format(year, await LastNumberAsync(db, agencyId, year, cancellationToken) + 1);

    /// <summary>"YYYY-NNNNNN".</summary>
    internal static string Format(int year, int number) => FormattableString.Invariant($"{year:D4}-{number:D6}");

    /// <summary>The highest number of the agency's series for the year, 0 when there is none yet.</summary>
    internal static async Task<int> LastNumberAsync(GongkaiDbContext db, Guid agencyId, int year, CancellationToken cancellationToken = default)
    {
        var prefix = FormattableString.Invariant($"{year:D4}-");
        var length = prefix.Length + 6;

        // Same-length digit strings sort as numbers; a ledger's own numbers of that shape with letters sort among
        // them, so a few are read and the highest all-digit one is taken. A range, not StartsWith (LIKE, which cannot
        // use the (agency_id, tracking_number) index and read every request of the agency): the read stays a few rows.
        var lowest = prefix + "000000";
        var top = prefix + "999999";
        var highest = await db.Requests.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.AgencyId == agencyId && r.TrackingNumber.CompareTo(lowest) >= 0 && r.TrackingNumber.CompareTo(top) <= 0 && r.TrackingNumber.Length == length)
            .OrderByDescending(r => r.TrackingNumber)
            .Select(r => r.TrackingNumber)
            .Take(20)
            .ToListAsync(cancellationToken);
        var last = highest.Select(n => int.TryParse(n.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1)
            .DefaultIfEmpty(0).Max();
        return Math.Max(last, 0);
    }
}
