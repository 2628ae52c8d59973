using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

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
            Assert.True(request.Apply(new Reply(Staff, new DateOnly(2020, 10, 20), at.AddDays(25), ReplyOutcome.Withheld(WithholdingGround.ThirdPartyRights),
                new ReplyParticulars { Reasons = "涉及第三方商业秘密，经征求意见，第三方不同意公开" }), WorkCalendar.Official).IsSuccess);
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
        Assert.Equal("涉及第三方商业秘密，经征求意见，第三方不同意公开", loaded.Particulars.Reasons);
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

    /// <summary>
    /// Issue 14: a reply's particulars are kept with the request (one JSON column, '{}' before a reply) and in the 台账's
    /// snapshot of the step; a step on a loaded request saves them (the change is detected).
    /// </summary>
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Reply_PartlyDisclosedWithParticulars_StoredReadBackAndInTheAuditSnapshot(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id, agencyId;
        await using (var db = database.Open())
        {
            var agency = await AddAgencyAsync(db);
            var request = NewRequest(agency.Id, "2020-004", Received);
            db.Requests.Add(request);
            await db.SaveChangesAsync(ct);
            (id, agencyId) = (request.Id, agency.Id);
        }

        await using (var db = database.Open())
        {
            Assert.Equal("{}", await db.Database.SqlQueryRaw<string>("SELECT reply_particulars AS \"Value\" FROM requests").SingleAsync(ct));
        }

        var particulars = new ReplyParticulars
        {
            ObtainFrom = "可以公开的部分随本答复书提供（附件一）",
            WithheldParts =
            [
                new("合同附件二（报价明细）", WithholdingGround.ThirdPartyRights, "涉及供应商的商业秘密，第三方不同意公开"),
                new("评审专家的讨论记录", WithholdingGround.ProcessInformation, "属于内部讨论记录"),
            ],
        };
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 10, 20, 2, 0, 0, TimeSpan.Zero));
        var at = clock.GetUtcNow();
        await using (var db = database.Open())
        {
            foreach (RequestCommand step in new RequestCommand[]
            {
                new StartProcessing(Staff, Received.AddDays(1), at),
                new Reply(Staff, new DateOnly(2020, 10, 20), at, ReplyOutcome.PartlyDisclosed(), particulars),
            })
            {
                var applied = await ApplyStep.HandleAsync(db, clock, WorkCalendar.Official, new ApplyStep.Request(id, agencyId, step), ct);
                Assert.True(applied.IsSuccess, applied.IsSuccess ? "" : applied.Problem.Message);
            }
        }

        await using var read = database.Open();
        var loaded = await read.Requests.SingleAsync(r => r.Id == id, ct);
        Assert.Equal(particulars.ObtainFrom, loaded.Particulars.ObtainFrom);
        Assert.Equal(particulars.WithheldParts, loaded.Particulars.WithheldParts);
        Assert.Equal(particulars with { WithheldParts = loaded.Particulars.WithheldParts }, loaded.Particulars);

        var entry = await read.AuditEntries.SingleAsync(e => e.Action == "request.Reply", ct);
        using var before = JsonDocument.Parse(entry.Before!);
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal(JsonValueKind.Null, before.RootElement.GetProperty("Particulars").ValueKind);
        var parts = after.RootElement.GetProperty("Particulars").GetProperty("withheldParts");
        Assert.Equal(["ThirdPartyRights", "ProcessInformation"], parts.EnumerateArray().Select(p => p.GetProperty("ground").GetString()));
        Assert.Equal("涉及供应商的商业秘密，第三方不同意公开", parts[0].GetProperty("reasons").GetString());
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
