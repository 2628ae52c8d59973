using Gongkai.Core.Data.Audit;
using Gongkai.Core.Data.Letters;
using Gongkai.Core.Features.Letters;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Core.Tests.Letters.LetterTestData;

namespace Gongkai.Core.Tests.Letters;

/// <summary>Issuing letters: 文号 per agency, kind and year, gapless; the letter immutable; a correction a new letter.</summary>
public sealed class IssueLetterTests
{
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Issue_TwoReplies_NumberedOneTwoStoredWithHashAndAuditWithoutPersonalData(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        var clock = NewClock();

        var first = await IssueAsync(seeded, clock, Reply(seeded));
        var second = await IssueAsync(seeded, clock, Reply(seeded));

        Assert.Equal(("东外联依申复〔2026〕第1号", 1), (first.Number, first.Serial));
        Assert.Equal(("东外联依申复〔2026〕第2号", 2), (second.Number, second.Serial));
        Assert.Equal(new DateOnly(2026, 12, 4), first.IssuedOn);
        var letters = await LettersAsync(seeded);
        Assert.Equal(2, letters.Count);
        var stored = letters[0];
        Assert.Equal((seeded.Agency, seeded.Request, LetterKind.Reply, 2026, 1), (stored.AgencyId, stored.RequestId, stored.Kind, stored.Year, stored.Serial));
        Assert.Equal((Issuer, "reply/1", clock.GetUtcNow()), (stored.IssuedBy, stored.TemplateVersion, stored.IssuedAt));
        Assert.Equal(LetterJson.Sha256(stored.Document), stored.DocumentSha256);
        Assert.Equal(first.DocumentSha256, stored.DocumentSha256);
        Assert.Equal(first.Number, LetterJson.Document(stored.Document).Number);
        Assert.Contains("王五", stored.Document, StringComparison.Ordinal);
        Assert.DoesNotContain("IssuedOnText", stored.Document, StringComparison.Ordinal);
        Assert.Equal(first.Document.PlainText(), LetterJson.Document(stored.Document).PlainText());
        Assert.Null(stored.DeliveryMethod);

        await using var db = seeded.Open();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Action == IssueLetter.Action).OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(2, entries.Count);
        Assert.Equal((Issuer, nameof(Letter), stored.Id.ToString("D"), seeded.Agency), (entries[0].Actor, entries[0].EntityType, entries[0].EntityId, entries[0].AgencyId));
        Assert.Contains("东外联依申复〔2026〕第1号", entries[0].After, StringComparison.Ordinal);
        Assert.Contains(stored.DocumentSha256, entries[0].After, StringComparison.Ordinal);
        Assert.Contains("政府信息公开申请答复书", entries[0].After, StringComparison.Ordinal);
        Assert.DoesNotContain("王五", entries[0].After, StringComparison.Ordinal);
        Assert.True((await AuditTrail.VerifyAsync(db, Ct)).IsIntact);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Issue_UnknownRequestOrAnotherAgencys_NotFoundNothingStored(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        Guid other;
        await using (var db = seeded.Open())
        {
            var agency = Agency.Create("某区教育委员会").Value;
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(Ct);
            other = agency.Id;
        }

        await using (var db = seeded.Open())
        {
            var unknown = await IssueLetter.HandleAsync(db, NewClock(), Reply(seeded) with { RequestId = Guid.NewGuid() }, Ct);
            var foreign = await IssueLetter.HandleAsync(db, NewClock(), Reply(seeded) with { AgencyId = other }, Ct);
            Assert.Equal(("request.notFound", ProblemKind.NotFound), (unknown.Problem.Code, unknown.Problem.Kind));
            Assert.Equal(("request.notFound", ProblemKind.NotFound), (foreign.Problem.Code, foreign.Problem.Kind));
            Assert.Equal(0, await db.Letters.CountAsync(Ct));
            Assert.Equal(0, await db.LetterSeries.CountAsync(Ct));
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Issue_CompositionRefuses_NoNumberTakenNextLetterGetsOne(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        var refusal = Problem.Invalid("reply.reasonsRequired", "不予公开须说明理由");
        string? offered = null;
        await using (var db = seeded.Open())
        {
            var refused = await IssueLetter.HandleAsync(db, NewClock(), Reply(seeded) with { Compose = (n, _) => { offered = n.ToString(); return refusal; } }, Ct);
            Assert.Equal(refusal, refused.Problem);
        }

        var issued = await IssueAsync(seeded, NewClock(), Reply(seeded));

        Assert.Equal("东外联依申复〔2026〕第1号", offered);
        Assert.Equal("东外联依申复〔2026〕第1号", issued.Number);
        await using var read = seeded.Open();
        Assert.Equal(1, await read.AuditEntries.CountAsync(e => e.Action == IssueLetter.Action, Ct));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Issue_KindsAgenciesAndYears_SeriesOfTheirOwn(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        var clock = NewClock();

        var reply = await IssueAsync(seeded, clock, Reply(seeded));
        var receipt = await IssueAsync(seeded, clock, Reply(seeded, kind: LetterKind.Receipt));
        var extension = await IssueAsync(seeded, clock, Reply(seeded, kind: LetterKind.Extension));

        // 2026-12-31T16:30Z is already 2027-01-01 in China: the new year's series starts at 1.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));
        var nextYear = await IssueAsync(seeded, clock, Reply(seeded));

        Assert.Equal("东外联依申复〔2026〕第1号", reply.Number);
        Assert.Equal("东外联依申收〔2026〕第1号", receipt.Number);
        Assert.Equal("东外联依申延〔2026〕第1号", extension.Number);
        Assert.Equal(("东外联依申复〔2027〕第1号", new DateOnly(2027, 1, 1)), (nextYear.Number, nextYear.IssuedOn));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Correction_NewNumberMarkNamesTheOld_OldRowByteIdentical(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        var clock = NewClock();
        var original = await IssueAsync(seeded, clock, Reply(seeded));
        var before = (await LettersAsync(seeded)).Single();

        clock.Advance(TimeSpan.FromDays(1));
        var correction = await IssueAsync(seeded, clock, Reply(seeded, replaces: original.Id, body: "经检索，你申请获取的政府信息部分公开。"));

        Assert.Equal("东外联依申复〔2026〕第2号", correction.Number);
        Assert.Equal("本文书更正并取代东外联依申复〔2026〕第1号", correction.Document.Mark);
        var letters = await LettersAsync(seeded);
        var old = letters.Single(l => l.Id == original.Id);
        var replacing = letters.Single(l => l.Id == correction.Id);
        Assert.Equal(original.Id, replacing.ReplacesId);
        Assert.Equal(before.Document, old.Document);
        Assert.Equal(before.DocumentSha256, old.DocumentSha256);
        Assert.Equal(before.Number, old.Number);
        Assert.Equal(before.IssuedAt, old.IssuedAt);
        Assert.Null(LetterJson.Document(old.Document).Mark);
        Assert.Contains("部分公开", replacing.Document, StringComparison.Ordinal);

        await using var db = seeded.Open();
        var entry = await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == correction.Id.ToString("D")).SingleAsync(Ct);
        Assert.Contains("\"Replaces\":\"东外联依申复〔2026〕第1号\"", entry.After, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Correction_OfAnotherKindOrTwice_RefusedNoNumberTaken(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        var clock = NewClock();
        var original = await IssueAsync(seeded, clock, Reply(seeded));
        await IssueAsync(seeded, clock, Reply(seeded, replaces: original.Id));

        await using var db = seeded.Open();
        var otherKind = await IssueLetter.HandleAsync(db, clock, Reply(seeded, replaces: original.Id, kind: LetterKind.Receipt), Ct);
        var twice = await IssueLetter.HandleAsync(db, clock, Reply(seeded, replaces: original.Id), Ct);
        var unknown = await IssueLetter.HandleAsync(db, clock, Reply(seeded, replaces: Guid.NewGuid()), Ct);

        Assert.Equal(("letter.replacesOther", ProblemKind.Invalid), (otherKind.Problem.Code, otherKind.Problem.Kind));
        Assert.Equal(("letter.alreadyReplaced", ProblemKind.Conflict), (twice.Problem.Code, twice.Problem.Kind));
        Assert.Equal(("letter.notFound", ProblemKind.NotFound), (unknown.Problem.Code, unknown.Problem.Kind));
        Assert.Equal([1, 2], (await LettersAsync(seeded)).Select(l => l.Serial));
        Assert.Equal(0, await db.LetterSeries.CountAsync(s => s.Kind == LetterKind.Receipt, Ct));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Issue_NoSettingsSaved_DefaultPrefixFromTheAgencysName(string provider)
    {
        await using var seeded = await SeedAsync(provider, withSettings: false);

        var issued = await IssueAsync(seeded, NewClock(), Reply(seeded));

        Assert.Equal("北京依申复〔2026〕第1号", issued.Number);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Issue_PrefixChangedSoANumberRepeats_ConflictNothingStored(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        var clock = NewClock();
        await IssueAsync(seeded, clock, Reply(seeded));

        // 东外联 + 依申复 and 东外联依 + 申复 print alike: the first receipt would carry the first reply's 文号.
        var codes = new Dictionary<LetterKind, string>(LetterSettings.DefaultKindCodes) { [LetterKind.Receipt] = "申复" };
        await using var db = seeded.Open();
        Ok(await SaveLetterSettings.HandleAsync(db, clock, new SaveLetterSettings.Request(seeded.Agency, Settings with { NumberPrefix = "东外联依", KindCodes = codes }, "u-admin"), Ct));
        db.ChangeTracker.Clear();
        var clash = await IssueLetter.HandleAsync(db, clock, Reply(seeded, kind: LetterKind.Receipt), Ct);

        Assert.Equal(("letter.numberTaken", ProblemKind.Conflict), (clash.Problem.Code, clash.Problem.Kind));
        Assert.Contains("东外联依申复〔2026〕第1号", clash.Problem.Message, StringComparison.Ordinal);
        Assert.Single(await LettersAsync(seeded));
        Assert.Equal(0, await db.LetterSeries.CountAsync(s => s.Kind == LetterKind.Receipt, Ct));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task EveryStoredLetter_HashOfItsJson_Matches(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        var clock = NewClock();
        var first = await IssueAsync(seeded, clock, Reply(seeded));
        var supplement = "请补正：所需信息的名称、文号或者便于查询的其他特征性描述。\n第二行“引号”\\反斜杠";
        await IssueAsync(seeded, clock, Reply(seeded, kind: LetterKind.Supplement, body: supplement));
        await IssueAsync(seeded, clock, Reply(seeded, replaces: first.Id));

        await using var db = seeded.Open();
        var letters = await db.Letters.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(3, letters.Count);
        Assert.All(letters, l => Assert.Equal(l.DocumentSha256, LetterJson.Sha256(l.Document)));
        Assert.All(letters, l => Assert.Equal(l.Document, LetterJson.Serialize(LetterJson.Document(l.Document))));
        foreach (var letter in letters)
        {
            Assert.True(Ok(await GetLetter.ForStaffAsync(db, seeded.Agency, letter.Id, Ct)).Value.HashMatches);
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task IssuedLetter_ChangedOrDeleted_RefusedByTheModelAndTheDatabase(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        var issued = await IssueAsync(seeded, NewClock(), Reply(seeded));

        await using (var db = seeded.Open())
        {
            var letter = await db.Letters.SingleAsync(Ct);
            db.Entry(letter).Property(l => l.Document).CurrentValue = letter.Document.Replace("予以公开", "不予公开", StringComparison.Ordinal);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        }

        await using (var db = seeded.Open())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE letters SET document = '{}'", Ct));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE letters SET number = 'x'", Ct));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM letters", Ct));

            // The delivery is the one part that changes.
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("UPDATE letters SET ems_number = '1234567890123'", Ct));
        }

        var stored = (await LettersAsync(seeded)).Single();
        Assert.Equal(issued.DocumentSha256, stored.DocumentSha256);
        Assert.Equal(stored.DocumentSha256, LetterJson.Sha256(stored.Document));
    }
}
