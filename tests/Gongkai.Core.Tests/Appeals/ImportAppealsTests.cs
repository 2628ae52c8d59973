using System.Text;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Appeals;
using Gongkai.Core.Features.Requests;
using Gongkai.Core.Tests.Proactive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Appeals;

public sealed class ImportAppealsTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2021, 1, 5, 1, 0, 0, TimeSpan.Zero));

    /// <summary>Issue 16, 13: a 案号 twice in one file names both rows, in the words of the ledger import (before: only the second row, 案号在文件中重复).</summary>
    [Fact]
    public async Task Import_SameCaseNumberTwiceInOneFile_RefusedNamingBothRowsNothingStored()
    {
        await using var database = await ImportItemsTests.WithAgencyAsync(TestProviders.Sqlite);

        var bytes = Encoding.UTF8.GetBytes("""
            案号,类型,提起日期,结果,结果日期,申请编号,摘要
            东复〔2020〕12号,行政复议,2020-11-02,结果维持,2020-12-20,,对答复不服
            （2021）京0101行初5号,直接起诉,2021-03-01,尚未审结,,,
            东复〔2020〕12号,行政复议,2020-11-05,尚未审结,,,
            """);
        await using (var db = database.Open())
        {
            var result = await ImportAppeals.HandleAsync(db, Clock,
                new ImportAppeals.Request(ImportItemsTests.AgencyName, LedgerFile.Read(bytes, "appeals.csv"), "appeals.csv", ImportRequests.Hash(bytes), "test"),
                TestContext.Current.CancellationToken);
            Assert.Equal(["第4行「案号」：与第2行的案号重复"], result.Value.Errors.Select(e => e.ToString()));
        }

        await using var read = database.Open();
        Assert.Equal(0, await read.Appeals.CountAsync(TestContext.Current.CancellationToken));
    }
}
