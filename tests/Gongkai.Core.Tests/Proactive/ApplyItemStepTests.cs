using Gongkai.Core.Data.Audit;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Proactive;

public sealed class ApplyItemStepTests
{
    private static readonly ItemActor Author = new("staff-1", "王科员", ItemRole.Staff);
    private static readonly ItemActor Reviewer = new("reviewer-1", "李审查", ItemRole.Reviewer);
    private static readonly DateOnly Day = new(2020, 9, 24);
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2020, 9, 25, 1, 0, 0, TimeSpan.Zero));

    private static DateTimeOffset At(DateOnly d) => new(d.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Review_ApproveThenPublish_AuditNamesTheReviewerAndAuthorCannotApprove(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid itemId, agencyId;
        await using (var db = database.Open())
        {
            var agency = Agency.Create("某区某局").Value;
            var categories = DefaultCategories.Create(agency.Id).Value;
            db.Agencies.Add(agency);
            db.Categories.AddRange(categories);
            var content = new ItemContent { Category = CategoryTree.Create(categories).Value.FindByPath("业务动态")!, Title = "工作动态", FormedOn = Day, Body = "正文" };
            var item = DisclosureItem.Create(new CreateItem(Author, Day, At(Day), Guid.NewGuid(), agency.Id, content)).Value;
            db.Items.Add(item);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            (itemId, agencyId) = (item.Id, agency.Id);
        }

        async Task<Domain.Common.Result<ItemEvent>> StepAsync(ItemCommand command)
        {
            await using var db = database.Open();
            return await ApplyItemStep.HandleAsync(db, Clock, new ApplyItemStep.Request(itemId, agencyId, command), TestContext.Current.CancellationToken);
        }

        Assert.True((await StepAsync(new SubmitItem(Author, Day, At(Day)))).IsSuccess);
        var selfApproval = await StepAsync(new ApproveItem(Author with { Role = ItemRole.Reviewer }, Day, At(Day)));
        Assert.True((await StepAsync(new ApproveItem(Reviewer, Day.AddDays(1), At(Day.AddDays(1))))).IsSuccess);
        Assert.True((await StepAsync(new PublishItem(Author, Day.AddDays(1), At(Day.AddDays(1))))).IsSuccess);

        Assert.Equal("item.reviewerIsAuthor", selfApproval.Problem.Code);
        await using var read = database.Open();
        var entries = await read.AuditEntries.OrderBy(e => e.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["item.Submit", "item.Approve", "item.Publish"], entries.Select(e => e.Action));
        Assert.Equal("reviewer-1", entries[1].Actor);
        Assert.Contains("李审查（reviewer-1）", entries[1].After, StringComparison.Ordinal);
        Assert.True((await AuditTrail.VerifyAsync(read, TestContext.Current.CancellationToken)).IsIntact);
        Assert.Equal(ItemState.Published, (await read.Items.SingleAsync(TestContext.Current.CancellationToken)).State);
    }
}
