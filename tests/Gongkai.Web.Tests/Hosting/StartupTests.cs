using System.Diagnostics;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Demo;
using Gongkai.Web.Hosting;
using Gongkai.Web.Tests.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Hosting;

/// <summary>The command line of the site: the default address, <c>--demo</c>, <c>--db</c>.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData(new[] { "--demo" }, new[] { "--demo=true" })]
    [InlineData(new[] { "--demo", "--db", "x.db" }, new[] { "--demo=true", "--db", "x.db" })]
    [InlineData(new[] { "--db", "x.db", "--urls", "http://127.0.0.1:6000" }, new[] { "--db", "x.db", "--urls", "http://127.0.0.1:6000" })]
    public void Normalize_BareDemoSwitch_GetsAValueOthersUnchanged(string[] args, string[] expected) =>
        Assert.Equal(expected, SiteArguments.Normalize(args));

    [Theory]
    [InlineData(new string[0], SiteArguments.DefaultAddress)]
    [InlineData(new[] { "--urls", "http://0.0.0.0:8080" }, "http://0.0.0.0:8080")]
    public void UseDefaultAddress_NothingConfigured_LoopbackPort5080(string[] args, string expected)
    {
        var builder = WebApplication.CreateBuilder(args);

        SiteArguments.UseDefaultAddress(builder);

        Assert.Equal(expected, builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public async Task Demo_EmptyDatabase_SeededAndServedThenLeftAlone()
    {
        await using var database = TestDatabase.Unmigrated(TestProviders.Sqlite, "gongkai-web-demo-");
        var file = database.Db;
        await using (var factory = new DemoFactory(file))
        {
            var page = await PageReader.GetAsync(factory.CreateClient(), "/");
            Assert.Contains(SeedDemo.SeedOffice, page.Text, StringComparison.Ordinal);
        }

        int items;
        await using (var db = GongkaiDatabase.Open(database.Target))
        {
            items = await db.Items.CountAsync(TestContext.Current.CancellationToken);
            Assert.True(items > 38);
        }

        // A second start with --demo finds agencies and changes nothing.
        await using (var again = new DemoFactory(file))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await again.CreateClient().GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        }

        await using var check = GongkaiDatabase.Open(database.Target);
        Assert.Equal(items, await check.Items.CountAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// Issue 11: the site started in some folder without <c>--db</c> serves the one default database, the file the CLI
    /// opens from any folder (its test: OutputsAndErrorsTests), and says so at start.
    /// </summary>
    [Fact]
    public async Task Start_NoDbSetting_PrintsTheDefaultDatabaseOfTheCli()
    {
        var dataHome = Directory.CreateTempSubdirectory("gongkai-web-home-").FullName;
        var workingDirectory = Directory.CreateTempSubdirectory("gongkai-web-cwd-").FullName;
        var expected = Path.Combine(DataFolder.In(dataHome), DatabaseTarget.DefaultFileName);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.Environment["XDG_DATA_HOME"] = dataHome;
        start.Environment[DatabaseTarget.EnvironmentVariable] = "";
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Gongkai.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        using var site = Process.Start(start)!;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            string? line;
            do
            {
                line = await site.StandardOutput.ReadLineAsync(timeout.Token);
            }
            while (line is not null && !line.StartsWith("数据库：", StringComparison.Ordinal));

            Assert.Equal($"数据库：{expected}", line);
            Assert.True(File.Exists(expected));
            Assert.Empty(Directory.GetFileSystemEntries(workingDirectory));
        }
        finally
        {
            site.Kill(entireProcessTree: true);
            await site.WaitForExitAsync(TestContext.Current.CancellationToken);
            Directory.Delete(dataHome, recursive: true);
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    private sealed class DemoFactory(string db) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("db", db);
            builder.UseSetting("demo", "true");
            builder.UseSetting("urls", "http://127.0.0.1:0");
        }
    }
}
