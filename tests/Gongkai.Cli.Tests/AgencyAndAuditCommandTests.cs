using System.Globalization;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Cli.Tests;

public sealed class AgencyAndAuditCommandTests
{
    [Fact]
    public async Task Agency_AddDistrictAndDepartment_ListedAsTree()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;

        Assert.Equal(0, CliRunner.Run("agency", "add", "北京市东城区", "--db", db).ExitCode);
        Assert.Equal(0, CliRunner.Run("agency", "add", "北京市东城区对外联络服务办公室", "--parent", "北京市东城区", "--db", db).ExitCode);
        var list = CliRunner.Run("agency", "list", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal("北京市东城区\n  北京市东城区对外联络服务办公室\n", list.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Agency_DuplicateExit4UnknownParentExit3InChinese()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;
        CliRunner.Run("agency", "add", "北京市东城区", "--db", db);

        var again = CliRunner.Run("agency", "add", "北京市东城区", "--db", db);
        var orphan = CliRunner.Run("agency", "add", "某局", "--parent", "不存在的区", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(4, again.ExitCode);
        Assert.Contains("机关「北京市东城区」已存在", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, orphan.ExitCode);
        Assert.Contains("上级机关「不存在的区」不存在", orphan.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_AfterChangesAndAfterTampering_Exit0ThenExit1NamingTheEntry()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;
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

    /// <summary>A change at entry 3 leaves entries 1 and 2 intact: two, not three (the count once included the changed entry).</summary>
    [Fact]
    public async Task AuditVerify_ChangeAtThirdEntry_SaysTwoBeforeItIntact()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;
        AddAgencies(db, 4);
        Execute(db, "DROP TRIGGER audit_entries_no_update; UPDATE audit_entries SET actor = 'someone else' WHERE sequence = 3;");

        var broken = CliRunner.Run("audit", "verify", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("台账在第3条记录处断开：第3条记录的内容已被修改（哈希不符）（此前2条记录完好）", broken.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Issue 16, 14: the last entries deleted after a verify (which wrote a checkpoint) are found by the next.</summary>
    [Fact]
    public async Task AuditVerify_LastEntriesDeletedAfterAVerify_Exit1NamingThem()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;
        AddAgencies(db, 4);
        var first = CliRunner.Run("audit", "verify", "--db", db);
        Execute(db, "DROP TRIGGER audit_entries_no_delete; DELETE FROM audit_entries WHERE sequence >= 3;");

        var second = CliRunner.Run("audit", "verify", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("台账在第3条记录处断开：第3条至第4条记录缺失（已被删除：", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("（此前2条记录完好）", second.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Issue 16, 14: an entry changed and every later hash recomputed with the published algorithm (not the key).</summary>
    [Fact]
    public async Task AuditVerify_ChainRewrittenWithRecomputedHashesAfterAVerify_Exit1()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;
        AddAgencies(db, 4);
        var first = CliRunner.Run("audit", "verify", "--db", db);
        await using (var context = GongkaiDatabase.Open(database.Target))
        {
            var entries = await context.AuditEntries.OrderBy(e => e.Sequence).ToListAsync(TestContext.Current.CancellationToken);
            var previous = entries[1].Hash;
            var sql = new System.Text.StringBuilder("DROP TRIGGER audit_entries_no_update;");
            foreach (var entry in entries.Skip(2))
            {
                context.Entry(entry).Property(e => e.Actor).CurrentValue = "someone else";
                context.Entry(entry).Property(e => e.PreviousHash).CurrentValue = previous;
                previous = AuditTrail.Hash(entry);
                sql.Append(CultureInfo.InvariantCulture,
                    $"UPDATE audit_entries SET actor = 'someone else', previous_hash = '{entry.PreviousHash}', hash = '{previous}' WHERE sequence = {entry.Sequence};");
            }

            Execute(db, sql.ToString());
        }

        var second = CliRunner.Run("audit", "verify", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("台账在第1条记录处断开：第1条至第4条记录已被改写（哈希被重新计算，与", second.Stdout, StringComparison.Ordinal);
    }

    private static void AddAgencies(string db, int count)
    {
        CliRunner.Run("agency", "add", "北京市东城区", "--db", db);
        for (var i = 2; i <= count; i++)
        {
            CliRunner.Run("agency", "add", $"北京市东城区第{i}局", "--parent", "北京市东城区", "--db", db);
        }
    }

    private static void Execute(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
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

public sealed class UsersCommandTests
{
    [Fact]
    public async Task UsersAdd_FirstOversightAndAdmin_PasswordPrintedOnceAndHashedWithRolesAndAuditEntry()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;
        CliRunner.Run("agency", "add", "北京市东城区", "--db", db);

        var added = CliRunner.Run("users", "add", "--agency", "北京市东城区", "--user", "gkb", "--name", "政务公开办", "--roles", "Oversight,AgencyAdmin", "--db", db);

        Assert.Equal(0, added.ExitCode);
        var password = added.Stdout.Split('：')[^1].Trim();
        Assert.Equal(16, password.Length);
        await using (var context = Gongkai.Core.Data.GongkaiDatabase.Open(Gongkai.Core.Data.DatabaseTarget.Resolve(db)))
        {
            var user = await context.Users.SingleAsync(u => u.UserName == "gkb", TestContext.Current.CancellationToken);
            Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<Gongkai.Core.Data.Accounts.StaffUser>().VerifyHashedPassword(user, user.PasswordHash!, password));
            var roles = await (from ur in context.UserRoles join r in context.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name)
                .ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["AgencyAdmin", "Oversight"], roles.Order(StringComparer.Ordinal));
            var entry = await context.AuditEntries.SingleAsync(e => e.Action == "user.created", TestContext.Current.CancellationToken);
            Assert.DoesNotContain(password, entry.After ?? "", StringComparison.Ordinal);
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task UsersAdd_UnknownRoleExit2DuplicateNameExit4UnknownAgencyExit3_InChineseNothingStored()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-cli-");
        var db = database.Db;
        CliRunner.Run("agency", "add", "北京市东城区", "--db", db);
        CliRunner.Run("users", "add", "--agency", "北京市东城区", "--user", "admin", "--name", "管理员", "--roles", "AgencyAdmin", "--db", db);

        var role = CliRunner.Run("users", "add", "--agency", "北京市东城区", "--user", "x", "--name", "某人", "--roles", "Root", "--db", db);
        var duplicate = CliRunner.Run("users", "add", "--agency", "北京市东城区", "--user", "admin", "--name", "某人", "--roles", "Handler", "--db", db);
        var agency = CliRunner.Run("users", "add", "--agency", "不存在的机关", "--user", "y", "--name", "某人", "--roles", "Handler", "--db", db);
        SqliteConnection.ClearAllPools();

        Assert.Equal((2, 4, 3), (role.ExitCode, duplicate.ExitCode, agency.ExitCode));
        Assert.Contains("未知角色「Root」", role.Stderr, StringComparison.Ordinal);
        Assert.Contains("用户名“admin”已被使用", duplicate.Stderr, StringComparison.Ordinal);
        Assert.Contains("机关「不存在的机关」不存在", agency.Stderr, StringComparison.Ordinal);
        using var connection = new SqliteConnection($"Data Source={db}");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM staff_users";
        Assert.Equal(1L, (long)count.ExecuteScalar()!);
    }
}
