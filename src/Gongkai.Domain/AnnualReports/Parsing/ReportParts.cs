using Gongkai.Domain.AnnualReports.Layout;

namespace Gongkai.Domain.AnnualReports.Parsing;

/// <summary>
/// One file, one report — unless it holds several (a web page with a report and a second copy of it, a text file of
/// two years): each is read and checked on its own, so the errors of a wrong copy are not hidden behind a right one.
/// A new report starts at a title (<see cref="ReportTitle"/>; year first or last, on one line or broken over up to
/// three, with the agency's lines above a title that starts with the year) that comes after the report before it
/// has reached its table 四 and its cells, and that is followed by 一、总体情况 before any table cell. So a page
/// header repeating the title, or a list of links to other years' reports below the tables, starts nothing.
/// </summary>
public static class ReportParts
{
    /// <summary>How far after a title its 一、总体情况 may stand (a preamble of a few paragraphs, or lines of a PDF).</summary>
    private const int OverviewWithin = 60;

    private static readonly string[] OverviewCores = CoresOf(1);

    private static readonly string[] AppealsCores = CoresOf(4);

    /// <summary>The first report of the tokens, with the ones after it in <see cref="ParsedReport.Following"/>.</summary>
    public static ParsedReport Parse(IReadOnlyList<ReportToken> tokens, ReportFormat? format)
    {
        var starts = Starts(tokens);
        if (starts.Count == 1)
        {
            return ReportParser.ParseOne(tokens, format);
        }

        var parts = new List<ParsedReport>(starts.Count);
        for (var n = 0; n < starts.Count; n++)
        {
            var end = n + 1 < starts.Count ? starts[n + 1] : tokens.Count;
            var slice = tokens.Skip(starts[n]).Take(end - starts[n]).ToList();
            parts.Add(ReportParser.ParseOne(slice, format) with { StartsAt = Position(slice) });
        }

        return parts[0] with { Following = parts[1..] };
    }

    /// <summary>The token index where each report starts: 0, then one per further report.</summary>
    public static IReadOnlyList<int> Starts(IReadOnlyList<ReportToken> tokens)
    {
        var starts = new List<int> { 0 };
        bool appeals = false, cells = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Cell)
            {
                cells |= token.Text.Length > 0;
                continue;
            }

            if (!appeals && Is(token, '复', AppealsCores))
            {
                appeals = true;
                continue;
            }

            if (appeals && cells && ReportTitle.StartOfTitleAt(tokens, i) is { } start && start > starts[^1] && OverviewFollows(tokens, i))
            {
                starts.Add(start);
                (appeals, cells) = (false, false);
            }
        }

        return starts;
    }

    /// <summary>“第120行” for a text file; for a page whose paragraphs have no line, the first table it prints.</summary>
    private static string Position(List<ReportToken> part)
    {
        var located = part.FirstOrDefault(t => t.Line > 0 || t.Table > 0 || t.Page > 0);
        return located == default ? "正文" : located.Describe() + "起";
    }

    private static bool OverviewFollows(IReadOnlyList<ReportToken> tokens, int title)
    {
        for (var i = title + 1; i < tokens.Count && i <= title + OverviewWithin; i++)
        {
            if (tokens[i].Kind == TokenKind.Cell)
            {
                return false;
            }

            if (Is(tokens[i], '总', OverviewCores))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A section heading; <paramref name="mark"/>, a character every variant holds, spares normalizing every line.</summary>
    private static bool Is(ReportToken token, char mark, string[] cores) =>
        token.Text.Length < 60 && token.Text.Contains(mark, StringComparison.Ordinal) && cores.Contains(LabelText.StripNumbering(LabelText.Normalize(token.Text)), StringComparer.Ordinal);

    private static string[] CoresOf(int section) =>
    [
        .. ReportLayouts.V2019.Sections.Concat(ReportLayouts.V2021.Sections).Where(s => s.Number == section)
            .SelectMany(s => s.Aliases.Prepend(s.Title)).Select(t => LabelText.StripNumbering(LabelText.Normalize(t))).Distinct(),
    ];
}
