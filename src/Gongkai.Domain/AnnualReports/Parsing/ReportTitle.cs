using System.Text.RegularExpressions;

namespace Gongkai.Domain.AnnualReports.Parsing;

/// <summary>
/// The agency and the year, read from the title, e.g. 北京市东城区对外联络服务办公室2020年政府信息公开工作年度报告.
/// A title broken over several lines is joined; an alternative name in brackets (the seed's
/// （北京市东城区扶贫协作和支援合作工作领导小组办公室）) and a leading 附/附件 are dropped.
/// </summary>
internal static partial class ReportTitle
{
    /// <summary>
    /// The title's agency and year, each falling back when the title lacks it (or there is none): the year to the
    /// statistics period (统计期限自2024年1月1日…), the agency to the signature block above the date at the end.
    /// </summary>
    public static (string? Agency, int? Year, int TitleIndex) Read(IReadOnlyList<ReportToken> tokens, int end)
    {
        var (agency, year, index) = FromTitle(tokens, end);
        return (agency ?? FromSignature(tokens), year ?? FromPeriod(tokens, end), index);
    }

    /// <summary>
    /// Where the title found at token <paramref name="i"/> begins (its agency's lines above a title that starts with
    /// the year), or null when no title starts at <paramref name="i"/>.
    /// </summary>
    public static int? StartOfTitleAt(IReadOnlyList<ReportToken> tokens, int i) =>
        TitleAt(tokens, i) is not { } match ? null : match.Groups["agency"].Length > 0 ? i : AgencyAbove(tokens, i).First;

    private static (string? Agency, int? Year, int TitleIndex) FromTitle(IReadOnlyList<ReportToken> tokens, int end)
    {
        var limit = Math.Min(end, 80);
        for (var i = 0; i < limit; i++)
        {
            if (TitleAt(tokens, i) is not { } match)
            {
                continue;
            }

            var year = ParseYear(match.Groups["year"].Value);
            var agency = match.Groups["agency"].Value;
            if (agency.Length == 0)
            {
                agency = AgencyAbove(tokens, i).Agency;
            }

            agency = CleanAgency(agency);
            if (agency.Length == 0)
            {
                agency = AgencyBelow(tokens, i + 1, limit) ?? "";
            }

            return (agency.Length > 0 ? agency : null, year, i);
        }

        return (null, null, -1);
    }

    /// <summary>
    /// A title line that starts with the year has the agency on the lines just above it (up to four). A sentence, a
    /// breadcrumb or a date (the signature of a report before it in the same file) is not part of it.
    /// </summary>
    private static (string Agency, int First) AgencyAbove(IReadOnlyList<ReportToken> tokens, int i)
    {
        var parts = new List<string>();
        var first = i;
        for (var j = i - 1; j >= 0 && j >= i - 4; j--)
        {
            var above = LabelText.Compact(tokens[j].Text);
            if (above.Length == 0)
            {
                continue;
            }

            if (above.Length > 40 || NotTitleLine(above))
            {
                break;
            }

            parts.Insert(0, above);
            first = j;
        }

        return (string.Concat(parts), first);
    }

    /// <summary>
    /// The title at token <paramref name="i"/>: agency then year (XX局2020年政府信息公开工作年度报告) or year first
    /// (2019年上海市人民政府办公厅政府信息公开工作年度报告), on one line or broken over up to three (the break falls
    /// anywhere: after the agency, inside 政府信息公开工作, before 年度报告).
    /// </summary>
    private static Match? TitleAt(IReadOnlyList<ReportToken> tokens, int i)
    {
        var text = tokens[i].Text;
        if (text.Length > 80 || !TitleStart().IsMatch(text) || !EndsWithinReach(tokens, i))
        {
            return null;
        }

        var compact = LabelText.Compact(text);
        for (var more = 0; more <= 2 && i + more < tokens.Count; more++)
        {
            if (more > 0)
            {
                // Only title lines are joined: a breadcrumb (首页 > 政务公开 > 年度报告) or a sentence above a title is none.
                var line = LabelText.Compact(tokens[i + more].Text);
                if (NotTitleLine(compact) || NotTitleLine(line))
                {
                    return null;
                }

                compact += line;
            }

            if (compact.Length > 100)
            {
                return null;
            }

            foreach (var regex in (Regex[])[TitleRegex(), YearFirstRegex()])
            {
                if (regex.Match(compact) is { Success: true } match)
                {
                    return match;
                }
            }
        }

        return null;
    }

