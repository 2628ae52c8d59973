using System.Text;
using Gongkai.Core.Data.Files;
using Gongkai.Core.Features.Proactive;

namespace Gongkai.Core.Tests.Proactive;

public sealed class StoreAttachmentTests : IDisposable
{
    private readonly TempFolder _folder = new("gongkai-attach-");

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(@"C:\Users\张三\通知.docx", "通知.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("../../年报.PDF", "年报.PDF", "application/pdf")]
    [InlineData("说明.txt", "说明.txt", "text/plain")]
    public async Task Accepted_NameWithoutPath_MediaTypeFromTheKind(string given, string kept, string mediaType)
    {
        var bytes = Path.GetExtension(kept).ToLowerInvariant() switch
        {
            ".docx" => [0x50, 0x4B, 0x03, 0x04, 1, 2, 3],
            ".pdf" => Encoding.ASCII.GetBytes("%PDF-1.4 …"),
            _ => Encoding.UTF8.GetBytes("第一条 说明文字"),
        };

        var stored = await Store(given, bytes);

        Assert.True(stored.IsSuccess, stored.IsSuccess ? "" : stored.Problem.Message);
        Assert.Equal((kept, mediaType, (long)bytes.Length), (stored.Value.FileName, stored.Value.MediaType, stored.Value.Size));
        Assert.Equal(bytes, await new AttachmentStore(_folder.Path).ReadAsync(stored.Value.Sha256, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("程序.exe", "MZ\u0090\u0000", "attachment.kind")]
    [InlineData("页面.html", "<html>", "attachment.kind")]
    [InlineData("伪装.pdf", "<html><script>", "attachment.content")]
    [InlineData("伪装.docx", "%PDF-1.4", "attachment.content")]
    [InlineData("脚本.txt", "  <script>alert(1)</script>", "attachment.content")]
    [InlineData("空.pdf", "", "attachment.empty")]
    public async Task Refused_NothingStored(string name, string content, string code)
    {
        var stored = await Store(name, Encoding.Latin1.GetBytes(content));

        Assert.False(stored.IsSuccess);
        Assert.Equal(code, stored.Problem.Code);
        Assert.Contains(Path.GetFileName(name), stored.Problem.Message, StringComparison.Ordinal);
        Assert.False(Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Refused_OverTheLimit()
    {
        using var content = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4"));
        var stored = await StoreAttachment.HandleAsync(new AttachmentStore(_folder.Path), "大文件.pdf", content, StoreAttachment.MaxBytes + 1, TestContext.Current.CancellationToken);

        Assert.Equal("attachment.size", stored.Problem.Code);
        Assert.Contains("超过50MB", stored.Problem.Message, StringComparison.Ordinal);
    }

    private async Task<Domain.Common.Result<Domain.Proactive.Attachment>> Store(string name, byte[] bytes)
    {
        using var content = new MemoryStream(bytes);
        return await StoreAttachment.HandleAsync(new AttachmentStore(_folder.Path), name, content, bytes.Length, TestContext.Current.CancellationToken);
    }
}
