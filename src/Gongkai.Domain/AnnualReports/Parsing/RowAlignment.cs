using Gongkai.Domain.AnnualReports.Layout;

namespace Gongkai.Domain.AnnualReports.Parsing;

/// <summary>How a label that is not in the index was taken for an expected row.</summary>
internal enum AlignmentKind
{
    /// <summary>The label differs from the format's by a few characters (a typo, a word left out).</summary>
    NearMiss,

    /// <summary>The label is the start of the format's; the rest follows elsewhere (a page break, a wrap).</summary>
    Prefix,
}

/// <param name="Row">The expected row the label stands for.</param>
/// <param name="Next">The token just past the label.</param>
/// <param name="Remainder">For a prefix, the rest of the label in comparison form, still to come.</param>
internal sealed record AlignedLabel(RowPath Row, int Next, AlignmentKind Kind, string Remainder);

/// <summary>
/// Rows are known by their place among their siblings as much as by their words (annual-report-format.md §9): a
/// label the index does not know, standing where the format expects one of the next rows, is that row when its
/// words are close enough (“2.其他法律行政止公开” for 2.其他法律行政法规禁止公开) or when it is the start of that
/// row's label (“（四）无” before a page break that carries “法提供”). Only the next few unread rows of the same
/// table are candidates, so a label of another row or a local extra row is never pulled in by its words alone.
/// </summary>
internal static class RowAlignment
{
    /// <summary>Unread rows after the last one read that a label may stand for (a group and its first child, and one more).</summary>
    private const int Window = 3;

    /// <summary>Label parts joined at most (a label broken over cells or lines).</summary>
    private const int MaxParts = 4;

    /// <summary>
    /// Share of characters in common (2·LCS / total length) from which a label is the same words with a typo:
    /// 其他法律行政止公开 against 其他法律行政法规禁止公开 is 0.86; two different rows of one group share far less.
    /// </summary>
    private const double MinSimilarity = 0.75;

    /// <summary>A prefix shorter than this (in comparison form, numbering included) says too little.</summary>
    private const int MinPrefix = 2;

    /// <summary>The expected row that the unknown label at <paramref name="start"/> stands for, or null.</summary>
    /// <param name="isLabelPart">Whether a token may be part of a label (not a value, not a known label).</param>
    public static AlignedLabel? Align(IReadOnlyList<string> norms, int start, int end, IEnumerable<RowPath> expected, Func<int, bool> isLabelPart)
    {
        var candidates = expected.Take(Window).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        AlignedLabel? best = null;
        var bestScore = 0.0;
        var joined = "";
        var parts = 0;
        for (var j = start; j < end && parts < MaxParts; j++)
        {
            if (norms[j].Length == 0)
            {
                continue;
            }

            if (j > start && !isLabelPart(j))
            {
                break;
            }

            joined += norms[j];
            parts++;
            foreach (var row in candidates)
            {
                foreach (var form in Forms(row))
                {
                    var (score, kind) = Compare(joined, form);
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = new AlignedLabel(row, j + 1, kind, kind == AlignmentKind.Prefix ? form[joined.Length..] : "");
                    }
                }
            }
        }

        return best;
    }

    /// <summary>The comparison forms a row's label may take: its own label and aliases, and with its group's label before it.</summary>
    private static IEnumerable<string> Forms(RowPath row)
    {
        foreach (var label in row.Row.Aliases.Prepend(row.Row.Label))
        {
            var own = LabelText.Normalize(label);
            yield return own;
            if (row.Parent is { Row.Key.Length: > 0 } parent)
            {
                yield return LabelText.Normalize(parent.Row.Label) + own;
            }
        }
    }

    /// <summary>How well a printed label stands for a format label (0 when it does not), and how.</summary>
    internal static (double Score, AlignmentKind Kind) Compare(string printed, string label)
    {
        if (printed.Length == 0 || printed == label)
        {
            return (0, AlignmentKind.NearMiss);
        }

        var printedCore = LabelText.StripNumbering(printed);
        var labelCore = LabelText.StripNumbering(label);
        var printedNumber = printed[..^printedCore.Length];
        var labelNumber = label[..^labelCore.Length];
        // 1. against 2.: another sibling, however alike the words (“1.信访…” and “2.重复申请” are not typos of each other).
        if (printedNumber.Length > 0 && labelNumber.Length > 0 && printedNumber != labelNumber)
        {
            return (0, AlignmentKind.NearMiss);
        }

        if (printed.Length >= MinPrefix && printed.Length < label.Length && label.StartsWith(printed, StringComparison.Ordinal)
            && (labelNumber.Length == 0 || printedNumber == labelNumber))
        {
            // Scored below an exact near-miss of the same length so the words decide between the two.
            return (0.5 + (0.5 * printed.Length / label.Length), AlignmentKind.Prefix);
        }

        var similarity = Similarity(printedCore, labelCore);
        return similarity >= MinSimilarity ? (similarity, AlignmentKind.NearMiss) : (0, AlignmentKind.NearMiss);
    }

    /// <summary>2·LCS / (|a| + |b|): 1 for the same text, 0 for nothing in common.</summary>
    internal static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        foreach (var ca in a)
        {
            for (var k = 1; k <= b.Length; k++)
            {
                current[k] = ca == b[k - 1] ? previous[k - 1] + 1 : Math.Max(previous[k], current[k - 1]);
            }

            (previous, current) = (current, previous);
        }

        return 2.0 * previous[b.Length] / (a.Length + b.Length);
    }
}
