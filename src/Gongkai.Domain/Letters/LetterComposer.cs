using System.Globalization;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Letters;

/// <summary>
/// Composes a letter from its template, the case and the agency's settings (spec/letters.md §2–§5): pure, so a letter
/// re-printed with its original date and template gives the same document, remedy clause included.
/// </summary>
public static class LetterComposer
{
    /// <summary>The number line of a reconstruction: the letter, if one was sent, had a 文号 the records do not hold.</summary>
    public const string UnknownNumber = "文号不详";

    /// <summary>What a reconstruction prints where the records lack a fact the template uses.</summary>
    public const string NotInRecords = "【原办理记录未载明】";

    private static readonly Dictionary<string, string> Needs = new(StringComparer.Ordinal)
    {
        [LetterFields.Applicant] = "申请人的姓名或者名称",
        [LetterFields.Content] = "申请公开的政府信息的描述",
        [LetterFields.Contact] = "政府信息公开工作机构的名称、地址和电话（机关设置）",
        [LetterFields.Agency] = "机关名称（机关设置）",
        [LetterFields.ReplyDue] = "答复期限",
        [LetterFields.SupplementItems] = "需要补正的全部事项（条例第三十条：一次性告知）",
        [LetterFields.SupplementPeriodEnd] = "补正期限",
        [LetterFields.Reasons] = "理由（法律要求说明理由）",
        [LetterFields.ExplanationDue] = "说明理由的期限",
        [LetterFields.ExtensionDays] = "延长的工作日数",
        [LetterFields.ExtendedDue] = "延期后的答复期限",
        [LetterFields.ThirdParty] = "第三方的名称",
        [LetterFields.DisclosedContent] = "决定公开的政府信息内容",
        [LetterFields.ConsultedAgency] = "被征求意见机关的名称",
        [LetterFields.FeeComputation] = "收费的计算依据（计费方式和件数或页数）",
        [LetterFields.FeeAmount] = "收费金额",
        [LetterFields.PaymentMethod] = "缴纳方式",
        [LetterFields.FeeDue] = "缴费期限",
        [LetterFields.ObtainFrom] = "获取该政府信息的方式、途径和时间",
        [LetterFields.WithheldParts] = "每一项不予公开的内容及其理由（条例第三十七条）",
        [LetterFields.PartContent] = "不予公开的内容",
        [LetterFields.EarlierReplyNumber] = "前次答复的文号和日期",
        [LetterFields.EarlierReplyDate] = "前次答复的文号和日期",
        [LetterFields.SupplementNoticeNumber] = "补正告知书的文号、日期和补正期限",
        [LetterFields.SupplementNoticeDate] = "补正告知书的文号、日期和补正期限",
        [LetterFields.FeeNoticeNumber] = "收费通知书的文号、日期和缴费期限",
        [LetterFields.FeeNoticeDate] = "收费通知书的文号、日期和缴费期限",
    };

    /// <summary>
    /// The letter of <paramref name="template"/>'s kind, numbered <paramref name="number"/> and dated <paramref name="issuedOn"/>;
    /// refused when the case lacks a fact the template uses (the problem names the field).
    /// </summary>
    public static Result<LetterDocument> Compose(
        LetterTemplate template, LetterCase facts, LetterSettings settings, DateOnly issuedOn, LetterNumber number, LetterMark? mark = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(number);
        var kind = template.Kind;
        if (number.Kind != kind)
        {
            return Problem.Invalid("letter.numberKind", $"文号“{number}”不是{template.Title}的文号");
        }

        if (number.Year != issuedOn.Year)
        {
            return Problem.Invalid("letter.numberYear", $"文号“{number}”的年份与出具日期{ChineseDate.Format(issuedOn)}不符");
        }

        if (issuedOn < facts.ReceivedOn)
        {
            return Problem.Invalid("letter.issuedBeforeReceipt",
                $"出具日期{ChineseDate.Format(issuedOn)}早于收到申请之日{ChineseDate.Format(facts.ReceivedOn)}");
        }

        return Build(template, facts, settings, issuedOn, number.ToString(), mark, reconstruction: false);
    }

