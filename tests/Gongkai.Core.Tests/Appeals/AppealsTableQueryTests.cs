using Gongkai.Core.Features.Appeals;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Appeals;

namespace Gongkai.Core.Tests.Appeals;

/// <summary>Section 四 from stored cases: the grouped query agrees with the domain's counting rule, year by year.</summary>
public sealed class AppealsTableQueryTests
{
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Query_RandomCasesAcrossYears_SameCellsAsTheDomainRule(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var random = new Random(11);
        var facts = new List<AppealFact>();
        Guid agencyId;
        await using (var db = database.Open())
        {
            var agency = Agency.Create("某区某局").Value;
            var other = Agency.Create("某区另一局").Value;
            db.Agencies.AddRange(agency, other);
            agencyId = agency.Id;
            for (var i = 0; i < 200; i++)
            {
                var kind = (AppealKind)random.Next(3);
                var filed = new DateOnly(2019, 1, 1).AddDays(random.Next(0, 1000));
                var result = (AppealResult)random.Next(4);
                DateOnly? resultOn = result == AppealResult.Pending ? null : filed.AddDays(random.Next(0, 400));
                var owner = i % 10 == 0 ? other.Id : agency.Id;
                db.Appeals.Add(AppealCase.Create(Guid.NewGuid(), owner, kind, filed, $"案-{i}", null, null, result, resultOn).Value);
                if (owner == agency.Id)
                {
                    facts.Add(new AppealFact(kind, filed, result, resultOn));
                }
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = database.Open();
        for (var year = 2019; year <= 2022; year++)
        {
            var cells = await AppealsTableQuery.HandleAsync(read, new AppealsTableQuery.Request(agencyId, year), TestContext.Current.CancellationToken);
            Assert.Equal(AppealsTable.Cells(facts, year).OrderBy(c => c.Key), cells.OrderBy(c => c.Key));
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Query_CaseFiledLateInTheYear_PendingThenItsResult(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var agency = Agency.Create("某区某局").Value;
        await using (var db = database.Open())
        {
            db.Agencies.Add(agency);
            db.Appeals.Add(AppealCase.Create(Guid.NewGuid(), agency.Id, AppealKind.Reconsideration, new DateOnly(2020, 12, 30), "复议-1", null, null,
                AppealResult.Corrected, new DateOnly(2021, 1, 4)).Value);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = database.Open();
        var y2020 = await AppealsTableQuery.HandleAsync(read, new AppealsTableQuery.Request(agency.Id, 2020), TestContext.Current.CancellationToken);
        var y2021 = await AppealsTableQuery.HandleAsync(read, new AppealsTableQuery.Request(agency.Id, 2021), TestContext.Current.CancellationToken);

        Assert.Equal(1m, y2020["appeals.reconsideration.pending"]);
        Assert.Equal(1m, y2020["appeals.reconsideration.total"]);
        Assert.Equal(1m, y2021["appeals.reconsideration.corrected"]);
        Assert.Equal(0m, y2021["appeals.reconsideration.pending"]);
    }
}
