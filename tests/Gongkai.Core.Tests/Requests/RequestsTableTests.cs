using Gongkai.Core.Features.Requests;
using Gongkai.Core.Tests.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Rules;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Tests.Requests;

/// <summary>Year boundaries of section 三, computed by the grouped query on both databases.</summary>
public sealed class RequestsTableTests
{
    private static readonly Actor Staff = new("u-1", "李四", ActorRole.Staff);
    private static readonly WorkCalendar Calendar = WorkCalendar.Official;

    private static DateTimeOffset At(DateOnly d) => new(d.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);

    private static Applicant Enterprise() =>
        Applicant.Organization(ApplicantKind.CommercialEnterprise, "某商贸有限公司", CreditCode.TryParse("91350100M000100Y43").Value, null, ContactDetails.Create("010-1234", null, null).Value).Value;

    private static DisclosureRequest Imported(Guid agency, string number, DateOnly received, ReplyOutcome? outcome, DateOnly? replied, Applicant? applicant = null)
    {
        var person = RequestStorageTests.NewRequest(agency, "x", received).Applicant;
        var command = new ImportFromLedger(Staff, received, At(received), Guid.NewGuid(), agency, number, applicant ?? person, Channel.InPerson, "某文件", received, outcome, replied,
            outcome is not null && ReplyParticularsRule.NeedsReasonsOnImport(outcome) ? "台账记载的答复理由" : null);
        return DisclosureRequest.Import(command, Calendar).Value;
    }

    private static async Task<(TestDatabase Database, Guid Agency)> SeedAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var agency = Agency.Create("某区某局").Value;
        var other = Agency.Create("某区另一局").Value;
        db.Agencies.AddRange(agency, other);
        var a = agency.Id;

        // 1: received 2019-12-25, answered 2020-01-10.
        db.Requests.Add(Imported(a, "1", new DateOnly(2019, 12, 25), ReplyOutcome.Disclosed(), new DateOnly(2020, 1, 10)));

        // 2: an enterprise's, received and answered in 2020.
        db.Requests.Add(Imported(a, "2", new DateOnly(2020, 3, 2), ReplyOutcome.Withheld(WithholdingGround.ThirdPartyRights), new DateOnly(2020, 3, 20), Enterprise()));

        // 3: received 2020-12-28, still open.
        db.Requests.Add(Imported(a, "3", new DateOnly(2020, 12, 28), null, null));

        // 4: submitted online on 2020-12-31, confirmed 2021-01-04: received in 2021 (条例 Art 31(三)).
        var online = RequestStorageTests.NewRequest(a, "4", new DateOnly(2020, 12, 31), Channel.Online);
        Assert.True(online.Apply(new ConfirmReceipt(Staff, new DateOnly(2021, 1, 4), At(new DateOnly(2021, 1, 4))), Calendar).IsSuccess);
        db.Requests.Add(online);

        // 5: received 2020-12-29, 补正 asked, corrected application received 2021-01-05: still 本年新收 of 2020.
        var corrected = RequestStorageTests.NewRequest(a, "5", new DateOnly(2020, 12, 29));
        Assert.True(corrected.Apply(new RequestSupplement(Staff, new DateOnly(2020, 12, 30), At(new DateOnly(2020, 12, 30)), ["文号"], new DateOnly(2021, 1, 15)), Calendar).IsSuccess);
        Assert.True(corrected.Apply(new ReceiveSupplement(Staff, new DateOnly(2021, 1, 5), At(new DateOnly(2021, 1, 5))), Calendar).IsSuccess);
        db.Requests.Add(corrected);

        // 6: another agency's.
        db.Requests.Add(Imported(other.Id, "6", new DateOnly(2020, 5, 6), ReplyOutcome.Disclosed(), new DateOnly(2020, 5, 20)));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (database, a);
    }

    private static async Task<IReadOnlyDictionary<string, decimal>> TableAsync(TestDatabase database, Guid agency, int year, ReportFormat format = ReportFormat.V2021)
    {
        await using var db = database.Open();
        return await RequestsTable.HandleAsync(db, new RequestsTable.Request(agency, year, format), TestContext.Current.CancellationToken);
    }

    /// <summary>The non-zero cells, for exact comparison.</summary>
    private static string[] NonZero(IReadOnlyDictionary<string, decimal> cells) =>
        [.. cells.Where(c => c.Value != 0).Select(c => $"{c.Key}={c.Value}").Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Table_ThreeYears_CarriedAcrossBoundaries(string provider)
    {
        var (database, agency) = await SeedAsync(provider);
        await using var _ = database;

        var y2019 = await TableAsync(database, agency, 2019);
        var y2020 = await TableAsync(database, agency, 2020);
        var y2021 = await TableAsync(database, agency, 2021);

        Assert.Equal(
            ["requests.carriedOut.naturalPerson=1", "requests.carriedOut.total=1", "requests.received.naturalPerson=1", "requests.received.total=1"],
            NonZero(y2019));
        Assert.Equal(
            [
                "requests.carriedIn.naturalPerson=1", "requests.carriedIn.total=1",
                "requests.carriedOut.naturalPerson=2", "requests.carriedOut.total=2",
                "requests.disclosed.naturalPerson=1", "requests.disclosed.total=1",
                "requests.received.commercialEnterprise=1", "requests.received.naturalPerson=2", "requests.received.total=3",
                "requests.total.commercialEnterprise=1", "requests.total.naturalPerson=1", "requests.total.total=2",
                "requests.withheld.thirdPartyRights.commercialEnterprise=1", "requests.withheld.thirdPartyRights.total=1",
            ],
            NonZero(y2020));
        Assert.Equal(
            [
                "requests.carriedIn.naturalPerson=2", "requests.carriedIn.total=2",
                "requests.carriedOut.naturalPerson=3", "requests.carriedOut.total=3",
                "requests.received.naturalPerson=1", "requests.received.total=1",
            ],
            NonZero(y2021));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Table_EveryYearAndFormat_SatisfiesR1R2R3(string provider)
    {
        var (database, agency) = await SeedAsync(provider);
        await using var _ = database;

        foreach (var format in new[] { ReportFormat.V2019, ReportFormat.V2021 })
        {
            for (var year = 2019; year <= 2021; year++)
            {
                var cells = await TableAsync(database, agency, year, format);
                var report = new AnnualReport(format, "某区某局", year, cells, new HashSet<string>(), new Dictionary<string, string>());
                Assert.Empty(ConsistencyRules.SumRules(format).Select(r => r.Check(report)).OfType<Finding>());
                Assert.Equal(ReportLayoutCount(format), cells.Count);
            }
        }
    }

    private static int ReportLayoutCount(ReportFormat format) => format == ReportFormat.V2019 ? 23 * 7 : 25 * 7;
}
