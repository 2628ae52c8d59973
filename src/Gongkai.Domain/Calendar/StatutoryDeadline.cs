using Gongkai.Domain.Common;

namespace Gongkai.Domain.Calendar;

/// <summary>
/// A period the law sets in working days, with the provision that sets it: the one place where these numbers are
/// written. A period is counted on the <see cref="WorkCalendar"/> from a start day that is not counted itself (the
/// first working day after it is day 1, 民法典 Art 201, regulation-rules.md §12).
/// </summary>
public sealed class StatutoryDeadline
{
    private StatutoryDeadline(string name, int workingDays, string basis)
    {
        Name = name;
        WorkingDays = workingDays;
        Basis = basis;
    }

    /// <summary>条例 Art 30: "自收到申请之日起7个工作日内一次性告知申请人作出补正".</summary>
    public static StatutoryDeadline SupplementNotice { get; } = new("补正告知期限", 7, "条例第三十条");

    /// <summary>条例 Art 33¶2: "自收到申请之日起20个工作日内予以答复".</summary>
    public static StatutoryDeadline Reply { get; } = new("答复期限", 20, "条例第三十三条第二款");

    /// <summary>条例 Art 33¶2: "延长的期限最长不得超过20个工作日": the longest extension, counted on from the reply deadline.</summary>
    public static StatutoryDeadline Extension { get; } = new("延长答复期限", 20, "条例第三十三条第二款");

    /// <summary>条例 Arts 32 and 34: "自收到征求意见书之日起15个工作日内提出意见" (third party and other agency alike).</summary>
    public static StatutoryDeadline Consultation { get; } = new("征求意见期限", 15, "条例第三十二条、第三十四条");

    /// <summary>
    /// 信息处理费 (条例 Art 42 and 国办函〔2020〕109号), known from a secondary source only ([川] item 二; 109号 Arts 6+
    /// unread): "申请人应当在收到收费通知次日起20个工作日内缴纳费用".
    /// </summary>
    public static StatutoryDeadline FeePayment { get; } = new("缴费期限", 20, "条例第四十二条、国办函〔2020〕109号");

    /// <summary>条例 Art 26: "应当自该政府信息形成或者变更之日起20个工作日内及时公开".</summary>
    public static StatutoryDeadline Publication { get; } = new("主动公开期限", 20, "条例第二十六条");

    public static IReadOnlyList<StatutoryDeadline> All { get; } = [SupplementNotice, Reply, Extension, Consultation, FeePayment, Publication];

    /// <summary>The period's name as staff know it, e.g. 答复期限.</summary>
    public string Name { get; }

    /// <summary>The working days of the period; for <see cref="Extension"/> the most that may be granted.</summary>
    public int WorkingDays { get; }

    /// <summary>The provision, as Chinese text cites it: 条例第三十三条第二款.</summary>
    public string Basis { get; }

    /// <summary>The last day of the period that starts after <paramref name="start"/> (not counted).</summary>
    public Result<DateOnly> CountFrom(WorkCalendar calendar, DateOnly start) => calendar.AddWorkingDays(start, WorkingDays);

    /// <summary>For a period the law caps (an extension): whether <paramref name="workingDays"/> is from 1 up to the cap.</summary>
    public bool Allows(int workingDays) => workingDays >= 1 && workingDays <= WorkingDays;

    public override string ToString() => $"{Name}（{Basis}）";
}