    /// <summary>Every title ends in 年度报告: without a 告 on its line or the two after it, no title starts here (spares the joining).</summary>
    private static bool EndsWithinReach(IReadOnlyList<ReportToken> tokens, int i)
    {
        for (var more = 0; more <= 2 && i + more < tokens.Count; more++)
        {
            if (tokens[i + more].Text.Contains('告', StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A sentence, a breadcrumb or a date (a signature's, of a report before this one) is no line of a title.</summary>
    private static bool NotTitleLine(string compact) =>
        compact.IndexOfAny(['。', '：', ':', '>', '›']) >= 0 || compact.Contains("首页", StringComparison.Ordinal) || DateLine().IsMatch(compact);

    /// <summary>统计期限自2024年1月1日起至2024年12月31日止 (or 统计期限为…, 统计时限…): the report's year.</summary>
    private static int? FromPeriod(IReadOnlyList<ReportToken> tokens, int end)
    {
        // The period is stated in the preamble, now and then in the first paragraph of 一、总体情况.
        for (var i = 0; i < Math.Min(end + 30, tokens.Count); i++)
        {
            if (tokens[i].Text.Contains("统计", StringComparison.Ordinal)
                && PeriodRegex().Match(LabelText.Compact(tokens[i].Text + (i + 1 < tokens.Count ? tokens[i + 1].Text : ""))) is { Success: true } match)
            {
                return ParseYear(match.Groups["year"].Value);
            }
        }

        return null;
    }

    /// <summary>
    /// The signature block: the last dated line (2025年1月20日, 二〇二一年一月) with an agency's name just above it.
    /// Only the last lines are looked at: a date above the tables is the seed's cover, below them the signature.
    /// </summary>
    private static string? FromSignature(IReadOnlyList<ReportToken> tokens)
    {
        // From the end: only the last six lines are compacted, not every paragraph of the report.
        var lines = new List<string>(6);
        for (var k = tokens.Count - 1; k >= 0 && lines.Count < 6; k--)
        {
            if (tokens[k].Kind == TokenKind.Paragraph && LabelText.Compact(tokens[k].Text) is { Length: > 0 } line && !PageNumber().IsMatch(line))
            {
                lines.Insert(0, line);
            }
        }

        for (var i = lines.Count - 1; i >= 1; i--)
        {
            if (DateLine().IsMatch(lines[i]))
            {
                var agency = CleanAgency(lines[i - 1]);
                return agency.Length is > 2 and < 40 && AgencySuffix().IsMatch(agency) ? agency : null;
            }
        }

        return null;
    }

    private static string? AgencyBelow(IReadOnlyList<ReportToken> tokens, int start, int limit)
    {
        for (var j = start; j < limit && j < start + 4; j++)
        {
            var line = CleanAgency(LabelText.Compact(tokens[j].Text));
            if (line.Length is > 2 and < 40 && AgencySuffix().IsMatch(line))
            {
                return line;
            }
        }

        return null;
    }

    private static string CleanAgency(string text)
    {
        text = Bracketed().Replace(text, "");
        text = AttachmentMark().Replace(text, "");
        if (text.EndsWith("关于", StringComparison.Ordinal))
        {
            text = text[..^2];
        }

        return text.Trim();
    }

    private static int? ParseYear(string text)
    {
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            return year;
        }

        var value = 0;
        foreach (var c in text)
        {
            var digit = c == '零' ? 0 : "〇一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return null;
            }

            value = (value * 10) + digit;
        }

        return value;
    }


    // A title's line holds its year or its words: "淮安市人民政府" alone is the line above a title, not one.
    [GeneratedRegex(@"(?:19|20)\d{2}\s*年|[〇零一二三四五六七八九]{4}年|政府信息公开|政务公开")]
    private static partial Regex TitleStart();

    [GeneratedRegex(@"^(?<year>(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})年度?(?<agency>[^0-9，。；：:]{2,40}?)(?:政府信息公开|政务公开)(?:工作)?年度报告")]
    private static partial Regex YearFirstRegex();

    [GeneratedRegex(@"统计(?:期限|时限|期间|时间|区间)[^。；0-9]{0,6}(?<year>(?:19|20)\d{2})年1月1日")]
    private static partial Regex PeriodRegex();

    [GeneratedRegex(@"^(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月(?:[0-9一二三四五六七八九十]{1,3}日)?$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^[-—－第]*\d+[-—－页]*$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(?<agency>.*?)(?<year>(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})年度?(?:政府信息公开|政务公开)(?:工作)?年度报告")]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"[(（][^()（）]*[)）]|[(（][^()（）]*$|^[^()（）]*[)）]")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^附(?:件\d*)?[:：、]?(?!属)")]
    private static partial Regex AttachmentMark();

    [GeneratedRegex("(?:局|办|委|厅|部|院|会|署|所|站|队|馆|中心|政府|办公室)$")]
    private static partial Regex AgencySuffix();
}
