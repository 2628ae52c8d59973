using Microsoft.Data.Sqlite;

namespace Gongkai.Cli.Tests;

public sealed class AgencyAndAuditCommandTests
{
    [Fact]
    public void Agency_AddDistrictAndDepartment_ListedAsTree()
    {
        using var folder = new CliRunner.TempFolder();
        var db = Path.Combine(folder.Path, "g.db");

        Assert.Equal(0, CliRunner.Run("agency", "add", "北京市东城区", "--db", db).ExitCode);
        Assert.Equal(0, CliRunner.Run("agency", "add", "北京市东城区对外联络服务办公室", "--parent", "北京市东城区", "--db", db).ExitCode);
        var list = CliRunner.Run("agency", "list", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal("北京市东城区\n  北京市东城区对外联络服务办公室\n", list.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Agency_Duplicate_Exit1InChinese()
    {
        using var folder = new CliRunner.TempFolder();
        var db = Path.Combine(folder.Path, "g.db");
        CliRunner.Run("agency", "add", "北京市东城区", "--db", db);

        var again = CliRunner.Run("agency", "add", "北京市东城区", "--db", db);
        var orphan = CliRunner.Run("agency", "add", "某局", "--parent", "不存在的区", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("机关「北京市东城区」已存在", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, orphan.ExitCode);
        Assert.Contains("上级机关「不存在的区」不存在", orphan.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditVerify_AfterChangesAndAfterTampering_Exit0ThenExit1NamingTheEntry()
    {
        using var folder = new CliRunner.TempFolder();
        var db = Path.Combine(folder.Path, "g.db");
        CliRunner.Run("agency", "add", "北京市东城区", "--db", db);
        CliRunner.Run("agency", "add", "北京市东城区教育委员会", "--parent", "北京市东城区", "--db", db);
        CliRunner.Run("agency", "add", "北京市东城区财政局", "--parent", "北京市东城区", "--db", db);

        var intact = CliRunner.Run("audit", "verify", "--db", db);
        using (var connection = new SqliteConnection($"Data Source={db}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER audit_entries_no_update; UPDATE audit_entries SET actor = 'someone else' WHERE sequence = 2;";
            command.ExecuteNonQuery();
        }

        var broken = CliRunner.Run("audit", "verify", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("台账完整：共3条记录", intact.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("台账在第2条记录处断开：第2条记录的内容已被修改（哈希不符）", broken.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Db_Unreachable_Exit2WithoutStackTrace()
    {
        var result = CliRunner.Run("agency", "list", "--db", "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=2");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("无法打开数据库 postgresql://127.0.0.1:1/x", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}
