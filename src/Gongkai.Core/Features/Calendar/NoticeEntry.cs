using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Domain.Common;

namespace Gongkai.Core.Features.Calendar;

/// <summary>
/// A year's notice as the 政务公开办 types it from the notice's text, one line per item: days off as
/// <c>2027-02-05 至 2027-02-11 春节</c> (or one date), working weekend days as <c>2027-02-14 春节</c>. Made into the
/// <c>cn-holidays/1</c> document <see cref="LoadCalendarNotice"/> takes, so both ways of loading share one check.
/// </summary>
public static partial class NoticeEntry
{
    public const string Invalid = "calendar.entryInvalid";

    // The names stay readable Chinese in the stored document (it is also what an operator exports and checks).
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Result<string> ToJson(int year, string? holidays, string? adjustedWorkdays)
    {
        if (year is < 2000 or > 2100)
        {
            return new Problem(Invalid, "年份应为2000至2100之间的整数");
        }

        var off = Lines(holidays, "放假", allowRange: true);
        if (!off.TryGetValue(out var offDays))
        {
            return off.Problem;
        }

        var on = Lines(adjustedWorkdays, "调休上班", allowRange: false);
        if (!on.TryGetValue(out var onDays))
        {
            return on.Problem;
        }

        if (offDays.Count == 0)
        {
            return new Problem(Invalid, "请至少填写一行放假日期");
        }

        var document = new
        {
            format = "cn-holidays/1",
            years = new[]
            {
                new
                {
                    year,
                    holidays = offDays.Select(Day).ToArray(),
                    adjustedWorkdays = onDays.Select(Day).ToArray(),
                },
            },
        };
        return JsonSerializer.Serialize(document, Options);
    }

    private static object Day((DateOnly Date, string Name) day) =>
        new { date = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), name = day.Name };

    private static Result<List<(DateOnly, string)>> Lines(string? text, string what, bool allowRange)
    {
        var days = new List<(DateOnly, string)>();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var match = LinePattern().Match(line);
            if (!match.Success || (!allowRange && match.Groups["to"].Success))
            {
                var form = allowRange ? "“2027-02-05 至 2027-02-11 春节”或“2027-01-01 元旦”" : "“2027-02-14 春节”";
                return new Problem(Invalid, $"{what}第{number}行“{line}”无法识别，应写成{form}");
            }

            if (!TryDate(match.Groups["from"].Value, out var from) || !TryDate(match.Groups["to"].Success ? match.Groups["to"].Value : match.Groups["from"].Value, out var to))
            {
                return new Problem(Invalid, $"{what}第{number}行“{line}”的日期无效");
            }

            if (to < from || to.DayNumber - from.DayNumber > 14)
            {
                return new Problem(Invalid, $"{what}第{number}行“{line}”的日期范围无效（结束日期应不早于开始日期，且不超过15天）");
            }

            for (var d = from; d <= to; d = d.AddDays(1))
            {
                days.Add((d, match.Groups["name"].Value.Trim()));
            }
        }

        return days;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    [GeneratedRegex(@"^(?<from>\d{4}[-/]\d{1,2}[-/]\d{1,2})(\s*(至|到|-|~|—)\s*(?<to>\d{4}[-/]\d{1,2}[-/]\d{1,2}))?\s+(?<name>\S.*)$")]
    private static partial Regex LinePattern();
}
