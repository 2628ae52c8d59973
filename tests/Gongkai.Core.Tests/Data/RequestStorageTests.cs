using Gongkai.Core.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Tests.Data;

public sealed class RequestStorageTests
{
    private const string IdNumber = "11010519491231002X";
    private static readonly Actor Staff = new("u-1", "李四", ActorRole.Staff);
    private static readonly DateOnly Received = new(2020, 9, 24);

    internal static DisclosureRequest NewRequest(Guid agencyId, string number, DateOnly on, Channel channel = Channel.InPerson)
    {
        var document = IdentityDocument.Create(IdentityDocumentKind.ResidentIdentityCard, IdNumber).Value;
        var applicant = Applicant.NaturalPerson("王五", document, ContactDetails.Create("13800000000", null, null).Value).Value;
        var submit = new Submit(Staff, on, new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)), Guid.NewGuid(), agencyId, number, applicant, channel, "2020年部门预算公开说明");
        return DisclosureRequest.Submit(submit, WorkCalendar.Official).Value;
    }

    private static async Task<Agency> AddAgencyAsync(GongkaiDbContext db)
    {
        var agency = Agency.Create("北京市东城区对外联络服务办公室").Value;
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return agency;
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task SaveAndLoad_RequestWithStepsAndReply_EverythingBackIdentityEncrypted(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        await using (var db = database.Open())
        {
            var agency = await AddAgencyAsync(db);
            var request = NewRequest(agency.Id, "2020-001", Received);
            var at = new DateTimeOffset(2020, 9, 25, 10, 0, 0, TimeSpan.FromHours(8));
            Assert.True(request.Apply(new StartProcessing(Staff, Received.AddDays(1), at), WorkCalendar.Official).IsSuccess);
            Assert.True(request.Apply(new Reply(Staff, new DateOnly(2020, 10, 20), at.AddDays(25), ReplyOutcome.Withheld(WithholdingGround.ThirdPartyRights)), WorkCalendar.Official).IsSuccess);
            db.Requests.Add(request);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            id = request.Id;
        }

        await using var read = database.Open();
        var loaded = await read.Requests.SingleAsync(r => r.Id == id, TestContext.Current.CancellationToken);

        Assert.Equal("2020-001", loaded.TrackingNumber);
        Assert.Equal(RequestState.Replied, loaded.State);
        Assert.Equal(new DateOnly(2020, 10, 28), loaded.ReplyDue);
        Assert.Equal(ReplyOutcome.Withheld(WithholdingGround.ThirdPartyRights), loaded.Outcome);
        Assert.Equal(3, loaded.Events.Count);
        Assert.Equal([RequestTrigger.Submit, RequestTrigger.StartProcessing, RequestTrigger.Reply], loaded.Events.Select(e => e.Trigger));
        Assert.Equal("李四", loaded.Events[2].Actor.DisplayName);
        Assert.Equal(IdNumber, loaded.Applicant.Document!.Number);
        Assert.Equal("13800000000", loaded.Applicant.Contact.Phone);

        var stored = await read.Database.SqlQueryRaw<string>("SELECT id_document_number AS \"Value\" FROM requests").SingleAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("v1.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("19491231", stored, StringComparison.Ordinal);
        var row = await read.Database.SqlQueryRaw<string>("SELECT report_row_2021 AS \"Value\" FROM requests").SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("withheld.thirdPartyRights", row);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Update_LoadedOpenRequest_NewStepsAppended(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        await using (var db = database.Open())
        {
            var agency = await AddAgencyAsync(db);
            var request = NewRequest(agency.Id, "2020-002", Received, Channel.Online);
            db.Requests.Add(request);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            id = request.Id;
        }

        await using (var db = database.Open())
        {
            var request = await db.Requests.SingleAsync(r => r.Id == id, TestContext.Current.CancellationToken);
            Assert.Equal(RequestState.Submitted, request.State);
            Assert.True(request.Apply(new ConfirmReceipt(Staff, Received, new DateTimeOffset(2020, 9, 24, 10, 0, 0, TimeSpan.FromHours(8))), WorkCalendar.Official).IsSuccess);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = database.Open();
        var loaded = await read.Requests.SingleAsync(r => r.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal(RequestState.Received, loaded.State);
        Assert.Equal(2, loaded.Events.Count);
        Assert.Equal(new DateOnly(2020, 10, 10), loaded.SupplementNoticeDue);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task TrackingNumber_SameInOneAgency_Refused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var agency = await AddAgencyAsync(db);
        db.Requests.AddRange(NewRequest(agency.Id, "2020-003", Received), NewRequest(agency.Id, "2020-003", Received));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }
}
