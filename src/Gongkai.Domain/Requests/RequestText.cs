using System.Globalization;

namespace Gongkai.Domain.Requests;

/// <summary>How dates and numbers appear in the Chinese messages and event descriptions of the procedure.</summary>
internal static class RequestText
{
    public static string Date(DateOnly date) =>
        Common.ChineseDate.Format(date);

    /// <summary>A deadline, with the provisional mark when it lies in a year no notice has arranged (spec/calendar/README.md).</summary>
    public static string Due(DateOnly date, Calendar.WorkCalendar calendar) =>
        calendar.ProvisionalNote(date) is { } note ? $"{Date(date)}（{note}）" : Date(date);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Yuan(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture) + "元";
}
