using System.Text;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Proactive;

public sealed class SaveItemTests
{
    private static readonly ItemActor Author = new("staff-1", "王科员", ItemRole.Staff);
    private static readonly DateOnly Day = new(2020, 9, 24);
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2020, 9, 25, 1, 0, 0, TimeSpan.Zero));

    /// <summary>Two agencies, each with its categories, a topic and a 科室.</summary>
    private sealed record Setup(Agency Own, Category Category, Topic Topic, Division Division, Agency Other, Category OtherCategory, Topic OtherTopic, Division OtherDivision);

    private static async Task<Setup> SetUpAsync(TestDatabase database)
    {
        await using var db = database.Open();
        (Agency, Category, Topic, Division) Add(string name)
        {
            var agency = Agency.Create(name).Value;
            var categories = DefaultCategories.Create(agency.Id).Value;
            var (topic, division) = (Topic.Create(agency.Id, "对口支援").Value, Division.Create(agency.Id, "综合科").Value);
            db.Agencies.Add(agency);
            db.Categories.AddRange(categories);
            db.Topics.Add(topic);
            db.Divisions.Add(division);
            return (agency, CategoryTree.Create(categories).Value.FindByPath("业务动态")!, topic, division);
        }

        var own = Add("某区某局");
        var other = Add("某区另一局");
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return new Setup(own.Item1, own.Item2, own.Item3, own.Item4, other.Item1, other.Item2, other.Item3, other.Item4);
    }

    private static SaveItem.Request Form(Setup s, Guid? itemId = null, IReadOnlyList<SaveItem.Upload>? uploads = null, IReadOnlyCollection<string>? remove = null) =>
        new(itemId, s.Own.Id, Author, s.Category.Id, [s.Topic.Id], s.Division.Id, " 工作动态 ", " ", Day, FullTextElectronic: true, "正文", null, null, remove ?? [], uploads ?? []);

    private static SaveItem.Upload Text(string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new SaveItem.Upload(name, bytes.Length, () => new MemoryStream(bytes));
    }

    private static async Task<Domain.Common.Result<Guid>> SaveAsync(TestDatabase database, SaveItem.Request request)
    {
        await using var db = database.Open();
        return await SaveItem.HandleAsync(db, Clock, database.Files, request, TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Save_NewThenRevised_AttachmentsKeptRemovedAndUploadedOnceWithTheirAuditEntries(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);
        var ct = TestContext.Current.CancellationToken;

        var created = await SaveAsync(database, Form(s, uploads: [Text("一.txt", "第一份"), Text("二.txt", "第二份"), Text("二（副本）.txt", "第二份")]));
        await using (var db = database.Open())
        {
            var item = await db.Items.SingleAsync(i => i.Id == created.Value, ct);
            Assert.Equal(["一.txt", "二.txt"], item.Attachments.Select(a => a.FileName));
            Assert.Equal(("工作动态", null, ItemState.Draft), (item.Title, item.DocumentNumber, item.State));
            var revised = await SaveAsync(database, Form(s, created.Value, [Text("三.txt", "第三份")], [item.Attachments[0].Sha256]));
            Assert.Equal(created.Value, revised.Value);
        }

        await using var read = database.Open();
        var saved = await read.Items.SingleAsync(i => i.Id == created.Value, ct);
        Assert.Equal(["二.txt", "三.txt"], saved.Attachments.Select(a => a.FileName));
        Assert.Equal([s.Topic.Id], saved.TopicIds);
        Assert.Equal(s.Division.Id, saved.DivisionId);
        Assert.Equal(["item.Create", "item.Revise"], await read.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(ct));
    }

    [Fact]
    public async Task Save_PublishedItem_DraftsAnUpdate()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite);
        var s = await SetUpAsync(database);
        var ct = TestContext.Current.CancellationToken;
        var id = (await SaveAsync(database, Form(s))).Value;
        await using (var db = database.Open())
        {
            var reviewer = new ItemActor("reviewer-1", "李审查", ItemRole.Reviewer);
            var item = await db.Items.SingleAsync(i => i.Id == id, ct);
            var (today, at) = (ChinaClock.Today(Clock), Clock.GetUtcNow());
            Assert.True(item.Apply(new SubmitItem(Author, today, at)).IsSuccess);
            Assert.True(item.Apply(new ApproveItem(reviewer, today, at)).IsSuccess);
            Assert.True(item.Apply(new PublishItem(Author, today, at)).IsSuccess);
            await db.SaveChangesAsync(ct);
        }

        var saved = await SaveAsync(database, Form(s, id) with { Title = "工作动态（更新）" });

        Assert.Equal(id, saved.Value);
        await using var read = database.Open();
        var updated = await read.Items.SingleAsync(i => i.Id == id, ct);
        Assert.Equal(ItemState.UpdateDrafted, updated.State);
    }

    public static TheoryData<string, string> Foreign => new()
    {
        { "category", "item.category" },
        { "topic", "item.topic" },
        { "division", "item.division" },
        { "item", "item.notFound" },
        { "uploads", "attachment.count" },
    };

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task Save_AnotherAgencysChoiceOrItemOrTooManyFiles_RefusedAndNothingStored(string what, string code)
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite);
        var s = await SetUpAsync(database);
        var otherItem = await SaveAsync(database, Form(s) with { AgencyId = s.Other.Id, CategoryId = s.OtherCategory.Id, TopicIds = [], DivisionId = null });
        var form = what switch
        {
            "category" => Form(s) with { CategoryId = s.OtherCategory.Id },
            "topic" => Form(s) with { TopicIds = [s.Topic.Id, s.OtherTopic.Id] },
            "division" => Form(s) with { DivisionId = s.OtherDivision.Id },
            "item" => Form(s, otherItem.Value),
            _ => Form(s, uploads: [.. Enumerable.Range(1, SaveItem.MaxUploads + 1).Select(i => Text($"{i}.txt", $"第{i}份"))]),
        };

        var saved = await SaveAsync(database, form);

        Assert.Equal(code, saved.Problem.Code);
        await using var read = database.Open();
        Assert.Equal(0, await read.Items.CountAsync(i => i.AgencyId == s.Own.Id, TestContext.Current.CancellationToken));
    }
}
