using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Features.Audit;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Audit;

/// <summary>An agency's 台账 read in Chinese and filtered, on both databases; the entries and their chain stay as written.</summary>
public sealed class AuditLedgerTests
{
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Ledger_NamesTimesDiffAndFilters(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);

        // 2022-01-09 23:00 in Beijing, then 2022-01-10 01:00 and 10:00.
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 1, 9, 15, 0, 0, TimeSpan.Zero));
        var agency = Agency.Create("某区某局").Value;
        var other = Agency.Create("另一局").Value;
        var handler = new StaffUser { Id = Guid.NewGuid(), UserName = "zhang", DisplayName = "张经办", AgencyId = agency.Id };
        Guid requestId;
        await using (var db = database.Open())
        {
            db.Agencies.AddRange(agency, other);
            await StaffIdentity.EnsureRolesAsync(db, ct);
            db.Users.Add(handler);
            var role = await db.Roles.SingleAsync(r => r.Name == StaffRoles.Handler, ct);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = handler.Id, RoleId = role.Id });
            var contact = ContactDetails.Create("010-12345678", null, null).Value;
            var applicant = Applicant.NaturalPerson("张三", IdentityDocument.Create(IdentityDocumentKind.ResidentIdentityCard, "11010519491231002X").Value, contact).Value;
            var request = DisclosureRequest.Submit(new Submit(new Actor("test", "测试", ActorRole.Staff), new DateOnly(2022, 1, 10), clock.GetUtcNow(), Guid.NewGuid(),
                agency.Id, "WEB-2022-0007", applicant, Channel.InPerson, "请公开预算"), WorkCalendar.Official).Value;
            db.Requests.Add(request);
            requestId = request.Id;
            var id = request.Id.ToString("D");
            AuditTrail.Record(db, clock, SubmissionWriter.ActorId, "request.submittedOnline", "DisclosureRequest", id, agency.Id, null, ApplyStep.Snapshot(request));
            clock.Advance(TimeSpan.FromHours(2));
            AuditTrail.Record(db, clock, handler.Id.ToString("D"), "request.ConfirmReceipt", "DisclosureRequest", id, agency.Id,
                """{"TrackingNumber":"WEB-2022-0007","State":"Submitted"}""", """{"TrackingNumber":"WEB-2022-0007","State":"Received"}""");
            clock.Advance(TimeSpan.FromHours(9));
            AuditTrail.Record(db, clock, "cli:ops", "items.imported", "Agency", agency.Id.ToString("D"), agency.Id, null, """{"file":"台账.csv","imported":3}""");
            AuditTrail.Record(db, clock, handler.Id.ToString("D"), "agency.created", "Agency", other.Id.ToString("D"), other.Id, null, """{"Name":"另一局"}""");
            await db.SaveChangesAsync(ct);
        }

        await using var read = database.Open();
        var all = await AuditLedger.HandleAsync(read, new AuditLedger.Filter(agency.Id), cancellationToken: ct);
        var byNumber = await AuditLedger.HandleAsync(read, new AuditLedger.Filter(agency.Id, Case: "WEB-2022-0007"), cancellationToken: ct);
        var byId = await AuditLedger.HandleAsync(read, new AuditLedger.Filter(agency.Id, Case: requestId.ToString("D")), cancellationToken: ct);
        var byOperator = await AuditLedger.HandleAsync(read, new AuditLedger.Filter(agency.Id, Operator: handler.Id.ToString("D")), cancellationToken: ct);
        var onTheTenth = await AuditLedger.HandleAsync(read, new AuditLedger.Filter(agency.Id, From: new(2022, 1, 10), To: new(2022, 1, 10)), cancellationToken: ct);
        var onTheNinth = await AuditLedger.HandleAsync(read, new AuditLedger.Filter(agency.Id, To: new(2022, 1, 9)), cancellationToken: ct);
        var limited = await AuditLedger.HandleAsync(read, new AuditLedger.Filter(agency.Id), limit: 2, cancellationToken: ct);

        // Newest first; another agency's entry is not there.
        Assert.Equal([3L, 2L, 1L], all.Lines.Select(l => l.Sequence));
        var confirm = all.Lines[1];
        Assert.Equal(("张经办", "经办人"), (confirm.Operator, confirm.Role));
        Assert.Equal("确认收到申请", confirm.ActionName);
        Assert.Equal("依申请公开申请", confirm.EntityTypeName);
        Assert.Equal("WEB-2022-0007", confirm.Subject);
        Assert.Equal(new DateTimeOffset(2022, 1, 10, 1, 0, 0, TimeSpan.FromHours(8)), confirm.At);
        Assert.Equal(TimeSpan.FromHours(8), confirm.At.Offset);
        Assert.Equal([new AuditDiff.Change("状态", "待确认收到", "已收到")], confirm.Changes);
        Assert.Equal(("申请人（网上提交）", "网上提交申请"), (all.Lines[2].Operator, all.Lines[2].ActionName));
        Assert.Equal(("系统（命令行，ops）", "导入主动公开台账"), (all.Lines[0].Operator, all.Lines[0].ActionName));

        // One case reads as its story, oldest first, by its 编号 or its id.
        Assert.Equal([1L, 2L], byNumber.Lines.Select(l => l.Sequence));
        Assert.Equal([1L, 2L], byId.Lines.Select(l => l.Sequence));
        Assert.Equal([2L], byOperator.Lines.Select(l => l.Sequence));
        Assert.Equal([3L, 2L], onTheTenth.Lines.Select(l => l.Sequence));
        Assert.Equal([1L], onTheNinth.Lines.Select(l => l.Sequence));
        Assert.True(limited.More);
        Assert.Equal(2, limited.Lines.Count);

        // The export: BOM, Chinese headers, the same readable lines, oldest first.
        var csv = await ExportAuditLedger.CsvAsync(read, new AuditLedger.Filter(agency.Id), ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var rows = System.Text.Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("序号,时间（北京时间）,操作人,角色,操作,记录类型,记录,记录标识,变更内容,哈希", rows[0]);
        Assert.StartsWith("2,2022-01-10 01:00:00,张经办,经办人,确认收到申请,依申请公开申请,WEB-2022-0007,", rows[2], StringComparison.Ordinal);
        Assert.Contains("状态：待确认收到 → 已收到", rows[2], StringComparison.Ordinal);
        Assert.Equal(4, rows.Length);

        // Reading changed nothing.
        Assert.True((await AuditTrail.VerifyAsync(read, ct)).IsIntact);
    }
}
