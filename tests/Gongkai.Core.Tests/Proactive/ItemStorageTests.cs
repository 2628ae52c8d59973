using Gongkai.Domain.Agencies;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Tests.Proactive;

public sealed class ItemStorageTests
{
    private static readonly ItemActor Author = new("staff-1", "王科员", ItemRole.Staff);
    private static readonly ItemActor Reviewer = new("reviewer-1", "李审查", ItemRole.Reviewer);
    private static readonly DateOnly Day = new(2020, 9, 24);

    private static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task SaveAndLoad_ReviewedPublishedItem_EverythingBack(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        await using (var db = database.Open())
        {
            var agency = Agency.Create("北京市东城区对外联络服务办公室").Value;
            var categories = DefaultCategories.Create(agency.Id).Value;
            var tree = CategoryTree.Create(categories).Value;
            var topic = Topic.Create(agency.Id, "对口支援").Value;
            var division = Division.Create(agency.Id, "综合科").Value;
            db.Agencies.Add(agency);
            db.Categories.AddRange(categories);
            db.Topics.Add(topic);
            db.Divisions.Add(division);
            var content = new ItemContent
            {
                Category = tree.FindByPath("业务动态")!,
                Topics = [topic],
                Division = division,
                Title = "东城区对口支援拉萨市当雄县工作动态",
                FormedOn = Day,
                FullTextElectronic = true,
                Body = "9月24日，赴当雄县开展对口支援工作调研。",
                Attachments = [Attachment.Create("调研报告.pdf", new string('a', 64), 1024, "application/pdf").Value],
            };
            var item = DisclosureItem.Create(new CreateItem(Author, Day, At(Day), Guid.NewGuid(), agency.Id, content)).Value;
            Assert.True(item.Apply(new SubmitItem(Author, Day, At(Day))).IsSuccess);
            Assert.True(item.Apply(new ApproveItem(Reviewer, Day.AddDays(1), At(Day.AddDays(1)))).IsSuccess);
            Assert.True(item.Apply(new PublishItem(Author, Day.AddDays(1), At(Day.AddDays(1)))).IsSuccess);
            db.Items.Add(item);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            id = item.Id;
        }

        await using var read = database.Open();
        var loaded = await read.Items.SingleAsync(i => i.Id == id, TestContext.Current.CancellationToken);

        Assert.Equal(ItemState.Published, loaded.State);
        Assert.Equal(new DateOnly(2020, 9, 25), loaded.PublishedOn);
        Assert.Equal("李审查", loaded.Approval!.ReviewerName);
        Assert.Single(loaded.TopicIds);
        Assert.Equal("调研报告.pdf", Assert.Single(loaded.Attachments).FileName);
        var version = Assert.Single(loaded.Versions);
        Assert.Equal("reviewer-1", version.Review.ReviewerId);
        Assert.Single(version.TopicIds);
        Assert.Equal(4, loaded.Events.Count);
        Assert.Equal(loaded.Versions[0], loaded.PublicVersion);
    }
}
