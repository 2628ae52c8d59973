using System.Globalization;
using System.Text.Encodings.Web;
using Gongkai.Domain.Calendar;
using Microsoft.AspNetCore.Html;

namespace Gongkai.Web.Pages;

/// <summary>How pages print dates: fixed patterns, never the server's culture.</summary>
public static class Dates
{
    /// <summary>2020年3月9日, as documents print them.</summary>
    public static string Written(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>
    /// The mark of a deadline counted over a year without a notice (spec/calendar/README.md), its full text in the
    /// title and for screen readers; nothing for a date the notices fix.
    /// </summary>
    public static IHtmlContent Provisional(WorkCalendar calendar, DateOnly? date)
    {
        if (date is not { } d || calendar.ProvisionalNote(d) is not { } note)
        {
            return HtmlString.Empty;
        }

        var encoded = HtmlEncoder.Default.Encode(note);
        return new HtmlString($"<span class=\"provisional\" title=\"{encoded}\">（暂定<span class=\"visually-hidden\">：{encoded}</span>）</span>");
    }

    /// <summary>2020-03-09, for lists.</summary>
    public static string Numeric(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>2020-03-09 14:05, China time, for the moments of records.</summary>
    public static string Moment(DateTimeOffset instant) => ChinaClock.ToChinaTime(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
