using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// Every reply outcome as one choice (<c>Withheld:StateSecret</c> …) with its report label, so the reply form is one
/// plain select that needs no script; the domain checks the pair again.
/// </summary>
public static class ReplyOutcomes
{
    public static IReadOnlyList<(string Value, string Label)> Choices { get; } =
    [
        (nameof(Outcome.Disclosed), ReplyOutcome.Disclosed().DisplayName),
        (nameof(Outcome.PartlyDisclosed), ReplyOutcome.PartlyDisclosed().DisplayName),
        .. Enum.GetValues<WithholdingGround>().Select(g => ($"{nameof(Outcome.Withheld)}:{g}", ReplyOutcome.Withheld(g).DisplayName)),
        .. Enum.GetValues<CannotProvideGround>().Select(g => ($"{nameof(Outcome.CannotProvide)}:{g}", ReplyOutcome.CannotProvide(g).DisplayName)),
        .. Enum.GetValues<NotProcessedGround>().Select(g => ($"{nameof(Outcome.NotProcessed)}:{g}", ReplyOutcome.NotProcessed(g).DisplayName)),
        .. Enum.GetValues<OtherHandlingGround>().Select(g => ($"{nameof(Outcome.Other)}:{g}", ReplyOutcome.Other(g).DisplayName)),
    ];

    public static Result<ReplyOutcome> Parse(string? value)
    {
        var parts = (value ?? "").Split(':', 2);
        if (!Enum.TryParse<Outcome>(parts[0], out var outcome) || !Enum.IsDefined(outcome))
        {
            return Problem.Invalid("outcome.invalid", "请选择答复结果");
        }

        var ground = parts.Length > 1 ? parts[1] : null;
        return outcome switch
        {
            Outcome.Withheld => Ground<WithholdingGround>(ground).Bind(g => ReplyOutcome.Create(outcome, withholding: g)),
            Outcome.CannotProvide => Ground<CannotProvideGround>(ground).Bind(g => ReplyOutcome.Create(outcome, cannotProvide: g)),
            Outcome.NotProcessed => Ground<NotProcessedGround>(ground).Bind(g => ReplyOutcome.Create(outcome, notProcessed: g)),
            Outcome.Other => Ground<OtherHandlingGround>(ground).Bind(g => ReplyOutcome.Create(outcome, other: g)),
            _ => ReplyOutcome.Create(outcome),
        };
    }

    private static Result<T> Ground<T>(string? value)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, out var ground) && Enum.IsDefined(ground) ? ground : Problem.Invalid("outcome.ground", "请选择答复结果的具体情形");
}
