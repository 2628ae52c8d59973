using Gongkai.Core.Features.Article20;
using Gongkai.Core.Tests.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Article20;

public sealed class ComputeArticle20Tests
{
    private static readonly ItemActor Importer = new("admin", "管理员", ItemRole.Admin);

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Compute_NormativeDocumentsInTheCatalogue_FiguresOfBothFormats(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var agency = Agency.Create("某区某局").Value;
        await using (var db = database.Open())
        {
            var categories = DefaultCategories.Create(agency.Id).Value;
            var normative = CategoryTree.Create(categories).Value.FindByPath("规范性文件")!;
            db.Agencies.Add(agency);
            db.Categories.AddRange(categories);
            DisclosureItem Document(string title, DateOnly formed, DateOnly published, DateOnly? repealed = null) =>
                DisclosureItem.Import(new ImportItem(Importer, published, new DateTimeOffset(published.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)), Guid.NewGuid(), agency.Id,
                    new ItemContent { Category = normative, Title = title, FormedOn = formed, Body = "正文", RepealedOn = repealed })).Value;
            db.Items.AddRange(
                Document("2019年的文件", new DateOnly(2019, 6, 1), new DateOnly(2019, 6, 5)),
                Document("2019年的文件，2020年废止", new DateOnly(2019, 7, 1), new DateOnly(2019, 7, 5), new DateOnly(2020, 3, 1)),
                Document("2020年的文件", new DateOnly(2020, 4, 1), new DateOnly(2020, 4, 8)),
                Document("2020年底制发，2021年公开", new DateOnly(2020, 12, 28), new DateOnly(2021, 1, 6)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var work = database.Open();
        var v2019 = await ComputeArticle20.HandleAsync(work, new FakeTimeProvider(), new ComputeArticle20.Request(agency.Id, 2020, ReportFormat.V2019, "test"), TestContext.Current.CancellationToken);

        Assert.Equal(2m, v2019.Computed["article20.normativeDocuments.made"]);      // formed in 2020
        Assert.Equal(1m, v2019.Computed["article20.normativeDocuments.published"]); // published in 2020
        Assert.Equal(2m, v2019.Computed["article20.normativeDocuments.total"]);     // published by year end, not repealed
        Assert.Equal(0m, v2019.Computed["article20.rules.made"]);
        Assert.Empty(v2019.Kept);
        var stored = await work.Article20.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2m, stored.Values()["article20.normativeDocuments.total"]);
    }
}
