using System.Globalization;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Requests;

/// <summary>
/// A 统一社会信用代码 per GB 32100-2015: 18 characters from the 31-character set 0–9 A–H J–N P–R T–U W–Y (no I, O,
/// S, V, Z): registration authority (1), organisation type (1), registration authority's region code (6 digits),
/// organisation code (9), check character (1). Not personal data: <see cref="ToString"/> gives it in full.
/// </summary>
public sealed record CreditCode
{
    public const int Length = 18;

    // GB 32100-2015 Table 1: the code characters in the order of their values 0–30.
    internal const string Characters = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // GB 32100-2015 §5: weight of position i is 3^(i-1) mod 31.
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // For EF Core.
    private CreditCode()
    {
        Value = "";
    }

    private CreditCode(string value)
    {
        Value = value;
    }

    public string Value { get; private set; }

    /// <summary>Validates <paramref name="text"/> (surrounding spaces ignored, lower case accepted).</summary>
    public static Result<CreditCode> TryParse(string? text)
    {
        var value = (text ?? "").Trim().ToUpperInvariant();
        if (value.Length == 0)
        {
            return new Problem("creditCode.empty", "统一社会信用代码不能为空");
        }

        if (value.Length != Length)
        {
            return new Problem("creditCode.length",
                string.Create(CultureInfo.InvariantCulture, $"统一社会信用代码应为18位，实为{value.Length}位"));
        }

        for (var i = 0; i < Length; i++)
        {
            if (!Characters.Contains(value[i], StringComparison.Ordinal))
            {
                return new Problem("creditCode.character", string.Create(CultureInfo.InvariantCulture,
                    $"统一社会信用代码第{i + 1}位“{value[i]}”不在代码字符集内（数字和除I、O、S、V、Z以外的大写字母）"));
            }
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return new Problem("creditCode.region",
                    $"统一社会信用代码第3至8位（登记管理机关行政区划码）应为数字，实为“{value[2..8]}”");
            }
        }

        var expected = ComputeCheckCharacter(value.AsSpan(0, Length - 1));
        if (value[Length - 1] != expected)
        {
            return new Problem("creditCode.checkCharacter", $"统一社会信用代码校验码应为{expected}，实为{value[Length - 1]}");
        }

        return new CreditCode(value);
    }

    /// <summary>GB 32100-2015 §5: C18 = 31 − (Σ Ci·Wi mod 31), where 31 becomes 0.</summary>
    internal static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += Characters.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Characters[(31 - (sum % 31)) % 31];
    }

    public override string ToString() => Value;
}
