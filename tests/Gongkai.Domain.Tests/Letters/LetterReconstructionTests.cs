using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;
using static Gongkai.Domain.Tests.Letters.LetterScenario;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Letters;

/// <summary>
/// The reply of a case closed before letters existed, rebuilt from a ledger's records (issue 14, item 8): marked, no
/// 文号, dated its reply, and a placeholder where the records lack a fact an issued letter would be refused without.
/// </summary>
public sealed class LetterReconstructionTests
{
    private static readonly DateOnly ReceivedIn2020 = new(2020, 9, 24);
    private static readonly DateOnly RepliedIn2020 = new(2020, 10, 20);

    private static LetterCase Ledger(ReplyOutcome outcome, string? reasons = null) =>
        Case(outcome, reasons is null ? null : new ReplyParticulars { Reasons = reasons }) with { ReceivedOn = ReceivedIn2020 };

    [Fact]
    public void Reconstruct_DisclosedWithoutObtainFrom_MarkedUnknownNumberDatedItsReplyPlaceholderPrinted()
    {
        var letter = Ok(LetterComposer.Reconstruct(LetterTemplates.Default(LetterKind.Reply), Ledger(ReplyOutcome.Disclosed()), Settings, RepliedIn2020));

        Assert.Equal("本答复书系根据办理记录重新生成", letter.Mark);
        Assert.Equal(LetterComposer.UnknownNumber, letter.Number);
        Assert.Equal("文号不详", letter.Number);
        Assert.Equal((RepliedIn2020, "二〇二〇年十月二十日"), (letter.IssuedOn, letter.IssuedOnText));
        Assert.Contains("本机关决定予以公开。获取该政府信息的方式、途径和时间：【原办理记录未载明】。", string.Join('\n', letter.Paragraphs), StringComparison.Ordinal);
        Assert.StartsWith("我机关于2020年9月24日收到您提出的政府信息公开申请", letter.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SameFactsIssuedToday_RefusedNamingTheField()
    {
        var number = Number(LetterKind.Reply, 2026);

        var problem = Fails(LetterComposer.Compose(LetterTemplates.Default(LetterKind.Reply), Ledger(ReplyOutcome.Disclosed()), Settings, IssuedAfter, number),
            "letter.factMissing");

        Assert.Contains("{获取方式}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconstruct_RepliedBefore2024_TheOldRemedyClause()
    {
        var letter = Ok(LetterComposer.Reconstruct(
            LetterTemplates.Default(LetterKind.Reply), Ledger(ReplyOutcome.Withheld(WithholdingGround.ThirdPartyRights), "涉及个人隐私"), Settings, RepliedIn2020));
        var text = string.Join('\n', letter.Paragraphs);

        // 2017 行政复议法 Art 9, 12¶1 (本级人民政府 or 上一级主管部门); 行政诉讼法 Art 46; no 复议前置 before 2024-01-01.
        Assert.Contains("理由：涉及个人隐私。", text, StringComparison.Ordinal);
        Assert.Contains("自知道该具体行政行为之日起60日内向北京市东城区人民政府或者北京市人民政府外事办公室申请行政复议", text, StringComparison.Ordinal);
        Assert.Contains("6个月内向北京市东城区人民法院提起行政诉讼", text, StringComparison.Ordinal);
        Assert.DoesNotContain("应当先申请行政复议", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconstruct_PartlyDisclosedWithOnlyTheLedgersReasons_PartsMarkedMissingReasonsKept()
    {
        var letter = Ok(LetterComposer.Reconstruct(
            LetterTemplates.Default(LetterKind.Reply), Ledger(ReplyOutcome.PartlyDisclosed(), "其中涉及个人信息的部分不予公开"), Settings, RepliedIn2020));

        Assert.Contains("【原办理记录未载明】（办理记录中的答复理由：其中涉及个人信息的部分不予公开）", letter.Paragraphs);
        Assert.Contains("获取的方式、途径和时间：【原办理记录未载明】", string.Join('\n', letter.Paragraphs), StringComparison.Ordinal);
    }

    [Fact]
    public void Reconstruct_PartlyDisclosedRepliedIn2025_WithheldPartsOfUnknownGroundGetReconsiderationFirst()
    {
        var letter = Ok(LetterComposer.Reconstruct(
            LetterTemplates.Default(LetterKind.Reply), Ledger(ReplyOutcome.PartlyDisclosed(), "其中涉及个人信息的部分不予公开"), Settings, new DateOnly(2025, 3, 3)));
        var text = string.Join('\n', letter.Paragraphs);

        // 行政复议法 2023 Art 23¶1(四), ¶2; 行政诉讼法 Art 45: 15 days after the 复议 decision, no direct lawsuit.
        Assert.Contains("应当先申请行政复议", text, StringComparison.Ordinal);
        Assert.Contains("15日内", text, StringComparison.Ordinal);
        Assert.DoesNotContain("6个月", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconstruct_SettingsWithoutContact_RefusedNamingTheField()
    {
        var noContact = Settings with { OfficeName = "", OfficeAddress = "", OfficePhone = "" };

        var problem = Fails(LetterComposer.Reconstruct(LetterTemplates.Default(LetterKind.Reply), Ledger(ReplyOutcome.Disclosed()), noContact, RepliedIn2020),
            "letter.factMissing");

        Assert.Contains("{联系方式}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconstruct_DatedBeforeTheReceipt_Refused() =>
        Fails(LetterComposer.Reconstruct(LetterTemplates.Default(LetterKind.Reply), Ledger(ReplyOutcome.Disclosed()), Settings, ReceivedIn2020.AddDays(-1)),
            "letter.issuedBeforeReceipt");
}
