using System.Text.RegularExpressions;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;
using static Gongkai.Domain.Tests.Letters.LetterScenario;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Letters;

/// <summary>
/// Issue 14's acceptance for the reply: each of the 21 leaf outcomes of the 2021 format (and the 予以公开 / 本机关不掌握
/// splits) composed into a 答复书 and checked against spec/letters.md §2–§4, written from the spec's table.
/// </summary>
public sealed partial class ReplyLetterTests
{
    private static readonly WithheldPart[] Parts =
    [
        new("申请材料中所列接待对象的身份证号码", WithholdingGround.ThirdPartyRights, "涉及个人隐私，公开会对第三方合法权益造成损害"),
        new("经费审批流转单", WithholdingGround.InternalAffairs, "属于内部工作流程信息"),
    ];

    /// <summary>
    /// name → (outcome, particulars, the articles of §3 as the letter cites them, texts the letter must carry, 复议前置 from 2024).
    /// </summary>
    private static readonly Dictionary<string, ReplyCase> Cases = new()
    {
        ["予以公开（已主动公开）"] = new(ReplyOutcome.Disclosed(),
            new() { AlreadyPublished = true, ObtainFrom = "东城区人民政府网站 http://www.bjdch.gov.cn/zwgk/2026/41.html" },
            "《中华人民共和国政府信息公开条例》第三十六条第（一）项", ["http://www.bjdch.gov.cn/zwgk/2026/41.html", "已经主动公开"], false),
        ["予以公开"] = new(ReplyOutcome.Disclosed(), new() { ObtainFrom = "随本答复书附送电子文本，共3页" },
            "《中华人民共和国政府信息公开条例》第三十六条第（二）项", ["随本答复书附送电子文本，共3页", "予以公开"], false),
        ["部分公开"] = new(ReplyOutcome.PartlyDisclosed(), new() { ObtainFrom = "随本答复书附送可以公开部分的电子文本", WithheldParts = Parts },
            "《中华人民共和国政府信息公开条例》第十五条、第十六条第一款、第三十六条第（二）项、第三十六条第（三）项、第三十七条",
            [
                "随本答复书附送可以公开部分的电子文本",
                "申请材料中所列接待对象的身份证号码", "涉及个人隐私，公开会对第三方合法权益造成损害", "《中华人民共和国政府信息公开条例》第十五条",
                "经费审批流转单", "属于内部工作流程信息", "《中华人民共和国政府信息公开条例》第十六条第一款",
            ], true),
        ["不予公开1"] = Withheld(WithholdingGround.StateSecret, "第十四条、第三十六条第（三）项", true),
        ["不予公开2"] = Withheld(WithholdingGround.ProhibitedByLaw, "第十四条、第三十六条第（三）项", true),
        ["不予公开3"] = Withheld(WithholdingGround.SecurityStability, "第十四条、第三十六条第（三）项", true),
        ["不予公开4"] = Withheld(WithholdingGround.ThirdPartyRights, "第十五条、第三十六条第（三）项", true),
        ["不予公开5"] = Withheld(WithholdingGround.InternalAffairs, "第十六条第一款、第三十六条第（三）项", true),
        ["不予公开6"] = Withheld(WithholdingGround.ProcessInformation, "第十六条第二款、第三十六条第（三）项", true),
        ["不予公开7"] = Withheld(WithholdingGround.EnforcementCaseFile, "第十六条第二款、第三十六条第（三）项", true),
        ["不予公开8"] = Withheld(WithholdingGround.AdministrativeQuery, "第三十六条第（七）项", false),
        ["无法提供1（不存在）"] = new(ReplyOutcome.CannotProvide(CannotProvideGround.NotHeld), new(),
            "《中华人民共和国政府信息公开条例》第三十六条第（四）项", ["不存在"], false),
        ["无法提供1（非本机关）"] = new(ReplyOutcome.CannotProvide(CannotProvideGround.NotHeld),
            new()
            {
                NotThisAgency = true,
                Reasons = "外事接待经费由区财政局统一管理",
                ResponsibleAgency = new("北京市东城区财政局", "北京市东城区东四北大街1号，010-64098765"),
            },
            "《中华人民共和国政府信息公开条例》第三十六条第（五）项",
            ["不属于本机关负责公开", "外事接待经费由区财政局统一管理", "北京市东城区财政局", "北京市东城区东四北大街1号，010-64098765"], false),
        ["无法提供2"] = new(ReplyOutcome.CannotProvide(CannotProvideGround.NeedsCreation), new(),
            "《中华人民共和国政府信息公开条例》第三十八条", ["加工、分析"], false),
        ["无法提供3"] = new(ReplyOutcome.CannotProvide(CannotProvideGround.UnclearAfterSupplement),
            new() { Reasons = "补正后仍未说明所指的接待活动及年份" }, "《中华人民共和国政府信息公开条例》第三十条",
            ["补正后仍未说明所指的接待活动及年份", "仍不明确"], false),
        ["不予处理1"] = new(ReplyOutcome.NotProcessed(NotProcessedGround.PetitionOrComplaint), new() { ObtainFrom = "12345市民服务热线" },
            "《中华人民共和国政府信息公开条例》第三十九条第一款", ["不作为政府信息公开申请处理", "12345市民服务热线"], false),
        ["不予处理2"] = new(ReplyOutcome.NotProcessed(NotProcessedGround.Repeated),
            new() { EarlierReply = new("东外联依申复〔2026〕第1号", new DateOnly(2026, 11, 2)) },
            "《中华人民共和国政府信息公开条例》第三十六条第（六）项", ["东外联依申复〔2026〕第1号", "2026年11月2日", "不予重复处理"], false),
        ["不予处理3"] = new(ReplyOutcome.NotProcessed(NotProcessedGround.Publication), new() { ObtainFrom = "《北京市东城区人民政府公报》2026年第5期" },
            "《中华人民共和国政府信息公开条例》第三十九条第二款", ["《北京市东城区人民政府公报》2026年第5期"], false),
        ["不予处理4"] = new(ReplyOutcome.NotProcessed(NotProcessedGround.Excessive), new() { Reasons = "一个月内就同类事项提出申请120件，未说明合理理由" },
            "《中华人民共和国政府信息公开条例》第三十五条", ["一个月内就同类事项提出申请120件，未说明合理理由", "不予处理"], false),
        ["不予处理5"] = new(ReplyOutcome.NotProcessed(NotProcessedGround.ConfirmOrReissue), new() { Reasons = "本机关2026年10月已向您提供的预算表" },
            "《中华人民共和国政府信息公开条例》第三十六条第（六）项", ["本机关2026年10月已向您提供的预算表"], false),
        ["其他处理1"] = new(ReplyOutcome.Other(OtherHandlingGround.NoSupplement), new(),
            "《中华人民共和国政府信息公开条例》第三十条", ["东外联依申补〔2026〕第2号", "2026年12月21日", "视为放弃申请"], false),
        ["其他处理2"] = new(ReplyOutcome.Other(OtherHandlingGround.FeeNotPaid), new(),
            "《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
            ["东外联依申费〔2026〕第1号", "2027年1月6日", "视为放弃申请"], false),
        ["其他处理3"] = new(ReplyOutcome.Other(OtherHandlingGround.Other), new() { Reasons = "申请人已书面撤回申请，本机关终止办理" },
            null, ["申请人已书面撤回申请，本机关终止办理"], false),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Fact]
    public void Cases_CoverEveryLeafOutcomeAndBothSplits()
    {
        Assert.Equal(23, Cases.Count);
        var keys = Cases.Values.Select(c => c.Outcome.ReportRowKey(Gongkai.Domain.AnnualReports.ReportFormat.V2021)).Distinct().Count();
        Assert.Equal(21, keys);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Reply_AfterAndBefore2024_FactsArticlesReasonsAndRemedy(string name)
    {
        var c = Cases[name];
        foreach (var issuedOn in new[] { IssuedAfter, IssuedBefore })
        {
            var letter = Compose(c, issuedOn);

            Assert.Matches(NumberPattern(), letter.Number);
            Assert.Equal($"东外联依申复〔{issuedOn.Year}〕第3号", letter.Number);
            Assert.Equal("政府信息公开申请答复书", letter.Title);
            Assert.Equal("张三：", letter.Addressee);
            Assert.Equal("北京市东城区人民政府外事办公室", letter.Signatory);
            Assert.Equal(issuedOn, letter.IssuedOn);
            var received = issuedOn == IssuedAfter ? "2026年12月4日" : "2023年12月1日";
            Assert.StartsWith($"我机关于{received}收到您提出的政府信息公开申请（申请编号2026-000012）", letter.Paragraphs[0], StringComparison.Ordinal);
            Assert.Contains(Content, letter.Paragraphs[0], StringComparison.Ordinal);

            var text = string.Join('\n', letter.Paragraphs);
            if (c.Articles is null)
            {
                Assert.DoesNotContain("本答复依据", text, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains($"本答复依据{c.Articles}的规定作出。", letter.Paragraphs);
            }

            foreach (var expected in c.MustCarry)
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }

            if (c.Particulars.Reasons is { } reasons)
            {
                Assert.Contains(reasons, text, StringComparison.Ordinal);
            }

            var remedy = Assert.Single(letter.Paragraphs, p => p.StartsWith("如对本答复不服", StringComparison.Ordinal));
            Assert.Contains("60日内", remedy, StringComparison.Ordinal);
            Assert.Contains("北京市东城区人民法院", remedy, StringComparison.Ordinal);
            if (issuedOn >= new DateOnly(2024, 1, 1) && c.ReconsiderationFirstFrom2024)
            {
                // 行政复议法 2023 Art 23: 复议 first; 行政诉讼法 Art 45: 15 days after the 复议 decision; no direct lawsuit.
                Assert.Contains("应当先申请行政复议", remedy, StringComparison.Ordinal);
                Assert.Contains("向北京市东城区人民政府申请行政复议", remedy, StringComparison.Ordinal);
                Assert.Contains("收到行政复议决定书之日起15日内", remedy, StringComparison.Ordinal);
                Assert.DoesNotContain("6个月", remedy, StringComparison.Ordinal);
                Assert.DoesNotMatch(DirectLawsuit(), remedy);
                Assert.DoesNotContain("北京市人民政府外事办公室", remedy, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain("应当先申请行政复议", remedy, StringComparison.Ordinal);
                Assert.DoesNotContain("15日", remedy, StringComparison.Ordinal);
                Assert.Matches(DirectLawsuit(), remedy);
                if (issuedOn < new DateOnly(2024, 1, 1))
                {
                    // 2017 law Art 12¶1: a department's 本级人民政府 or 上一级主管部门, at the applicant's choice.
                    Assert.Contains("北京市东城区人民政府或者北京市人民政府外事办公室", remedy, StringComparison.Ordinal);
                }
                else
                {
                    // 2023 law Art 24¶1(一): only the 本级人民政府.
                    Assert.Contains("向北京市东城区人民政府申请行政复议", remedy, StringComparison.Ordinal);
                    Assert.DoesNotContain("北京市人民政府外事办公室", remedy, StringComparison.Ordinal);
                }
            }

            Assert.Contains("联系机构：北京市东城区人民政府外事办公室政府信息公开工作机构，地址：北京市东城区钱粮胡同3号，电话：010-64012345。", letter.Paragraphs);
        }
    }

    [Fact]
    public void Withheld4_ThirdPartyConsulted_CitesArticle32Too()
    {
        var c = Cases["不予公开4"];
        var letter = Ok(LetterComposer.Compose(LetterTemplates.Default(LetterKind.Reply), Facts(c) with { ThirdPartyConsulted = true }, Settings,
            IssuedAfter, Number(LetterKind.Reply, 2026)));

        Assert.Contains("本答复依据《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项的规定作出。", letter.Paragraphs);
    }

    [Fact]
    public void PartlyDisclosed_EachWithheldPartOnItsOwnLine_InOrder()
    {
        var letter = Compose(Cases["部分公开"], IssuedAfter);

        var first = letter.Paragraphs.ToList().FindIndex(p => p.StartsWith("（一）申请材料中所列接待对象的身份证号码", StringComparison.Ordinal));
        var second = letter.Paragraphs.ToList().FindIndex(p => p.StartsWith("（二）经费审批流转单", StringComparison.Ordinal));
        Assert.True(first > 0 && second == first + 1, string.Join('\n', letter.Paragraphs));
        Assert.Equal("（一）申请材料中所列接待对象的身份证号码：保护第三方合法权益，不予公开。理由：涉及个人隐私，公开会对第三方合法权益造成损害。"
            + "依据：《中华人民共和国政府信息公开条例》第十五条。", letter.Paragraphs[first]);
        Assert.Contains("保护第三方合法权益", letter.Paragraphs[first], StringComparison.Ordinal);
        Assert.DoesNotContain("第十六条", letter.Paragraphs[first], StringComparison.Ordinal);
        Assert.Contains("属于三类内部事务信息", letter.Paragraphs[second], StringComparison.Ordinal);
    }

    [Fact]
    public void PartlyDisclosed_OnlyAdministrativeQueryWithheld_OrdinaryClause()
    {
        var c = Cases["部分公开"] with
        {
            Particulars = Cases["部分公开"].Particulars with
            {
                WithheldParts = [new("企业登记档案", WithholdingGround.AdministrativeQuery, "请向市场监督管理部门查询")],
            },
        };
        var remedy = Compose(c, IssuedAfter).Paragraphs.Single(p => p.StartsWith("如对本答复不服", StringComparison.Ordinal));

        Assert.Matches(DirectLawsuit(), remedy);
    }

    /// <summary>The 复议机关 the reply names, per agency kind (spec/letters.md §4), with only the agency's name set.</summary>
    [Theory]
    [InlineData(AgencyKind.Department, "向本级人民政府申请行政复议", "向本级人民政府或者上一级主管部门申请行政复议")]
    [InlineData(AgencyKind.LocalGovernment, "向上一级人民政府申请行政复议", "向上一级地方人民政府申请行政复议")]
    [InlineData(AgencyKind.VerticallyLed, "向上一级主管部门申请行政复议", "向上一级主管部门申请行政复议")]
    [InlineData(AgencyKind.JusticeAdministration, "向本级人民政府或者上一级司法行政部门申请行政复议", "向本级人民政府或者上一级司法行政部门申请行政复议")]
    [InlineData(AgencyKind.StateCouncilDepartment, "向北京市东城区人民政府外事办公室申请行政复议", "向北京市东城区人民政府外事办公室申请行政复议")]
    [InlineData(AgencyKind.ProvincialGovernment, "向北京市东城区人民政府外事办公室申请行政复议", "向北京市东城区人民政府外事办公室申请行政复议")]
    public void Reply_ReconsiderationBodyOfEachAgencyKind(AgencyKind kind, string after, string before)
    {
        var settings = Settings with
        {
            AgencyKind = kind,
            ReconsiderationBody = "",
            AlternativeReconsiderationBody = kind is AgencyKind.Department or AgencyKind.JusticeAdministration ? "" : "不应出现的机关",
        };
        var facts = Facts(Cases["不予公开1"]);
        string Remedy(DateOnly issuedOn, LetterCase c) => Ok(LetterComposer.Compose(LetterTemplates.Default(LetterKind.Reply), c, settings, issuedOn,
            Number(LetterKind.Reply, issuedOn.Year))).Paragraphs.Single(p => p.StartsWith("如对本答复不服", StringComparison.Ordinal));

        Assert.Contains(after, Remedy(IssuedAfter, facts), StringComparison.Ordinal);
        var old = Remedy(IssuedBefore, facts with { ReceivedOn = new DateOnly(2023, 12, 1) });
        if (kind is AgencyKind.Department or AgencyKind.JusticeAdministration)
        {
            // 2017 law Art 12¶1: the choice exists only where the agency names the 上一级主管部门; unnamed, only the government.
            Assert.Contains("向本级人民政府申请行政复议", old, StringComparison.Ordinal);
            var named = Ok(LetterComposer.Compose(LetterTemplates.Default(LetterKind.Reply), facts with { ReceivedOn = new DateOnly(2023, 12, 1) },
                settings with { ReconsiderationBody = "本级人民政府", AlternativeReconsiderationBody = kind == AgencyKind.Department ? "上一级主管部门" : "上一级司法行政部门" },
                IssuedBefore, Number(LetterKind.Reply, 2023)));
            Assert.Contains(before, string.Join('\n', named.Paragraphs), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(before, old, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("不应出现的机关", Remedy(IssuedAfter, facts) + old, StringComparison.Ordinal);
    }

    [Fact]
    public void Reprint_SameDateAndTemplate_SameDocument()
    {
        var c = Cases["不予公开1"];

        Assert.Equal(Compose(c, IssuedBefore).Paragraphs, Compose(c, IssuedBefore).Paragraphs);
        Assert.Contains(Compose(c, IssuedBefore).Paragraphs, p => p.Contains("自知道该具体行政行为之日起60日内", StringComparison.Ordinal));
        Assert.DoesNotContain(Compose(c, IssuedAfter).Paragraphs, p => p.Contains("具体行政行为", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("不予公开1")]
    [InlineData("不予公开8")]
    [InlineData("无法提供1（非本机关）")]
    [InlineData("无法提供3")]
    [InlineData("不予处理4")]
    [InlineData("不予处理5")]
    [InlineData("其他处理3")]
    public void Reply_ReasonsRequiredButMissing_RefusedNamingTheField(string name)
    {
        var c = Cases[name];
        var facts = Facts(c) with { Particulars = c.Particulars with { Reasons = "  " } };

        var problem = Fails(LetterComposer.Compose(LetterTemplates.Default(LetterKind.Reply), facts, Settings, IssuedAfter,
            Number(LetterKind.Reply, 2026)), "letter.factMissing");
        Assert.Contains("“{理由}”", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartlyDisclosed_NoWithheldPartOrPartWithoutReasons_Refused()
    {
        var c = Cases["部分公开"];
        var template = LetterTemplates.Default(LetterKind.Reply);
        var number = Number(LetterKind.Reply, 2026);

        var none = Facts(c) with { Particulars = c.Particulars with { WithheldParts = [] } };
        Assert.Contains("{不予公开部分}", Fails(LetterComposer.Compose(template, none, Settings, IssuedAfter, number), "letter.factMissing").Message,
            StringComparison.Ordinal);

        var bare = Facts(c) with { Particulars = c.Particulars with { WithheldParts = [Parts[0] with { Reasons = "" }] } };
        Assert.Contains("{理由}", Fails(LetterComposer.Compose(template, bare, Settings, IssuedAfter, number), "letter.factMissing").Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("予以公开")]
    [InlineData("不予处理2")]
    [InlineData("其他处理1")]
    [InlineData("其他处理2")]
    public void Reply_CitedFactMissing_Refused(string name)
    {
        var c = Cases[name];
        var facts = Case(c.Outcome, c.Particulars with { ObtainFrom = null, EarlierReply = null });

        Fails(LetterComposer.Compose(LetterTemplates.Default(LetterKind.Reply), facts, Settings, IssuedAfter, Number(LetterKind.Reply, 2026)),
            "letter.factMissing");
    }

    [Fact]
    public void Reply_WithoutOutcome_Refused() =>
        Fails(LetterComposer.Compose(LetterTemplates.Default(LetterKind.Reply), Case(), Settings, IssuedAfter, Number(LetterKind.Reply, 2026)),
            "letter.outcomeMissing");

    [Fact]
    public void Reconstruction_AndCorrection_Marked()
    {
        var c = Cases["予以公开"];
        var template = LetterTemplates.Default(LetterKind.Reply);

        var rebuilt = Ok(LetterComposer.Compose(template, Facts(c), Settings, IssuedAfter, Number(LetterKind.Reply, 2026), LetterMark.Reconstruction()));
        Assert.Equal("本答复书系根据办理记录重新生成", rebuilt.Mark);

        var corrected = Ok(LetterComposer.Compose(template, Facts(c), Settings, IssuedAfter, Number(LetterKind.Reply, 2026, 4),
            LetterMark.Correction("东外联依申复〔2026〕第3号")));
        Assert.Equal("本答复书更正并取代东外联依申复〔2026〕第3号", corrected.Mark);
        Assert.Equal("东外联依申复〔2026〕第4号", corrected.Number);

        Assert.Null(Compose(c, IssuedAfter).Mark);
        Assert.Equal(1, rebuilt.TemplateVersion);
    }

    [Fact]
    public void IssuedBeforeReceipt_Refused() =>
        Fails(LetterComposer.Compose(LetterTemplates.Default(LetterKind.Reply), Facts(Cases["予以公开"]), Settings, new DateOnly(2026, 12, 3),
            Number(LetterKind.Reply, 2026)), "letter.issuedBeforeReceipt");

    [Fact]
    public void Number_OfAnotherKindOrYear_Refused()
    {
        var facts = Facts(Cases["予以公开"]);
        var template = LetterTemplates.Default(LetterKind.Reply);

        Fails(LetterComposer.Compose(template, facts, Settings, IssuedAfter, Number(LetterKind.Supplement, 2026)), "letter.numberKind");
        Fails(LetterComposer.Compose(template, facts, Settings, IssuedAfter, Number(LetterKind.Reply, 2025)), "letter.numberYear");
    }

    private static ReplyCase Withheld(WithholdingGround ground, string articles, bool reconsiderationFirst) =>
        new(ReplyOutcome.Withheld(ground), new() { Reasons = $"{ground.DisplayName()}：经审查认定的具体理由" },
            "《中华人民共和国政府信息公开条例》" + articles, [], reconsiderationFirst);

    private static LetterCase Facts(ReplyCase c) => Case(c.Outcome, c.Particulars) with
    {
        SupplementNotice = new("东外联依申补〔2026〕第2号", new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 21)),
        FeeNotice = new("东外联依申费〔2026〕第1号", new DateOnly(2026, 12, 7), new DateOnly(2027, 1, 6)),
    };

    /// <summary>The reply issued on <paramref name="issuedOn"/>; before 2024 the case was received on 2023-12-01.</summary>
    private static LetterDocument Compose(ReplyCase c, DateOnly issuedOn) =>
        Ok(LetterComposer.Compose(LetterTemplates.Default(LetterKind.Reply),
            Facts(c) with { ReceivedOn = issuedOn < new DateOnly(2024, 1, 1) ? new DateOnly(2023, 12, 1) : ReceivedOn },
            Settings, issuedOn, Number(LetterKind.Reply, issuedOn.Year)));

    [GeneratedRegex(@"^东外联依申复〔\d{4}〕第[1-9]\d*号$")]
    private static partial Regex NumberPattern();

    /// <summary>The direct-lawsuit alternative the issue names: “或者…6个月内…提起行政诉讼”.</summary>
    [GeneratedRegex("或者.*6个月内.*提起行政诉讼")]
    private static partial Regex DirectLawsuit();

    private sealed record ReplyCase(
        ReplyOutcome Outcome, ReplyParticulars Particulars, string? Articles, IReadOnlyList<string> MustCarry, bool ReconsiderationFirstFrom2024);
}
