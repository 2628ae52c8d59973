using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gongkai.Domain.Common;

namespace Gongkai.Web.Api;

/// <summary>
/// Every date the API reads (<c>yyyy-MM-dd</c>, also inside nullable fields) must be one a record can carry
/// (<see cref="RecordDates"/>, issue 16, 5): 0001-01-01 or 9999-12-31 is refused at the edge as a malformed body (400,
/// the Chinese problem details), before any use case or working-day count sees it. Dates are written as before.
/// </summary>
internal sealed class RecordDateConverter : JsonConverter<DateOnly>
{
    private const string Format = "yyyy-MM-dd";

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String
            || !DateOnly.TryParseExact(reader.GetString(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new JsonException($"A date is written {Format}.");
        }

        return RecordDates.Contains(date)
            ? date
            : throw new JsonException($"The date {date.ToString(Format, CultureInfo.InvariantCulture)} is outside {RecordDates.Earliest:yyyy-MM-dd}..{RecordDates.Latest:yyyy-MM-dd}.");
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString(Format, CultureInfo.InvariantCulture));
    }
}
