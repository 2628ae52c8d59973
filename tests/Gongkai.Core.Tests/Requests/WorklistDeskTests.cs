using System.Globalization;
using System.Text;
using Gongkai.Core.Data;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Requests;
using Gongkai.Core.Tests.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Requests;

/// <summary>
/// The worklist as a desk, on each provider: every filter, search and sort run in the database gives exactly the
/// applications (in exactly the order) that the same condition picks from the domain objects in memory; names masked
/// unless asked for in full; the export imports into a fresh database with the same section 三.
/// </summary>
public sealed class WorklistDeskTests
{
    private static readonly DateOnly Today = new(2022, 1, 10);
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2022, 1, 10, 1, 0, 0, TimeSpan.Zero));
    private static readonly Actor Staff = new("u-1", "李四", ActorRole.Staff);

    /// <summary>A filter and the same condition on a domain object.</summary>
    private sealed record Case(string Name, Worklist.Filter Filter, Func<DisclosureRequest, bool> Keeps, bool FullNames = true);

    private static IEnumerable<Case> Cases()
    {
        bool Open(DisclosureRequest r) => !r.State.IsTerminal();
        yield return new("default: open", new(), Open);
        yield return new("concluded", new() { Scope = Worklist.Scope.Concluded }, r => r.State.IsTerminal());
        yield return new("all", new() { Scope = Worklist.Scope.All }, _ => true);
        yield return new("state", new() { Scope = Worklist.Scope.All, State = RequestState.Withdrawn }, r => r.State == RequestState.Withdrawn);
        yield return new("channel", new() { Scope = Worklist.Scope.All, Channel = Channel.Fax }, r => r.Channel == Channel.Fax);
        yield return new("outcome", new() { Scope = Worklist.Scope.All, Outcome = Outcome.Withheld }, r => r.Outcome?.Outcome == Outcome.Withheld);
        yield return new("kind", new() { Scope = Worklist.Scope.All, Kind = ApplicantKind.CommercialEnterprise }, r => r.Applicant.Kind == ApplicantKind.CommercialEnterprise);
        yield return new("received range", new() { Scope = Worklist.Scope.All, ReceivedFrom = new(2021, 3, 1), ReceivedTo = new(2021, 3, 31) },
            r => r.ReceivedOn >= new DateOnly(2021, 3, 1) && r.ReceivedOn <= new DateOnly(2021, 3, 31));
        yield return new("replied range", new() { Scope = Worklist.Scope.All, RepliedFrom = new(2020, 6, 1), RepliedTo = new(2020, 6, 30) },
            r => r.ClosedOn >= new DateOnly(2020, 6, 1) && r.ClosedOn <= new DateOnly(2020, 6, 30));
        yield return new("overdue", new() { Scope = Worklist.Scope.All, Overdue = true }, r => Open(r) && r.CurrentDue < Today);
        yield return new("open and kind and channel", new() { Kind = ApplicantKind.NaturalPerson, Channel = Channel.InPerson },
            r => Open(r) && r.Applicant.Kind == ApplicantKind.NaturalPerson && r.Channel == Channel.InPerson);
        yield return new("search by number", new() { Scope = Worklist.Scope.All, Search = "G-0000042" }, r => Matches(r, "G-0000042", true));
        yield return new("search by name", new() { Scope = Worklist.Scope.All, Search = "张三丰" }, r => Matches(r, "张三丰", true));
        yield return new("search by name, masked reader: names not searched", new() { Scope = Worklist.Scope.All, Search = "张三丰" },
            r => Matches(r, "张三丰", false), FullNames: false);
        yield return new("search by content", new() { Scope = Worklist.Scope.All, Search = "第17号" }, r => Matches(r, "第17号", true));
        yield return new("search by two words", new() { Scope = Worklist.Scope.All, Search = " 2021年  第2 " },
            r => Matches(r, "2021年", true) && Matches(r, "第2", true));
        yield return new("search % literal", new() { Scope = Worklist.Scope.All, Search = "100%" }, r => Matches(r, "100%", true));
        yield return new("search _ literal", new() { Scope = Worklist.Scope.All, Search = "a_b" }, r => Matches(r, "a_b", true));
        yield return new("search by a word of every application", new() { Scope = Worklist.Scope.All, Search = "附件" }, r => Matches(r, "附件", true));
        yield return new("search and filter", new() { Scope = Worklist.Scope.Concluded, Search = "附件", Outcome = Outcome.Disclosed },
            r => r.State.IsTerminal() && Matches(r, "附件", true) && r.Outcome?.Outcome == Outcome.Disclosed);
        yield return new("sort received newest", new() { Scope = Worklist.Scope.All, Order = Worklist.Order.ReceivedNewest }, _ => true);
        yield return new("sort received oldest", new() { Order = Worklist.Order.ReceivedOldest }, Open);
    }

    /// <summary>A search word's hit: in the number, the name (only for a reader who sees names) or the content.</summary>
    private static bool Matches(DisclosureRequest r, string word, bool names) =>
        r.TrackingNumber.Contains(word, StringComparison.Ordinal) || (names && r.Applicant.Name.Contains(word, StringComparison.Ordinal))
        || r.Content.Contains(word, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Handle_EachFilterSearchSort_SameLinesAsTheDomainInMemory(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var (agencyId, _) = await SeedAsync(database);
        await using var db = database.Open();
        var all = await db.Requests.AsNoTracking().Where(r => r.AgencyId == agencyId).ToListAsync(ct);

        // A search's matches are read in order up to its window and counted apart past it: with a window of 150 a
        // search for "附件" (every application) goes both ways, its second page past the window.
        var pastWindow = 0;
        foreach (var (c, window) in Cases().SelectMany(c => new[] { (c, 1_000), (c, 150) }))
        {
            var expected = Order(all.Where(c.Keeps), c.Filter.Order).Select(r => r.TrackingNumber).ToList();
            pastWindow += c.Filter.Words().Count > 0 && expected.Count > window ? 1 : 0;
            var lines = new List<Worklist.Line>();
            for (var p = 1; ; p++)
            {
                var request = new Worklist.Request(agencyId, p, 100, c.Filter, c.FullNames) { SearchWindow = window };
                var page = await Worklist.HandleAsync(db, WorkCalendar.Official, Clock, request, ct);
                Assert.Equal(expected.Count, page.Total);
                lines.AddRange(page.Lines);
                if (p >= page.PageCount)
                {
                    break;
                }
            }

            Assert.True(expected.Count > 0 || c.Name.Contains("masked", StringComparison.Ordinal), $"{c.Name}: the case finds something");
            Assert.True(expected.SequenceEqual(lines.Select(l => l.TrackingNumber)),
                $"{c.Name}: expected {string.Join(",", expected.Take(8))}…, got {string.Join(",", lines.Take(8).Select(l => l.TrackingNumber))}…");
        }

        Assert.True(pastWindow > 0, "a search has more matches than its window");
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Handle_Lines_ApplicantMaskedUnlessInFull_ContentStartOutcomeAndStanding(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var (agencyId, _) = await SeedAsync(database);
        await using var db = database.Open();
        var search = new Worklist.Filter { Scope = Worklist.Scope.All, Search = "G-0000001" };

        var full = (await Worklist.HandleAsync(db, WorkCalendar.Official, Clock, new Worklist.Request(agencyId, Filter: search, FullNames: true), ct)).Lines;
        var masked = (await Worklist.HandleAsync(db, WorkCalendar.Official, Clock, new Worklist.Request(agencyId, Filter: search), ct)).Lines;
        var withdrawn = (await Worklist.HandleAsync(db, WorkCalendar.Official, Clock,
            new Worklist.Request(agencyId, Filter: new() { Scope = Worklist.Scope.All, State = RequestState.Withdrawn }, FullNames: true), ct)).Lines.Single();
        var overdue = (await Worklist.HandleAsync(db, WorkCalendar.Official, Clock, new Worklist.Request(agencyId, Filter: new() { Overdue = true }), ct)).Lines[0];

        Assert.Equal("张三丰", full.Single(l => l.TrackingNumber == "G-0000001").Applicant);
        Assert.Equal("张**", masked.Single(l => l.TrackingNumber == "G-0000001").Applicant);
        Assert.All(masked, l => Assert.Matches(@"^.\*+$", l.Applicant));
        var line = full.Single(l => l.TrackingNumber == "G-0000001");
        Assert.Equal("请公开2021年第1号文件，完成率100%，编号a_b，另附…", line.ContentStart);
        Assert.Equal(Worklist.ContentStartLength + 1, line.ContentStart.Length);
        Assert.Equal((ApplicantKind.NaturalPerson, Channel.InPerson), (line.ApplicantKind, line.Channel));
        Assert.Equal((RequestState.Withdrawn, (ReplyOutcome?)null, Worklist.Urgency.None), (withdrawn.State, withdrawn.Outcome, withdrawn.Urgency));
        Assert.NotNull(withdrawn.ClosedOn);
        Assert.Equal(Worklist.Urgency.Overdue, overdue.Urgency);
        Assert.True(overdue.WorkingDaysLeft < 0);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Export_ImportedIntoFreshDatabase_SameRequestsTable_CsvAndXlsx(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var (agencyId, name) = await SeedAsync(database);
        byte[] csv, xlsx;
        await using (var db = database.Open())
        {
            var request = new ExportApplications.Request(agencyId, new Worklist.Filter { Scope = Worklist.Scope.All }, true, "test", "csv");
            csv = await ExportApplications.CsvAsync(db, Clock, request, bom: true, ct);
            xlsx = await ExportApplications.XlsxAsync(db, Clock, request with { Format = "xlsx" }, ct);
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "requests.exported", ct));
        }

        var rows = LedgerFile.Read(csv, "export.csv");
        Assert.Equal("'=SUM(1+1)", ExportedContent("G-0000003"));
        Assert.Equal("=SUM(1+1)", rows.Single(r => r[LedgerRecords.TrackingNumber] == "G-0000003")[LedgerRecords.Content]);
        Assert.DoesNotContain(rows, r => r[LedgerRecords.TrackingNumber] == "U-0000001");
        Assert.All(rows, r => Assert.Equal("", r[LedgerRecords.IdentityNumber]));

        // Issue 14: the reply's reasons go out with it (a withdrawal's: its closing step), so the import's rule is met again.
        Assert.Equal("经依法确定为国家秘密", rows.Single(r => r[LedgerRecords.TrackingNumber] == "G-0000003")[LedgerRecords.Reasons]);
        Assert.Equal("申请人撤回申请：已不需要", rows.Single(r => r[LedgerRecords.TrackingNumber] == "U-0000002")[LedgerRecords.Reasons]);

        foreach (var (file, bytes) in new[] { ("export.csv", csv), ("export.xlsx", xlsx) })
        {
            await using var fresh = await TestDatabase.CreateAsync(provider);
            await using (var db = fresh.Open())
            {
                db.Agencies.Add(Agency.Create(name).Value);
                await db.SaveChangesAsync(ct);
                var imported = await ImportRequests.HandleAsync(db, Clock, WorkCalendar.Official,
                    new ImportRequests.Request(name, LedgerFile.Read(bytes, file), file, ImportRequests.Hash(bytes), "test"), cancellationToken: ct);
                Assert.True(imported.IsSuccess && !imported.Value.Rejected, file + ": " + (imported.IsSuccess ? string.Join("; ", imported.Value.Errors.Take(3)) : imported.Problem.Message));
                Assert.Equal(rows.Count, imported.Value.Imported);
            }

            await using var original = database.Open();
            await using var copy = fresh.Open();
            var copyId = await copy.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync(ct);
            foreach (var year in new[] { 2020, 2021 })
            {
                foreach (var format in new[] { ReportFormat.V2019, ReportFormat.V2021 })
                {
                    var before = await RequestsTable.HandleAsync(original, new RequestsTable.Request(agencyId, year, format), ct);
                    var after = await RequestsTable.HandleAsync(copy, new RequestsTable.Request(copyId, year, format), ct);
                    Assert.True(before.Count > 0 && before["requests.total.total"] > 0);
                    Assert.Equal(before.OrderBy(p => p.Key, StringComparer.Ordinal), after.OrderBy(p => p.Key, StringComparer.Ordinal));
                }
            }
        }

        string ExportedContent(string number) =>
            Encoding.UTF8.GetString(csv).Split("\r\n").Single(l => l.StartsWith(number + ",", StringComparison.Ordinal)).Split(',')[6];
    }

    [Fact]
    public void LedgerLabels_EveryChannelKindAndOutcome_ReadBackAsItself()
    {
        var rows = new List<LedgerRow>();
        var outcomes = new List<ReplyOutcome> { ReplyOutcome.Disclosed(), ReplyOutcome.PartlyDisclosed() };
        outcomes.AddRange(Enum.GetValues<WithholdingGround>().Select(ReplyOutcome.Withheld));
        outcomes.AddRange(Enum.GetValues<CannotProvideGround>().Select(ReplyOutcome.CannotProvide));
        outcomes.AddRange(Enum.GetValues<NotProcessedGround>().Select(ReplyOutcome.NotProcessed));
        outcomes.AddRange(Enum.GetValues<OtherHandlingGround>().Select(ReplyOutcome.Other));
        var channels = Enum.GetValues<Channel>();
        var kinds = Enum.GetValues<ApplicantKind>();
        for (var i = 0; i < outcomes.Count; i++)
        {
            rows.Add(new LedgerRow(i + 2, new Dictionary<string, string>
            {
                [LedgerRecords.TrackingNumber] = "L-" + i.ToString(CultureInfo.InvariantCulture),
                [LedgerRecords.ReceivedOn] = "2021-03-01",
                [LedgerRecords.Channel] = LedgerRecords.ChannelLabel(channels[i % channels.Length]) ?? "",
                [LedgerRecords.ApplicantKind] = LedgerRecords.KindLabel(kinds[i % kinds.Length]),
                [LedgerRecords.Applicant] = "某人",
                [LedgerRecords.IdentityNumber] = "",
                [LedgerRecords.Content] = "内容",
                [LedgerRecords.Outcome] = LedgerRecords.OutcomeLabel(outcomes[i]),
                [LedgerRecords.RepliedOn] = "2021-03-05",
                [LedgerRecords.Reasons] = "台账记载的答复理由",
            }));
        }

        var (records, errors) = LedgerRecords.Parse(rows, WorkCalendar.Official);

        Assert.Empty(errors);
        Assert.True(outcomes.Count > channels.Length && outcomes.Count > kinds.Length);
        Assert.Equal(outcomes, records.Select(r => r.Outcome));
        Assert.Equal(Enumerable.Range(0, outcomes.Count).Select(i => channels[i % channels.Length]), records.Select(r => r.Channel));
        Assert.Equal(Enumerable.Range(0, outcomes.Count).Select(i => kinds[i % kinds.Length]), records.Select(r => r.ApplicantKind));
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张三丰", "张**")]
    [InlineData("张", "张*")]
    [InlineData(" 欧阳娜娜 ", "欧***")]
    [InlineData("𠀀三", "𠀀*")]
    [InlineData("某某科技有限公司", "某*******")]
    public void Mask_Name_FirstCharacterAndStars(string name, string masked) => Assert.Equal(masked, ApplicantNames.Mask(name));

    private static IEnumerable<DisclosureRequest> Order(IEnumerable<DisclosureRequest> rows, Worklist.Order order) => order switch
    {
        Worklist.Order.ReceivedNewest => rows.OrderBy(r => r.ReceivedOn is null).ThenByDescending(r => r.ReceivedOn).ThenByDescending(r => r.TrackingNumber, StringComparer.Ordinal),
        Worklist.Order.ReceivedOldest => rows.OrderBy(r => r.ReceivedOn is null).ThenBy(r => r.ReceivedOn).ThenBy(r => r.TrackingNumber, StringComparer.Ordinal),
        _ => rows.OrderBy(r => r.CurrentDue is null).ThenBy(r => r.CurrentDue).ThenBy(r => r.TrackingNumber, StringComparer.Ordinal),
    };

    /// <summary>
    /// An agency with 400 applications taken over from a generated ledger (every channel, kind and outcome group, a
    /// tenth open), three of them rewritten for the search cases, two online ones (one unconfirmed: no receipt date,
    /// one withdrawn), and another agency's 60 that must never show.
    /// </summary>
    internal static async Task<(Guid AgencyId, string Name)> SeedAsync(TestDatabase database)
    {
        var ct = TestContext.Current.CancellationToken;
        const string name = "某区某局";
        await using var db = database.Open();
        db.Agencies.AddRange(Agency.Create(name).Value, Agency.Create("某区另一局").Value);
        await db.SaveChangesAsync(ct);
        var lines = LedgerSample.Csv(400, seed: 7).Split('\n').ToList();
        lines[1] = "G-0000001,2021-12-01,当面,自然人,张三丰,,请公开2021年第1号文件，完成率100%，编号a_b，另附一段足够长的说明文字以便截断和检查,,";
        lines[2] = "G-0000002,2021-06-01,传真,商业企业,某某科技有限公司,,关于张三丰的2021年第2号文件的信息,予以公开,2021-06-10";
        lines[3] = "G-0000003,2021-06-02,平信,自然人,李四,,=SUM(1+1),属于国家秘密,2021-06-11,经依法确定为国家秘密";
        await ImportAsync(db, name, string.Join('\n', lines));
        await ImportAsync(db, "某区另一局", LedgerSample.Csv(60, seed: 8).Replace("G-", "H-", StringComparison.Ordinal));

        var agencyId = await db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync(ct);
        var unconfirmed = RequestStorageTests.NewRequest(agencyId, "U-0000001", new DateOnly(2022, 1, 7), Channel.Online);
        var withdrawn = RequestStorageTests.NewRequest(agencyId, "U-0000002", new DateOnly(2021, 12, 20));
        Assert.True(withdrawn.Apply(new Withdraw(Staff, new DateOnly(2021, 12, 22), Clock.GetUtcNow(), "已不需要"), WorkCalendar.Official).IsSuccess);
        db.Requests.AddRange(unconfirmed, withdrawn);
        await db.SaveChangesAsync(ct);
        return (agencyId, name);
    }

    private static async Task ImportAsync(GongkaiDbContext db, string agency, string csv)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        var imported = await ImportRequests.HandleAsync(db, Clock, WorkCalendar.Official,
            new ImportRequests.Request(agency, LedgerFile.Read(bytes, "l.csv"), "l.csv", ImportRequests.Hash(bytes), "test"), cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(imported.IsSuccess && !imported.Value.Rejected, imported.IsSuccess ? string.Join("; ", imported.Value.Errors.Take(3)) : imported.Problem.Message);
        db.ChangeTracker.Clear();
    }
}
