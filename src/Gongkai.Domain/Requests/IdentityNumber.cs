using System.Globalization;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Requests;

/// <summary>
/// A 居民身份证号码 per GB 11643-1999 (公民身份号码): 6-digit region code (address code, GB/T 2260), 8-digit birth
/// date YYYYMMDD, 3-digit sequence, and an ISO 7064 MOD 11-2 check character (0–9 or X). Personal data:
/// <see cref="ToString"/> gives the <see cref="Masked"/> form so that the full number is never printed by accident;
/// <see cref="Value"/> is for storage (encrypted at rest, DESIGN.md) only.
/// </summary>
public sealed class IdentityNumber : IEquatable<IdentityNumber>
{
    public const int Length = 18;

    private const string CheckCharacters = "10X98765432";

    // GB 11643-1999 §7.2: weight of position i (1-based, from the left) is 2^(18-i) mod 11.
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    // First two digits of the address code: province-level divisions of GB/T 2260, plus 71 (台湾), 81 (香港),
    // 82 (澳门) and 83 (the code used on 台湾居民居住证, which follow the same number format).
    private static readonly HashSet<int> ProvinceCodes =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
    ];

    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    private IdentityNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The full 18 characters, upper-case X. For storage and encryption, never for display.</summary>
    public string Value { get; }

    public DateOnly BirthDate { get; }

    /// <summary>First 6 + <c>********</c> + last 4, e.g. <c>110101********1234</c>: for every list, export and log.</summary>
    public string Masked => Mask(Value);

    /// <summary>
    /// Validates <paramref name="text"/> (surrounding spaces ignored, lower-case x accepted). The birth date must be a
    /// real date from 1900 on and, when <paramref name="notAfter"/> is given (today, from the injected clock), not
    /// after it.
    /// </summary>
    public static Result<IdentityNumber> TryParse(string? text, DateOnly? notAfter = null)
    {
        var value = (text ?? "").Trim().ToUpperInvariant();
        if (value.Length == 0)
        {
            return new Problem("identityNumber.empty", "身份证号码不能为空");
        }

        if (value.Length != Length)
        {
            return new Problem("identityNumber.length", Text($"身份证号码应为18位，实为{value.Length}位"));
        }

        for (var i = 0; i < Length - 1; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return new Problem("identityNumber.character", Text($"身份证号码第{i + 1}位应为数字，实为“{value[i]}”"));
            }
        }

        var check = value[Length - 1];
        if (!char.IsAsciiDigit(check) && check != 'X')
        {
            return new Problem("identityNumber.character", Text($"身份证号码第18位（校验码）应为数字或X，实为“{check}”"));
        }

        var province = int.Parse(value.AsSpan(0, 2), CultureInfo.InvariantCulture);
        if (!ProvinceCodes.Contains(province))
        {
            return new Problem("identityNumber.region", $"身份证号码前6位（地址码）以“{value[..2]}”开头，不是省级行政区划代码");
        }

        var birth = value.Substring(6, 8);
        if (!DateOnly.TryParseExact(birth, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            return new Problem("identityNumber.birthDate", $"身份证号码第7至14位（出生日期码）“{birth}”不是有效日期");
        }

        if (birthDate < EarliestBirthDate)
        {
            return new Problem("identityNumber.birthDate", $"身份证号码中的出生日期{RequestText.Date(birthDate)}早于1900年");
        }

        if (notAfter is { } last && birthDate > last)
        {
            return new Problem("identityNumber.birthDate",
                $"身份证号码中的出生日期{RequestText.Date(birthDate)}晚于{RequestText.Date(last)}");
        }

        var expected = ComputeCheckCharacter(value.AsSpan(0, Length - 1));
        if (check != expected)
        {
            return new Problem("identityNumber.checkCharacter", $"身份证号码校验码应为{expected}，实为{check}");
        }

        return new IdentityNumber(value, birthDate);
    }

    internal static string Mask(string value) => string.Concat(value.AsSpan(0, 6), "********", value.AsSpan(14, 4));

    /// <summary>ISO 7064 MOD 11-2 over the first 17 digits (GB 11643-1999 §7).</summary>
    internal static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public bool Equals(IdentityNumber? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as IdentityNumber);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The masked form: the full number is personal data (DESIGN.md, "Boundaries and safety").</summary>
    public override string ToString() => Masked;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
