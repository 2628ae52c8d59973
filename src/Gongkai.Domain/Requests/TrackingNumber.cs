using System.Globalization;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Requests;

/// <summary>
/// 申请编号: an application's number, unique within its agency. An online application gets the next number of the
/// agency's series for the year, <c>YYYY-NNNNNN</c> (2026-000123, <see cref="Online"/>); an application imported from a
/// ledger keeps the number the agency gave it, any text of 1 to <see cref="MaxLength"/> characters. Surrounding spaces
/// are not part of a number.
/// </summary>
public sealed class TrackingNumber : IEquatable<TrackingNumber>
{
    public const int MaxLength = 50;

    /// <summary>The digits of the serial in an online number: up to 999999 applications an agency a year.</summary>
    public const int SerialDigits = 6;

    public const int MaxSerial = 999_999;

    private TrackingNumber(string value) => Value = value;

    public string Value { get; }

    /// <summary>A number as typed, scanned or stored: trimmed, not empty, at most <see cref="MaxLength"/> characters.</summary>
    public static Result<TrackingNumber> TryParse(string? text)
    {
        var value = (text ?? "").Trim();
        return value.Length switch
        {
            0 => Problem.Invalid("trackingNumber.empty", "申请编号不能为空"),
            > MaxLength => Problem.Invalid("trackingNumber.tooLong", $"申请编号不能超过{RequestText.Number(MaxLength)}个字符"),
            _ => new TrackingNumber(value),
        };
    }

    /// <summary>The <paramref name="serial"/>-th number of the online series of <paramref name="year"/>: 2026-000123.</summary>
    public static TrackingNumber Online(int year, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(serial, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, MaxSerial);
        return new TrackingNumber(string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{serial:D6}"));
    }

    /// <summary>
    /// The lowest and highest text of the online series of <paramref name="year"/> ("2026-000000" to "2026-999999"):
    /// all of the same length, so within this range text order is number order (a database range read, not a LIKE).
    /// </summary>
    public static (string Lowest, string Highest) OnlineSeries(int year) =>
        (string.Create(CultureInfo.InvariantCulture, $"{year:D4}-000000"), string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{MaxSerial:D6}"));

    /// <summary>The serial when this is a number of the online series of <paramref name="year"/>; a ledger's own number of another shape is not.</summary>
    public int? SerialIn(int year)
    {
        var (lowest, _) = OnlineSeries(year);
        var prefix = lowest.AsSpan(0, lowest.Length - SerialDigits);
        return Value.Length == lowest.Length && Value.AsSpan().StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(Value.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var serial)
            ? serial
            : null;
    }

    public bool Equals(TrackingNumber? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as TrackingNumber);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;
}
