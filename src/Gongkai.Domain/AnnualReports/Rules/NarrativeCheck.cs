using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Domain.AnnualReports.Rules;

/// <summary>
/// R8 (warning): the numbers that 一、总体情况 states must match the tables. Real reports have been published
/// whose overview says one count and whose table another (spec §5).
/// </summary>
public static partial class NarrativeCheck
{
    private sealed record Claim(Regex Pattern, CellKey Key);

    // A keyword, at most 20 characters of the same clause, then a count with its measure word.
    private const string Count = @"[^，。；,;：:]{0,20}?(?<n>\d+|[零〇一二两三四五六七八九十百]+)(?:件|个|份|起|宗|次)";

    private static readonly CellKey ReconsiderationTotal = CellKey.Appeals("reconsideration", "total");

    private static readonly Claim[] Claims =
    [
        new(Received(), CellKey.Requests("received", "total")),
        new(CarriedIn(), CellKey.Requests("carriedIn", "total")),
        new(CarriedOut(), CellKey.Requests("carriedOut", "total")),
        new(Concluded(), CellKey.Requests("total", "total")),
        new(Reconsideration(), ReconsiderationTotal),
    ];

    // The number of the year's applications, only where the clause ties it to applications (spec §9): 收到/受理/新收
    // … 政府信息公开申请 … N件, or 收到N件申请. 收到群众诉求348件 or 受理热线电话… counts something else.
    // Applications are counted in 件 (宗 now and then); “三个第一时间” in a quote is a slogan, not a count.
    private const string Numeral = @"(?<n>\d+|[零〇一二两三四五六七八九十百]+)(?:件|宗)";

    private const string Clause = "[^，。；,;：:“”\"]";

    [GeneratedRegex(
        "(?:新收|新接收|收到|受理|接收|接到)(?:" + Clause + "{0,20}?申请(?!人)" + Clause + "{0,8}?" + Numeral + "|" + Numeral + Clause + "{0,10}?申请(?!人))",
        RegexOptions.CultureInvariant)]
    private static partial Regex Received();

    /// <summary>Words of a clause that counts appeals, petitions or calls, not disclosure applications.</summary>
    [GeneratedRegex("复议|诉讼|诉求|热线|信访|来电|来信|咨询|建议|提案|投诉|举报", RegexOptions.CultureInvariant)]
    private static partial Regex OtherCounts();

    [GeneratedRegex("上年(?:度)?结转" + Count, RegexOptions.CultureInvariant)]
    private static partial Regex CarriedIn();

    [GeneratedRegex("结转(?:至|到)?下(?:一)?年" + Count, RegexOptions.CultureInvariant)]
    private static partial Regex CarriedOut();

    [GeneratedRegex("(?:办结|办理完毕|共办理|已答复)" + Count, RegexOptions.CultureInvariant)]
    private static partial Regex Concluded();

    [GeneratedRegex("行政复议" + Count, RegexOptions.CultureInvariant)]
    private static partial Regex Reconsideration();

    public static IEnumerable<Finding> Check(AnnualReport report)
    {
        if (report.Text(CellKey.Overview) is not { Length: > 0 } overview)
        {
            yield break;
        }

        var text = LabelText.Compact(overview);
        foreach (var claim in Claims)
        {
            if (report.Value(claim.Key) is not { } table)
            {
                continue;
            }

            foreach (Match match in claim.Pattern.Matches(text))
            {
                if (claim.Key != ReconsiderationTotal && OtherCounts().IsMatch(match.Value))
                {
                    continue;
                }

                if (ParseCount(match.Groups["n"].Value) is { } stated && stated != table)
                {
                    yield return Finding.Warning(
                        RuleIds.R8,
                        $"总体情况称“{match.Value}”，但表格中为{SumRule.Format(table)}",
                        claim.Key);
                    break;
                }
            }
        }

        if (report.Value(ReconsiderationTotal) is > 0 && NoReconsideration().IsMatch(text))
        {
            yield return Finding.Warning(RuleIds.R8, "总体情况称未发生行政复议，但表格中行政复议总计不为0", ReconsiderationTotal);
        }
    }

    [GeneratedRegex("(?:未发生|没有|无)[^。；]{0,15}行政复议", RegexOptions.CultureInvariant)]
    private static partial Regex NoReconsideration();


    /// <summary>Arabic digits or a Chinese numeral below 1000 (一, 两, 十二, 一百零五).</summary>
    internal static decimal? ParseCount(string text)
    {
        if (decimal.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        decimal total = 0, digit = 0;
        foreach (var c in text)
        {
            var d = c switch { '零' => 0, '两' => 2, _ => "〇一二三四五六七八九".IndexOf(c, StringComparison.Ordinal) };
            if (d >= 0)
            {
                digit = d;
                continue;
            }

            var unit = c switch { '十' => 10, '百' => 100, _ => 0 };
            if (unit == 0)
            {
                return null;
            }

            total += (digit == 0 ? 1 : digit) * unit;
            digit = 0;
        }

        return total + digit;
    }
}
