using Gongkai.Domain.Letters;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Letters;

public sealed class LetterNumberTests
{
    private static readonly LetterSettings Settings = LetterScenario.Settings;

    [Fact]
    public void Format_PrefixCodeYearAndN() =>
        Assert.Equal("东外联依申复〔2026〕第3号", Ok(LetterNumber.For(Settings, LetterKind.Reply, 2026, 3)).ToString());

    [Fact]
    public void Format_AgencyCodeOverridesTheDefault()
    {
        var settings = Settings with { KindCodes = new Dictionary<LetterKind, string> { [LetterKind.Reply] = "公开答" } };

        Assert.Equal("东外联公开答〔2026〕第12号", Ok(LetterNumber.For(settings, LetterKind.Reply, 2026, 12)).ToString());
        Assert.Equal("东外联依申补〔2026〕第1号", Ok(LetterNumber.For(settings, LetterKind.Supplement, 2026, 1)).ToString());
    }

    [Fact]
    public void Parse_EveryKind_RoundTrips()
    {
        foreach (var kind in Enum.GetValues<LetterKind>())
        {
            var number = Ok(LetterNumber.For(Settings, kind, 2026, 117));
            var parsed = Ok(LetterNumber.Parse(number.ToString(), Settings));

            Assert.Equal(number, parsed);
            Assert.Equal(kind, parsed.Kind);
            Assert.Equal(117, parsed.Sequence);
        }
    }

    [Theory]
    [InlineData("东外联依申复[2026]第3号")]
    [InlineData("东外联依申复［2026］第3号")]
    [InlineData(" 东外联依申复〔2026〕第3号 ")]
    public void Parse_HandTypedBrackets_Accepted(string text) =>
        Assert.Equal("东外联依申复〔2026〕第3号", Ok(LetterNumber.Parse(text, Settings)).ToString());

    [Theory]
    [InlineData("东外联依申复〔2026〕3号", "letterNumber.format")]
    [InlineData("东外联依申复〔26〕第3号", "letterNumber.format")]
    [InlineData("东外联依申复〔2026〕第号", "letterNumber.format")]
    [InlineData("东外联依申复〔2026〕第-3号", "letterNumber.format")]
    [InlineData("东外联依申复〔2026〕第0号", "letterNumber.sequence")]
    [InlineData("西外联依申复〔2026〕第3号", "letterNumber.prefix")]
    [InlineData("东外联依申答〔2026〕第3号", "letterNumber.kindCode")]
    [InlineData("", "letterNumber.format")]
    public void Parse_Malformed_Refused(string text, string code) => Fails(LetterNumber.Parse(text, Settings), code);

    [Fact]
    public void For_InvalidInputs_Refused()
    {
        Fails(LetterNumber.For(Settings with { NumberPrefix = " " }, LetterKind.Reply, 2026, 1), "letterNumber.prefix");
        Fails(LetterNumber.For(Settings with { NumberPrefix = "东〔外〕" }, LetterKind.Reply, 2026, 1), "letterNumber.reserved");
        Fails(LetterNumber.For(Settings, LetterKind.Reply, 2026, 0), "letterNumber.sequence");
        Fails(LetterNumber.For(Settings, LetterKind.Reply, 99, 1), "letterNumber.year");
        Fails(LetterNumber.For(Settings, (LetterKind)99, 2026, 1), "letterNumber.kind");
    }
}
