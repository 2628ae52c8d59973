using System.Globalization;
using Gongkai.Core.Features.Requests;
using Gongkai.Core.Tests.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Requests;

/// <summary>
/// The worklist sorted and paged in the database, on each provider, against the same order and standings computed in
/// memory from the domain (<see cref="DisclosureRequest.CurrentDue"/>, <see cref="Worklist.Standing"/>).
/// </summary>
public sealed class WorklistTests
{
    private static readonly DateOnly Today = new(2022, 1, 10);
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2022, 1, 10, 1, 0, 0, TimeSpan.Zero));
    private static readonly Actor Staff = new("u-1", "李四", ActorRole.Staff);
    private static readonly Actor Head = new("u-2", "王主任", ActorRole.OfficeHead);

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Handle_131OpenAmongClosedAndOtherAgency_PagesOf50ByDeadlineNoneMissingNoneTwice(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var (agencyId, expected) = await SeedAsync(database);
        await using var db = database.Open();

        var pages = new List<Worklist.Page>();
        for (var p = 1; p <= 3; p++)
        {
            pages.Add(await Worklist.HandleAsync(db, WorkCalendar.Official, Clock, new Worklist.Request(agencyId, p), ct));
        }

        var past = await Worklist.HandleAsync(db, WorkCalendar.Official, Clock, new Worklist.Request(agencyId, 99), ct);
        var counts = await Worklist.CountAsync(db, WorkCalendar.Official, Clock, agencyId, ct);

        Assert.All(pages, p => Assert.Equal((expected.Count, 3), (p.Total, p.PageCount)));
        Assert.Equal(131, expected.Count);
        Assert.Equal([50, 50, 31], pages.Select(p => p.Lines.Count));
        Assert.Equal(expected.Select(e => (e.TrackingNumber, e.Due, e.Urgency)), pages.SelectMany(p => p.Lines).Select(l => (l.TrackingNumber, l.Due, l.Urgency)));
        Assert.Equal(3, past.PageNumber);
        Assert.Equal(pages[2].Lines.Select(l => l.Id), past.Lines.Select(l => l.Id));
        Assert.Equal(
            new Worklist.Counts(expected.Count, expected.Count(e => e.Urgency == Worklist.Urgency.Overdue), expected.Count(e => e.Urgency == Worklist.Urgency.DueSoon)),
            counts);
        Assert.True(counts.Overdue > 0 && counts.DueSoon > 0 && counts.Open > counts.Overdue + counts.DueSoon, "every standing present");
        Assert.Contains(expected, e => e.Due is null);
        Assert.Null(pages[2].Lines[^1].Due);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Handle_NoOpenApplication_OneEmptyPage(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var agency = Agency.Create("某区某局").Value;
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);

        var page = await Worklist.HandleAsync(db, WorkCalendar.Official, Clock, new Worklist.Request(agency.Id, 2), ct);

        Assert.Equal((0, 1, 1), (page.Total, page.PageNumber, page.PageCount));
        Assert.Empty(page.Lines);
        Assert.Equal(new Worklist.Counts(0, 0, 0), await Worklist.CountAsync(db, WorkCalendar.Official, Clock, agency.Id, ct));
    }

    /// <summary>
    /// 131 open applications received over the last three months (some extended, a few online and unconfirmed: no
    /// deadline), 19 replied, and 10 open ones of another agency; the expected worklist in memory.
    /// </summary>
    private static async Task<(Guid Agency, List<Worklist.Line> Expected)> SeedAsync(TestDatabase database)
    {
        var calendar = WorkCalendar.Official;
        await using var db = database.Open();
        var agency = Agency.Create("某区某局").Value;
        var other = Agency.Create("某区另一局").Value;
        db.Agencies.AddRange(agency, other);
        var open = new List<DisclosureRequest>();
        for (var i = 0; i < 160; i++)
        {
            var received = Today.AddDays(-(i * 7 % 90));
            var number = "2021-" + i.ToString("0000", CultureInfo.InvariantCulture);
            var online = i % 23 == 0;
            var request = RequestStorageTests.NewRequest(i >= 150 ? other.Id : agency.Id, number, received, online ? Channel.Online : Channel.InPerson);
            var at = Clock.GetUtcNow();
            if (!online && (i % 3 == 0 || i >= 130))
            {
                Assert.True(request.Apply(new StartProcessing(Staff, received, at), calendar).IsSuccess);
            }

            if (!online && i % 6 == 0)
            {
                Assert.True(request.Apply(new RequestExtension(Staff, received.AddDays(1), at, "需要调取档案", 20), calendar).IsSuccess);
                var extended = request.Apply(new Extend(Head, received.AddDays(1), at, received.AddDays(1)), calendar);
                Assert.True(extended.IsSuccess, extended.IsSuccess ? "" : extended.Problem.Message);
            }

            if (!online && i is >= 130 and < 150)
            {
                Assert.True(request.Apply(new Reply(Staff, received.AddDays(2), at, ReplyOutcome.Disclosed(), new ReplyParticulars { ObtainFrom = "随本答复书提供（附件）" }), calendar).IsSuccess);
            }

            db.Requests.Add(request);
            if (request.AgencyId == agency.Id && request.State < RequestState.Replied)
            {
                open.Add(request);
            }
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var expected = open
            .Select(r =>
            {
                var (left, urgency) = Worklist.Standing(r.CurrentDue, Today, calendar);
                return new Worklist.Line(r.Id, r.TrackingNumber, r.State, r.SubmittedOn, r.ReceivedOn, r.CurrentDue, left, urgency);
            })
            .OrderBy(l => l.Due is null).ThenBy(l => l.Due).ThenBy(l => l.TrackingNumber, StringComparer.Ordinal)
            .ToList();
        return (agency.Id, expected);
    }
}
