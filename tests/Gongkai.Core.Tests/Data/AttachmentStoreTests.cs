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

    /// <summary>Two sites on one PostgreSQL data folder seed the same files at once: every writer succeeds, one file stays.</summary>
    [Fact]
    public async Task Save_SameContentAtOnceFromManyWriters_EachSucceeds()
    {
        for (var round = 0; round < 50; round++)
        {
            using var temp = new TempFolder("gongkai-files-");
            var bytes = Encoding.UTF8.GetBytes($"第{round}份附件");
            var stores = Enumerable.Range(0, 32).Select(_ => new AttachmentStore(temp.Path)).ToList();
            using var start = new Barrier(stores.Count);

            var saved = await Task.WhenAll(stores.Select(store => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait(TestContext.Current.CancellationToken);
                    return store.SaveAsync(new MemoryStream(bytes), TestContext.Current.CancellationToken).GetAwaiter().GetResult();
                },
                TestContext.Current.CancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default)));

            Assert.Single(saved.Distinct());
            Assert.Single(Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories));
            Assert.Equal(bytes, await stores[0].ReadAsync(saved[0].Sha256, TestContext.Current.CancellationToken));
        }
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
