using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Letters;

/// <summary>The 复议机关 per agency kind and the clause's two versions, spec/letters.md §4.</summary>
public sealed class RemedyTests
{
    private static readonly DateOnly Before = new(2023, 12, 31);
    private static readonly DateOnly From = new(2024, 1, 1);

    /// <summary>With no names set: the generic description of §4, per kind, from 2024-01-01 and before.</summary>
    [Theory]
    [InlineData(AgencyKind.Department, "本级人民政府", "本级人民政府")]
    [InlineData(AgencyKind.LocalGovernment, "上一级人民政府", "上一级地方人民政府")]
    [InlineData(AgencyKind.VerticallyLed, "上一级主管部门", "上一级主管部门")]
    [InlineData(AgencyKind.JusticeAdministration, "本级人民政府|上一级司法行政部门", "本级人民政府")]
    [InlineData(AgencyKind.StateCouncilDepartment, "某部", "某部")]
    [InlineData(AgencyKind.ProvincialGovernment, "某部", "某部")]
    public void ReconsiderationBodies_GenericPerKind(AgencyKind kind, string from2024, string before)
    {
        var settings = new LetterSettings { AgencyKind = kind, AgencyName = "某部" };

        Assert.Equal(from2024.Split('|'), Remedies.ReconsiderationBodies(From, settings));
        Assert.Equal(before.Split('|'), Remedies.ReconsiderationBodies(Before, settings));
    }

    [Theory]
    [InlineData(AgencyKind.Department, "北京市东城区人民政府", "北京市东城区人民政府|北京市人民政府外事办公室")]
    [InlineData(AgencyKind.LocalGovernment, "北京市东城区人民政府", "北京市东城区人民政府")]
    [InlineData(AgencyKind.VerticallyLed, "北京市东城区人民政府", "北京市东城区人民政府")]
    [InlineData(AgencyKind.JusticeAdministration, "北京市东城区人民政府|北京市人民政府外事办公室", "北京市东城区人民政府|北京市人民政府外事办公室")]
    [InlineData(AgencyKind.StateCouncilDepartment, "北京市东城区人民政府", "北京市东城区人民政府")]
    public void ReconsiderationBodies_NamedInSettings(AgencyKind kind, string from2024, string before)
    {
        var settings = LetterScenario.Settings with { AgencyKind = kind };

        Assert.Equal(from2024.Split('|'), Remedies.ReconsiderationBodies(From, settings));
        Assert.Equal(before.Split('|'), Remedies.ReconsiderationBodies(Before, settings));
    }

    [Fact]
    public void StateCouncilDepartment_NoBodySet_TheAgencyItself()
    {
        var settings = new LetterSettings { AgencyKind = AgencyKind.StateCouncilDepartment, AgencyName = "中华人民共和国外交部" };

        Assert.Equal(["中华人民共和国外交部"], Remedies.ReconsiderationBodies(From, settings));
    }

    [Fact]
    public void Department_LocalReformRemovedTheChoice_OneBodyBefore2024()
    {
        var settings = LetterScenario.Settings with { AlternativeReconsiderationBody = "" };

        Assert.Equal(["北京市东城区人民政府"], Remedies.ReconsiderationBodies(Before, settings));
    }

    [Theory]
    [InlineData(AgencyKind.LocalGovernment, "向上一级人民政府申请行政复议")]
    [InlineData(AgencyKind.VerticallyLed, "向上一级主管部门申请行政复议")]
    [InlineData(AgencyKind.JusticeAdministration, "向本级人民政府或者上一级司法行政部门申请行政复议")]
    [InlineData(AgencyKind.ProvincialGovernment, "向某省人民政府申请行政复议")]
    public void Clause_NamesTheBodyOfTheKind(AgencyKind kind, string expected)
    {
        var settings = new LetterSettings { AgencyKind = kind, AgencyName = "某省人民政府" };
        var clause = Remedies.ForReply(From, ReplyOutcome.Withheld(WithholdingGround.StateSecret), ReplyParticulars.None, settings);

        Assert.Contains(expected, clause.Text, StringComparison.Ordinal);
        Assert.Contains("向人民法院提起行政诉讼", clause.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2023, 12, 31, false)]
    [InlineData(2024, 1, 1, true)]
    public void Withheld_TheDayTheLawChanged(int year, int month, int day, bool first)
    {
        var clause = Remedies.ForReply(new DateOnly(year, month, day), ReplyOutcome.Withheld(WithholdingGround.ThirdPartyRights), ReplyParticulars.None,
            LetterScenario.Settings);

        Assert.Equal(first, clause.ReconsiderationFirst);
        Assert.Equal(!first, clause.Text.Contains("6个月内", StringComparison.Ordinal));
    }

    [Fact]
    public void Withheld8_NeverReconsiderationFirst() =>
        Assert.False(Remedies.ReconsiderationFirst(From, ReplyOutcome.Withheld(WithholdingGround.AdministrativeQuery), ReplyParticulars.None));

    [Fact]
    public void OtherDecisionsFrom2024_ReconsiderationOrLawsuit()
    {
        foreach (var outcome in new[]
        {
            ReplyOutcome.Disclosed(), ReplyOutcome.CannotProvide(CannotProvideGround.NotHeld), ReplyOutcome.NotProcessed(NotProcessedGround.Repeated),
            ReplyOutcome.Other(OtherHandlingGround.NoSupplement),
        })
        {
            var clause = Remedies.ForReply(From, outcome, ReplyParticulars.None, LetterScenario.Settings);
            Assert.False(clause.ReconsiderationFirst);
            Assert.Contains("60日内向北京市东城区人民政府申请行政复议", clause.Text, StringComparison.Ordinal);
            Assert.Contains("或者自知道本答复之日起6个月内向北京市东城区人民法院提起行政诉讼", clause.Text, StringComparison.Ordinal);
        }
    }
}
