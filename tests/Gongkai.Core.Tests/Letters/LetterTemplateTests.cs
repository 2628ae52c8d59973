using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Data.Letters;
using Gongkai.Core.Features.Letters;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Core.Tests.Letters.LetterTestData;

namespace Gongkai.Core.Tests.Letters;

/// <summary>An agency's own letter templates: saved as versions, refused naming the field, reset, its own only, used by the letters.</summary>
public sealed class LetterTemplateTests
{
    private const string Admin = "u-admin";

    private static readonly string ReceiptText = LetterTemplates.DefaultText(LetterKind.Receipt);

    /// <summary>The built-in receipt with its last sentence in the agency's words.</summary>
    private static readonly string OwnReceipt = ReceiptText.Replace("请妥善保存本回执。", "请妥善保管本回执，遗失不补。", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Save_TwiceThenSame_VersionsOneTwoKeptLatestInForceAudited(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        var clock = NewClock();
        await using var db = seeded.Open();

        var first = Ok(await SaveAsync(db, clock, seeded.Agency, LetterKind.Receipt, OwnReceipt));
        clock.Advance(TimeSpan.FromHours(1));
        var reworded = OwnReceipt.Replace("遗失不补", "遗失可凭查询码查询", StringComparison.Ordinal);
        var second = Ok(await SaveAsync(db, clock, seeded.Agency, LetterKind.Receipt, reworded.Replace("\n", "\r\n", StringComparison.Ordinal)));
        var same = Ok(await SaveAsync(db, clock, seeded.Agency, LetterKind.Receipt, reworded));

        Assert.Equal((1, true), (first.Value.Version, first.Value.Added));
        Assert.Equal((2, true), (second.Value.Version, second.Value.Added));
        Assert.Equal((2, false), (same.Value.Version, same.Value.Added));
        var rows = await db.LetterTemplates.AsNoTracking().OrderBy(t => t.Version).ToListAsync(Ct);
        Assert.Equal([1, 2], rows.Select(r => r.Version));
        Assert.Contains("遗失不补", rows[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", rows[1].Text, StringComparison.Ordinal);
        Assert.Equal((Admin, clock.GetUtcNow()), (rows[1].SavedBy, rows[1].SavedAt));
        var inForce = await AgencyLetterTemplates.InForceAsync(db, seeded.Agency, LetterKind.Receipt, Ct);
        Assert.Equal(2, inForce.Version);
        Assert.Contains(inForce.Sections[LetterFields.BodySection], p => p.StartsWith("请妥善保管本回执，遗失可凭查询码查询。", StringComparison.Ordinal));
        Assert.Equal("本机关第2版", AgencyLetterTemplates.VersionLabel(inForce));
        Assert.Same(LetterTemplates.Default(LetterKind.Reply), await AgencyLetterTemplates.InForceAsync(db, seeded.Agency, LetterKind.Reply, Ct));

        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Action == SaveLetterTemplate.Action).OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(2, entries.Count);
        Assert.Equal((Admin, "LetterTemplate", "Receipt/2", seeded.Agency), (entries[1].Actor, entries[1].EntityType, entries[1].EntityId, entries[1].AgencyId));
        Assert.Null(entries[0].Before);
        Assert.Contains("本机关第1版", entries[1].Before, StringComparison.Ordinal);
        Assert.Contains("本机关第2版", entries[1].After, StringComparison.Ordinal);
        Assert.Contains(LetterJson.Sha256(rows[1].Text!), entries[1].After, StringComparison.Ordinal);
        Assert.True((await AuditTrail.VerifyAsync(db, Ct)).IsIntact);
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "required field removed", "letterTemplate.fieldMissing", "{申请编号}" },
        { "unknown field", "letterTemplate.unknownField", "{身份证号码}" },
        { "reply's section removed", "letterTemplate.sectionMissing", "[不予公开（属于国家秘密）]" },
        { "empty", "letterTemplate.empty", "恢复内置模板" },
        { "too long", "letterTemplate.tooLong", "20000" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Save_BadText_RefusedInChineseNamingItNothingStored(string wrong, string code, string named)
    {
        await using var seeded = await SeedAsync(TestProviders.Sqlite);
        var (kind, text) = wrong switch
        {
            "required field removed" => (LetterKind.Receipt, ReceiptText.Replace("（申请编号{申请编号}）", "", StringComparison.Ordinal)),
            "unknown field" => (LetterKind.Receipt, ReceiptText.Replace("请妥善保存本回执。", "请妥善保存本回执。{身份证号码}", StringComparison.Ordinal)),
            "reply's section removed" => (LetterKind.Reply, WithoutSection(LetterTemplates.DefaultText(LetterKind.Reply), "[不予公开（属于国家秘密）]")),
            "empty" => (LetterKind.Receipt, " \r\n "),
            "too long" => (LetterKind.Receipt, ReceiptText + "\n" + new string('文', SaveLetterTemplate.MaxTextLength)),
            _ => throw new ArgumentOutOfRangeException(nameof(wrong)),
        };
        await using var db = seeded.Open();

        var refused = await SaveAsync(db, NewClock(), seeded.Agency, kind, text);

        Assert.Equal((code, ProblemKind.Invalid), (refused.Problem.Code, refused.Problem.Kind));
        Assert.Contains(named, refused.Problem.Message, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", refused.Problem.Message);
        Assert.Equal(0, await db.LetterTemplates.CountAsync(Ct));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == SaveLetterTemplate.Action, Ct));
        Assert.Same(LetterTemplates.Default(kind), await AgencyLetterTemplates.InForceAsync(db, seeded.Agency, kind, Ct));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Reset_AfterASave_VersionWithoutTextBuiltInInForceAgainHistoryKept(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        var clock = NewClock();
        await using var db = seeded.Open();
        Assert.False(Ok(await ResetAsync(db, clock, seeded.Agency, LetterKind.Receipt)).Value);
        Ok(await SaveAsync(db, clock, seeded.Agency, LetterKind.Receipt, OwnReceipt));

        var reset = Ok(await ResetAsync(db, clock, seeded.Agency, LetterKind.Receipt));
        var again = Ok(await ResetAsync(db, clock, seeded.Agency, LetterKind.Receipt));

        Assert.Equal((true, false), (reset.Value, again.Value));
        var rows = await db.LetterTemplates.AsNoTracking().OrderBy(t => t.Version).ToListAsync(Ct);
        Assert.Equal([(1, true), (2, false)], rows.Select(r => (r.Version, r.Text is not null)));
        Assert.Same(LetterTemplates.Default(LetterKind.Receipt), await AgencyLetterTemplates.InForceAsync(db, seeded.Agency, LetterKind.Receipt, Ct));
        var page = Ok(await GetLetterTemplates.HandleAsync(db, seeded.Agency, Ct)).Value.Single(k => k.Kind == LetterKind.Receipt);
        Assert.Equal((true, 2, "内置模板第1版"), (page.IsBuiltIn, page.LastVersion, page.VersionInForce));
        Assert.Equal(ReceiptText, page.TextInForce);
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == ResetLetterTemplate.Action, Ct);
        Assert.Contains("内置模板（第1版）", entry.After, StringComparison.Ordinal);

        // Saved after the reset: the next number, never a reused one.
        Assert.Equal(3, Ok(await SaveAsync(db, clock, seeded.Agency, LetterKind.Receipt, OwnReceipt)).Value.Version);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Versions_ChangedOrDeletedByHand_RefusedByTheDatabase(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        await using var db = seeded.Open();
        Ok(await SaveAsync(db, NewClock(), seeded.Agency, LetterKind.Receipt, OwnReceipt));

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE letter_templates SET text = 'x'", Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM letter_templates", Ct));

        Assert.Contains("遗失不补", (await db.LetterTemplates.AsNoTracking().SingleAsync(Ct)).Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task OtherAgency_SeesAndChangesOnlyItsOwn(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        var clock = NewClock();
        Guid other;
        await using (var setup = seeded.Open())
        {
            var agency = Agency.Create("北京市东城区教育委员会").Value;
            setup.Agencies.Add(agency);
            await setup.SaveChangesAsync(Ct);
            other = agency.Id;
        }

        await using var db = seeded.Open();
        Ok(await SaveAsync(db, clock, seeded.Agency, LetterKind.Receipt, OwnReceipt));

        var theirs = Ok(await GetLetterTemplates.HandleAsync(db, other, Ct)).Value.Single(k => k.Kind == LetterKind.Receipt);
        Assert.Equal((true, 0, ReceiptText), (theirs.IsBuiltIn, theirs.LastVersion, theirs.TextInForce));
        Assert.Same(LetterTemplates.Default(LetterKind.Receipt), await AgencyLetterTemplates.InForceAsync(db, other, LetterKind.Receipt, Ct));

        // The other agency's reset and save are its own: the first agency's version stays in force.
        Assert.False(Ok(await ResetAsync(db, clock, other, LetterKind.Receipt)).Value);
        Ok(await SaveAsync(db, clock, other, LetterKind.Receipt, ReceiptText.Replace("请妥善保存本回执。", "本回执请留存。", StringComparison.Ordinal)));
        var ours = Ok(await GetLetterTemplates.HandleAsync(db, seeded.Agency, Ct)).Value.Single(k => k.Kind == LetterKind.Receipt);
        Assert.Equal((1, "本机关第1版", OwnReceipt.Trim()), (ours.AgencyVersion, ours.VersionInForce, ours.TextInForce));
        Assert.Equal((Admin, clock.GetUtcNow()), (ours.ChangedBy, ours.ChangedAt));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task IssueRequestLetter_AgencyWording_LetterUsesItRecordsItsVersionBuiltInAfterReset(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        var clock = NewClock();
        await ReplyDisclosedAsync(seeded);
        var reply = LetterTemplates.DefaultText(LetterKind.Reply);
        var own = reply.Replace("经审查，现答复如下：", "经本机关认真审查，特此答复：", StringComparison.Ordinal);
        await using (var db = seeded.Open())
        {
            Ok(await SaveAsync(db, clock, seeded.Agency, LetterKind.Reply, reply.Replace("经审查，现答复如下：", "经审查，答复如下：", StringComparison.Ordinal)));
            Ok(await SaveAsync(db, clock, seeded.Agency, LetterKind.Reply, own));
        }

        var withOwn = await IssueReplyAsync(seeded, clock);
        await using (var db = seeded.Open())
        {
            Ok(await ResetAsync(db, clock, seeded.Agency, LetterKind.Reply));
        }

        var withBuiltIn = await IssueReplyAsync(seeded, clock);

        Assert.Contains("经本机关认真审查，特此答复：", withOwn.Document.PlainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("现答复如下", withOwn.Document.PlainText(), StringComparison.Ordinal);
        Assert.Contains("经审查，现答复如下：", withBuiltIn.Document.PlainText(), StringComparison.Ordinal);
        var letters = await LettersAsync(seeded);
        Assert.Equal(["本机关第2版", "1"], letters.Select(l => l.TemplateVersion));
        Assert.Equal(2, LetterJson.Document(letters[0].Document).TemplateVersion);
    }

    [Fact]
    public async Task InForce_SavedTextNoLongerPasses_BuiltInServesPageNamesTheField()
    {
        await using var seeded = await SeedAsync(TestProviders.Sqlite);
        await using var db = seeded.Open();
        // As if a later release had made {申请编号} required after the agency saved a text without it.
        db.LetterTemplates.Add(new LetterTemplateVersion
        {
            AgencyId = seeded.Agency,
            Kind = LetterKind.Receipt,
            Version = 1,
            SavedAt = NewClock().GetUtcNow(),
            SavedBy = Admin,
            Text = ReceiptText.Replace("（申请编号{申请编号}）", "", StringComparison.Ordinal),
        });
        await db.SaveChangesAsync(Ct);

        var inForce = await AgencyLetterTemplates.InForceAsync(db, seeded.Agency, LetterKind.Receipt, Ct);
        var page = Ok(await GetLetterTemplates.HandleAsync(db, seeded.Agency, Ct)).Value.Single(k => k.Kind == LetterKind.Receipt);

        Assert.Same(LetterTemplates.Default(LetterKind.Receipt), inForce);
        Assert.Equal((true, 1, ReceiptText), (page.IsBuiltIn, page.LastVersion, page.TextInForce));
        Assert.Contains("{申请编号}", page.Stale, StringComparison.Ordinal);
        Assert.DoesNotContain("{申请编号}", page.TextToEdit, StringComparison.Ordinal);
        Assert.True(Ok(await ResetAsync(db, NewClock(), seeded.Agency, LetterKind.Receipt)).Value);
        Assert.Null(Ok(await GetLetterTemplates.HandleAsync(db, seeded.Agency, Ct)).Value.Single(k => k.Kind == LetterKind.Receipt).Stale);
    }

    private static Task<Result<SaveLetterTemplate.Saved>> SaveAsync(GongkaiDbContext db, TimeProvider clock, Guid agency, LetterKind kind, string text) =>
        SaveLetterTemplate.HandleAsync(db, clock, new SaveLetterTemplate.Request(agency, kind, text, Admin), Ct);

    private static Task<Result<bool>> ResetAsync(GongkaiDbContext db, TimeProvider clock, Guid agency, LetterKind kind) =>
        ResetLetterTemplate.HandleAsync(db, clock, new ResetLetterTemplate.Request(agency, kind, Admin), Ct);

    /// <summary>The text without the section named <paramref name="header"/> (its header and lines up to the next section).</summary>
    private static string WithoutSection(string text, string header)
    {
        var lines = text.Split('\n').ToList();
        var start = lines.FindIndex(l => l.Trim() == header);
        var end = lines.FindIndex(start + 1, l => l.TrimStart().StartsWith('['));
        lines.RemoveRange(start, (end < 0 ? lines.Count : end) - start);
        return string.Join('\n', lines);
    }

    /// <summary>The seeded application processed and replied 予以公开 with how to obtain it.</summary>
    private static async Task ReplyDisclosedAsync(Seeded seeded)
    {
        await using var db = seeded.Open();
        var request = await db.Requests.SingleAsync(r => r.Id == seeded.Request, Ct);
        var staff = new Actor("u-handler", "李四", ActorRole.Staff);
        var at = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.True(request.Apply(new StartProcessing(staff, new DateOnly(2026, 12, 2), at), WorkCalendar.Official).IsSuccess);
        Assert.True(request.Apply(new Reply(staff, new DateOnly(2026, 12, 3), at.AddDays(1), ReplyOutcome.Disclosed(),
            new ReplyParticulars { ObtainFrom = "随本答复书提供电子文本" }), WorkCalendar.Official).IsSuccess);
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<IssueLetter.Issued> IssueReplyAsync(Seeded seeded, TimeProvider clock)
    {
        await using var db = seeded.Open();
        return Ok(await IssueRequestLetter.HandleAsync(db, clock, new IssueRequestLetter.Request(seeded.Agency, seeded.Request, LetterKind.Reply, Issuer), Ct)).Value;
    }
}
