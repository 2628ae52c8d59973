using System.Globalization;
using System.Text;

namespace Gongkai.Domain.AnnualReports.Parsing;

public enum CellStatus
{
    /// <summary>Printed empty, or a dash or 无: not the same as 0.</summary>
    Blank,
    Number,
    Unreadable,
}

/// <summary>The unit a number was printed with, if any.</summary>
public enum CellUnit
{
    None,

    /// <summary>元: in a 万元 cell the number is divided by 10,000 (P4 warning).</summary>
    Yuan,
    TenThousandYuan,

    /// <summary>件, 个, 项, 条, 宗, 起: a measure word after a count.</summary>
    Measure,
}

/// <summary>What a cell's text says, read leniently: full-width digits, "减4", "+2", "-", "—", "0.5950", "251000元".</summary>
public readonly record struct CellReading(CellStatus Status, decimal Value, CellUnit Unit)
{
    public static CellReading Blank { get; } = new(CellStatus.Blank, 0, CellUnit.None);

    public static CellReading Unreadable { get; } = new(CellStatus.Unreadable, 0, CellUnit.None);

    /// <summary>True for a number or a blank: the text can stand in a number cell.</summary>
    public bool IsValue => Status != CellStatus.Unreadable;
}

public static class CellText
{
    private static readonly string[] BlankWords = ["-", "--", "—", "——", "–", "/", "\\", "无", "空", "／"];

    public static CellReading Read(string text)
    {
        var s = Compact(text);
        if (s.Length == 0 || Array.IndexOf(BlankWords, s) >= 0)
        {
            return CellReading.Blank;
        }

        var negative = false;
        switch (s[0])
        {
            case '减':
            case '-':
            case '−':
                negative = true;
                s = s[1..];
                break;
            case '增':
            case '+':
                s = s[1..];
                break;
        }

        var unit = CellUnit.None;
        if (s.EndsWith("万元", StringComparison.Ordinal))
        {
            unit = CellUnit.TenThousandYuan;
            s = s[..^2];
        }
        else if (s.EndsWith('元'))
        {
            unit = CellUnit.Yuan;
            s = s[..^1];
        }
        else if (s.Length > 1 && "件个项条宗起次".Contains(s[^1], StringComparison.Ordinal))
        {
            unit = CellUnit.Measure;
            s = s[..^1];
        }

        if (s.Length == 0 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1])
            || !decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return CellReading.Unreadable;
        }

        return new CellReading(CellStatus.Number, negative ? decimal.Negate(value) : value, unit);
    }

    /// <summary>Half-width, without white space or thousands separators.</summary>
    private static string Compact(string text)
    {
        var simple = true;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c != '.')
            {
                simple = false;
                break;
            }
        }

        if (simple)
        {
            return text;
        }

        var normalized = LabelText.Nfkc(text);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!char.IsWhiteSpace(c) && c != ',' && c != '\u200B' && c != '\uFEFF')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
