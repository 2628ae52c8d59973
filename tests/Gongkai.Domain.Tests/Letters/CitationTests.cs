using Gongkai.Domain.Letters;

namespace Gongkai.Domain.Tests.Letters;

public sealed class CitationTests
{
    [Theory]
    [InlineData(14, null, null, "第十四条")]
    [InlineData(16, 1, null, "第十六条第一款")]
    [InlineData(33, 2, null, "第三十三条第二款")]
    [InlineData(36, null, 3, "第三十六条第（三）项")]
    [InlineData(36, null, 7, "第三十六条第（七）项")]
    [InlineData(42, null, null, "第四十二条")]
    [InlineData(10, null, null, "第十条")]
    [InlineData(20, null, null, "第二十条")]
    public void ToString_AsLettersWriteIt(int article, int? paragraph, int? item, string expected) =>
        Assert.Equal(expected, new Citation(article, paragraph, item).ToString());
}
