using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Letters;

/// <summary>
/// A letter of an application printed again (<c>gongkai letters render</c>): the latest of its kind that no correction
/// replaced, exactly as it was issued — a re-print never re-composes, so its remedy clause stays the original's. Else,
/// for the reply of an application an imported ledger closed before letters existed, the reply rebuilt from the
/// recorded outcome and dates (<see cref="LetterComposer.Reconstruct"/>): marked as a reconstruction, without a 文号,
/// dated its reply; not issued, so nothing is allocated or stored.
/// </summary>
public static class PrintRequestLetter
{
    public sealed record Request(Guid AgencyId, TrackingNumber TrackingNumber, LetterKind Kind);

    /// <param name="Issued">The stored letter printed; null for a reconstruction.</param>
    public sealed record Response(LetterDocument Document, GetLetter.Response? Issued);

    public static async Task<Result<Response>> HandleAsync(GongkaiDbContext db, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.IsDefined(request.Kind))
        {
            return Problem.Invalid("letter.kind", "没有这种文书");
        }

        var number = request.TrackingNumber.Value;
        var application = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.AgencyId == request.AgencyId && r.TrackingNumber == number, cancellationToken);
        if (application is null)
        {
            return ApplyStep.NotFound;
        }

        if (await GetLetter.InForceAsync(db, application.Id, request.Kind, cancellationToken) is { } latest)
        {
            var found = await GetLetter.ForStaffAsync(db, request.AgencyId, latest.Id, cancellationToken);
            if (!found.TryGetValue(out var letter))
            {
                return found.Problem;
            }

            // The database refuses a change to an issued letter; should one get through anyway, it is not printed as genuine.
            return letter.HashMatches
                ? new Response(letter.Document, letter)
                : Problem.Conflict("letter.hashMismatch", $"文书{letter.Number}的存储内容与出具时的内容哈希不符，不予打印，请核查");
        }

        if (request.Kind == LetterKind.Reply && ClosedByImport(application) && application.Outcome is not null
            && (application.RepliedOn ?? application.ClosedOn) is { } decidedOn)
        {
            var reconstructed = await ReconstructAsync(db, application, decidedOn, cancellationToken);
            return reconstructed.Map(document => new Response(document, null));
        }

        return Problem.NotFound("letter.noneIssued", $"该申请没有出具过{LetterKindNames.Title(request.Kind)}");
    }

    /// <summary>Concluded by the import itself: its one import event closed it, before the platform could issue a letter.</summary>
    private static bool ClosedByImport(DisclosureRequest application) =>
        application.Events.Any(e => e.Trigger == RequestTrigger.Import && e.ToState.IsTerminal());

    /// <summary>Composed as an issue composes (<see cref="IssueRequestLetter"/>): the facts, the template and the settings in force.</summary>
    private static async Task<Result<LetterDocument>> ReconstructAsync(GongkaiDbContext db, DisclosureRequest application, DateOnly decidedOn, CancellationToken cancellationToken)
    {
        var built = await LetterFacts.ForAsync(db, application, LetterKind.Reply, LetterFacts.Input.None, cancellationToken);
        if (!built.TryGetValue(out var facts))
        {
            return built.Problem;
        }

        var template = await AgencyLetterTemplates.InForceAsync(db, application.AgencyId, LetterKind.Reply, cancellationToken);
        var settings = await GetLetterSettings.InForceAsync(db, application.AgencyId, cancellationToken)
            ?? throw new InvalidOperationException("A request's agency exists.");
        var composed = LetterComposer.Reconstruct(template, facts, settings, decidedOn);
        return composed.IsSuccess ? composed : composed.Problem with { Message = "无法根据办理记录重新生成答复书：" + composed.Problem.Message };
    }
}
