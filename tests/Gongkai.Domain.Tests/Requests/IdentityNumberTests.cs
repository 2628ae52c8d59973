using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Requests;

public sealed class IdentityNumberTests
{
    private const string Example = "11010519491231002X";

    [Fact]
    public void CheckCharacter_Example_IsXByIso7064Mod112()
    {
        // Computed here from the definition, independently of the production table: weights 2^(18-i) mod 11,
        // check value (12 − Σ mod 11) mod 11, 10 written as X.
        Assert.Equal('X', Iso7064Mod112(Example[..17]));
    }

    [Theory]
    [InlineData(Example)]
    [InlineData("11010519491231002x")]
    [InlineData("  11010519491231002X ")]
    public void TryParse_ValidNumber_Accepted(string text)
    {
        var number = ResultAssert.Ok(IdentityNumber.TryParse(text));
        Assert.Equal(Example, number.Value);
        Assert.Equal(new DateOnly(1949, 12, 31), number.BirthDate);
    }

    [Theory]
    [InlineData("44030419900307123")]
    [InlineData("32010619850615091")]
    [InlineData("81000020000229001")]
    public void TryParse_NumberWithComputedCheck_Accepted(string first17) =>
        ResultAssert.Ok(IdentityNumber.TryParse(first17 + Iso7064Mod112(first17)));

    [Fact]
    public void TryParse_WrongCheckCharacter_SaysWhichItShouldBe()
    {
        var problem = ResultAssert.Fails(IdentityNumber.TryParse("110105194912310023"), "identityNumber.checkCharacter");
        Assert.Equal("身份证号码校验码应为X，实为3", problem.Message);
    }

    [Theory]
    [InlineData(null, "identityNumber.empty")]
    [InlineData("  ", "identityNumber.empty")]
    [InlineData("11010519491231002", "identityNumber.length")]
    [InlineData("110105194912310021X", "identityNumber.length")]
    [InlineData("1101051949123100AX", "identityNumber.character")]
    [InlineData("11010519491231002Y", "identityNumber.character")]
    [InlineData("00010519491231002X", "identityNumber.region")]
    [InlineData("99010519491231002X", "identityNumber.region")]
    [InlineData("11010519490231002X", "identityNumber.birthDate")]
    [InlineData("11010518991231002X", "identityNumber.birthDate")]
    public void TryParse_Invalid_Problem(string? text, string code) =>
        ResultAssert.Fails(IdentityNumber.TryParse(text), code);

    [Fact]
    public void TryParse_BirthDateAfterToday_Refused()
    {
        var first17 = "11010520300101001";
        var text = first17 + Iso7064Mod112(first17);
        ResultAssert.Ok(IdentityNumber.TryParse(text));
        var problem = ResultAssert.Fails(IdentityNumber.TryParse(text, new DateOnly(2026, 6, 1)), "identityNumber.birthDate");
        Assert.Equal("身份证号码中的出生日期2030年1月1日晚于2026年6月1日", problem.Message);
    }

    [Fact]
    public void Masked_FirstSixAndLastFour()
    {
        var number = ResultAssert.Ok(IdentityNumber.TryParse(Example));
        Assert.Equal("110105********002X", number.Masked);
        Assert.Equal(number.Masked, number.ToString());
        Assert.Equal("110105********002X", $"{number}");
    }

    [Fact]
    public void Equality_ByValue() =>
        Assert.Equal(IdentityNumber.TryParse(Example).Value, IdentityNumber.TryParse(Example.ToLowerInvariant()).Value);

    private static char Iso7064Mod112(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = 1;
            for (var k = 0; k < 17 - i; k++)
            {
                weight = weight * 2 % 11;
            }

            sum += (first17[i] - '0') * weight;
        }

        var check = (12 - (sum % 11)) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }
}
