using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Requests;

public sealed class CreditCodeTests
{
    private const string Example = "91350100M000100Y43";
    private const string CodeCharacters = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    [Fact]
    public void CheckCharacter_Example_IsThreeByGb32100()
    {
        // Computed here from the definition: weights 3^(i−1) mod 31, check value 31 − (Σ mod 31), 31 → 0.
        Assert.Equal('3', Gb32100(Example[..17]));
    }

    [Theory]
    [InlineData(Example)]
    [InlineData("91350100m000100y43")]
    public void TryParse_ValidCode_Accepted(string text) =>
        Assert.Equal(Example, ResultAssert.Ok(CreditCode.TryParse(text)).Value);

    [Theory]
    [InlineData("91110000600037341")]
    [InlineData("12100000400000624")]
    [InlineData("52110105MJ0000000")]
    public void TryParse_CodeWithComputedCheck_Accepted(string first17) =>
        ResultAssert.Ok(CreditCode.TryParse(first17 + Gb32100(first17)));

    [Fact]
    public void TryParse_WrongCheckCharacter_SaysWhichItShouldBe()
    {
        var problem = ResultAssert.Fails(CreditCode.TryParse("91350100M000100Y44"), "creditCode.checkCharacter");
        Assert.Equal("统一社会信用代码校验码应为3，实为4", problem.Message);
    }

    [Theory]
    [InlineData("", "creditCode.empty")]
    [InlineData("91350100M000100Y4", "creditCode.length")]
    [InlineData("91350100M000100I43", "creditCode.character")]
    [InlineData("91350100O000100Y43", "creditCode.character")]
    [InlineData("9135010ZM000100Y43", "creditCode.character")]
    [InlineData("913501A0M000100Y43", "creditCode.region")]
    public void TryParse_Invalid_Problem(string text, string code) =>
        ResultAssert.Fails(CreditCode.TryParse(text), code);

    [Fact]
    public void TryParse_BadCharacter_NamesPosition()
    {
        var problem = ResultAssert.Fails(CreditCode.TryParse("91350100M000100I43"), "creditCode.character");
        Assert.StartsWith("统一社会信用代码第16位“I”", problem.Message, StringComparison.Ordinal);
    }

    private static char Gb32100(string first17)
    {
        var sum = 0;
        var weight = 1;
        for (var i = 0; i < 17; i++)
        {
            sum += CodeCharacters.IndexOf(first17[i], StringComparison.Ordinal) * weight;
            weight = weight * 3 % 31;
        }

        return CodeCharacters[(31 - (sum % 31)) % 31];
    }
}
