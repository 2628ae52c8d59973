using Gongkai.Core.Features.Letters;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Letters;
using static Gongkai.Core.Tests.Letters.LetterTestData;

namespace Gongkai.Core.Tests.Letters;

/// <summary>The letters of an application: every one for its agency's staff, those addressed to the applicant for the status page.</summary>
public sealed class ListLettersTests
{
    private static async Task<(Seeded Seeded, IssueLetter.Issued Reply, IssueLetter.Issued Consultation, IssueLetter.Issued Correction)> IssuedAsync(string provider)
    {
        var seeded = await SeedAsync(provider);
        var clock = NewClock();
        await IssueAsync(seeded, clock, Reply(seeded, kind: LetterKind.Receipt));
        clock.Advance(TimeSpan.FromMinutes(1));
        var consultation = await IssueAsync(seeded, clock, Reply(seeded, kind: LetterKind.ThirdPartyConsultation));
        clock.Advance(TimeSpan.FromMinutes(1));
        var reply = await IssueAsync(seeded, clock, Reply(seeded));
        clock.Advance(TimeSpan.FromMinutes(1));
        var correction = await IssueAsync(seeded, clock, Reply(seeded, replaces: reply.Id));
        return (seeded, reply, consultation, correction);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task ForStaff_EveryLetterInOrderWithCorrectionsLinked(string provider)
    {
        var (seeded, reply, _, correction) = await IssuedAsync(provider);
        await using var __ = seeded;
        await using var db = seeded.Open();

        var lines = Ok(await ListLetters.ForStaffAsync(db, seeded.Agency, seeded.Request, Ct)).Value;

        Assert.Equal([LetterKind.Receipt, LetterKind.ThirdPartyConsultation, LetterKind.Reply, LetterKind.Reply], lines.Select(l => l.Kind));
        Assert.Equal("政府信息公开第三方意见征询函", lines[1].Title);
        Assert.Equal((correction.Number, (string?)null), (lines[2].ReplacedByNumber, lines[2].ReplacesNumber));
        Assert.Equal(reply.Number, lines[3].ReplacesNumber);
        Assert.Equal("request.notFound", (await ListLetters.ForStaffAsync(db, Guid.NewGuid(), seeded.Request, Ct)).Problem.Code);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task ForApplicant_OnlyLettersAddressedToThem_WrongCodeNotFound(string provider)
    {
        var (seeded, reply, consultation, _) = await IssuedAsync(provider);
        await using var __ = seeded;
        await using var db = seeded.Open();
        var lookup = new LookupApplication.Request(seeded.Agency, TrackingNumber, Code.ToLowerInvariant());

        var lines = Ok(await ListLetters.ForApplicantAsync(db, lookup, Ct)).Value;
        var wrongCode = await ListLetters.ForApplicantAsync(db, lookup with { QueryCode = "HGFEDCBA" }, Ct);
        var wrongNumber = await ListLetters.ForApplicantAsync(db, lookup with { TrackingNumber = "2026-000013" }, Ct);

        Assert.Equal([LetterKind.Receipt, LetterKind.Reply, LetterKind.Reply], lines.Select(l => l.Kind));
        Assert.Equal(LookupApplication.NotFoundCode, wrongCode.Problem.Code);
        Assert.Equal(LookupApplication.NotFoundCode, wrongNumber.Problem.Code);

        var letter = Ok(await GetLetter.ForApplicantAsync(db, lookup, reply.Id, Ct)).Value;
        Assert.Equal((reply.Number, reply.DocumentSha256, true), (letter.Document.Number, letter.DocumentSha256, letter.HashMatches));
        Assert.Equal(LookupApplication.NotFoundCode, (await GetLetter.ForApplicantAsync(db, lookup, consultation.Id, Ct)).Problem.Code);
        Assert.Equal(LookupApplication.NotFoundCode, (await GetLetter.ForApplicantAsync(db, lookup with { QueryCode = "HGFEDCBA" }, reply.Id, Ct)).Problem.Code);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Providers), MemberType = typeof(TestProviders))]
    public async Task GetLetter_ForStaff_DocumentAsIssuedOtherAgencyNotFound(string provider)
    {
        var (seeded, reply, _, correction) = await IssuedAsync(provider);
        await using var __ = seeded;
        await using var db = seeded.Open();

        var letter = Ok(await GetLetter.ForStaffAsync(db, seeded.Agency, reply.Id, Ct)).Value;

        Assert.Equal(reply.Document, letter.Document with { Paragraphs = reply.Document.Paragraphs });
        Assert.Equal(reply.Document.Paragraphs, letter.Document.Paragraphs);
        Assert.Equal((correction.Number, Issuer, "reply/1"), (letter.ReplacedByNumber, letter.IssuedBy, letter.TemplateVersion));
        Assert.Equal("letter.notFound", (await GetLetter.ForStaffAsync(db, Guid.NewGuid(), reply.Id, Ct)).Problem.Code);
    }
}
