using Gongkai.Core.Features.Letters;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Core.Tests.Letters.LetterTestData;

namespace Gongkai.Core.Tests.Letters;

/// <summary>An agency's letter settings: the default, the checks, the 台账, and the 文号 they make.</summary>
public sealed class LetterSettingsTests
{
    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Get_NothingSaved_DefaultFromTheAgencysName(string provider)
    {
        await using var seeded = await SeedAsync(provider, withSettings: false);
        await using var db = seeded.Open();

        var found = Ok(await GetLetterSettings.HandleAsync(db, seeded.Agency, Ct)).Value;

        Assert.True(found.IsDefault);
        Assert.Equal("北京", found.Settings.NumberPrefix);
        Assert.Equal("依申复", found.Settings.KindCodes[LetterKind.Reply]);
        Assert.Equal(AgencyKind.Department, found.Settings.AgencyKind);
        Assert.Equal("", found.Settings.ReconsiderationBody);
        Assert.Equal(AgencyName, found.Settings.AgencyName);
        Assert.Equal(AgencyProblemsCode, (await GetLetterSettings.HandleAsync(db, Guid.NewGuid(), Ct)).Problem.Code);
    }

    private const string AgencyProblemsCode = "agency.notFound";

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task Save_ThenChange_StoredTrimmedAuditedBeforeAndAfterNewNumbersUseThem(string provider)
    {
        await using var seeded = await SeedAsync(provider);
        var clock = NewClock();
        await IssueAsync(seeded, clock, Reply(seeded));
        var codes = new Dictionary<LetterKind, string>(LetterSettings.DefaultKindCodes) { [LetterKind.Reply] = " 公开复 " };

        await using (var db = seeded.Open())
        {
            Ok(await SaveLetterSettings.HandleAsync(db, clock, new SaveLetterSettings.Request(seeded.Agency, Settings with { NumberPrefix = " 东联办 ", KindCodes = codes }, "u-admin"), Ct));
        }

        var second = await IssueAsync(seeded, clock, Reply(seeded));

        Assert.Equal("东联办公开复〔2026〕第2号", second.Number);
        await using var read = seeded.Open();
        var found = Ok(await GetLetterSettings.HandleAsync(read, seeded.Agency, Ct)).Value;
        Assert.False(found.IsDefault);
        Assert.Equal(("东联办", "公开复", "u-admin"), (found.Settings.NumberPrefix, found.Settings.KindCodes[LetterKind.Reply], found.UpdatedBy));
        var entries = await read.AuditEntries.AsNoTracking().Where(e => e.Action == SaveLetterSettings.Action).OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(2, entries.Count);
        Assert.Null(entries[0].Before);
        Assert.Contains("\"NumberPrefix\":\"东外联\"", entries[1].Before, StringComparison.Ordinal);
        Assert.Contains("\"NumberPrefix\":\"东联办\"", entries[1].After, StringComparison.Ordinal);
        Assert.Contains("\"AgencyKind\":\"Department\"", entries[1].After, StringComparison.Ordinal);
        Assert.Contains("\"AgencyName\":\"\"", entries[1].After, StringComparison.Ordinal);
        Assert.Equal(AgencyName, found.Settings.AgencyName);

        // The letter issued before keeps its number and text.
        Assert.Equal("东外联依申复〔2026〕第1号", (await LettersAsync(seeded)).Single(l => l.Serial == 1).Number);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "prefix", "letterSettings.required" },
        { "prefix〔", "letterSettings.badCharacter" },
        { "prefix with a digit", "letterSettings.badCharacter" },
        { "code第", "letterSettings.badCharacter" },
        { "long prefix", "letterSettings.tooLong" },
        { "empty code", "letterSettings.required" },
        { "code〕", "letterSettings.badCharacter" },
        { "same codes", "letterSettings.kindCodeRepeated" },
        { "body", "letterSettings.required" },
        { "court", "letterSettings.required" },
        { "justice without alternative", "letterSettings.required" },
        { "agency kind", "letterSettings.agencyKind" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Save_WrongField_RefusedWithItsNameNothingStored(string wrong, string code)
    {
        await using var seeded = await SeedAsync(TestProviders.Sqlite, withSettings: false);
        var codes = new Dictionary<LetterKind, string>(LetterSettings.DefaultKindCodes);
        var settings = wrong switch
        {
            "prefix" => Settings with { NumberPrefix = "  " },
            "prefix〔" => Settings with { NumberPrefix = "东〔外联" },
            "prefix with a digit" => Settings with { NumberPrefix = "东外联2" },
            "code第" => Settings with { KindCodes = new Dictionary<LetterKind, string>(codes) { [LetterKind.Reply] = "复第" } },
            "long prefix" => Settings with { NumberPrefix = new string('东', SaveLetterSettings.MaxPrefixLength + 1) },
            "empty code" => Settings with { KindCodes = new Dictionary<LetterKind, string>(codes) { [LetterKind.Extension] = "" } },
            "code〕" => Settings with { KindCodes = new Dictionary<LetterKind, string>(codes) { [LetterKind.Extension] = "延〕" } },
            "same codes" => Settings with { KindCodes = new Dictionary<LetterKind, string>(codes) { [LetterKind.Extension] = "依申复" } },
            "body" => Settings with { ReconsiderationBody = "" },
            "court" => Settings with { Court = " " },
            "justice without alternative" => Settings with { AgencyKind = AgencyKind.JusticeAdministration },
            "agency kind" => Settings with { AgencyKind = (AgencyKind)99 },
            _ => throw new ArgumentOutOfRangeException(nameof(wrong)),
        };
        await using var db = seeded.Open();

        var refused = await SaveLetterSettings.HandleAsync(db, NewClock(), new SaveLetterSettings.Request(seeded.Agency, settings, "u-admin"), Ct);

        Assert.Equal((code, ProblemKind.Invalid), (refused.Problem.Code, refused.Problem.Kind));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", refused.Problem.Message);
        Assert.Equal(0, await db.LetterSettings.CountAsync(Ct));
        Assert.Equal(0, await db.AuditEntries.CountAsync(Ct));
    }

    [Fact]
    public void DefaultPrefix_FirstCharactersOfTheName() =>
        Assert.Equal(("北京", "某区"), (GetLetterSettings.DefaultPrefix("北京市东城区对外联络服务办公室"), GetLetterSettings.DefaultPrefix(" 某区教育局")));
}
