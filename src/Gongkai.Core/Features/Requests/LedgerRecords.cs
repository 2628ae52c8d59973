using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.AnnualReports.Parsing;
using Gongkai.Domain.AnnualReports.Rules;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Features.Requests;

/// <summary>A valid ledger row: one application as the office recorded it.</summary>
public sealed record LedgerRecord(
    int Row,
    string TrackingNumber,
    DateOnly ReceivedOn,
    Channel Channel,
    ApplicantKind ApplicantKind,
    string ApplicantName,
    string? IdentityNumber,
    string Content,
    ReplyOutcome? Outcome,
    DateOnly? RepliedOn,
    string? Reasons = null);

/// <summary>
/// Validates ledger rows with the Chinese headers <c>申请编号, 收到日期, 申请方式, 申请人类型, 申请人, 证件号码, 申请内容,
/// 办理结果, 答复日期</c> and the optional <c>答复理由</c> (issue 14: the reasons the reply gave, required for the outcomes
/// that need reasons, <see cref="ReplyParticularsRule.CheckImported"/>). Every bad cell of every row is reported, so a
/// file is fixed in one pass.
/// </summary>
public static class LedgerRecords
{
    public const string TrackingNumber = "申请编号";
    public const string ReceivedOn = "收到日期";
    public const string Channel = "申请方式";
    public const string ApplicantKind = "申请人类型";
    public const string Applicant = "申请人";
    public const string IdentityNumber = "证件号码";
    public const string Content = "申请内容";
    public const string Outcome = "办理结果";
    public const string RepliedOn = "答复日期";
    public const string Reasons = "答复理由";

    /// <summary>The columns every ledger must have.</summary>
    public static IReadOnlyList<string> Headers { get; } = [TrackingNumber, ReceivedOn, Channel, ApplicantKind, Applicant, IdentityNumber, Content, Outcome, RepliedOn];

    /// <summary>Every column the import reads, the optional <see cref="Reasons"/> last: what an export writes and the generators fill.</summary>
    public static IReadOnlyList<string> AllHeaders { get; } = [.. Headers, Reasons];

    // 申请方式: the channels and the words offices use for them. A letter in the ledger counts as signed-for
    // post: the ledger's 收到日期 is the receipt date either way (条例 Art 31).
    private static readonly Dictionary<string, Domain.Requests.Channel> Channels = new(StringComparer.Ordinal)
    {
        ["当面"] = Domain.Requests.Channel.InPerson,
        ["当面提交"] = Domain.Requests.Channel.InPerson,
        ["现场"] = Domain.Requests.Channel.InPerson,
        ["窗口"] = Domain.Requests.Channel.InPerson,
        ["口头"] = Domain.Requests.Channel.Oral,
        ["口头提出"] = Domain.Requests.Channel.Oral,
        ["口头申请"] = Domain.Requests.Channel.Oral,
        ["当面申请"] = Domain.Requests.Channel.InPerson,
        ["信函"] = Domain.Requests.Channel.PostSigned,
        ["邮寄"] = Domain.Requests.Channel.PostSigned,
        ["信件"] = Domain.Requests.Channel.PostSigned,
        ["挂号信"] = Domain.Requests.Channel.PostSigned,
        ["平信"] = Domain.Requests.Channel.PostUnsigned,
        ["信函申请"] = Domain.Requests.Channel.PostSigned,
        ["网络"] = Domain.Requests.Channel.Online,
        ["网上申请"] = Domain.Requests.Channel.Online,
        ["网上"] = Domain.Requests.Channel.Online,
        ["在线"] = Domain.Requests.Channel.Online,
        ["在线申请"] = Domain.Requests.Channel.Online,
        ["互联网"] = Domain.Requests.Channel.Online,
        ["网站"] = Domain.Requests.Channel.Online,
        ["电子邮件"] = Domain.Requests.Channel.Email,
        ["邮件"] = Domain.Requests.Channel.Email,
        ["网络申请"] = Domain.Requests.Channel.Online,
        ["传真"] = Domain.Requests.Channel.Fax,
        ["传真申请"] = Domain.Requests.Channel.Fax,
    };

