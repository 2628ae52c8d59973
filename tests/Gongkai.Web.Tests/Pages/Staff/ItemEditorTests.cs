using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Core.Data.Files;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>The item editor's classification and attachments, through the page as a browser posts it (multipart).</summary>
public sealed partial class ItemEditorTests(StaffSites sites)
{
    private static readonly byte[] PdfBytes = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Save_TopicDivisionAndPdf_ThenRemoveTheAttachment(string provider)
    {
        var site = await sites.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var (topic, division) = await ClassificationAsync(site, site.OfficeId, "编辑器主题", "编辑器科室");
        var handler = await site.SignInAsync("handler");
        var title = "附件测试" + Guid.NewGuid().ToString("N")[..8];

        var saved = await PostAsync(handler, "/staff/items/edit", await FieldsAsync(handler, title, topic.Id, division.Id), ("全文.pdf", PdfBytes));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = saved.Headers.Location!.OriginalString;
        await using (var db = site.Open())
        {
            var item = await db.Items.AsNoTracking().SingleAsync(i => i.Title == title, ct);
            Assert.Equal([topic.Id], item.TopicIds);
            Assert.Equal(division.Id, item.DivisionId);
            var attachment = Assert.Single(item.Attachments);
            Assert.Equal(("全文.pdf", "application/pdf", (long)PdfBytes.Length), (attachment.FileName, attachment.MediaType, attachment.Size));
            Assert.Equal(PdfBytes, await AttachmentStore.ForDatabase(site.Target).ReadAsync(attachment.Sha256, ct));
        }

        var editor = await handler.GetStringAsync(new Uri(page, UriKind.Relative), ct);
        Assert.Contains("全文.pdf", editor, StringComparison.Ordinal);
        var sha = RemovePattern().Match(editor).Groups[1].Value;
        var fields = await FieldsAsync(handler, title, topic.Id, division.Id, page);
        fields.Add(("Input.RemoveAttachments", sha));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(handler, page, fields)).StatusCode);

        await using var check = site.Open();
        Assert.Empty((await check.Items.AsNoTracking().SingleAsync(i => i.Title == title, ct)).Attachments);
    }

    [Fact]
    public async Task Save_PageRenamedPdf_RefusedAndNothingStored()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var handler = await site.SignInAsync("handler");
        var title = "伪装附件" + Guid.NewGuid().ToString("N")[..8];

        var saved = await PostAsync(handler, "/staff/items/edit", await FieldsAsync(handler, title), ("通知.pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, saved.StatusCode);
        Assert.Contains("附件“通知.pdf”的内容与扩展名不符，未保存", await saved.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        await using var db = site.Open();
        Assert.False(await db.Items.AnyAsync(i => i.Title == title, ct));
    }

    [Fact]
    public async Task Save_AnotherAgencysTopic_RefusedAndNothingStored()
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var (foreign, _) = await ClassificationAsync(site, site.DepartmentId, "他机关主题", "他机关科室");
        var handler = await site.SignInAsync("handler");
        var title = "他机关主题" + Guid.NewGuid().ToString("N")[..8];

        var saved = await PostAsync(handler, "/staff/items/edit", await FieldsAsync(handler, title, foreign.Id));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, saved.StatusCode);
        Assert.Contains("主题不存在或不属于该机关", await saved.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        await using var db = site.Open();
        Assert.False(await db.Items.AnyAsync(i => i.Title == title, ct));
    }

    /// <summary>A topic and a 科室 of the agency, made once per site.</summary>
    private static async Task<(Topic Topic, Division Division)> ClassificationAsync(StaffSite site, Guid agencyId, string topicName, string divisionName)
    {
        await using var db = site.Open();
        var topic = await db.Topics.FirstOrDefaultAsync(t => t.AgencyId == agencyId && t.Name == topicName);
        if (topic is null)
        {
            topic = Topic.Create(agencyId, topicName).Value;
            db.Topics.Add(topic);
        }

        var division = await db.Divisions.FirstOrDefaultAsync(d => d.AgencyId == agencyId && d.Name == divisionName);
        if (division is null)
        {
            division = Division.Create(agencyId, divisionName).Value;
            db.Divisions.Add(division);
        }

        await db.SaveChangesAsync();
        return (topic, division);
    }

    private static async Task<List<(string, string)>> FieldsAsync(HttpClient client, string title, Guid? topicId = null, Guid? divisionId = null, string from = "/staff/items/edit")
    {
        var html = await client.GetStringAsync(new Uri(from, UriKind.Relative));
        List<(string, string)> fields =
        [
            ("__RequestVerificationToken", WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value)),
            ("Input.CategoryId", CategoryPattern().Match(html).Groups[1].Value),
            ("Input.Title", title),
            ("Input.FormedOn", "2022-01-10"),
            ("Input.Body", "正文"),
        ];
        if (topicId is { } t)
        {
            fields.Add(("Input.TopicIds", t.ToString("D")));
        }

        if (divisionId is { } d)
        {
            fields.Add(("Input.DivisionId", d.ToString("D")));
        }

        return fields;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, List<(string Name, string Value)> fields, params (string Name, byte[] Bytes)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "Uploads", name);
        }

        return await client.PostAsync(new Uri(page + "?handler=Save", UriKind.Relative), form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\"")]
    private static partial Regex CategoryPattern();

    [GeneratedRegex("name=\"Input.RemoveAttachments\" value=\"([0-9a-f]{64})\"")]
    private static partial Regex RemovePattern();
}
