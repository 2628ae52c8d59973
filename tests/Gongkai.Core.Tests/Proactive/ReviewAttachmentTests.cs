using Gongkai.Core.Data.Audit;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Proactive;

/// <summary>The reviewer opens what is under review, and the approval records which files were seen (条例 Art 17).</summary>
public sealed class ReviewAttachmentTests
{
    private static readonly ItemActor Author = new("staff-1", "王科员", ItemRole.Staff);
    private static readonly ItemActor Reviewer = new("reviewer-1", "李审查", ItemRole.Reviewer);
    private static readonly DateOnly Day = new(2020, 9, 24);
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2020, 9, 25, 1, 0, 0, TimeSpan.Zero));
    private static readonly byte[] Pdf = "%PDF-1.4 全文"u8.ToArray();

    private static DateTimeOffset At(DateOnly d) => new(d.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Approve_ShownAttachments_HashesRecordedWithTheReviewAndInTheTrail(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var (itemId, agencyId, pdf) = await SubmittedItemWithPdfAsync(database, ct);

        await using (var db = database.Open())
        {
            Assert.Equal([pdf], await ReviewAttachment.UnopenedAsync(db, itemId, Reviewer.UserId, ct));
            var opened = await ReviewAttachment.HandleAsync(db, Clock, database.Files, new ReviewAttachment.Request(agencyId, itemId, pdf.Sha256, Reviewer.UserId), ct);
            Assert.True(opened.IsSuccess);
            Assert.Equal(Pdf, opened.Value.Content);
            Assert.True(opened.Value.Inline);
            Assert.Equal("application/pdf", opened.Value.Attachment.MediaType);
            Assert.Empty(await ReviewAttachment.UnopenedAsync(db, itemId, Reviewer.UserId, ct));
            Assert.Equal([pdf], await ReviewAttachment.UnopenedAsync(db, itemId, "another-reviewer", ct));

            var approved = await ApplyItemStep.HandleAsync(db, Clock,
                new ApplyItemStep.Request(itemId, agencyId, new ApproveItem(Reviewer, Day, At(Day), null, [pdf.Sha256.ToUpperInvariant()])), ct);
            Assert.True(approved.IsSuccess, approved.IsSuccess ? "" : approved.Problem.Message);
            Assert.Contains("已审查附件1个", approved.Value.Description, StringComparison.Ordinal);
        }

        await using var read = database.Open();
        var item = await read.Items.SingleAsync(i => i.Id == itemId, ct);
        Assert.Equal(pdf.Sha256, item.Approval!.AttachmentHashes);
        Assert.Equal([pdf.Sha256], item.Approval.AttachmentHashList);
        var entry = await read.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync(ct);
        Assert.Equal("item.Approve", entry.Action);
        var opening = await read.AuditEntries.SingleAsync(e => e.Action == ReviewAttachment.OpenedAction, ct);
        Assert.Equal(Reviewer.UserId, opening.Actor);
        Assert.Contains(pdf.Sha256, opening.After, StringComparison.Ordinal);
        Assert.Contains($"\"ReviewedAttachments\":\"{pdf.Sha256}\"", entry.After, StringComparison.Ordinal);
        Assert.True((await AuditTrail.VerifyAsync(read, ct)).IsIntact);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Approve_AttachmentsChangedSinceShown_ConflictNothingSaved(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var (itemId, agencyId, _) = await SubmittedItemWithPdfAsync(database, ct);

        await using (var db = database.Open())
        {
            // The form showed another file (or none): what is approved would not be what was seen.
            foreach (var shown in new IReadOnlyList<string>[] { [], [new string('a', 64)] })
            {
                var approved = await ApplyItemStep.HandleAsync(db, Clock,
                    new ApplyItemStep.Request(itemId, agencyId, new ApproveItem(Reviewer, Day, At(Day), null, shown)), ct);
                Assert.Equal(ProblemKind.Conflict, approved.Problem.Kind);
                Assert.Equal(ItemProblems.AttachmentsChanged, approved.Problem.Code);
                db.ChangeTracker.Clear();
            }
        }

        await using var read = database.Open();
        var item = await read.Items.SingleAsync(i => i.Id == itemId, ct);
        Assert.Equal(ItemState.Submitted, item.State);
        Assert.Null(item.Approval);
        Assert.DoesNotContain(await read.AuditEntries.Select(e => e.Action).ToListAsync(ct), a => a == "item.Approve");
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Open_OtherAgencyOrUnlistedHash_NotFound(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var (itemId, _, pdf) = await SubmittedItemWithPdfAsync(database, ct);
        await using var db = database.Open();

        var otherAgency = await ReviewAttachment.HandleAsync(db, Clock, database.Files, new ReviewAttachment.Request(Guid.NewGuid(), itemId, pdf.Sha256, Reviewer.UserId), ct);
        var unlisted = await ReviewAttachment.HandleAsync(db, Clock, database.Files,
            new ReviewAttachment.Request(Guid.NewGuid(), itemId, new string('b', 64), Reviewer.UserId), ct);

        Assert.Equal(ProblemKind.NotFound, otherAgency.Problem.Kind);
        Assert.Equal(ProblemKind.NotFound, unlisted.Problem.Kind);
        Assert.Empty(await db.AuditEntries.Where(e => e.Action == ReviewAttachment.OpenedAction).ToListAsync(ct));
    }

    private static async Task<(Guid ItemId, Guid AgencyId, Attachment Pdf)> SubmittedItemWithPdfAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = database.Open();
        var agency = Agency.Create("某区某局").Value;
        var categories = DefaultCategories.Create(agency.Id).Value;
        db.Agencies.Add(agency);
        db.Categories.AddRange(categories);
        using var stream = new MemoryStream(Pdf);
        var pdf = (await StoreAttachment.HandleAsync(database.Files, "通知全文.pdf", stream, Pdf.Length, ct)).Value;
        var content = new ItemContent
        {
            Category = CategoryTree.Create(categories).Value.FindByPath("业务动态")!,
            Title = "附有全文的通知",
            FormedOn = Day,
            Body = "正文",
            Attachments = [pdf],
        };
        var item = DisclosureItem.Create(new CreateItem(Author, Day, At(Day), Guid.NewGuid(), agency.Id, content)).Value;
        Assert.True(item.Apply(new SubmitItem(Author, Day, At(Day))).IsSuccess);
        db.Items.Add(item);
        await db.SaveChangesAsync(ct);
        return (item.Id, agency.Id, pdf);
    }
}
