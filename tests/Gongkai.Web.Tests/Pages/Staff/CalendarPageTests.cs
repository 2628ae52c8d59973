using System.Net;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>
/// December in the last year the notices cover (spec/calendar/README.md): a deadline that runs into the next year is
/// computed and marked 暂定 on the staff pages and the public lookup; the 政务公开办 enters the next year's notice on
/// /staff/calendar, and the handler sees the deadline moved, unmarked, with a notice saying so.
/// </summary>
public sealed class CalendarPageTests
{
    private static readonly WorkCalendar Official = WorkCalendar.Official;

    /// <summary>4 December of the last covered year; its 20th working day lies in a year without a notice.</summary>
    internal static DateOnly December4 => new(Official.LastDate.Year, 12, 4);

    /// <summary>The next year's notice as typed from its text: 31 December of the year before and 1–3 January off, the next Saturday but one worked.</summary>
    internal static Dictionary<string, string> NoticeForm()
    {
        var next = Official.LastDate.Year + 1;
        var saturday = Enumerable.Range(4, 14).Select(d => new DateOnly(next, 1, d)).First(d => d.DayOfWeek == DayOfWeek.Saturday);
        return new Dictionary<string, string>
        {
            ["Input.Year"] = next.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.DocumentNumber"] = "国办发明电〔测试〕1号",
            ["Input.Holidays"] = $"{Official.LastDate:yyyy-MM-dd} 至 {next}-01-03 元旦",
            ["Input.AdjustedWorkdays"] = $"{saturday:yyyy-MM-dd} 元旦",
        };
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task DecemberDeadline_MarkedProvisional_ThenNoticeEnteredOnThePage_MovesItAndTellsTheHandler(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var site = await StaffSite.CreateAsync(provider);
        site.Clock.SetUtcNow(new DateTimeOffset(December4.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        var id = await AddReceivedAsync(site, December4, ct);
        var provisionalDue = Official.AddWorkingDays(December4, StatutoryDeadline.Reply.WorkingDays).Value;
        Assert.True(Official.IsProvisional(provisionalDue));

        var handler = await site.SignInAsync("handler");
        var detail = await handler.GetStringAsync(new Uri($"/staff/requests/{id}", UriKind.Relative), ct);
        var worklist = await handler.GetStringAsync(new Uri("/staff/requests", UriKind.Relative), ct);
        Assert.Contains($"<dd id=\"reply-due\">{provisionalDue:yyyy-MM-dd}<span class=\"provisional\"", detail, StringComparison.Ordinal);
        Assert.Contains(Official.ProvisionalNote(provisionalDue)!, detail, StringComparison.Ordinal);
        Assert.Contains($"{provisionalDue:yyyy-MM-dd}<span class=\"provisional\"", worklist, StringComparison.Ordinal);

        // A handler reads the calendar page but has no form; the 政务公开办 enters the notice.
        var calendarPage = await handler.GetStringAsync(new Uri("/staff/calendar", UriKind.Relative), ct);
        Assert.Contains("暂按法定节假日计算", calendarPage, StringComparison.Ordinal);
        Assert.DoesNotContain("notice-form", calendarPage, StringComparison.Ordinal);
        var oversight = await site.SignInAsync("oversight");
        var loaded = await StaffSite.PostAsync(oversight, "/staff/calendar", "/staff/calendar", NoticeForm());
        var result = await loaded.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        Assert.Contains($"已载入{Official.LastDate.Year + 1}年的放假安排（第1版），1件未办结申请的期限已重新计算", result, StringComparison.Ordinal);
        Assert.Contains($"/staff/requests/{id}", result, StringComparison.Ordinal);

        // 31 December off and a Saturday worked: the 20th working day is one day later, and no longer provisional.
        var movedDue = provisionalDue.AddDays(1);
        var after = await handler.GetStringAsync(new Uri($"/staff/requests/{id}", UriKind.Relative), ct);
        Assert.Contains("id=\"deadlines-moved\"", after, StringComparison.Ordinal);
        Assert.Contains($"答复期限由{provisionalDue.Year}年{provisionalDue.Month}月{provisionalDue.Day}日调整为{movedDue.Year}年{movedDue.Month}月{movedDue.Day}日", after, StringComparison.Ordinal);
        Assert.Contains($"<dd id=\"reply-due\">{movedDue:yyyy-MM-dd}</dd>", after, StringComparison.Ordinal);

        await using var db = site.Open();
        Assert.Equal(movedDue, (await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id, ct)).ReplyDue);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "request.RecalculateDeadlines" && e.EntityId == id.ToString(), ct));
    }

    [Fact]
    public async Task Load_InvalidLine_ChineseProblemAnd422_NothingStored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var site = await StaffSite.CreateAsync("sqlite");
        var oversight = await site.SignInAsync("oversight");
        var form = NoticeForm();
        form["Input.Holidays"] = "元旦放假三天";

        var response = await StaffSite.PostAsync(oversight, "/staff/calendar", "/staff/calendar", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("放假第1行“元旦放假三天”无法识别", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        await using var db = site.Open();
        Assert.Empty(await db.CalendarNotices.ToListAsync(ct));
    }

    /// <summary>An application received in person on <paramref name="on"/> (Art 31(一): received the same day).</summary>
    internal static async Task<Guid> AddReceivedAsync(StaffSite site, DateOnly on, CancellationToken ct)
    {
        var document = IdentityDocument.Create(IdentityDocumentKind.ResidentIdentityCard, "11010519491231002X").Value;
        var applicant = Applicant.NaturalPerson("王五", document, ContactDetails.Create("13800000000", null, null).Value).Value;
        var staff = new Actor("test", "测试", ActorRole.Staff);
        var request = DisclosureRequest.Submit(new Submit(staff, on, site.Clock.GetUtcNow(), Guid.NewGuid(), site.OfficeId, "DEC-0001", applicant, Channel.InPerson, "年底收到的申请"), Official).Value;
        await using var db = site.Open();
        db.Requests.Add(request);
        await db.SaveChangesAsync(ct);
        return request.Id;
    }
}
