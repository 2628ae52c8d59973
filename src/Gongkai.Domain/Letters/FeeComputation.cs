using System.Globalization;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Letters;

/// <summary>
/// The fee facts of a 收费通知书 (spec/letters.md §5): the basis and, 按件, how many applications the applicant made
/// earlier in the natural month and how many this one counts as (一事一申请 may split it); 按量, the pages.
/// </summary>
/// <param name="Count">按件: the applications this one counts as (usually 1); 按量: the pages provided.</param>
/// <param name="EarlierInMonth">按件: the applicant's applications earlier in the same natural month.</param>
/// <param name="PaymentMethod">How to pay (缴纳方式), from the agency.</param>
public sealed record FeeFacts(FeeBasis Basis, int Count, int EarlierInMonth = 0, string PaymentMethod = "");

/// <summary>One line of the computation: units <see cref="From"/>–<see cref="To"/> (inclusive) at <see cref="Rate"/> 元 each.</summary>
public sealed record FeeTier(int From, int To, decimal Rate)
{
    public int Count => To - From + 1;

    public decimal Amount => Count * Rate;
}

/// <summary>
/// The fee shown tier by tier (国办函〔2020〕109号 Arts 3–5, 超额累进). The tiers are read off
/// <see cref="ProcessingFee"/>'s per-unit rates and the total is <see cref="ProcessingFee"/>'s, so the notice and the
/// procedure never disagree.
/// </summary>
public sealed record FeeComputation(FeeBasis Basis, int First, int Last, IReadOnlyList<FeeTier> Tiers, decimal Total)
{
    /// <summary>Above this many units the notice would list tiers no agency charges; refused rather than walked.</summary>
    public const int MaxUnits = 100_000;

    public static Result<FeeComputation> Of(FeeFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Count < 0 || facts.EarlierInMonth < 0 || (facts.Basis == FeeBasis.PerApplication && facts.Count < 1))
        {
            return Problem.Invalid("fee.invalidCount", "计费件数或页数无效");
        }

        return facts.Basis switch
        {
            FeeBasis.PerApplication => PerApplication(facts.EarlierInMonth, facts.Count),
            FeeBasis.PerPage => PerPage(facts.Count),
            _ => Problem.Invalid("fee.invalidBasis", "计费方式无效"),
        };
    }

    /// <summary>按件: this application counts as the applicant's <c>earlier+1</c>-th to <c>earlier+count</c>-th of the month.</summary>
    public static Result<FeeComputation> PerApplication(int earlierInMonth, int count)
    {
        if (earlierInMonth < 0 || count < 1 || (long)earlierInMonth + count > MaxUnits)
        {
            return Problem.Invalid("fee.invalidCount", $"计费件数无效（此前{Text(earlierInMonth)}件，本次{Text(count)}件）");
        }

        var first = earlierInMonth + 1;
        var last = earlierInMonth + count;
        var tiers = Group(first, last, n => ProcessingFee.ForApplication(n).Value);
        var total = ProcessingFee.ForApplications(last).Value - ProcessingFee.ForApplications(earlierInMonth).Value;
        return new FeeComputation(FeeBasis.PerApplication, first, last, tiers, total);
    }

    /// <summary>按量: pages 1–<paramref name="pages"/>, each at its tier's rate.</summary>
    public static Result<FeeComputation> PerPage(int pages)
    {
        if (pages is < 0 or > MaxUnits)
        {
            return Problem.Invalid("fee.invalidCount", $"计费页数无效（{Text(pages)}页）");
        }

        List<FeeTier> tiers = pages == 0 ? [] : Group(1, pages, p => ProcessingFee.ForPages(p).Value - ProcessingFee.ForPages(p - 1).Value);
        return new FeeComputation(FeeBasis.PerPage, 1, pages, tiers, ProcessingFee.ForPages(pages).Value);
    }

    /// <summary>The computation as the notice prints it, one line each: the basis, the tiers, the total.</summary>
    public IReadOnlyList<string> Lines(DateOnly month)
    {
        var unit = Basis == FeeBasis.PerApplication ? "件" : "页";
        var lines = new List<string>
        {
            Basis == FeeBasis.PerApplication
                ? $"计费方式：按件计收（超额累进）。您在{Text(month.Year)}年{Text(month.Month)}月此前已提出政府信息公开申请{Text(First - 1)}件，"
                    + $"本申请计{Text(Last - First + 1)}件，为当月第{Range(First, Last)}件。"
                : $"计费方式：按量计收（超额累进）。本申请提供的政府信息共{Text(Last)}页。",
        };
        foreach (var tier in Tiers)
        {
            lines.Add(tier.Rate == 0
                ? $"第{Range(tier.From, tier.To)}{unit}：{Text(tier.Count)}{unit}，不收费；"
                : $"第{Range(tier.From, tier.To)}{unit}：{Text(tier.Count)}{unit}×{Yuan(tier.Rate)}/{unit}={Yuan(tier.Amount)}；");
        }

        lines.Add($"合计：{Yuan(Total)}。");
        return lines;
    }

    /// <summary>An amount as the letters write it: 3000元 (no thousands separator, no trailing zeros).</summary>
    public static string Yuan(decimal amount) => RequestText.Yuan(amount);

    private static List<FeeTier> Group(int first, int last, Func<int, decimal> rate)
    {
        var tiers = new List<FeeTier>();
        var start = first;
        var current = rate(first);
        for (var n = first + 1; n <= last + 1; n++)
        {
            var next = n <= last ? rate(n) : -1m;
            if (next != current)
            {
                tiers.Add(new FeeTier(start, n - 1, current));
                start = n;
                current = next;
            }
        }

        return tiers;
    }

    private static string Range(int from, int to) => from == to ? Text(from) : $"{Text(from)}—{Text(to)}";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
