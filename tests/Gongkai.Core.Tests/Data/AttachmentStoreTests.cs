using System.Security.Cryptography;
using System.Text;
using Gongkai.Core.Data.Files;

namespace Gongkai.Core.Tests.Data;

public sealed class AttachmentStoreTests
{
    [Fact]
    public async Task Save_ContentTwiceThenRead_OneFileByItsHash()
    {
        using var temp = new TempFolder("gongkai-files-");
        var folder = temp.Path;
        var store = new AttachmentStore(folder);
        var bytes = Encoding.UTF8.GetBytes("2020年部门预算（全文）");
        var expected = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var first = await store.SaveAsync(new MemoryStream(bytes), TestContext.Current.CancellationToken);
        var second = await store.SaveAsync(new MemoryStream(bytes), TestContext.Current.CancellationToken);

        Assert.Equal((expected, (long)bytes.Length), first);
        Assert.Equal(first, second);
        Assert.Single(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));
        Assert.Equal(bytes, await store.ReadAsync(expected, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Read_DamagedOrMissingFile_Null()
    {
        using var temp = new TempFolder("gongkai-files-");
        var folder = temp.Path;
        var store = new AttachmentStore(folder);
        var (sha256, _) = await store.SaveAsync(new MemoryStream([1, 2, 3]), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(folder, sha256[..2], sha256), [9, 9, 9], TestContext.Current.CancellationToken);

        Assert.Null(await store.ReadAsync(sha256, TestContext.Current.CancellationToken));
        Assert.Null(await store.ReadAsync(new string('0', 64), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ReadAsync("../../etc/passwd", TestContext.Current.CancellationToken));
    }
}
