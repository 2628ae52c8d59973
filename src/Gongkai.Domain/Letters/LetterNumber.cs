using System.Globalization;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Letters;

/// <summary>
/// A letter's 文号 (spec/letters.md §2): the agency's prefix, the kind's code, 〔year〕 and 第N号, e.g. 东外联依申复〔2026〕第3号.
/// N is allocated at issue, gapless per agency, kind and year (the store's job); this type only writes and reads it.
/// </summary>
public sealed record LetterNumber
{
    private LetterNumber(string prefix, LetterKind kind, string kindCode, int year, int sequence)
    {
        Prefix = prefix;
        Kind = kind;
        KindCode = kindCode;
        Year = year;
        Sequence = sequence;
    }

    public string Prefix { get; }

    public LetterKind Kind { get; }

    public string KindCode { get; }

    public int Year { get; }

    /// <summary>N, from 1.</summary>
    public int Sequence { get; }

    /// <summary>The <paramref name="sequence"/>-th letter of <paramref name="kind"/> in <paramref name="year"/>, with the agency's prefix and code.</summary>
    public static Result<LetterNumber> For(LetterSettings settings, LetterKind kind, int year, int sequence)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!Enum.IsDefined(kind))
        {
            return Problem.Invalid("letterNumber.kind", "文书种类无效");
        }

        var prefix = settings.NumberPrefix.Trim();
        var code = settings.KindCode(kind).Trim();
        if (prefix.Length == 0)
        {
            return Problem.Invalid("letterNumber.prefix", "未设置文号的机关代字");
        }

        if (ContainsReserved(prefix) || ContainsReserved(code))
        {
            return Problem.Invalid("letterNumber.reserved", $"机关代字和文书代字不能含有“〔”“〕”“第”“号”或数字（{prefix}{code}）");
        }

        if (year is < 1900 or > 9999)
        {
            return Problem.Invalid("letterNumber.year", $"文号年份无效（{Text(year)}）");
        }

        if (sequence < 1)
        {
            return Problem.Invalid("letterNumber.sequence", $"文号序号应从1开始（{Text(sequence)}）");
        }

        return new LetterNumber(prefix, kind, code, year, sequence);
    }

    /// <summary>
    /// Reads a 文号 written with the agency's prefix and one of its kind codes (its own or the defaults); the year's
    /// brackets may be 〔〕 or, as typed by hand, [] or ［］.
    /// </summary>
    public static Result<LetterNumber> Parse(string text, LetterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var trimmed = (text ?? "").Trim().Replace('[', '〔').Replace(']', '〕').Replace('［', '〔').Replace('］', '〕');
        var open = trimmed.IndexOf('〔', StringComparison.Ordinal);
        var close = trimmed.IndexOf('〕', StringComparison.Ordinal);
        if (open < 0 || close != open + 5 || !trimmed.EndsWith('号') || trimmed.Length < close + 4 || trimmed[close + 1] != '第'
            || !int.TryParse(trimmed.AsSpan(open + 1, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(trimmed.AsSpan(close + 2, trimmed.Length - close - 3), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return Problem.Invalid("letterNumber.format", $"文号“{text}”的格式应为“机关代字+文书代字〔年份〕第N号”");
        }

        var head = trimmed[..open];
        var prefix = settings.NumberPrefix.Trim();
        if (prefix.Length == 0 || !head.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Problem.Invalid("letterNumber.prefix", $"文号“{text}”不是以本机关代字“{prefix}”开头");
        }

        var code = head[prefix.Length..];
        var kinds = Enum.GetValues<LetterKind>().Where(k => settings.KindCode(k).Trim() == code).ToList();
        if (kinds.Count != 1)
        {
            return Problem.Invalid("letterNumber.kindCode", kinds.Count == 0
                ? $"文号“{text}”的文书代字“{code}”不是本机关设置的任何文书代字"
                : $"文书代字“{code}”对应多种文书，无法识别");
        }

        return For(settings, kinds[0], year, sequence);
    }

    public override string ToString() => $"{Prefix}{KindCode}〔{Text(Year)}〕第{Text(Sequence)}号";

    private static bool ContainsReserved(string code) => code.Any(c => c is '〔' or '〕' or '[' or ']' or '第' or '号' || char.IsDigit(c));

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
