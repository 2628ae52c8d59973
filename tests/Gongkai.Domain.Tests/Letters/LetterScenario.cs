using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Letters;

/// <summary>The demo agency and application the letter tests compose from (spec/letters.md §2's example).</summary>
internal static class LetterScenario
{
    public const string Applicant = "张三";
    public const string Tracking = "2026-000012";
    public const string Content = "2026年东城区外事接待经费预算及执行情况";
    public static readonly DateOnly ReceivedOn = new(2026, 12, 4);

    /// <summary>After the 2023 行政复议法 took effect, and before it (a letter of an older case, re-printed).</summary>
    public static readonly DateOnly IssuedAfter = new(2026, 12, 28);
    public static readonly DateOnly IssuedBefore = new(2023, 12, 15);

    public static readonly LetterSettings Settings = new()
    {
        NumberPrefix = "东外联",
        AgencyName = "北京市东城区人民政府外事办公室",
        AgencyKind = AgencyKind.Department,
        ReconsiderationBody = "北京市东城区人民政府",
        AlternativeReconsiderationBody = "北京市人民政府外事办公室",
        Court = "北京市东城区人民法院",
        OfficeName = "北京市东城区人民政府外事办公室政府信息公开工作机构",
        OfficeAddress = "北京市东城区钱粮胡同3号",
        OfficePhone = "010-64012345",
    };

    public static LetterCase Case(ReplyOutcome? outcome = null, ReplyParticulars? particulars = null) => new()
    {
        ApplicantName = Applicant,
        TrackingNumber = Tracking,
        ReceivedOn = ReceivedOn,
        Content = Content,
        Outcome = outcome,
        Particulars = particulars ?? ReplyParticulars.None,
    };

    public static LetterNumber Number(LetterKind kind, int year, int sequence = 3) =>
        Requests.ResultAssert.Ok(LetterNumber.For(Settings, kind, year, sequence));
}
