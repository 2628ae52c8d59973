using Gongkai.Core.Data.Accounts;

namespace Gongkai.Core.Tests.Accounts;

/// <summary>ASVS 2.1.7 (issue 16, 4): passwords that meet the length and character rules but are common or guessable.</summary>
public sealed class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("Password#2026")]
    [InlineData("P@ssw0rd12345!")]
    [InlineData("Qwerty#123456")]
    [InlineData("Admin@123456")]
    [InlineData("Welcome#2026")]
    [InlineData("Iloveyou#2026")]
    [InlineData("Abc123456789!")]
    [InlineData("Beijing#2026!")]
    public void IsTooCommon_CommonWordWithDecorations_True(string password) =>
        Assert.True(CommonPasswordValidator.IsTooCommon(password, []));

    [Theory]
    [InlineData("Gongkai#Demo2026")]
    [InlineData("Initial#Admin2026")]
    [InlineData("Harbor#Quill-Mosaic84")]
    [InlineData("Xq7#kLm2pR9z")]
    public void IsTooCommon_UncommonPassword_False(string password) =>
        Assert.False(CommonPasswordValidator.IsTooCommon(password, []));

    [Fact]
    public void IsTooCommon_AccountsOwnName_True()
    {
        const string password = "Wangxiaoming#1988";

        Assert.False(CommonPasswordValidator.IsTooCommon(password, []));
        Assert.True(CommonPasswordValidator.IsTooCommon(password, ["wangxiaoming"]));
    }

    [Fact]
    public void NewPassword_Generated_NeverTooCommon()
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.False(CommonPasswordValidator.IsTooCommon(StaffIdentity.NewPassword(), []));
        }
    }
}
