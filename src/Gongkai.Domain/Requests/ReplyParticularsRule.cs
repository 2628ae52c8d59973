using Gongkai.Domain.Common;

namespace Gongkai.Domain.Requests;

/// <summary>
/// Which <see cref="ReplyParticulars"/> each reply outcome must carry and may carry (spec/letters.md §3, last column),
/// in one place for every entry point (the reply, the on-the-spot reply, the ledger import): a reply that lacks what
/// the 条例 requires it to tell the applicant is refused, with the missing particular named; so is a particular that
/// does not belong to the outcome (withheld parts on a 予以公开 reply …). A checked value comes back trimmed.
/// </summary>
public static class ReplyParticularsRule
{
    public const int MaxReasonsLength = 2000;
    public const int MaxObtainFromLength = 1000;
    public const int MaxPartLength = 500;
    public const int MaxWithheldParts = 20;
    public const int MaxAgencyNameLength = 200;
    public const int MaxContactLength = 500;
    public const int MaxEarlierReplyNumberLength = 100;

    /// <summary>The text of a 说明理由 request (Art 35): what the applicant must explain.</summary>
    public const int MaxExplainLength = 1000;

    public const string ReasonsRequired = "reply.reasonsRequired";
    public const string ObtainFromRequired = "reply.obtainFromRequired";
    public const string WithheldPartsRequired = "reply.withheldPartsRequired";
    public const string WithheldPartIncomplete = "reply.withheldPartIncomplete";
    public const string ResponsibleAgencyIncomplete = "reply.responsibleAgencyIncomplete";
    public const string EarlierReplyRequired = "reply.earlierReplyRequired";
    public const string NotExpected = "reply.particularNotExpected";
    public const string TooLong = "reply.particularTooLong";

    /// <summary>
    /// The particulars of a reply with <paramref name="outcome"/> made on <paramref name="repliedOn"/>, checked and
    /// trimmed; a problem naming what is missing, too long or out of place.
    /// </summary>
    public static Result<ReplyParticulars> Check(ReplyOutcome outcome, ReplyParticulars? particulars, DateOnly? repliedOn = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var p = Trimmed(particulars ?? ReplyParticulars.None);
        var name = $"答复结果“{outcome.DisplayName}”";
        if (Lengths(p) is { } tooLong)
        {
            return tooLong;
        }

        // What may appear at all on this outcome; anything else is refused before anything is required.
        var allowed = Allowed(outcome);
        if (Unexpected(p, allowed) is { } field)
        {
            return Problem.Invalid(NotExpected, $"{name}不应填写{field}");
        }

        if (p.ResponsibleAgency is not null && !p.NotThisAgency)
        {
            return Problem.Invalid(NotExpected, $"{name}未选择“不属于本机关负责公开”，不应填写负责公开的行政机关（条例第三十六条第（五）项）");
        }

        if (p.ResponsibleAgency is { } agency && (agency.Name.Length == 0 || agency.Contact.Length == 0))
        {
            return Problem.Invalid(ResponsibleAgencyIncomplete,
                "负责公开该政府信息的行政机关应同时填写名称和联系方式；不能确定的，两项都不填（条例第三十六条第（五）项）");
        }

        var required = Required(outcome, p);
        if (required is not null)
        {
            return required;
        }

        if (p.EarlierReply is { } earlier && repliedOn is { } on && earlier.IssuedOn > on)
        {
            return Problem.Invalid(EarlierReplyRequired,
                $"已作出的答复日期（{ChineseDate.Format(earlier.IssuedOn)}）不能晚于本次答复日期（{ChineseDate.Format(on)}）");
        }

        return p;
    }

    /// <summary>
    /// The particulars of a concluded case taken over from a 台账: the ledger has one column for them, the reasons
    /// (答复理由), required for the outcomes that need reasons — every 不予公开, 部分公开 (why parts were withheld),
    /// 补正后申请内容仍不明确, 无正当理由大量反复申请, 其他处理（其他）— and kept as the reasons otherwise.
    /// </summary>
    public static Result<ReplyParticulars> CheckImported(ReplyOutcome outcome, string? reasons)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var text = reasons?.Trim() ?? "";
        if (text.Length > MaxReasonsLength)
        {
            return Problem.Invalid(TooLong, $"答复理由不能超过{RequestText.Number(MaxReasonsLength)}个字");
        }

        if (text.Length == 0 && NeedsReasonsOnImport(outcome))
        {
            return Problem.Invalid(ReasonsRequired, $"办理结果“{outcome.DisplayName}”应填写答复理由（{Basis(outcome)}）");
        }

