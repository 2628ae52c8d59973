using Gongkai.Domain.Common;

namespace Gongkai.Domain.Requests;

/// <summary>How a fee is counted (国办函〔2020〕109号 Art 3): one basis per application, never both.</summary>
public enum FeeBasis
{
    /// <summary>按件计收 (Art 4).</summary>
    PerApplication,

    /// <summary>按量计收 (Art 5).</summary>
    PerPage,
}

/// <summary>
/// The 信息处理费 tiers of 国办函〔2020〕109号 (条例 Art 42), as spec/regulation-rules.md §8 quotes them. Both bases
/// are 超额累进 (Art 3): each unit is charged at the rate of the tier it falls in. Amounts in 元.
/// </summary>
public static class ProcessingFee
{
    /// <summary>
    /// The fee for the <paramref name="ordinal"/>-th application of the same applicant in one natural month (Art 4):
    /// 1–10 free, 11–30 ¥100, and from 31 "以10件为一档，每增加一档，收费标准提高100元/件". We read the first band
    /// above 30 (31–40) as already one step up, ¥200, then 41–50 ¥300 and so on, as the spec does; that reading is
    /// open (spec §14.3) until checked against the official 政策解读.
    /// </summary>
    public static Result<decimal> ForApplication(int ordinal)
    {
        if (ordinal < 1)
        {
            return new Problem("fee.invalidCount", $"申请件序号应从1开始，实为{RequestText.Number(ordinal)}");
        }

        if (ordinal <= 10)
        {
            return 0m;
        }

        if (ordinal <= 30)
        {
            return 100m;
        }

        var band = ((ordinal - 31) / 10) + 1;
        return 100m + (100m * band);
    }

    /// <summary>The total for <paramref name="applications"/> applications in one natural month, e.g. 35 → ¥3,000 (20×100 + 5×200).</summary>
    public static Result<decimal> ForApplications(int applications)
    {
        if (applications < 0)
        {
            return new Problem("fee.invalidCount", $"申请件数不能为负数（{RequestText.Number(applications)}）");
        }

        decimal total = 100m * (Math.Clamp(applications, 10, 30) - 10);
        if (applications > 30)
        {
            // Full bands j = 1..b cost 10 × 100 × (j + 1) each; the rest of the next band 100 × (b + 2) per application.
            decimal bands = (applications - 30) / 10;
            decimal rest = (applications - 30) % 10;
            total += (1000m * ((bands * (bands + 1) / 2) + bands)) + (rest * 100m * (bands + 2));
        }

        return total;
    }

    /// <summary>
    /// The total for <paramref name="pages"/> pages (Art 5): up to 30 free; pages 31–100 ¥10, 101–200 ¥20, from
    /// 201 ¥40 each. E.g. 250 pages → ¥4,700 (70×10 + 100×20 + 50×40).
    /// </summary>
    public static Result<decimal> ForPages(int pages)
    {
        if (pages < 0)
        {
            return new Problem("fee.invalidCount", $"页数不能为负数（{RequestText.Number(pages)}）");
        }

        decimal total = 10m * (Math.Clamp(pages, 30, 100) - 30);
        total += 20m * (Math.Clamp(pages, 100, 200) - 100);
        total += 40m * (Math.Max(pages, 200) - 200);
        return total;
    }
}
