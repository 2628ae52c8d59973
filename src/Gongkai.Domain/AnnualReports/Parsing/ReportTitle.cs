using System.Text.RegularExpressions;

namespace Gongkai.Domain.AnnualReports.Parsing;

/// <summary>
/// The agency and the year, read from the title, e.g. 北京市东城区对外联络服务办公室2020年政府信息公开工作年度报告.
/// A title broken over several lines is joined; an alternative name in brackets (the seed's
/// （北京市东城区扶贫协作和支援合作工作领导小组办公室）) and a leading 附/附件 are dropped.
/// </summary>
internal static partial class ReportTitle
{
    public static (string? Agency, int? Year, int TitleIndex) Read(IReadOnlyList<ReportToken> tokens, int end)
    {
        var limit = Math.Min(end, 80);
        for (var i = 0; i < limit; i++)
        {
            var text = tokens[i].Text;
            if (text.Length > 80 || !TitleWords().IsMatch(text))
            {
                continue;
            }

            var compact = Compact(text);
            var match = TitleRegex().Match(compact);
            if (!match.Success)
            {
                continue;
            }

            var year = ParseYear(match.Groups["year"].Value);
            var agency = match.Groups["agency"].Value;
            if (agency.Length == 0)
            {
                // The title line starts with the year: the agency stands on the lines just above it.
                var parts = new List<string>();
                for (var j = i - 1; j >= 0 && j >= i - 4; j--)
                {
                    var above = Compact(tokens[j].Text);
                    if (above.Length == 0)
                    {
                        continue;
                    }

                    if (above.Length > 40 || above.IndexOfAny(['。', '：', ':', '>', '›']) >= 0 || above.Contains("首页", StringComparison.Ordinal))
                    {
                        break;
                    }

                    parts.Insert(0, above);
                }

                agency = string.Concat(parts);
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

    private static string? AgencyBelow(IReadOnlyList<ReportToken> tokens, int start, int limit)
    {
        for (var j = start; j < limit && j < start + 4; j++)
        {
            var line = CleanAgency(Compact(tokens[j].Text));
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

    private static string Compact(string text)
    {
        var normalized = text.Normalize(System.Text.NormalizationForm.FormKC);
        return string.Concat(normalized.Where(c => !char.IsWhiteSpace(c)));
    }

    [GeneratedRegex("年度?(?:政府信息公开|政务公开)")]
    private static partial Regex TitleWords();

    [GeneratedRegex(@"^(?<agency>.*?)(?<year>(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})年度?(?:政府信息公开|政务公开)(?:工作)?年度报告")]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"[(（][^()（）]*[)）]|[(（][^()（）]*$|^[^()（）]*[)）]")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^附(?:件\d*)?[:：、]?(?!属)")]
    private static partial Regex AttachmentMark();

    [GeneratedRegex("(?:局|办|委|厅|部|院|会|署|所|站|队|馆|中心|政府|办公室)$")]
    private static partial Regex AgencySuffix();
}