    private static readonly Dictionary<string, Domain.Requests.ApplicantKind> Kinds = new(StringComparer.Ordinal)
    {
        ["自然人"] = Domain.Requests.ApplicantKind.NaturalPerson,
        ["商业企业"] = Domain.Requests.ApplicantKind.CommercialEnterprise,
        ["科研机构"] = Domain.Requests.ApplicantKind.ResearchInstitution,
        ["社会公益组织"] = Domain.Requests.ApplicantKind.PublicWelfareOrganization,
        ["法律服务机构"] = Domain.Requests.ApplicantKind.LegalServiceInstitution,
        ["其他"] = Domain.Requests.ApplicantKind.OtherOrganization,
        ["其他组织"] = Domain.Requests.ApplicantKind.OtherOrganization,
    };

    /// <summary>Every leaf outcome label of both report formats (with or without numbering) → the outcome it records.</summary>
    private static readonly Dictionary<string, ReplyOutcome> Outcomes = BuildOutcomes();

    /// <summary>The word an export writes for each channel: the first the import reads as it (the import's own list, so a new channel's word comes with it).</summary>
    private static readonly Dictionary<Domain.Requests.Channel, string> ChannelWords =
        Channels.GroupBy(c => c.Value).ToDictionary(g => g.Key, g => g.First().Key);

    /// <summary>The label an export writes for each outcome: the first the import reads as it (the 2021 format's row label).</summary>
    private static readonly Dictionary<ReplyOutcome, string> OutcomeWords =
        Outcomes.GroupBy(o => o.Value).ToDictionary(g => g.Key, g => g.First().Key);

    /// <summary>申请方式 as the import reads it back (e.g. 当面, 信函, 网络); null for a channel the import has no word for.</summary>
    public static string? ChannelLabel(Domain.Requests.Channel channel) => ChannelWords.GetValueOrDefault(channel);

