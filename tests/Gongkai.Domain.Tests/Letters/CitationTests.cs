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

/// <summary>The article of each letter that is not a reply, spec/letters.md §1's table.</summary>
public sealed class LetterBasisTests
{
    [Theory]
    [InlineData(LetterKind.Receipt, "《中华人民共和国政府信息公开条例》第三十一条")]
    [InlineData(LetterKind.Supplement, "《中华人民共和国政府信息公开条例》第三十条")]
    [InlineData(LetterKind.ExplainReasons, "《中华人民共和国政府信息公开条例》第三十五条")]
    [InlineData(LetterKind.Extension, "《中华人民共和国政府信息公开条例》第三十三条第二款")]
    [InlineData(LetterKind.ThirdPartyConsultation, "《中华人民共和国政府信息公开条例》第三十二条")]
    [InlineData(LetterKind.ThirdPartyNotice, "《中华人民共和国政府信息公开条例》第三十二条")]
    [InlineData(LetterKind.AgencyConsultation, "《中华人民共和国政府信息公开条例》第三十四条")]
    [InlineData(LetterKind.FeeNotice, "《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）")]
    public void ForLetter_TheKindsArticle(LetterKind kind, string expected) => Assert.Equal(expected, LegalBases.ForLetter(kind).Phrase);

    [Fact]
    public void ForLetter_Reply_DependsOnTheOutcome() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LegalBases.ForLetter(LetterKind.Reply));
}
