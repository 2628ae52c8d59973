using Gongkai.Core.Data.Files;
using Gongkai.Core.Features.Demo;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Demo;

/// <summary>What a visitor of the demo opens first: the seed office's published report and guide, item texts and files.</summary>
public sealed class SeedDemoPublicationsTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2022, 1, 10, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Demo_SeedOffice_2020ReportPublishedInTimeHashVerifiesGuidePublished(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();

        var seeded = (await SeedDemo.HandleAsync(db, Clock, WorkCalendar.Official, new SeedDemo.Request("t", database.Files), ct)).Value;

        var office = await db.Agencies.SingleAsync(a => a.Name == SeedDemo.SeedOffice, ct);
        var version = Assert.Single(await db.ReportVersions.Where(v => v.AgencyId == office.Id).ToListAsync(ct));
        Assert.Equal((2020, 1, ReportStage.Published), (version.Year, version.Number, version.Stage));
        Assert.Equal(new DateOnly(2021, 1, 29), version.PublishedOn);
        Assert.NotNull(version.ContentHash);
        Assert.True(version.HashMatches);
        Assert.Equal((0, 0), (version.ErrorCount, version.WarningCount));

        var guide = await PublishGuide.CurrentAsync(db, office.Id, ct);
        Assert.NotNull(guide);
        Assert.Equal((1, "北京市东城区对外联络服务办公室政府信息公开指南"), (guide.Version, guide.Title));
        Assert.Contains("由综合科负责具体承办", guide.Text, StringComparison.Ordinal);
        Assert.Contains($"/agencies/{office.Id:D}/apply", guide.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", guide.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", guide.Text, StringComparison.Ordinal);

        // Every department has its guide; only the seed office's report is published (the district's page says so).
        Assert.Equal(SeedDemo.AgencyNames.Count - 1, await db.Guides.CountAsync(ct));
        Assert.Equal(1, await db.ReportVersions.CountAsync(ct));
        var line = seeded.Agencies.Single(a => a.Name == SeedDemo.SeedOffice);
        Assert.Equal((38, 8, true, 1), (line.Items, line.Attachments, line.GuidePublished, line.ReportsPublished));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Demo_Items_EveryPublicVersionHasABodySomeHaveStoredFiles(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();

        var seeded = (await SeedDemo.HandleAsync(db, Clock, WorkCalendar.Official, new SeedDemo.Request("t", database.Files), ct)).Value;

        var items = await db.Items.AsNoTracking().ToListAsync(ct);
        Assert.All(items, i => Assert.True(i.PublicVersion!.Body.Length > 20, i.Title));
        var attached = items.Where(i => i.PublicVersion!.Attachments.Count > 0).ToList();
        Assert.Equal(seeded.Agencies.Sum(a => a.Attachments), attached.Count);
        Assert.All(seeded.Agencies.Skip(1), a => Assert.True(a.Attachments > 0, a.Name));
        foreach (var item in attached)
        {
            var file = Assert.Single(item.PublicVersion!.Attachments);
            var bytes = await database.Files.ReadAsync(file.Sha256, ct);
            Assert.NotNull(bytes);
            Assert.Equal(file.Size, bytes.Length);
            Assert.StartsWith(item.Title, file.FileName, StringComparison.Ordinal);
            Assert.True(file.MediaType is "application/pdf" or "text/plain", file.MediaType);
        }
    }

    [Fact]
    public async Task ItemAttachment_WithoutFaces_TextFileTheStoreAccepts()
    {
        var (name, bytes) = ItemAttachments.Render(null, SeedDemo.SeedOffice, "标题", "东外联发〔2020〕1号", new DateOnly(2020, 3, 9), "正文第一段。\n正文第二段。");

        Assert.Equal("标题.txt", name);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Equal("标题\n\n北京市东城区对外联络服务办公室\n东外联发〔2020〕1号\n2020年3月9日\n\n正文第一段。\n正文第二段。\n", text);
        var folder = Directory.CreateTempSubdirectory("gongkai-attach-");
        try
        {
            using var content = new MemoryStream(bytes);
            var stored = await StoreAttachment.HandleAsync(new AttachmentStore(folder.FullName), name, content, bytes.Length, TestContext.Current.CancellationToken);
            Assert.Equal("text/plain", stored.Value.MediaType);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void ItemAttachment_WithFaces_OnePagePdfTheSameEachTime()
    {
        if (ItemAttachments.Faces() is not { } faces)
        {
            Assert.Skip("没有PDF中文字体（PdfFaces）：附件为文本文件");
            return;
        }

        var first = ItemAttachments.Render(faces, SeedDemo.SeedOffice, "标题", "", new DateOnly(2020, 3, 9), "正文。");
        var second = ItemAttachments.Render(faces, SeedDemo.SeedOffice, "标题", "", new DateOnly(2020, 3, 9), "正文。");

        Assert.Equal("标题.pdf", first.FileName);
        Assert.True(first.Bytes.AsSpan().StartsWith("%PDF"u8));
        Assert.Equal(first.Bytes, second.Bytes);
    }
}
