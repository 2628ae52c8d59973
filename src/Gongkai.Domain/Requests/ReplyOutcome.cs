using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Requests;

/// <summary>
/// What a reply decided: an <see cref="Requests.Outcome"/> and, exactly for the outcomes that have one
/// (<see cref="Outcomes.HasGround"/>), its ground. The named factories cannot build an invalid value;
/// <see cref="Create"/> checks input that arrives as separate fields (a form, a row).
/// </summary>
public sealed record ReplyOutcome
{
    // For EF Core, which sets the properties itself.
    private ReplyOutcome()
    {
    }

    private ReplyOutcome(Outcome outcome) => Outcome = outcome;

    public Outcome Outcome { get; private set; }

    public WithholdingGround? WithholdingGround { get; private set; }

    public CannotProvideGround? CannotProvideGround { get; private set; }

    public NotProcessedGround? NotProcessedGround { get; private set; }

    public OtherHandlingGround? OtherHandlingGround { get; private set; }

    /// <summary>E.g. 予以公开, 不予公开（属于国家秘密）.</summary>
    public string DisplayName => Outcome switch
    {
        Outcome.Withheld => $"不予公开（{WithholdingGround!.Value.DisplayName()}）",
        Outcome.CannotProvide => $"无法提供（{CannotProvideGround!.Value.DisplayName()}）",
        Outcome.NotProcessed => $"不予处理（{NotProcessedGround!.Value.DisplayName()}）",
        Outcome.Other => $"其他处理（{OtherHandlingGround!.Value.DisplayName()}）",
        _ => Outcome.DisplayName(),
    };

    public static ReplyOutcome Disclosed() => new(Outcome.Disclosed);

    public static ReplyOutcome PartlyDisclosed() => new(Outcome.PartlyDisclosed);

    public static ReplyOutcome Withheld(WithholdingGround ground) =>
        new(Outcome.Withheld) { WithholdingGround = Defined(ground) };

    public static ReplyOutcome CannotProvide(CannotProvideGround ground) =>
        new(Outcome.CannotProvide) { CannotProvideGround = Defined(ground) };

    public static ReplyOutcome NotProcessed(NotProcessedGround ground) =>
        new(Outcome.NotProcessed) { NotProcessedGround = Defined(ground) };

    public static ReplyOutcome Other(OtherHandlingGround ground) =>
        new(Outcome.Other) { OtherHandlingGround = Defined(ground) };

    /// <summary>An outcome from separate fields: the ground of the outcome's own kind must be given, no other.</summary>
    public static Result<ReplyOutcome> Create(
        Outcome outcome,
        WithholdingGround? withholding = null,
        CannotProvideGround? cannotProvide = null,
        NotProcessedGround? notProcessed = null,
        OtherHandlingGround? other = null)
    {
        if (!Enum.IsDefined(outcome))
        {
            return new Problem("outcome.invalid", "答复结果无效");
        }

        var given = (withholding.HasValue ? 1 : 0) + (cannotProvide.HasValue ? 1 : 0)
            + (notProcessed.HasValue ? 1 : 0) + (other.HasValue ? 1 : 0);
        if (!outcome.HasGround())
        {
            return given == 0
                ? new ReplyOutcome(outcome)
                : new Problem("outcome.groundNotExpected", $"答复结果“{outcome.DisplayName()}”不需要具体情形");
        }

        var own = outcome switch
        {
            Outcome.Withheld => withholding.HasValue && Enum.IsDefined(withholding.Value),
            Outcome.CannotProvide => cannotProvide.HasValue && Enum.IsDefined(cannotProvide.Value),
            Outcome.NotProcessed => notProcessed.HasValue && Enum.IsDefined(notProcessed.Value),
            _ => other.HasValue && Enum.IsDefined(other.Value),
        };
        if (!own || given != 1)
        {
            return new Problem("outcome.groundRequired", $"答复结果“{outcome.DisplayName()}”须且只须选择一项本类具体情形");
        }

        return outcome switch
        {
            Outcome.Withheld => Withheld(withholding!.Value),
            Outcome.CannotProvide => CannotProvide(cannotProvide!.Value),
            Outcome.NotProcessed => NotProcessed(notProcessed!.Value),
            _ => Other(other!.Value),
        };
    }

    /// <summary>The section 三 row key of spec/report-json.md, e.g. <c>withheld.stateSecret</c>.</summary>
    public string ReportRowKey(ReportFormat format) => RequestReportRows.ForOutcome(this, format);

    public override string ToString() => DisplayName;

    private static T Defined<T>(T ground)
        where T : struct, Enum =>
        Enum.IsDefined(ground) ? ground : throw new ArgumentOutOfRangeException(nameof(ground), ground, null);
}
