using System.Text;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace Gongkai.Core.Tests.Requests;

public sealed class ImportRequestsTests
{
    private const string AgencyName = "北京市东城区对外联络服务办公室";
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));

    private static async Task<TestDatabase> DatabaseWithAgencyAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        db.Agencies.Add(Agency.Create(AgencyName).Value);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return database;
    }

    private static async Task<ImportRequests.Response> ImportAsync(TestDatabase database, string csv)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        await using var db = database.Open();
        var request = new ImportRequests.Request(AgencyName, LedgerFile.Read(bytes, "ledger.csv"), "ledger.csv", ImportRequests.Hash(bytes), "test");
        var result = await ImportRequests.HandleAsync(db, Clock, WorkCalendar.Official, request, cancellationToken: TestContext.Current.CancellationToken);
        return result.Value;
    }

    private static async Task<(int Requests, int Events, int Audit)> CountsAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var ct = TestContext.Current.CancellationToken;
        return (await db.Requests.CountAsync(ct), await db.Set<Domain.Requests.RequestEvent>().CountAsync(ct), await db.AuditEntries.CountAsync(ct));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Import_TenThousandRows_AllStoredOneAuditEntry(string provider)
    {
        await using var database = await DatabaseWithAgencyAsync(provider);

        var response = await ImportAsync(database, LedgerSample.Csv(10_000, seed: 3));

        Assert.False(response.Rejected, string.Join("\n", response.Errors.Take(5)));
        Assert.Equal(10_000, response.Imported);
        Assert.Equal((10_000, 10_000, 1), await CountsAsync(database));
        await using var db = database.Open();
        var agency = await db.Agencies.SingleAsync(TestContext.Current.CancellationToken);
        var received = 0m;
        for (var year = 2020; year <= 2022; year++)
        {
            var cells = await RequestsTable.HandleAsync(db, new RequestsTable.Request(agency.Id, year, ReportFormat.V2021), TestContext.Current.CancellationToken);
            received += cells["requests.received.total"];
        }

        Assert.Equal(10_000m, received);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Import_ThreeBadRows_RejectedNamingExactlyThemDatabaseUnchanged(string provider)
    {
        await using var database = await DatabaseWithAgencyAsync(provider);
        await ImportAsync(database, LedgerSample.Csv(5, seed: 9).Replace("G-", "OLD-", StringComparison.Ordinal));
        var before = await CountsAsync(database);
        var lines = LedgerSample.Csv(50, seed: 4).Split('\n');
        lines[7] = lines[7].Replace(lines[7].Split(',')[1], "2020-02-30", StringComparison.Ordinal);       // row 8: no such date
        lines[20] = string.Join(',', lines[20].Split(',').Select((cell, i) => i == 3 ? "自然人" : i == 5 ? "110105194912310021" : cell)); // row 21: bad check character
        lines[41] = string.Join(',', lines[41].Split(',').Select((cell, i) => i == 7 ? "已办结" : i == 8 ? "2023-01-01" : cell)); // row 42: not an outcome

        var response = await ImportAsync(database, string.Join('\n', lines));

        Assert.True(response.Rejected);
        Assert.Equal([8, 21, 42], response.Errors.Select(e => e.Row).Distinct());
        Assert.Equal(["收到日期", "证件号码", "办理结果"], response.Errors.Select(e => e.Column));
        Assert.Equal(before, await CountsAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Import_SameFileTwice_SameCounts(string provider)
    {
        await using var database = await DatabaseWithAgencyAsync(provider);
        var csv = LedgerSample.Csv(300, seed: 5);

        var first = await ImportAsync(database, csv);
        var counts = await CountsAsync(database);
        var second = await ImportAsync(database, csv);

        Assert.Equal((300, 0), (first.Imported, first.AlreadyPresent));
        Assert.Equal((0, 300), (second.Imported, second.AlreadyPresent));
        Assert.Equal((counts.Requests, counts.Events), ((await CountsAsync(database)).Requests, (await CountsAsync(database)).Events));
    }

    [Fact]
    public async Task Import_Xlsx_WithExcelDatesAndSynonyms()
    {
        await using var database = await DatabaseWithAgencyAsync(TestProviders.Sqlite);
        var rows = new[]
        {
            new Dictionary<string, object?>
            {
                ["申请编号"] = "X-1", ["收到日期"] = new DateTime(2020, 9, 24), ["申请方式"] = "网上申请", ["申请人类型"] = "自然人", ["申请人"] = "王五",
                ["证件号码"] = "11010519491231002X", ["申请内容"] = "2020年部门预算", ["办理结果"] = "1.属于国家秘密", ["答复日期"] = "2020年10月9日",
                ["答复理由"] = "申请的信息经依法确定为国家秘密",
            },
            new Dictionary<string, object?>
            {
                ["申请编号"] = "X-2", ["收到日期"] = "2020/12/30", ["申请方式"] = "当面", ["申请人类型"] = "商业企业", ["申请人"] = "某公司",
                ["证件号码"] = "", ["申请内容"] = "某许可", ["办理结果"] = "", ["答复日期"] = "", ["答复理由"] = "",
            },
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, cancellationToken: TestContext.Current.CancellationToken);
        var bytes = stream.ToArray();
        await using var db = database.Open();

        var result = await ImportRequests.HandleAsync(db, Clock, WorkCalendar.Official,
            new ImportRequests.Request(AgencyName, LedgerFile.Read(bytes, "ledger.xlsx"), "ledger.xlsx", ImportRequests.Hash(bytes), "test"),
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Value.Imported);
        await using var read = database.Open();
        var open = await read.Requests.SingleAsync(r => r.TrackingNumber == "X-2", TestContext.Current.CancellationToken);
        Assert.Equal(new DateOnly(2021, 1, 28), open.ReplyDue);
        Assert.Equal(Domain.Requests.RequestState.Received, open.State);
        var closed = await read.Requests.SingleAsync(r => r.TrackingNumber == "X-1", TestContext.Current.CancellationToken);
        Assert.Equal(Domain.Requests.RequestState.Replied, closed.State);
        Assert.Equal(Domain.Requests.ReplyOutcome.Withheld(Domain.Requests.WithholdingGround.StateSecret), closed.Outcome);
        Assert.Equal("申请的信息经依法确定为国家秘密", closed.Particulars.Reasons);
        Assert.Equal(Domain.Requests.Channel.Online, closed.Channel);
        Assert.Equal("11010519491231002X", closed.Applicant.Document!.Number);
        Assert.Equal(Domain.Requests.RequestTrigger.Import, Assert.Single(closed.Events).Trigger);
        var stored = await read.Database.SqlQueryRaw<string>("SELECT id_document_number AS \"Value\" FROM requests WHERE tracking_number = 'X-1'").SingleAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("19491231", stored, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 14: a concluded 不予公开 (and 部分公开 …) taken over from a 台账 carries the reply's reasons (答复理由), as a reply
    /// made here must; a row without them rejects the file, naming the row and the column, and nothing is stored.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Import_WithheldRowWithoutReasons_RejectedNamingIt_WithReasonsStored(string provider)
    {
        await using var database = await DatabaseWithAgencyAsync(provider);
        const string header = "申请编号,收到日期,申请方式,申请人类型,申请人,证件号码,申请内容,办理结果,答复日期,答复理由\n";
        var before = await CountsAsync(database);
        var csv = header
            + "R-1,2021-03-01,当面,自然人,王五,,某合同,予以公开,2021-03-10,\n"
            + "R-2,2021-03-01,当面,自然人,王五,,某合同,保护第三方合法权益,2021-03-10,\n"
            + "R-3,2021-03-01,当面,自然人,王五,,某合同,部分公开,2021-03-10, \n";

        var refused = await ImportAsync(database, csv);

        Assert.True(refused.Rejected);
        Assert.Equal([(3, "答复理由"), (4, "答复理由")], refused.Errors.Select(e => (e.Row, e.Column)));
        Assert.Contains("办理结果“不予公开（保护第三方合法权益）”应填写答复理由", refused.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(database));

        // Without the column at all, the same.
        var withoutColumn = await ImportAsync(database, header.Replace(",答复理由", "", StringComparison.Ordinal) + "R-2,2021-03-01,当面,自然人,王五,,某合同,保护第三方合法权益,2021-03-10\n");
        Assert.Equal([(2, "答复理由")], withoutColumn.Errors.Select(e => (e.Row, e.Column)));

        var accepted = await ImportAsync(database, csv.Replace("2021-03-10,\n", "2021-03-10,涉及第三方商业秘密\n", StringComparison.Ordinal)
            .Replace("2021-03-10, \n", "2021-03-10,附件二涉及个人信息\n", StringComparison.Ordinal));
        Assert.False(accepted.Rejected, string.Join("\n", accepted.Errors));
        await using var read = database.Open();
        var stored = await read.Requests.OrderBy(r => r.TrackingNumber).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["涉及第三方商业秘密", "涉及第三方商业秘密", "附件二涉及个人信息"], stored.Select(r => r.Particulars.Reasons));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Import_PersonWithoutIdentityNumber_StoredWithoutADocumentAndSavedAgainAfterAStep(string provider)
    {
        await using var database = await DatabaseWithAgencyAsync(provider);
        var response = await ImportAsync(database, "申请编号,收到日期,申请方式,申请人类型,申请人,证件号码,申请内容,办理结果,答复日期\n2026-000012,2026-11-20,当面,自然人,张三,,内容,,\n");
        Assert.False(response.Rejected, string.Join("\n", response.Errors));

        // A null complex value is no document, not a document of the enum's first kind with no number.
        await using var db = database.Open();
        var request = await db.Requests.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Null(request.Applicant.Document);
        var staff = new Domain.Requests.Actor("u", "u", Domain.Requests.ActorRole.Staff);
        var step = request.Apply(new Domain.Requests.StartProcessing(staff, new DateOnly(2026, 11, 23), Clock.GetUtcNow()), WorkCalendar.Official);
        Assert.True(step.IsSuccess);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Import_UnknownAgency_Problem()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite);
        await using var db = database.Open();
        var bytes = Encoding.UTF8.GetBytes(LedgerSample.Csv(1));

        var result = await ImportRequests.HandleAsync(db, Clock, WorkCalendar.Official,
            new ImportRequests.Request("不存在的局", LedgerFile.Read(bytes, "l.csv"), "l.csv", [], "test"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("agency.notFound", result.Problem.Code);
    }
}
