using Gongkai.Core.Data;
using Gongkai.Core.Data.Letters;
using Gongkai.Core.Features.Letters;
using Gongkai.Core.Features.Requests;
using Gongkai.Core.Tests.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Letters;

/// <summary>An agency with saved letter settings and an application with a 查询码; letters composed as the composition would.</summary>
internal static class LetterTestData
{
    public const string AgencyName = "北京市东城区对外联络服务办公室";
    public const string Prefix = "东外联";
    public const string TrackingNumber = "2026-000012";
    public const string Code = "ABCDEFGH";
    public const string Issuer = "u-issuer";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>09:00 on 2026-12-04 in China.</summary>
    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 12, 4, 1, 0, 0, TimeSpan.Zero));

    public static LetterSettings Settings => new()
    {
        NumberPrefix = Prefix,
        KindCodes = new Dictionary<LetterKind, string>(LetterSettings.DefaultKindCodes),
        AgencyKind = AgencyKind.Department,
        ReconsiderationBody = "北京市东城区人民政府",
        Court = "北京市东城区人民法院",
        OfficeName = "北京市东城区对外联络服务办公室",
        OfficeAddress = "北京市东城区某路1号",
        OfficePhone = "010-00000000",
    };

    public sealed record Seeded(TestDatabase Database, Guid Agency, Guid Request) : IAsyncDisposable
    {
        public GongkaiDbContext Open() => Database.Open();

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    public static async Task<Seeded> SeedAsync(string provider, string agencyName = AgencyName, bool withSettings = true)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var agency = Agency.Create(agencyName).Value;
        db.Agencies.Add(agency);
        var request = RequestStorageTests.NewRequest(agency.Id, TrackingNumber, new DateOnly(2026, 12, 1));
        db.Requests.Add(request);
        db.Entry(request).Property(RequestMapping.QueryCodeHash).CurrentValue = QueryCode.Hash(request.Id, Code);
        await db.SaveChangesAsync(Ct);
        if (withSettings)
        {
            Assert.True((await SaveLetterSettings.HandleAsync(db, NewClock(), new SaveLetterSettings.Request(agency.Id, Settings, "u-admin"), Ct)).IsSuccess);
        }

        return new Seeded(database, agency.Id, request.Id);
    }

    /// <summary>Another application of the agency.</summary>
    public static async Task<Guid> AddRequestAsync(Seeded seeded, string trackingNumber)
    {
        await using var db = seeded.Open();
        var request = RequestStorageTests.NewRequest(seeded.Agency, trackingNumber, new DateOnly(2026, 12, 1));
        db.Requests.Add(request);
        await db.SaveChangesAsync(Ct);
        return request.Id;
    }

    public static IssueLetter.Compose Composer(string body = "经检索，你申请获取的政府信息予以公开。") =>
        (number, issuedOn) => new LetterDocument(
            LetterKindNames.Title(LetterKind.Reply), number.ToString(), "王五：", ["我机关于2026年12月1日收到您提出的政府信息公开申请（申请编号2026-000012）。", body], AgencyName,
            issuedOn);

    public static IssueLetter.Request Reply(Seeded seeded, Guid? replaces = null, LetterKind kind = LetterKind.Reply, string body = "经检索，你申请获取的政府信息予以公开。") =>
        new(seeded.Agency, seeded.Request, kind, Issuer, Composer(body), replaces, "reply/1");

    public static async Task<IssueLetter.Issued> IssueAsync(Seeded seeded, TimeProvider clock, IssueLetter.Request request)
    {
        await using var db = seeded.Open();
        var issued = await IssueLetter.HandleAsync(db, clock, request, Ct);
        Assert.True(issued.IsSuccess, issued.IsSuccess ? "" : issued.Problem.ToString());
        return issued.Value;
    }

    public static async Task<List<Letter>> LettersAsync(Seeded seeded)
    {
        await using var db = seeded.Open();
        return await db.Letters.AsNoTracking().OrderBy(l => l.Kind).ThenBy(l => l.Serial).ToListAsync(Ct);
    }

    public static Result<T> Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, result.IsSuccess ? "" : result.Problem.ToString());
        return result;
    }
}
