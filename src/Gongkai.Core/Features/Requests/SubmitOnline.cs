using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// The public online application (条例 Art 29: 数据电文): the form checked field by field, then the request lodged
/// through the domain with <see cref="Channel.Online"/>, a 申请编号 of the agency's year series (<see cref="TrackingNumber.Online"/>) and a
/// random 查询码 kept only as its salted hash, with a 台账 entry that holds no personal data. Nothing is stored when
/// anything is wrong. Online, the receipt date is the day both sides confirm (Art 31(三)): the request waits in
/// <see cref="RequestState.Submitted"/> and the 20 working days (Art 33) start at that confirmation. The checked form
/// is stored by the database's <see cref="SubmissionWriter"/>, with the others waiting at the same moment, in one
/// transaction; the receipt comes once that transaction is committed.
/// </summary>
public static class SubmitOnline
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <param name="IdempotencyKey">The key the form or the API client sent (<see cref="SubmissionKeys"/>); null: none.</param>
    public sealed record Request(Guid AgencyId, OnlineApplicationForm Form, string? IdempotencyKey = null);

    /// <summary>
    /// What the applicant is given: <see cref="QueryCode"/> is not kept anywhere (a keyed submission's can be derived
    /// again from the key and the content). <paramref name="Repeated"/>: the answer to a retry, the application filed
    /// by the first submission with the same key.
    /// </summary>
    public sealed record Receipt(
        Guid AgencyId, string AgencyName, string TrackingNumber, string QueryCode, DateOnly SubmittedOn, RequestState State, DateOnly? ReceivedOn, DateOnly? ReplyDue,
        bool Repeated = false);

    /// <summary>Either the receipt, or the problems by field (the page shows them at the fields).</summary>
    public sealed record Response(Receipt? Receipt, IReadOnlyDictionary<string, string> Errors);

    /// <summary>
    /// The form is checked here, without the database; the agency is looked up by the writer, in the transaction that
    /// stores the application (an unknown agency is <see cref="AgencyProblems.NotFound()"/>, after any error of the form).
    /// A key that cannot be one is invalid; a key used before with other content is <see cref="SubmissionKeys.Reused"/> (a conflict).
    /// </summary>
    public static async Task<Result<Response>> HandleAsync(SubmissionWriter writer, Request request, CancellationToken cancellationToken = default)
    {
        var key = SubmissionKeys.Parse(request.IdempotencyKey);
        if (!key.IsSuccess)
        {
            return key.Problem;
        }

        var today = ChinaClock.Today(writer.Clock);
        var form = request.Form.Check(today);
        if (!form.IsValid)
        {
            return new Response(null, form.Errors);
        }

        var lodged = await writer.SubmitAsync(new SubmissionWriter.Submission(request.AgencyId, today, form.Applicant!, form.Content!, key.Value), cancellationToken);
        if (lodged.TryGetValue(out var stored))
        {
            var r = stored.Request;
            var receipt = new Receipt(r.AgencyId, stored.AgencyName, r.TrackingNumber, stored.QueryCode, r.SubmittedOn, r.State, r.ReceivedOn, r.CurrentDue, stored.Repeated);
            return new Response(receipt, NoErrors);
        }

        // An agency gone or a key reused is the answer; what else the procedure refused when lodging is about the content the form let through.
        return lodged.Problem.Kind is ProblemKind.NotFound or ProblemKind.Conflict
            ? lodged.Problem
            : new Response(null, new Dictionary<string, string>(StringComparer.Ordinal) { [nameof(OnlineApplicationForm.Content)] = lodged.Problem.Message });
    }
}
