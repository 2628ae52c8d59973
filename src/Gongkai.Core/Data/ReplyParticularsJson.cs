using System.Text.Json;
using System.Text.Json.Serialization;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongkai.Core.Data;

/// <summary>
/// A reply's <see cref="ReplyParticulars"/> as one JSON text column (both providers): camelCase names, grounds by
/// name, absent values left out, so a request without a reply stores <c>{}</c> (<see cref="ReplyParticulars.None"/>).
/// Compared by that text: the record's own equality compares its list of withheld parts by reference.
/// </summary>
internal static class ReplyParticularsJson
{
    public const string Empty = "{}";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(ReplyParticulars particulars) =>
        ReplyParticularsRule.IsEmpty(particulars) ? Empty : JsonSerializer.Serialize(particulars, Options);

    public static ReplyParticulars Read(string json) =>
        string.IsNullOrWhiteSpace(json) || json == Empty
            ? ReplyParticulars.None
            : JsonSerializer.Deserialize<ReplyParticulars>(json, Options) ?? ReplyParticulars.None;

    public static ValueConverter<ReplyParticulars, string> Converter { get; } = new(p => Write(p), json => Read(json));

    public static ValueComparer<ReplyParticulars> Comparer { get; } = new(
        (a, b) => ReferenceEquals(a, b) || (a != null && b != null && Write(a) == Write(b)),
        p => Write(p).GetHashCode(StringComparison.Ordinal),
        p => p);
}
