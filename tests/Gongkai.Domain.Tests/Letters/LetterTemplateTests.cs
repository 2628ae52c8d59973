using Gongkai.Domain.Letters;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Letters;

/// <summary>Templates as data (spec/letters.md §1): the built-in texts parse; an agency's text may reword, never drop a required field.</summary>
public sealed class LetterTemplateTests
{
    [Fact]
    public void BuiltInTemplates_EveryKindParses_Version1_StandardTitle()
    {
        var titles = new Dictionary<LetterKind, string>
        {
            [LetterKind.Receipt] = "政府信息公开申请接收回执",
            [LetterKind.Supplement] = "政府信息公开申请补正告知书",
            [LetterKind.ExplainReasons] = "政府信息公开申请说明理由告知书",
            [LetterKind.Extension] = "政府信息公开申请延期答复告知书",
            [LetterKind.ThirdPartyConsultation] = "政府信息公开第三方意见征询函",
            [LetterKind.ThirdPartyNotice] = "政府信息公开告知书",
            [LetterKind.AgencyConsultation] = "政府信息公开征求意见函",
            [LetterKind.FeeNotice] = "政府信息公开信息处理费收费通知书",
            [LetterKind.Reply] = "政府信息公开申请答复书",
        };
        foreach (var kind in Enum.GetValues<LetterKind>())
        {
            var template = LetterTemplates.Default(kind);
            Assert.Equal(kind, template.Kind);
            Assert.Equal(1, template.Version);
            Assert.Equal(titles[kind], template.Title);
        }
    }

    [Fact]
    public void Reply_HasABodyForEachOfThe21OutcomesAndTheTwoSplits() =>
        // 称呼, 正文, the part line of 部分公开, and 23 outcome bodies.
        Assert.Equal(26, LetterTemplates.Default(LetterKind.Reply).Sections.Count);

    [Theory]
    [InlineData("{救济途径}")]
    [InlineData("{答复依据}")]
    [InlineData("{申请编号}")]
    [InlineData("{收到日期}")]
    [InlineData("{答复内容}")]
    public void Reply_RequiredFieldRemoved_RefusedNamingIt(string field)
    {
        var text = Without(LetterTemplates.DefaultText(LetterKind.Reply), field);

        var problem = Fails(LetterTemplate.Parse(LetterKind.Reply, text), "letterTemplate.fieldMissing");
        Assert.Equal($"模板缺少必备字段“{field}”", problem.Message);
    }

    [Fact]
    public void Reply_ApplicantRemovedFromSalutation_Refused()
    {
        var text = LetterTemplates.DefaultText(LetterKind.Reply).Replace("{申请人}：", "您好：", StringComparison.Ordinal);

        Assert.Equal("模板缺少必备字段“{申请人}”", Fails(LetterTemplate.Parse(LetterKind.Reply, text), "letterTemplate.fieldMissing").Message);
    }

    [Fact]
    public void Reply_ReasonsRemovedFromAWithholdingBody_RefusedNamingFieldAndSection()
    {
        var text = LetterTemplates.DefaultText(LetterKind.Reply).Replace(
            "您申请获取的政府信息属于国家秘密，本机关决定不予公开。理由：{理由}。", "您申请获取的政府信息属于国家秘密，本机关决定不予公开。", StringComparison.Ordinal);

        var problem = Fails(LetterTemplate.Parse(LetterKind.Reply, text), "letterTemplate.fieldMissing");
        Assert.Equal("模板缺少必备字段“{理由}”（段落“[不予公开（属于国家秘密）]”）", problem.Message);
    }

    [Fact]
    public void Reply_OutcomeSectionMissing_Refused()
    {
        var text = LetterTemplates.DefaultText(LetterKind.Reply).Replace("[不予处理（重复申请）]", "# removed", StringComparison.Ordinal);

        // The section's line now belongs to the previous section; the missing section is what is named.
        Assert.Equal("模板缺少段落“[不予处理（重复申请）]”", Fails(LetterTemplate.Parse(LetterKind.Reply, text), "letterTemplate.sectionMissing").Message);
    }

