using System.Text;
using Gongkai.Core.Data.Files;

namespace Gongkai.Core.Tests.Data;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gongkai-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Write_WriterThrowsMidway_ExistingTargetUnchangedNoTemporaryLeft()
    {
        var path = Path.Combine(_folder, "report.json");
        File.WriteAllText(path, "{\"old\":true}");

        var thrown = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("{\"new\":"u8);
            throw new InvalidOperationException("renderer failed");
        }));

        Assert.Equal("renderer failed", thrown.Message);
        Assert.Equal("{\"old\":true}", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void Write_ExistingTarget_ReplacedWholeNoTemporaryLeft()
    {
        var path = Path.Combine(_folder, "report.txt");
        File.WriteAllText(path, "旧的内容，比新的长很多很多很多");

        AtomicFile.WriteText(path, "新");

        Assert.Equal("新", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData(false, new byte[] { 0xE6, 0x96, 0xB0 })]
    [InlineData(true, new byte[] { 0xEF, 0xBB, 0xBF, 0xE6, 0x96, 0xB0 })]
    public void WriteText_Bom_OnlyWhenAsked(bool bom, byte[] expected)
    {
        var path = Path.Combine(_folder, "x.txt");

        AtomicFile.WriteText(path, "新", bom);

        Assert.Equal(expected, File.ReadAllBytes(path));
    }

    [Fact]
    public void Write_MissingFolder_ChineseMessageNamingTheFile()
    {
        var path = Path.Combine(_folder, "missing", "x.json");

        var thrown = Assert.Throws<FileWriteException>(() => AtomicFile.Write(path, Encoding.UTF8.GetBytes("{}")));

        Assert.Equal($"无法写入文件 {path}：文件夹不存在", thrown.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }
}