    /// <summary>
    /// The letter of a case closed before letters existed (an imported ledger), rebuilt from its records: marked as a
    /// reconstruction (<see cref="LetterMark.Reconstruction"/>), dated <paramref name="decidedOn"/> (so the remedy clause
    /// is the one of that day) and with <see cref="UnknownNumber"/> for its 文号, since none is allocated: it is not issued.
    /// </summary>
    /// <remarks>
    /// Where the records lack a fact of the case (a ledger holds outcome, dates and at most reasons: no 获取方式, no
    /// withheld parts, no cited notices) the reconstruction prints <see cref="NotInRecords"/> instead of refusing: the
    /// decision was made long ago and cannot be completed now without inventing it, a refusal would leave such a case
    /// (the seed's 2020 予以公开 reply among them) with no copy at all, and the placeholder tells the reader plainly what
    /// the records do not say. What the agency's settings lack (its name, the contact) is still refused, naming the
    /// field: that is fixed today, in the settings.
    /// </remarks>
    public static Result<LetterDocument> Reconstruct(LetterTemplate template, LetterCase facts, LetterSettings settings, DateOnly decidedOn)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        if (decidedOn < facts.ReceivedOn)
        {
            return Problem.Invalid("letter.issuedBeforeReceipt",
                $"答复日期{ChineseDate.Format(decidedOn)}早于收到申请之日{ChineseDate.Format(facts.ReceivedOn)}");
        }