    [Theory]
    [InlineData(LetterKind.Supplement, "{补正事项}")]
    [InlineData(LetterKind.Supplement, "{补正期限}")]
    [InlineData(LetterKind.Extension, "{延期后答复期限}")]
    [InlineData(LetterKind.FeeNotice, "{计费明细}")]
    [InlineData(LetterKind.FeeNotice, "{收费金额}")]
    [InlineData(LetterKind.ThirdPartyNotice, "{理由}")]
    [InlineData(LetterKind.ExplainReasons, "{理由}")]
    [InlineData(LetterKind.Receipt, "{联系方式}")]
    public void OtherKinds_RequiredFieldRemoved_Refused(LetterKind kind, string field)
    {
        var problem = Fails(LetterTemplate.Parse(kind, Without(LetterTemplates.DefaultText(kind), field)), "letterTemplate.fieldMissing");
        Assert.Equal($"模板缺少必备字段“{field}”", problem.Message);
    }

    [Fact]
    public void UnknownField_Refused()
    {
        var text = LetterTemplates.DefaultText(LetterKind.Receipt) + "\n您的身份证号码：{身份证号码}。\n";

        Assert.StartsWith("模板含有未知字段“{身份证号码}”", Fails(LetterTemplate.Parse(LetterKind.Receipt, text), "letterTemplate.unknownField").Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ApplicantField_NotAllowedInLettersToAThirdParty()
    {
        var text = LetterTemplates.DefaultText(LetterKind.ThirdPartyConsultation) + "\n申请人：{申请人}\n";

        Fails(LetterTemplate.Parse(LetterKind.ThirdPartyConsultation, text), "letterTemplate.unknownField");
    }

    [Theory]
    [InlineData("[正文]\n{申请人", "letterTemplate.syntax")]
    [InlineData("你好\n[称呼]", "letterTemplate.syntax")]
    [InlineData("版本：0\n", "letterTemplate.version")]
    [InlineData("版本：二\n", "letterTemplate.version")]
    [InlineData("[附件]\n", "letterTemplate.unknownSection")]
    [InlineData("[称呼]\n{申请人}：\n[称呼]\n", "letterTemplate.duplicateSection")]
    [InlineData("", "letterTemplate.sectionMissing")]
    public void Malformed_Refused(string text, string code) => Fails(LetterTemplate.Parse(LetterKind.Receipt, text), code);

    [Fact]
    public void Salutation_MustBeOneLine() =>
        Fails(LetterTemplate.Parse(LetterKind.Receipt, LetterTemplates.DefaultText(LetterKind.Receipt).Replace("{申请人}：", "{申请人}：\n您好", StringComparison.Ordinal)),
            "letterTemplate.salutation");

    [Fact]
    public void AgencyWording_VersionAndTitleFromHeader_UsedByTheComposer()
    {
        var text = """
            版本：7
            标题：政府信息公开申请补正通知书
            [称呼]
            {申请人}：
            [正文]
            你于{收到日期}提交的申请（编号{申请编号}）须补正下列事项：
            {补正事项}
            补正期限至{补正期限}。咨询：{联系方式}。
            """;
        var template = Ok(LetterTemplate.Parse(LetterKind.Supplement, text));
        Assert.Equal(7, template.Version);
        Assert.Equal("政府信息公开申请补正通知书", template.Title);

        var facts = LetterScenario.Case() with { SupplementItems = ["所需信息的年份", "获取信息的方式"], SupplementPeriodEnd = new DateOnly(2026, 12, 21) };
        var letter = Ok(LetterComposer.Compose(template, facts, LetterScenario.Settings, new DateOnly(2026, 12, 7),
            LetterScenario.Number(LetterKind.Supplement, 2026)));

        Assert.Equal("政府信息公开申请补正通知书", letter.Title);
        Assert.Equal(7, letter.TemplateVersion);
        Assert.Equal(
            [
                "你于2026年12月4日提交的申请（编号2026-000012）须补正下列事项：",
                "（一）所需信息的年份",
                "（二）获取信息的方式",
                "补正期限至2026年12月21日。咨询：北京市东城区人民政府外事办公室政府信息公开工作机构，地址：北京市东城区钱粮胡同3号，电话：010-64012345。",
            ],
            letter.Paragraphs);
    }

    [Fact]
    public void Version_SetByTheStore() =>
        Assert.Equal(4, (LetterTemplates.Default(LetterKind.Receipt) with { Version = 4 }).Version);

    private static string Without(string text, string field) => text.Replace(field, "", StringComparison.Ordinal);
}
