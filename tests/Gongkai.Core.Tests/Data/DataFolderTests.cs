using Gongkai.Core.Data;

namespace Gongkai.Core.Tests.Data;

/// <summary>The one default place of the database, its key and files (issue 11): absolute, whatever the working directory.</summary>
public sealed class DataFolderTests
{
    [Fact]
    public void In_UserDataFolder_GongkaiBelowIt()
    {
        var home = Path.Combine(Path.GetTempPath(), "home", ".local", "share");

        Assert.Equal(Path.Combine(home, "gongkai"), DataFolder.In(home));
    }

    [Fact]
    public void In_RelativeFolder_MadeAbsolute() => Assert.True(Path.IsPathFullyQualified(DataFolder.In("share")));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void In_NoUserDataFolder_ChineseMessageNamingTheWayOut(string folder)
    {
        var thrown = Assert.Throws<InvalidOperationException>(() => DataFolder.In(folder));

        Assert.Contains("--db", thrown.Message, StringComparison.Ordinal);
        Assert.Contains(DatabaseTarget.EnvironmentVariable, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NoSetting_DefaultFileInTheDataFolder()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(DatabaseTarget.EnvironmentVariable)),
            "XDG_DATA_HOME decides the folder on Linux only; GONGKAI_DB would win");

        // The test processes' user data folder is a temporary one (TestDataHome), never the real ~/.local/share.
        var expected = Path.Combine(DataFolder.In(Environment.GetEnvironmentVariable("XDG_DATA_HOME")!), "gongkai.db");
        var target = DatabaseTarget.Resolve(null);

        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        Assert.Equal(expected, target.Display);
        Assert.Equal(DatabaseTarget.DefaultSqlitePath, target.Display);
    }
}