    /// <summary>办理结果 as the import reads it back to the same outcome (e.g. 予以公开, 属于国家秘密).</summary>
    public static string OutcomeLabel(ReplyOutcome outcome) =>
        OutcomeWords.TryGetValue(outcome, out var label) ? label : throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "No ledger label.");

    /// <summary>申请人类型 as the import reads it back.</summary>
    public static string KindLabel(Domain.Requests.ApplicantKind kind) => kind.DisplayName();

    public static (List<LedgerRecord> Records, List<LedgerError> Errors) Parse(IReadOnlyList<LedgerRow> rows, WorkCalendar calendar)
    {
        var records = new List<LedgerRecord>(rows.Count);
        var errors = new List<LedgerError>();
        var missing = LedgerFile.MissingHeaders(rows, Headers);
        if (missing.Count > 0)
        {
            errors.AddRange(missing);
            return (records, errors);
        }

        var seen = new RepeatedRows<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var before = errors.Count;
            var record = ParseRow(row, calendar, errors);
            if (record is null || errors.Count > before)
            {
                continue;
            }

            if (seen.Check(record.TrackingNumber, row.Number, TrackingNumber, "申请编号") is { } repeated)
            {
                errors.Add(repeated);
            }
            else
            {
                records.Add(record);
            }
        }

        return (records, errors);
    }

    private static LedgerRecord? ParseRow(LedgerRow row, WorkCalendar calendar, List<LedgerError> errors)
    {
        var start = errors.Count;
        void Fail(string column, string reason) => errors.Add(new LedgerError(row.Number, column, reason));

        var number = Domain.Requests.TrackingNumber.TryParse(row[TrackingNumber]);
        if (!number.IsSuccess)
        {
            Fail(TrackingNumber, number.Problem.Message);
        }

        var received = DateInput.Parse(row[ReceivedOn]);
        if (received is null)
        {
            Fail(ReceivedOn, row[ReceivedOn].Length == 0 ? "不能为空" : $"「{row[ReceivedOn]}」不是日期（应为YYYY-MM-DD、YYYY/M/D或YYYY年M月D日）");
        }
        else if (!calendar.IsWorkingDay(received.Value).IsSuccess)
        {
            Fail(ReceivedOn, calendar.IsWorkingDay(received.Value).Problem.Message);
        }

        if (!Channels.TryGetValue(LabelText.Normalize(row[Channel]), out var channel))
        {
            Fail(Channel, $"「{row[Channel]}」不是申请方式（应为当面、信函、网络或传真）");
        }

        var kindKnown = Kinds.TryGetValue(LabelText.Normalize(row[ApplicantKind]), out var kind);
        if (!kindKnown)
        {
            Fail(ApplicantKind, $"「{row[ApplicantKind]}」不是申请人类型（应为自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他）");
        }

        var name = row[Applicant];
        if (name.Length is 0 or > Domain.Requests.Applicant.MaxNameLength)
        {
            Fail(Applicant, name.Length == 0 ? "不能为空" : $"不能超过{Domain.Requests.Applicant.MaxNameLength}个字");
        }

        var id = row[IdentityNumber].ToUpperInvariant();
        // Natural persons: 居民身份证号码 (GB 11643); organisations: 统一社会信用代码 (GB 32100).
        if (id.Length > 0 && kindKnown)
        {
            var check = kind == Domain.Requests.ApplicantKind.NaturalPerson
                ? Domain.Requests.IdentityNumber.TryParse(id).Map(n => n.Value)
                : CreditCode.TryParse(id).Map(c => c.Value);
            if (!check.IsSuccess)
            {
                Fail(IdentityNumber, check.Problem.Message);
            }
        }

        if (row[Content].Length == 0)
        {
            Fail(Content, "不能为空");
        }

        ReplyOutcome? outcome = null;
        var outcomeText = row[Outcome];
        if (outcomeText.Length > 0 && !Outcomes.TryGetValue(LabelText.StripNumbering(LabelText.Normalize(outcomeText)), out outcome))
        {
            Fail(Outcome, $"「{outcomeText}」不是年度报告的办理结果（如予以公开、部分公开、属于国家秘密、重复申请、其他处理）");
        }

        DateOnly? replied = null;
        if (row[RepliedOn].Length > 0)
        {
            replied = DateInput.Parse(row[RepliedOn]);
            if (replied is null)
            {
                Fail(RepliedOn, $"「{row[RepliedOn]}」不是日期（应为YYYY-MM-DD、YYYY/M/D或YYYY年M月D日）");
            }
            else if (received is { } r && replied < r)
            {
                Fail(RepliedOn, "答复日期早于收到日期");
            }
        }

        if ((outcomeText.Length == 0) != (row[RepliedOn].Length == 0))
        {
            Fail(outcomeText.Length == 0 ? Outcome : RepliedOn, "办理结果和答复日期应同时填写（仍在办理的申请两者都留空）");
        }

        // The reasons the reply gave: the procedure's rule for a concluded case (ReplyParticularsRule), none for an open one.
        var reasons = row[Reasons];
        if (outcome is not null && ReplyParticularsRule.CheckImported(outcome, reasons) is { IsSuccess: false } refused)
        {
            Fail(Reasons, refused.Problem.Message);
        }
        else if (outcomeText.Length == 0 && reasons.Length > 0)
        {
            Fail(Reasons, "仍在办理的申请不应填写答复理由");
        }

        return errors.Count > start
            ? null
            : new LedgerRecord(row.Number, number.Value.Value, received!.Value, channel, kind, name, id.Length > 0 ? id : null, row[Content], outcome, replied,
                reasons.Length > 0 ? reasons : null);
    }

    private static Dictionary<string, ReplyOutcome> BuildOutcomes()
    {
        // Every outcome the statute knows, keyed by the labels of the report rows it is counted in (both formats).
        var outcomes = new List<ReplyOutcome> { ReplyOutcome.Disclosed(), ReplyOutcome.PartlyDisclosed() };
        outcomes.AddRange(Enum.GetValues<WithholdingGround>().Select(ReplyOutcome.Withheld));
        outcomes.AddRange(Enum.GetValues<CannotProvideGround>().Select(ReplyOutcome.CannotProvide));
        outcomes.AddRange(Enum.GetValues<NotProcessedGround>().Select(ReplyOutcome.NotProcessed));
        outcomes.AddRange(Enum.GetValues<OtherHandlingGround>().Select(ReplyOutcome.Other));
        var map = new Dictionary<string, ReplyOutcome>(StringComparer.Ordinal);
        foreach (var format in new[] { ReportFormat.V2021, ReportFormat.V2019 })
        {
            var layout = ReportLayout.For(format);
            foreach (var leaf in ConsistencyRules.OutcomeLeaves(layout))
            {
                var key = leaf.Path["requests.".Length..];
                var outcome = outcomes.FirstOrDefault(o => o.ReportRowKey(format) == key);
                if (outcome is null)
                {
                    continue;
                }

                foreach (var label in leaf.Row.Aliases.Prepend(leaf.Row.Label))
                {
                    map.TryAdd(LabelText.StripNumbering(LabelText.Normalize(label)), outcome);
                }
            }
        }

        // 2019's single row （六）其他处理 is the ledger's usual word for "other".
        map[LabelText.Normalize("其他处理")] = ReplyOutcome.Other(OtherHandlingGround.Other);
        return map;
    }
}
