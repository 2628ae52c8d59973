using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;
using static Gongkai.Domain.Tests.Letters.LetterScenario;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Letters;

/// <summary>Every letter that is not a reply composes from its required facts (spec/letters.md §1–§2) and carries no remedy clause.</summary>
public sealed class LetterComposerTests
{
    private static readonly DateOnly IssuedOn = new(2026, 12, 7);

    private const string Opening = "我机关于2026年12月4日收到您提出的政府信息公开申请（申请编号2026-000012）";

    [Fact]
    public void Receipt_ReceiptDateAndDeadline()
    {
        var letter = Compose(LetterKind.Receipt, Case() with { ReplyDue = new DateOnly(2027, 1, 5) });

        Assert.Equal("政府信息公开申请接收回执", letter.Title);
        Assert.Equal("东外联依申收〔2026〕第3号", letter.Number);
        Assert.Equal("张三：", letter.Addressee);
        Assert.StartsWith(Opening, letter.Paragraphs[0], StringComparison.Ordinal);
        Assert.Contains("《中华人民共和国政府信息公开条例》第三十一条", Text(letter), StringComparison.Ordinal);
        Assert.Contains("2027年1月5日", Text(letter), StringComparison.Ordinal);
    }

    [Fact]
    public void Supplement_EveryItemOnceAndThePeriod()
    {
        var letter = Compose(LetterKind.Supplement, Case() with
        {
            SupplementItems = ["所需信息的年份", "获取信息的方式"],
            SupplementPeriodEnd = new DateOnly(2026, 12, 21),
        });

        Assert.StartsWith(Opening, letter.Paragraphs[0], StringComparison.Ordinal);
        Assert.Contains("（一）所需信息的年份", letter.Paragraphs);
        Assert.Contains("（二）获取信息的方式", letter.Paragraphs);
        Assert.Contains("一次性", Text(letter), StringComparison.Ordinal);
        Assert.Contains("2026年12月21日", Text(letter), StringComparison.Ordinal);
        Assert.Contains("《中华人民共和国政府信息公开条例》第三十条", Text(letter), StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainReasons_TheHandlersReasons() =>
        Assert.Contains("本月已就同类事项提出申请45件",
            Text(Compose(LetterKind.ExplainReasons, Case() with { Reasons = "本月已就同类事项提出申请45件" })), StringComparison.Ordinal);

    [Fact]
    public void Extension_DaysAndNewDeadline()
    {
        var text = Text(Compose(LetterKind.Extension, Case() with
        {
            ExtensionWorkingDays = 20,
            ExtendedDue = new DateOnly(2027, 2, 2),
            Reasons = "所需信息涉及多个年度的档案，检索工作量较大",
        }));

        Assert.Contains("20个工作日", text, StringComparison.Ordinal);
        Assert.Contains("2027年2月2日", text, StringComparison.Ordinal);
        Assert.Contains("负责人同意", text, StringComparison.Ordinal);
        Assert.Contains("第三十三条第二款", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ThirdPartyConsultation_ToTheThirdParty_NoApplicantName()
    {
        var letter = Compose(LetterKind.ThirdPartyConsultation, Case() with { ThirdPartyName = "北京某某旅行社有限公司" });

        Assert.Equal("北京某某旅行社有限公司：", letter.Addressee);
        Assert.DoesNotContain("张三", Text(letter), StringComparison.Ordinal);
        Assert.Contains("15个工作日", Text(letter), StringComparison.Ordinal);
        Assert.Contains("第三十二条", Text(letter), StringComparison.Ordinal);
    }

    [Fact]
    public void ThirdPartyNotice_ContentAndReasons()
    {
        var text = Text(Compose(LetterKind.ThirdPartyNotice, Case() with
        {
            ThirdPartyName = "北京某某旅行社有限公司",
            DisclosedContent = "接待服务合同的金额和期限",
            Reasons = "合同金额涉及财政资金使用，公开有利于公共利益",
        }));

        Assert.Contains("接待服务合同的金额和期限", text, StringComparison.Ordinal);
        Assert.Contains("合同金额涉及财政资金使用，公开有利于公共利益", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AgencyConsultation_FifteenDaysSilenceIsConsent()
    {
        var letter = Compose(LetterKind.AgencyConsultation, Case() with { OtherAgencyName = "北京市东城区财政局" });

        Assert.Equal("北京市东城区财政局：", letter.Addressee);
        Assert.Contains("视为同意公开", Text(letter), StringComparison.Ordinal);
        Assert.Contains("第三十四条", Text(letter), StringComparison.Ordinal);
    }

    [Fact]
    public void FeeNotice_ComputationTierByTierAmountAndPayment()
    {
        var letter = Compose(LetterKind.FeeNotice, Case() with
        {
            Fee = new FeeFacts(FeeBasis.PerApplication, 1, EarlierInMonth: 30, PaymentMethod: "通过非税收入缴款书在指定银行缴纳"),
        });

        Assert.Contains("第31件：1件×200元/件=200元；", letter.Paragraphs);
        Assert.Contains("应缴金额：200元。", letter.Paragraphs);
        Assert.Contains("通过非税收入缴款书在指定银行缴纳", Text(letter), StringComparison.Ordinal);
        Assert.Contains("20个工作日", Text(letter), StringComparison.Ordinal);
        Assert.Contains("《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", Text(letter),
            StringComparison.Ordinal);
    }

    [Fact]
    public void NonDecisions_CarryNoRemedyClause()
    {
        foreach (var letter in new[]
        {
            Compose(LetterKind.Receipt, Case() with { ReplyDue = new DateOnly(2027, 1, 5) }),
            Compose(LetterKind.Supplement, Case() with { SupplementItems = ["年份"], SupplementPeriodEnd = new DateOnly(2026, 12, 21) }),
            Compose(LetterKind.Extension, Case() with { ExtensionWorkingDays = 10, ExtendedDue = new DateOnly(2027, 1, 19), Reasons = "检索量大" }),
            Compose(LetterKind.AgencyConsultation, Case() with { OtherAgencyName = "北京市东城区财政局" }),
        })
        {
            Assert.DoesNotContain("行政复议", Text(letter), StringComparison.Ordinal);
            Assert.DoesNotContain("行政诉讼", Text(letter), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(LetterKind.Receipt, "{答复期限}")]
    [InlineData(LetterKind.Supplement, "{补正事项}")]
    [InlineData(LetterKind.ExplainReasons, "{理由}")]
    [InlineData(LetterKind.Extension, "{理由}")]
    [InlineData(LetterKind.ThirdPartyConsultation, "{第三方}")]
    [InlineData(LetterKind.ThirdPartyNotice, "{第三方}")]
    [InlineData(LetterKind.AgencyConsultation, "{被征求意见机关}")]
    [InlineData(LetterKind.FeeNotice, "{计费明细}")]
    public void RequiredFactsMissing_RefusedNamingTheField(LetterKind kind, string field)
    {
        var problem = Fails(LetterComposer.Compose(LetterTemplates.Default(kind), Case(), Settings, IssuedOn, Number(kind, 2026)), "letter.factMissing");

        Assert.Contains($"“{field}”", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoContactOrAgencyName_Refused()
    {
        var facts = Case() with { ReplyDue = new DateOnly(2027, 1, 5) };
        var template = LetterTemplates.Default(LetterKind.Receipt);

        var noContact = Settings with { OfficeName = "", OfficeAddress = "", OfficePhone = "" };
        Assert.Contains("{联系方式}", Fails(LetterComposer.Compose(template, facts, noContact, IssuedOn, Number(LetterKind.Receipt, 2026)), "letter.factMissing")
            .Message, StringComparison.Ordinal);
        Fails(LetterComposer.Compose(template, facts, Settings with { AgencyName = "" }, IssuedOn, Number(LetterKind.Receipt, 2026)), "letter.agencyName");
    }

    [Fact]
    public void From_ARequestOfTheProcedure_ReceiptAndA2020Reconstruction()
    {
        var request = Requests.RequestScenario.Processing();
        var facts = LetterCase.From(request);
        Assert.Equal("张三", facts.ApplicantName);
        Assert.Equal(new DateOnly(2020, 9, 24), facts.ReceivedOn);

        var receipt = Ok(LetterComposer.Compose(LetterTemplates.Default(LetterKind.Receipt), facts, Settings, facts.ReceivedOn,
            Number(LetterKind.Receipt, 2020)));
        Assert.StartsWith("我机关于2020年9月24日收到您提出的政府信息公开申请（申请编号DC-2020-0001）", receipt.Paragraphs[0], StringComparison.Ordinal);
        Assert.Contains(ChineseDate.Format(request.ReplyDue!.Value), Text(receipt), StringComparison.Ordinal);

        var reply = Ok(LetterComposer.Compose(LetterTemplates.Default(LetterKind.Reply),
            facts with { Outcome = ReplyOutcome.CannotProvide(CannotProvideGround.NeedsCreation) }, Settings, new DateOnly(2020, 10, 20),
            Number(LetterKind.Reply, 2020), LetterMark.Reconstruction()));
        Assert.Equal("本答复书系根据办理记录重新生成", reply.Mark);
        Assert.Contains("本答复依据《中华人民共和国政府信息公开条例》第三十八条的规定作出。", reply.Paragraphs);
        Assert.Contains(reply.Paragraphs, p => p.Contains("或者自知道该具体行政行为之日起6个月内", StringComparison.Ordinal));
    }

    [Fact]
    public void ApplicantTextWithBraces_CopiedAsWritten()
    {
        var letter = Compose(LetterKind.Receipt, Case() with { Content = "请公开{理由}和{申请人}字样的文件{", ReplyDue = new DateOnly(2027, 1, 5) });

        Assert.Contains("申请获取“请公开{理由}和{申请人}字样的文件{”", letter.Paragraphs[0], StringComparison.Ordinal);

        // A value filled before a later field of the same line is not read again as a template.
        var template = Ok(LetterTemplate.Parse(LetterKind.Receipt, "[称呼]\n{申请人}：\n[正文]\n“{申请内容}”收到于{收到日期}（{申请编号}）。{联系方式}\n"));
        var own = Ok(LetterComposer.Compose(template, Case() with { Content = "{收到日期}" }, Settings, IssuedOn, Number(LetterKind.Receipt, 2026)));
        Assert.StartsWith("“{收到日期}”收到于2026年12月4日（2026-000012）。", own.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void PlainText_MarkTitleNumberAddresseeBodySignatoryDate()
    {
        var letter = Compose(LetterKind.AgencyConsultation, Case() with { OtherAgencyName = "北京市东城区财政局" }) with { Mark = "本征求意见函系根据办理记录重新生成" };
        var lines = letter.PlainText().Split('\n');

        Assert.Equal(["本征求意见函系根据办理记录重新生成", "政府信息公开征求意见函", "东外联依申商〔2026〕第3号", "北京市东城区财政局："], lines[..4]);
        Assert.Equal(letter.Paragraphs, lines[4..^2]);
        Assert.Equal(["北京市东城区人民政府外事办公室", "二〇二六年十二月七日"], lines[^2..]);
    }

    private static LetterDocument Compose(LetterKind kind, LetterCase facts) =>
        Ok(LetterComposer.Compose(LetterTemplates.Default(kind), facts, Settings, IssuedOn, Number(kind, 2026)));

    private static string Text(LetterDocument letter) => string.Join('\n', letter.Paragraphs);
}
