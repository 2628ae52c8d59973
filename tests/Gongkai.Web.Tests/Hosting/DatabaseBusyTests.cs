using System.Net;
using System.Net.Http.Json;
using Gongkai.Core.Data;
using Gongkai.Domain.Agencies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Hosting;

/// <summary>
/// Issue 16, 11: while another process holds the database's write lock longer than the timeout (an import of 10,000
/// rows, a backup), an online application is answered 503 with Retry-After and the Chinese sentence, on the form and
/// on the API, never 500; nothing of it is stored, and the same submission afterwards is.
/// </summary>
public sealed class DatabaseBusyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submit_WriteLockHeldPastTheTimeout_503RetryAfterChineseOnFormAndApiThenStoredOnceFree()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai_busy_");
        Guid agency;
        await using (var db = database.Open())
        {
            var created = Agency.Create("北京市东城区对外联络服务办公室").Value;
            db.Agencies.Add(created);
            await db.SaveChangesAsync(Ct);
            agency = created.Id;
        }

        await using var factory = new BusyFactory(database.Db);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var api = $"/api/v1/agencies/{agency:D}/applications";
        var json = new { applicantKind = "NaturalPerson", name = "王五", personDocumentNumber = "11010519491231002X", email = "wangwu@example.cn", content = "2025年本区老旧小区改造项目清单" };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/agencies/{agency:D}/apply", UriKind.Relative), Ct)).StatusCode);

        HttpResponseMessage form;
        HttpResponseMessage viaApi;
        await using (var holder = new SqliteConnection(database.Target.ConnectionString))
        {
            // Another process's write transaction, as `gongkai import items` holds it: the file's write lock, kept.
            await holder.OpenAsync(Ct);
            await using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync(Ct);

            // The form and the API at once: each waits for the lock through the site's one writer until the timeout.
            var posting = ApplySite.PostFormRawAsync(client, $"/agencies/{agency:D}/apply", ApplySite.Person());
            var calling = client.PostAsJsonAsync(api, json, Ct);
            form = await posting;
            viaApi = await calling;
            begin.CommandText = "ROLLBACK;";
            await begin.ExecuteNonQueryAsync(Ct);
        }

        var page = await form.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, form.StatusCode);
        Assert.Contains("数据库正忙", page, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseBusy.RetryAfterSeconds), form.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);

        var problem = await viaApi.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, viaApi.StatusCode);
        Assert.Equal("application/problem+json", viaApi.Content.Headers.ContentType?.MediaType);
        Assert.Contains("数据库正忙", problem, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseBusy.RetryAfterSeconds), viaApi.Headers.RetryAfter?.Delta);

        await using (var db = database.Open())
        {
            Assert.Equal(0, await db.Requests.CountAsync(Ct));
        }

        var again = await client.PostAsJsonAsync(api, json, Ct);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    private sealed class BusyFactory(string db) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("db", db);
            builder.UseSetting("urls", "http://127.0.0.1:0");
        }
    }
}