        return Build(template, facts, settings, decidedOn, UnknownNumber, LetterMark.Reconstruction(), reconstruction: true);
    }

    private static Result<LetterDocument> Build(
        LetterTemplate template, LetterCase facts, LetterSettings settings, DateOnly issuedOn, string number, LetterMark? mark, bool reconstruction)
    {
        var kind = template.Kind;
        if (string.IsNullOrWhiteSpace(settings.AgencyName))
        {
            return Problem.Invalid("letter.agencyName", "未设置机关名称，文书无法署名");
        }

        Problem Missing(string field) => Problem.Invalid("letter.factMissing",
            $"{template.Title}缺少“{{{field}}}”：{(Needs.TryGetValue(field, out var need) ? need : "办理记录中没有该项信息")}");

        var values = CommonValues(facts, settings);
        if (reconstruction)
        {
            // Set below where the case has the fact; what stays is what the records lack (the settings' fields excepted).
            foreach (var field in LetterFields.Allowed(kind).Where(f => f is not (LetterFields.Contact or LetterFields.Agency)))
            {
                values.TryAdd(field, One(NotInRecords));
            }
        }

        if (kind == LetterKind.Reply)
        {
            var decision = Decision(template, facts, settings, issuedOn, values, Missing);
            if (!decision.IsSuccess)
            {
                return decision.Problem;
            }
        }
        else
        {
            var added = LetterValues(kind, facts, values);
            if (added is not null)
            {
                return added;
            }
        }

        var salutation = template.Fill(LetterFields.SalutationSection, values, Missing);
        if (!salutation.IsSuccess)
        {
            return salutation.Problem;
        }

        var body = template.Fill(LetterFields.BodySection, values, Missing);
        if (!body.IsSuccess)
        {
            return body.Problem;
        }

        return new LetterDocument(template.Title, number, string.Concat(salutation.Value), body.Value, settings.AgencyName.Trim(), issuedOn)
        {
            Mark = mark?.Text(ShortTitle(template.Title)),
            TemplateVersion = template.Version,
        };
    }

    /// <summary>The reply's decision: the outcome's section, its legal basis sentence (§3) and its remedy clause (§4).</summary>
    private static Result<bool> Decision(
        LetterTemplate template, LetterCase facts, LetterSettings settings, DateOnly issuedOn, Dictionary<string, IReadOnlyList<string>> values,
        Func<string, Problem> missing)
    {
        if (facts.Outcome is not { } outcome)
        {
            return Problem.Invalid("letter.outcomeMissing", "答复书须有答复结果");
        }

        var p = facts.Particulars;
        values[LetterFields.ReplyBasis] = One(LegalBases.ForReply(outcome, p, facts.ThirdPartyConsulted).ReplySentence);
        values[LetterFields.Remedy] = One(Remedies.ForReply(issuedOn, outcome, p, settings).Text);
        Put(values, LetterFields.Reasons, p.Reasons);
        Put(values, LetterFields.ObtainFrom, p.ObtainFrom);
        values[LetterFields.Remarks] = One(p.Reasons?.Trim() ?? "");
        values[LetterFields.ProperChannel] = One(string.IsNullOrWhiteSpace(p.ObtainFrom) ? "相应渠道" : p.ObtainFrom.Trim());
        values[LetterFields.ResponsibleAgency] = One(p.ResponsibleAgency is { } agency
            ? $"负责公开该政府信息的行政机关：{agency.Name}，联系方式：{agency.Contact}。"
            : "本机关无法确定负责公开该政府信息的行政机关。");
        if (p.EarlierReply is { } earlier)
        {
            Put(values, LetterFields.EarlierReplyNumber, earlier.Number);
            values[LetterFields.EarlierReplyDate] = One(ChineseDate.Format(earlier.IssuedOn));
        }

        Cite(values, facts.SupplementNotice, LetterFields.SupplementNoticeNumber, LetterFields.SupplementNoticeDate, LetterFields.SupplementPeriodEnd);
        Cite(values, facts.FeeNotice, LetterFields.FeeNoticeNumber, LetterFields.FeeNoticeDate, LetterFields.FeeDue);

        if (outcome.Outcome == Outcome.PartlyDisclosed && p.WithheldParts.Count == 0)
        {
            if (!values.ContainsKey(LetterFields.WithheldParts))
            {
                return missing(LetterFields.WithheldParts);
            }

            // A reconstruction of a ledger's 部分公开: no parts recorded, only the reasons, which are kept.
            values[LetterFields.WithheldParts] = One(string.IsNullOrWhiteSpace(p.Reasons) ? NotInRecords : $"{NotInRecords}（办理记录中的答复理由：{p.Reasons.Trim()}）");
        }
        else if (outcome.Outcome == Outcome.PartlyDisclosed)
        {
            var parts = new List<string>();
            for (var i = 0; i < p.WithheldParts.Count; i++)
            {
                var part = p.WithheldParts[i];
                var partValues = new Dictionary<string, IReadOnlyList<string>>(values, StringComparer.Ordinal)
                {
                    [LetterFields.PartNumber] = One(i < 99 ? $"（{ChineseNumerals.Of(i + 1)}）" : ""),
                    [LetterFields.PartGround] = One(part.Ground.DisplayName()),
                    [LetterFields.PartBasis] = One(Citation.Regulation + string.Join('、', LegalBases.ForWithheldPart(part.Ground, facts.ThirdPartyConsulted))),
                };
                partValues.Remove(LetterFields.Reasons);
                Put(partValues, LetterFields.Reasons, part.Reasons);
                Put(partValues, LetterFields.PartContent, part.Part);
                var line = template.Fill(LetterFields.WithheldPartSection, partValues, missing);
                if (!line.IsSuccess)
                {
                    return line.Problem;
                }

                parts.AddRange(line.Value);
            }

            values[LetterFields.WithheldParts] = parts;
        }

        var section = template.Fill(LetterFields.ReplySection(outcome, p), values, missing);
        if (!section.IsSuccess)
        {
            return section.Problem;
        }

        values[LetterFields.Decision] = section.Value;
        return true;
    }

    /// <summary>The values of a letter that is not a reply; a problem when the fee cannot be computed.</summary>
    private static Problem? LetterValues(LetterKind kind, LetterCase facts, Dictionary<string, IReadOnlyList<string>> values)
    {
        values[LetterFields.Basis] = One(LegalBases.ForLetter(kind).Phrase);
        Put(values, LetterFields.Reasons, facts.Reasons);
        PutDate(values, LetterFields.ReplyDue, facts.ReplyDue);
        PutDate(values, LetterFields.SupplementPeriodEnd, facts.SupplementPeriodEnd);
        PutDate(values, LetterFields.ExplanationDue, facts.ExplanationDue);
        PutDate(values, LetterFields.ExtendedDue, facts.ExtendedDue);
        Put(values, LetterFields.ThirdParty, facts.ThirdPartyName);
        Put(values, LetterFields.DisclosedContent, facts.DisclosedContent);
        Put(values, LetterFields.ConsultedAgency, facts.OtherAgencyName);
        if (facts.ExtensionWorkingDays is { } days && days > 0)
        {
            values[LetterFields.ExtensionDays] = One(days.ToString(CultureInfo.InvariantCulture) + "个工作日");
        }

        var items = facts.SupplementItems.Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        if (items.Count > 0)
        {
            values[LetterFields.SupplementItems] = [.. items.Select((item, i) => (i < 99 ? $"（{ChineseNumerals.Of(i + 1)}）" : "") + item.Trim())];
        }

        if (facts.Fee is { } fee)
        {
            var computation = FeeComputation.Of(fee);
            if (!computation.IsSuccess)
            {
                return computation.Problem;
            }

            values[LetterFields.FeeComputation] = computation.Value.Lines(facts.ReceivedOn);
            values[LetterFields.FeeAmount] = One(FeeComputation.Yuan(computation.Value.Total));
            Put(values, LetterFields.PaymentMethod, fee.PaymentMethod);
        }

        return null;
    }

    private static Dictionary<string, IReadOnlyList<string>> CommonValues(LetterCase facts, LetterSettings settings)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        Put(values, LetterFields.Applicant, facts.ApplicantName);
        Put(values, LetterFields.TrackingNumber, facts.TrackingNumber);
        values[LetterFields.ReceivedOn] = One(ChineseDate.Format(facts.ReceivedOn));
        Put(values, LetterFields.Content, facts.Content);
        Put(values, LetterFields.Agency, settings.AgencyName);
        var contact = new[]
        {
            settings.OfficeName.Trim(),
            string.IsNullOrWhiteSpace(settings.OfficeAddress) ? "" : "地址：" + settings.OfficeAddress.Trim(),
            string.IsNullOrWhiteSpace(settings.OfficePhone) ? "" : "电话：" + settings.OfficePhone.Trim(),
        }.Where(s => s.Length > 0).ToList();
        if (contact.Count > 0)
        {
            values[LetterFields.Contact] = One(string.Join('，', contact));
        }

        return values;
    }

    private static void Cite(Dictionary<string, IReadOnlyList<string>> values, CitedLetter? letter, string number, string date, string deadline)
    {
        if (letter is null || string.IsNullOrWhiteSpace(letter.Number))
        {
            return;
        }

        values[number] = One(letter.Number.Trim());
        values[date] = One(ChineseDate.Format(letter.IssuedOn));
        values[deadline] = One(ChineseDate.Format(letter.Deadline));
    }

    private static void Put(Dictionary<string, IReadOnlyList<string>> values, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            values[field] = One(value.Trim());
        }
    }

    private static void PutDate(Dictionary<string, IReadOnlyList<string>> values, string field, DateOnly? date)
    {
        if (date is { } d)
        {
            values[field] = One(ChineseDate.Format(d));
        }
    }

    private static string[] One(string value) => [value];

    /// <summary>The title without its 政府信息公开(申请) head, as the mark says it: 答复书, 接收回执.</summary>
    private static string ShortTitle(string title) =>
        title.StartsWith("政府信息公开申请", StringComparison.Ordinal) ? title["政府信息公开申请".Length..]
        : title.StartsWith("政府信息公开", StringComparison.Ordinal) ? title["政府信息公开".Length..]
        : title;
}