        return text.Length == 0 ? ReplyParticulars.None : new ReplyParticulars { Reasons = text };
    }

    /// <summary>True for the outcomes a ledger row must give reasons for (<see cref="CheckImported"/>).</summary>
    public static bool NeedsReasonsOnImport(ReplyOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Outcome is Outcome.Withheld or Outcome.PartlyDisclosed
            || outcome.CannotProvideGround is CannotProvideGround.UnclearAfterSupplement
            || outcome.NotProcessedGround is NotProcessedGround.Excessive
            || outcome.OtherHandlingGround is OtherHandlingGround.Other;
    }

    /// <summary>True when nothing is given (the record's own equality compares the list of withheld parts by reference).</summary>
    public static bool IsEmpty(ReplyParticulars particulars)
    {
        ArgumentNullException.ThrowIfNull(particulars);
        return particulars.Reasons is null && particulars.ObtainFrom is null && !particulars.AlreadyPublished && particulars.WithheldParts.Count == 0
            && !particulars.NotThisAgency && particulars.ResponsibleAgency is null && particulars.EarlierReply is null;
    }

    /// <summary>The withheld parts as one text, e.g. for the reasons column of an exported 台账.</summary>
    public static string Describe(ReplyParticulars particulars)
    {
        ArgumentNullException.ThrowIfNull(particulars);
        var parts = particulars.WithheldParts.Select(w => $"{w.Part}（{w.Ground.DisplayName()}）：{w.Reasons}");
        return string.Join("；", new[] { particulars.Reasons ?? "" }.Concat(parts).Where(s => s.Length > 0));
    }

    [Flags]
    private enum Field
    {
        None = 0,
        Reasons = 1,
        ObtainFrom = 2,
        AlreadyPublished = 4,
        WithheldParts = 8,
        NotThisAgency = 16,
        ResponsibleAgency = 32,
        EarlierReply = 64,
    }

    private static Field Allowed(ReplyOutcome outcome) => outcome.Outcome switch
    {
        Outcome.Disclosed => Field.ObtainFrom | Field.AlreadyPublished,
        Outcome.PartlyDisclosed => Field.ObtainFrom | Field.WithheldParts,
        Outcome.CannotProvide when outcome.CannotProvideGround == CannotProvideGround.NotHeld => Field.Reasons | Field.NotThisAgency | Field.ResponsibleAgency,
        Outcome.NotProcessed when outcome.NotProcessedGround == NotProcessedGround.Repeated => Field.Reasons | Field.EarlierReply,
        // 要求提供公开出版物: where to obtain it (Art 39¶2); 信访举报投诉类: the proper channel (Art 39¶1, spec/letters.md §3).
        Outcome.NotProcessed when outcome.NotProcessedGround is NotProcessedGround.Publication or NotProcessedGround.PetitionOrComplaint =>
            Field.Reasons | Field.ObtainFrom,
        _ => Field.Reasons,
    };

    private static string? Unexpected(ReplyParticulars p, Field allowed)
    {
        (bool Given, Field Flag, string Name)[] given =
        [
            (p.Reasons is not null, Field.Reasons, "答复理由（部分公开的理由按不予公开的部分逐项填写）"),
            (p.ObtainFrom is not null, Field.ObtainFrom, "获取信息的方式、途径"),
            (p.AlreadyPublished, Field.AlreadyPublished, "“已主动公开”"),
            (p.WithheldParts.Count > 0, Field.WithheldParts, "不予公开的部分"),
            (p.NotThisAgency, Field.NotThisAgency, "“不属于本机关负责公开”"),
            (p.ResponsibleAgency is not null, Field.ResponsibleAgency, "负责公开的行政机关"),
            (p.EarlierReply is not null, Field.EarlierReply, "已作出的答复"),
        ];
        return given.Where(g => g.Given && (allowed & g.Flag) == 0).Select(g => g.Name).FirstOrDefault();
    }

    private static Problem? Required(ReplyOutcome outcome, ReplyParticulars p)
    {
        var name = $"答复结果“{outcome.DisplayName}”";
        switch (outcome.Outcome)
        {
            // 条例 Art 36(一)(二): how and where to obtain it (already published: where it is).
            case Outcome.Disclosed when p.ObtainFrom is null:
                return Problem.Invalid(ObtainFromRequired, p.AlreadyPublished
                    ? $"{name}（已主动公开）应告知获取该政府信息的方式、途径（条例第三十六条第（一）项）"
                    : $"{name}应提供该政府信息，或者告知获取该政府信息的方式、途径和时间（条例第三十六条第（二）项）");

            // 条例 Art 37: the part that can be disclosed, and for each part withheld the reasons (with its ground).
            case Outcome.PartlyDisclosed:
                if (p.WithheldParts.Count == 0)
                {
                    return Problem.Invalid(WithheldPartsRequired, $"{name}应逐项填写不予公开的部分及其理由（条例第三十七条）");
                }

                for (var i = 0; i < p.WithheldParts.Count; i++)
                {
                    var part = p.WithheldParts[i];
                    var missing = part.Part.Length == 0 ? "内容" : !Enum.IsDefined(part.Ground) ? "不予公开的依据" : part.Reasons.Length == 0 ? "理由" : null;
                    if (missing is not null)
                    {
                        return Problem.Invalid(WithheldPartIncomplete, $"不予公开的第{RequestText.Number(i + 1)}部分缺少{missing}（条例第三十七条）");
                    }
                }

                return p.ObtainFrom is null
                    ? Problem.Invalid(ObtainFromRequired, $"{name}应告知可以公开部分的获取方式、途径（条例第三十七条）")
                    : null;

            case Outcome.Withheld when p.Reasons is null:
                return Problem.Invalid(ReasonsRequired, outcome.WithholdingGround == WithholdingGround.AdministrativeQuery
                    ? $"{name}应说明适用的查询程序（条例第三十六条第（七）项）"
                    : $"{name}应说明不予公开的理由（条例第三十六条第（三）项）");

            case Outcome.CannotProvide when outcome.CannotProvideGround == CannotProvideGround.NotHeld && p.NotThisAgency && p.Reasons is null:
                return Problem.Invalid(ReasonsRequired, $"{name}（不属于本机关负责公开）应说明理由（条例第三十六条第（五）项）");

            case Outcome.CannotProvide when outcome.CannotProvideGround == CannotProvideGround.UnclearAfterSupplement && p.Reasons is null:
                return Problem.Invalid(ReasonsRequired, $"{name}应说明补正后仍不明确的内容（条例第三十条）");

            case Outcome.NotProcessed when outcome.NotProcessedGround == NotProcessedGround.Repeated && p.EarlierReply is null:
                return Problem.Invalid(EarlierReplyRequired, $"{name}应写明已作出的答复的文号和日期（条例第三十六条第（六）项）");

            case Outcome.NotProcessed when outcome.NotProcessedGround == NotProcessedGround.Excessive && p.Reasons is null:
                return Problem.Invalid(ReasonsRequired, $"{name}应说明认定申请理由不合理的理由（条例第三十五条）");

            case Outcome.Other when outcome.OtherHandlingGround == OtherHandlingGround.Other && p.Reasons is null:
                return Problem.Invalid(ReasonsRequired, $"{name}应说明处理情况和理由");

            default:
                return null;
        }
    }

    private static string Basis(ReplyOutcome outcome) => outcome.Outcome switch
    {
        Outcome.Withheld when outcome.WithholdingGround == WithholdingGround.AdministrativeQuery => "适用的查询程序，条例第三十六条第（七）项",
        Outcome.Withheld => "条例第三十六条第（三）项",
        Outcome.PartlyDisclosed => "不予公开部分的理由，条例第三十七条",
        Outcome.CannotProvide => "补正后仍不明确的内容，条例第三十条",
        Outcome.NotProcessed => "条例第三十五条",
        _ => "处理情况和理由",
    };

    private static Problem? Lengths(ReplyParticulars p)
    {
        static Problem Long(string what, int max) => Problem.Invalid(TooLong, $"{what}不能超过{RequestText.Number(max)}个字");
        if (p.Reasons?.Length > MaxReasonsLength)
        {
            return Long("答复理由", MaxReasonsLength);
        }

        if (p.ObtainFrom?.Length > MaxObtainFromLength)
        {
            return Long("获取信息的方式、途径", MaxObtainFromLength);
        }

        if (p.WithheldParts.Count > MaxWithheldParts)
        {
            return Problem.Invalid(TooLong, $"不予公开的部分最多{RequestText.Number(MaxWithheldParts)}项");
        }

        if (p.WithheldParts.Any(w => w.Part.Length > MaxPartLength))
        {
            return Long("不予公开部分的内容", MaxPartLength);
        }

        if (p.WithheldParts.Any(w => w.Reasons.Length > MaxReasonsLength))
        {
            return Long("不予公开部分的理由", MaxReasonsLength);
        }

        if (p.ResponsibleAgency is { } a && (a.Name.Length > MaxAgencyNameLength || a.Contact.Length > MaxContactLength))
        {
            return a.Name.Length > MaxAgencyNameLength ? Long("负责公开的行政机关名称", MaxAgencyNameLength) : Long("负责公开的行政机关联系方式", MaxContactLength);
        }

        return p.EarlierReply is { } e && e.Number.Length > MaxEarlierReplyNumberLength ? Long("已作出的答复的文号", MaxEarlierReplyNumberLength) : null;
    }

    /// <summary>Texts trimmed, blank ones as absent, a responsible agency with neither name nor contact as none.</summary>
    private static ReplyParticulars Trimmed(ReplyParticulars p)
    {
        static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var agency = p.ResponsibleAgency is { } a && (Text(a.Name) is not null || Text(a.Contact) is not null)
            ? new ResponsibleAgency(Text(a.Name) ?? "", Text(a.Contact) ?? "")
            : null;
        var earlier = p.EarlierReply is { } e && Text(e.Number) is { } number ? e with { Number = number } : null;
        return p with
        {
            Reasons = Text(p.Reasons),
            ObtainFrom = Text(p.ObtainFrom),
            WithheldParts = [.. (p.WithheldParts ?? []).Select(w => new WithheldPart(w.Part?.Trim() ?? "", w.Ground, w.Reasons?.Trim() ?? ""))],
            ResponsibleAgency = agency,
            EarlierReply = earlier,
        };
    }
}
