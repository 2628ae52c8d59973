using Gongkai.Domain.Requests;
using static Gongkai.Domain.Tests.Requests.RequestScenario;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Requests;

/// <summary>
/// Issue 14, spec/letters.md §3: what each reply outcome must tell the applicant, refused without it (the message names
/// what is missing), accepted with it; particulars that do not belong to the outcome are refused too.
/// </summary>
public sealed class ReplyParticularsTests
{
    private static readonly DateOnly RepliedOn = new(2026, 12, 4);

    private static readonly ReplyParticulars Reasons = new() { Reasons = "涉及第三方商业秘密，第三方不同意公开" };

    private static readonly WithheldPart Part = new("合同附件二（报价明细）", WithholdingGround.ThirdPartyRights, "涉及供应商的商业秘密，经征求意见，第三方不同意公开");

    /// <summary>Every leaf outcome: the particulars that satisfy it, and the problem (code, words of the message) without any.</summary>
    public static TheoryData<ReplyOutcome, ReplyParticulars, string?, string?> Outcomes() => new()
    {
        { ReplyOutcome.Disclosed(), new() { ObtainFrom = "随本答复书提供（附件）" }, ReplyParticularsRule.ObtainFromRequired, "获取该政府信息的方式、途径和时间" },
        { ReplyOutcome.PartlyDisclosed(), new() { ObtainFrom = "可以公开的部分随本答复书提供", WithheldParts = [Part] }, ReplyParticularsRule.WithheldPartsRequired, "不予公开的部分" },
        { ReplyOutcome.Withheld(WithholdingGround.StateSecret), Reasons, ReplyParticularsRule.ReasonsRequired, "应说明不予公开的理由" },
        { ReplyOutcome.Withheld(WithholdingGround.ProhibitedByLaw), Reasons, ReplyParticularsRule.ReasonsRequired, "应说明不予公开的理由" },
        { ReplyOutcome.Withheld(WithholdingGround.SecurityStability), Reasons, ReplyParticularsRule.ReasonsRequired, "应说明不予公开的理由" },
        { ReplyOutcome.Withheld(WithholdingGround.ThirdPartyRights), Reasons, ReplyParticularsRule.ReasonsRequired, "保护第三方合法权益）”应说明不予公开的理由" },
        { ReplyOutcome.Withheld(WithholdingGround.InternalAffairs), Reasons, ReplyParticularsRule.ReasonsRequired, "应说明不予公开的理由" },
        { ReplyOutcome.Withheld(WithholdingGround.ProcessInformation), Reasons, ReplyParticularsRule.ReasonsRequired, "应说明不予公开的理由" },
        { ReplyOutcome.Withheld(WithholdingGround.EnforcementCaseFile), Reasons, ReplyParticularsRule.ReasonsRequired, "应说明不予公开的理由" },
        { ReplyOutcome.Withheld(WithholdingGround.AdministrativeQuery), new() { Reasons = "请按不动产登记资料查询程序申请查询" }, ReplyParticularsRule.ReasonsRequired, "适用的查询程序" },
        { ReplyOutcome.CannotProvide(CannotProvideGround.NotHeld), ReplyParticulars.None, null, null },
        { ReplyOutcome.CannotProvide(CannotProvideGround.NeedsCreation), ReplyParticulars.None, null, null },
        { ReplyOutcome.CannotProvide(CannotProvideGround.UnclearAfterSupplement), new() { Reasons = "补正后仍未写明文件名称" }, ReplyParticularsRule.ReasonsRequired, "补正后仍不明确的内容" },
        { ReplyOutcome.NotProcessed(NotProcessedGround.PetitionOrComplaint), new() { ObtainFrom = "12345市民服务热线" }, null, null },
        {
            ReplyOutcome.NotProcessed(NotProcessedGround.Repeated), new() { EarlierReply = new("东外联依申复〔2026〕第3号", new DateOnly(2026, 3, 2)) },
            ReplyParticularsRule.EarlierReplyRequired, "文号和日期"
        },
        { ReplyOutcome.NotProcessed(NotProcessedGround.Publication), new() { ObtainFrom = "可在新华书店购买" }, null, null },
        { ReplyOutcome.NotProcessed(NotProcessedGround.Excessive), new() { Reasons = "半年内就同一事项提出120件申请，说明的理由不合理" }, ReplyParticularsRule.ReasonsRequired, "第三十五条" },
        { ReplyOutcome.NotProcessed(NotProcessedGround.ConfirmOrReissue), ReplyParticulars.None, null, null },
        { ReplyOutcome.Other(OtherHandlingGround.NoSupplement), ReplyParticulars.None, null, null },
        { ReplyOutcome.Other(OtherHandlingGround.FeeNotPaid), ReplyParticulars.None, null, null },
        { ReplyOutcome.Other(OtherHandlingGround.Other), new() { Reasons = "申请人当场撤回申请" }, ReplyParticularsRule.ReasonsRequired, "应说明处理情况和理由" },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Check_EachOutcome_WithoutParticularsRefusedWhereRequired_CompleteAccepted(
        ReplyOutcome outcome, ReplyParticulars complete, string? code, string? words)
    {
        var none = ReplyParticularsRule.Check(outcome, ReplyParticulars.None, RepliedOn);
        if (code is null)
        {
            Assert.True(none.IsSuccess, none.ToString());
        }
        else
        {
            var problem = Fails(none, code);
            Assert.Contains(words!, problem.Message, StringComparison.Ordinal);
            Assert.Contains(outcome.DisplayName, problem.Message, StringComparison.Ordinal);

            // Blank text is no text.
            Fails(ReplyParticularsRule.Check(outcome, new ReplyParticulars { Reasons = "  \n ", ObtainFrom = " " }, RepliedOn), code);
        }

        Assert.Equal(ReplyParticularsRule.Describe(complete), ReplyParticularsRule.Describe(Ok(ReplyParticularsRule.Check(outcome, complete, RepliedOn))));
    }

    [Fact]
    public void Outcomes_EveryLeafOutcome_Covered() =>
        Assert.Equal(ReplyOutcomeTests.OutcomeKeys().Count, Outcomes().Count);

    [Fact]
    public void Check_PartlyDisclosed_EachPartNeedsTextGroundAndReasons_AndTheDisclosedPartItsRoute()
    {
        var outcome = ReplyOutcome.PartlyDisclosed();
        ReplyParticulars With(params WithheldPart[] parts) => new() { ObtainFrom = "可以公开的部分随本答复书提供", WithheldParts = parts };

        Assert.Contains("第2部分缺少理由", Fails(ReplyParticularsRule.Check(outcome, With(Part, Part with { Reasons = " " })), ReplyParticularsRule.WithheldPartIncomplete).Message,
            StringComparison.Ordinal);
        Assert.Contains("第1部分缺少内容", Fails(ReplyParticularsRule.Check(outcome, With(Part with { Part = "" })), ReplyParticularsRule.WithheldPartIncomplete).Message,
            StringComparison.Ordinal);
        Assert.Contains("缺少不予公开的依据",
            Fails(ReplyParticularsRule.Check(outcome, With(Part with { Ground = (WithholdingGround)99 })), ReplyParticularsRule.WithheldPartIncomplete).Message,
            StringComparison.Ordinal);
        Assert.Contains("可以公开部分的获取方式",
            Fails(ReplyParticularsRule.Check(outcome, With(Part) with { ObtainFrom = null }), ReplyParticularsRule.ObtainFromRequired).Message, StringComparison.Ordinal);

        var two = Ok(ReplyParticularsRule.Check(outcome, With(Part, new WithheldPart(" 评审专家名单 ", WithholdingGround.ProcessInformation, " 属于过程性信息 "))));
        Assert.Equal([Part, new WithheldPart("评审专家名单", WithholdingGround.ProcessInformation, "属于过程性信息")], two.WithheldParts);
    }

    [Theory]
    [InlineData("Disclosed", "不予公开的部分")]
    [InlineData("Withheld", "获取信息的方式")]
    [InlineData("WithheldNotThisAgency", "不属于本机关负责公开")]
    [InlineData("DisclosedEarlierReply", "已作出的答复")]
    [InlineData("PartlyAlreadyPublished", "已主动公开")]
    [InlineData("PartlyReasons", "答复理由")]
    [InlineData("NeedsCreationAgency", "负责公开的行政机关")]
    public void Check_ParticularNotOfTheOutcome_Refused(string @case, string named)
    {
        var (outcome, particulars) = @case switch
        {
            "Disclosed" => (ReplyOutcome.Disclosed(), new ReplyParticulars { ObtainFrom = "附件", WithheldParts = [Part] }),
            "Withheld" => (ReplyOutcome.Withheld(WithholdingGround.StateSecret), new ReplyParticulars { Reasons = "国家秘密", ObtainFrom = "附件" }),
            "WithheldNotThisAgency" => (ReplyOutcome.Withheld(WithholdingGround.StateSecret), new ReplyParticulars { Reasons = "国家秘密", NotThisAgency = true }),
            "DisclosedEarlierReply" => (ReplyOutcome.Disclosed(), new ReplyParticulars { ObtainFrom = "附件", EarlierReply = new("文号", RepliedOn) }),
            "PartlyAlreadyPublished" => (ReplyOutcome.PartlyDisclosed(), new ReplyParticulars { ObtainFrom = "附件", WithheldParts = [Part], AlreadyPublished = true }),
            "PartlyReasons" => (ReplyOutcome.PartlyDisclosed(), new ReplyParticulars { ObtainFrom = "附件", WithheldParts = [Part], Reasons = "总的理由" }),
            _ => (ReplyOutcome.CannotProvide(CannotProvideGround.NeedsCreation), new ReplyParticulars { ResponsibleAgency = new("某区财政局", "010-12345678") }),
        };

        var problem = Fails(ReplyParticularsRule.Check(outcome, particulars, RepliedOn), ReplyParticularsRule.NotExpected);
        Assert.Contains(named, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NotThisAgency_ReasonsRequired_ResponsibleAgencyOptionalButWhole()
    {
        var outcome = ReplyOutcome.CannotProvide(CannotProvideGround.NotHeld);
        var problem = Fails(ReplyParticularsRule.Check(outcome, new ReplyParticulars { NotThisAgency = true }), ReplyParticularsRule.ReasonsRequired);
        Assert.Contains("第三十六条第（五）项", problem.Message, StringComparison.Ordinal);

        // 条例 Art 36(五): the responsible agency only "where it can be determined" — but then with its contact details.
        Ok(ReplyParticularsRule.Check(outcome, new ReplyParticulars { NotThisAgency = true, Reasons = "该信息由区财政局制作并保存" }));
        Fails(ReplyParticularsRule.Check(outcome, new ReplyParticulars { NotThisAgency = true, Reasons = "由区财政局负责", ResponsibleAgency = new("某区财政局", " ") }),
            ReplyParticularsRule.ResponsibleAgencyIncomplete);
        var whole = Ok(ReplyParticularsRule.Check(outcome,
            new ReplyParticulars { NotThisAgency = true, Reasons = "由区财政局负责", ResponsibleAgency = new(" 某区财政局 ", "010-12345678") }));
        Assert.Equal(new ResponsibleAgency("某区财政局", "010-12345678"), whole.ResponsibleAgency);

        // Not this agency's is said with the box, not with a responsible agency alone.
        Fails(ReplyParticularsRule.Check(outcome, new ReplyParticulars { ResponsibleAgency = new("某区财政局", "010-12345678") }), ReplyParticularsRule.NotExpected);
    }

    [Fact]
    public void Check_TextsBounded_AtTheLimitAccepted()
    {
        var outcome = ReplyOutcome.Withheld(WithholdingGround.InternalAffairs);
        Ok(ReplyParticularsRule.Check(outcome, new ReplyParticulars { Reasons = new string('理', ReplyParticularsRule.MaxReasonsLength) }));
        Assert.Contains("不能超过2000个字",
            Fails(ReplyParticularsRule.Check(outcome, new ReplyParticulars { Reasons = new string('理', ReplyParticularsRule.MaxReasonsLength + 1) }), ReplyParticularsRule.TooLong).Message,
            StringComparison.Ordinal);
        var parts = Enumerable.Repeat(Part, ReplyParticularsRule.MaxWithheldParts + 1).ToList();
        Fails(ReplyParticularsRule.Check(ReplyOutcome.PartlyDisclosed(), new ReplyParticulars { ObtainFrom = "附件", WithheldParts = parts }), ReplyParticularsRule.TooLong);
    }

    [Fact]
    public void Check_EarlierReplyAfterThisReply_Refused()
    {
        var outcome = ReplyOutcome.NotProcessed(NotProcessedGround.Repeated);
        Fails(ReplyParticularsRule.Check(outcome, new ReplyParticulars { EarlierReply = new("东外联依申复〔2026〕第3号", RepliedOn.AddDays(1)) }, RepliedOn),
            ReplyParticularsRule.EarlierReplyRequired);
        Fails(ReplyParticularsRule.Check(outcome, new ReplyParticulars { EarlierReply = new(" ", RepliedOn) }, RepliedOn), ReplyParticularsRule.EarlierReplyRequired);
    }

    // The procedure itself: the reply, the on-the-spot reply, the 说明理由 request, the ledger import.

    [Fact]
    public void Reply_WithheldWithoutReasons_RefusedNothingChanged_WithReasonsKept()
    {
        var request = Processing();
        var steps = request.Events.Count;
        var outcome = ReplyOutcome.Withheld(WithholdingGround.ThirdPartyRights);
        var day = request.Events[^1].Date;

        var refused = Fails(request.Apply(new Reply(Staff, day, At(day), outcome), OfficialCalendar), ReplyParticularsRule.ReasonsRequired);
        Assert.Equal("答复结果“不予公开（保护第三方合法权益）”应说明不予公开的理由（条例第三十六条第（三）项）", refused.Message);
        Assert.Equal((RequestState.Processing, steps), (request.State, request.Events.Count));
        Assert.Null(request.Outcome);
        Assert.Same(ReplyParticulars.None, request.Particulars);

        Ok(request.Apply(new Reply(Staff, day, At(day), outcome, new ReplyParticulars { Reasons = "  涉及第三方商业秘密  " }), OfficialCalendar));
        Assert.Equal(RequestState.Replied, request.State);
        Assert.Equal("涉及第三方商业秘密", request.Particulars.Reasons);
    }

    [Fact]
    public void ReplyOnTheSpot_DisclosedWithoutRoute_Refused_WithRouteKept()
    {
        var request = Received();
        var day = request.ReceivedOn!.Value;
        Fails(request.Apply(new ReplyOnTheSpot(Staff, day, At(day), ReplyOutcome.Disclosed()), OfficialCalendar), ReplyParticularsRule.ObtainFromRequired);
        Assert.Equal(RequestState.Received, request.State);

        var published = new ReplyParticulars { AlreadyPublished = true, ObtainFrom = "已在本机关门户网站“政府信息公开”栏目公开" };
        Ok(request.Apply(new ReplyOnTheSpot(Staff, day, At(day), ReplyOutcome.Disclosed(), published), OfficialCalendar));
        Assert.True(request.Particulars.AlreadyPublished);
        Assert.Equal(published.ObtainFrom, request.Particulars.ObtainFrom);
    }

    [Fact]
    public void RequestReasons_WithoutWhatToExplain_Refused_WithItKeptAndDescribed()
    {
        var request = Received();
        var day = request.Events[^1].Date;
        Fails(request.Apply(new RequestReasons(Staff, day, At(day), " "), OfficialCalendar), RequestProblems.ExplainRequired);
        Fails(request.Apply(new RequestReasons(Staff, day, At(day), new string('因', ReplyParticularsRule.MaxExplainLength + 1)), OfficialCalendar),
            ReplyParticularsRule.TooLong);
        Assert.Equal(RequestState.Received, request.State);

        var step = Ok(request.Apply(new RequestReasons(Staff, day, At(day), "请说明半年内提出120件申请的用途"), OfficialCalendar));
        Assert.Equal("请说明半年内提出120件申请的用途", request.ReasonsRequested);
        Assert.EndsWith("：请说明半年内提出120件申请的用途", step.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Withheld", null, false)]
    [InlineData("Withheld", "涉及国家秘密", true)]
    [InlineData("PartlyDisclosed", "", false)]
    [InlineData("PartlyDisclosed", "附件二涉及商业秘密", true)]
    [InlineData("Unclear", null, false)]
    [InlineData("Excessive", null, false)]
    [InlineData("Other", null, false)]
    [InlineData("Other", "申请人撤回", true)]
    [InlineData("Disclosed", null, true)]
    [InlineData("Repeated", null, true)]
    public void Import_ConcludedCase_ReasonsRequiredForTheOutcomesThatNeedThem(string @case, string? reasons, bool accepted)
    {
        var outcome = @case switch
        {
            "Withheld" => ReplyOutcome.Withheld(WithholdingGround.ProcessInformation),
            "PartlyDisclosed" => ReplyOutcome.PartlyDisclosed(),
            "Unclear" => ReplyOutcome.CannotProvide(CannotProvideGround.UnclearAfterSupplement),
            "Excessive" => ReplyOutcome.NotProcessed(NotProcessedGround.Excessive),
            "Other" => ReplyOutcome.Other(OtherHandlingGround.Other),
            "Repeated" => ReplyOutcome.NotProcessed(NotProcessedGround.Repeated),
            _ => ReplyOutcome.Disclosed(),
        };
        var received = new DateOnly(2020, 9, 24);
        var imported = DisclosureRequest.Import(
            new ImportFromLedger(Staff, received, At(received), Guid.NewGuid(), Guid.NewGuid(), "2020-001", Person(), Channel.InPerson, "内容", received, outcome,
                received.AddDays(10), reasons),
            OfficialCalendar);

        if (accepted)
        {
            Assert.Equal(string.IsNullOrEmpty(reasons) ? null : reasons, Ok(imported).Particulars.Reasons);
        }
        else
        {
            Assert.Contains("应填写答复理由", Fails(imported, ReplyParticularsRule.ReasonsRequired).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Import_OpenCaseWithReasons_Refused()
    {
        var received = new DateOnly(2020, 9, 24);
        var command = new ImportFromLedger(Staff, received, At(received), Guid.NewGuid(), Guid.NewGuid(), "2020-001", Person(), Channel.InPerson, "内容", received, null, null,
            "理由");
        Fails(DisclosureRequest.Import(command, OfficialCalendar), ReplyParticularsRule.NotExpected);
    }
}
