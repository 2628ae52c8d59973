using Gongkai.Core.Data.Letters;
using Gongkai.Core.Features.Agencies;
using Gongkai.Core.Features.Calendar;
using Gongkai.Core.Features.Letters;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Cli.Tests;

/// <summary>
/// <c>gongkai letters list</c> and <c>gongkai letters render</c> (issue 14, item 8) on a real SQLite file: letters
/// issued through the procedure, printed as stored; the seed's 2020 reply, closed before letters existed, rebuilt from
/// its records; every refusal in Chinese with nothing written.
/// </summary>
public sealed class LettersCommandTests
{
    private const string Office = "北京市东城区对外联络服务办公室";
    private const string Open = "2026-000012";
    private const string Seed = "2020-001";
    private const string Court = "北京市东城区人民法院";

    private const string Ledger = """
        申请编号,收到日期,申请方式,申请人类型,申请人,证件号码,申请内容,办理结果,答复日期
        2020-001,2020-09-24,网上申请,自然人,王五,11010519491231002X,北京市东城区对外联络服务办公室2020年部门预算的相关信息,予以公开,2020-10-20
        2026-000012,2026-11-20,当面,自然人,张三,,2026年东城区外事接待经费预算及执行情况,,
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LetterSettings Settings(string court = Court) => new()
    {
        NumberPrefix = "东外联",
        KindCodes = new Dictionary<LetterKind, string>(LetterSettings.DefaultKindCodes),
        AgencyKind = AgencyKind.Department,
        ReconsiderationBody = "北京市东城区人民政府",
        Court = court,
        OfficeName = "北京市东城区对外联络服务办公室综合科",
        OfficeAddress = "北京市东城区某路1号",
        OfficePhone = "010-00000000",
    };

    /// <summary>The office with the seed's closed 2020 case and an open 2026 application, imported through the CLI; its letter settings saved unless not asked.</summary>
    private static async Task<(TestDatabase Database, Guid Agency)> SeedAsync(bool withSettings = true)
    {
        var database = await TestDatabase.CreateAsync(TestProviders.Sqlite, "gongkai-letters-");
        using var folder = new TempFolder("gongkai-letters-");
        var ledger = Path.Combine(folder.Path, "台账.csv");
        await File.WriteAllTextAsync(ledger, Ledger, Ct);
        Assert.Equal(0, CliRunner.Run("agency", "add", Office, "--db", database.Db).ExitCode);
        var imported = CliRunner.Run("import", "requests", ledger, "--agency", Office, "--db", database.Db);
        Assert.True(imported.ExitCode == 0, imported.Stderr);

        await using var db = database.Open();
        var agency = (await FindAgency.ByNameAsync(db, Office, Ct)).Value.Id;
        if (withSettings)
        {
            Assert.True((await SaveLetterSettings.HandleAsync(db, new FakeTimeProvider(), new SaveLetterSettings.Request(agency, Settings(), "u-admin"), Ct)).IsSuccess);
        }

        return (database, agency);
    }

    /// <summary>On the open application: the receipt (signed for in person), then — processed and replied 予以公开 — the reply and a correction of it.</summary>
    private static async Task<(IssueLetter.Issued Receipt, IssueLetter.Issued Reply, IssueLetter.Issued Correction)> IssueAsync(TestDatabase database, Guid agency)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 1, 0, 0, TimeSpan.Zero));
        await using var db = database.Open();
        var requestId = await db.Requests.Where(r => r.TrackingNumber == Open).Select(r => r.Id).SingleAsync(Ct);
        var calendar = (await CalendarSource.LoadAsync(db, Ct)).Value;
        var actor = new Actor("u-clerk", "经办人", ActorRole.Staff);
        var number = TrackingNumber.TryParse(Open).Value;

        async Task<IssueLetter.Issued> Issue(LetterKind kind, Guid? replaces = null)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            var issued = await IssueRequestLetter.HandleAsync(db, clock, new IssueRequestLetter.Request(agency, requestId, kind, "u-clerk", Replaces: replaces), Ct);
            Assert.True(issued.IsSuccess, issued.IsSuccess ? "" : issued.Problem.ToString());
            return issued.Value;
        }

        async Task Step(RequestTrigger trigger, TakeStep.Fields fields)
        {
            var taken = await TakeStep.HandleAsync(db, clock, calendar, new TakeStep.Request(agency, null, number, trigger, fields, actor), Ct);
            Assert.True(taken.IsSuccess, taken.IsSuccess ? "" : taken.Problem.ToString());
        }

        var receipt = await Issue(LetterKind.Receipt);
        var delivered = await RecordDelivery.HandleAsync(db, clock, new RecordDelivery.Request(agency, receipt.Id, DeliveryMethod.InPerson, "u-clerk", new DateOnly(2026, 12, 4)), Ct);
        Assert.True(delivered.IsSuccess);
        await Step(RequestTrigger.StartProcessing, new TakeStep.Fields());
        await Step(RequestTrigger.Reply, new TakeStep.Fields(Outcome: "Disclosed", Particulars: new ReplyParticularsFields(ObtainFrom: "到本机关政务服务窗口领取纸质件")));
        var reply = await Issue(LetterKind.Reply);
        var correction = await Issue(LetterKind.Reply, reply.Id);
        return (receipt, reply, correction);
    }

    private static async Task<int> LettersStoredAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return await db.Letters.CountAsync(Ct);
    }

    [Fact]
    public async Task List_ReceiptReplyAndCorrection_OldestFirstWithNumberTitleDateDeliveryAndCorrections()
    {
        var (database, agency) = await SeedAsync();
        await using var _ = database;
        var (receipt, reply, correction) = await IssueAsync(database, agency);

        var listed = CliRunner.Run("letters", "list", "--agency", Office, "--request", Open, "--db", database.Db);
        var none = CliRunner.Run("letters", "list", "--agency", Office, "--request", Seed, "--db", database.Db);
        SqliteConnection.ClearAllPools();

        Assert.True(listed.ExitCode == 0, listed.Stderr);
        Assert.Equal(
        [
            "文号\t文书\t出具日期\t送达\t更正",
            $"{receipt.Number}\t政府信息公开申请接收回执\t2026-12-04\t当面（2026-12-04签收）\t",
            $"{reply.Number}\t政府信息公开申请答复书\t2026-12-04\t未记录\t已被{correction.Number}更正",
            $"{correction.Number}\t政府信息公开申请答复书\t2026-12-04\t未记录\t更正并取代{reply.Number}",
        ], listed.Stdout.TrimEnd('\n').Split('\n'));
        Assert.Equal(("东外联依申收〔2026〕第1号", "东外联依申复〔2026〕第1号", "东外联依申复〔2026〕第2号"), (receipt.Number, reply.Number, correction.Number));
        Assert.Equal((0, $"申请{Seed}尚未出具文书"), (none.ExitCode, none.Stdout.Trim()));
    }

    [Fact]
    public async Task Render_IssuedReplyAsDocxAndPdf_TheLatestUnreplacedAsStoredEvenAfterTheSettingsChanged()
    {
        var (database, agency) = await SeedAsync();
        await using var _ = database;
        var (_, reply, correction) = await IssueAsync(database, agency);
        GetLetter.Response stored;
        await using (var db = database.Open())
        {
            stored = (await GetLetter.ForStaffAsync(db, agency, correction.Id, Ct)).Value;

            // The court changes afterwards: a re-print keeps the letter's own remedy clause.
            Assert.True((await SaveLetterSettings.HandleAsync(db, new FakeTimeProvider(), new SaveLetterSettings.Request(agency, Settings("北京铁路运输法院"), "u-admin"), Ct)).IsSuccess);
        }

        using var folder = new TempFolder("gongkai-letters-");
        var docx = Path.Combine(folder.Path, "答复书.docx");
        var pdf = Path.Combine(folder.Path, "答复书.PDF");

        var toDocx = CliRunner.Run("letters", "render", "--agency", Office, "--request", Open, "--kind", "reply", "--out", docx, "--db", database.Db);
        var toPdf = CliRunner.Run("letters", "render", "--agency", Office, "--request", Open, "--kind", "Reply", "--out", pdf, "--db", database.Db);
        SqliteConnection.ClearAllPools();

        Assert.True(toDocx.ExitCode == 0, toDocx.Stderr);
        Assert.True(toPdf.ExitCode == 0, toPdf.Stderr);
        Assert.Contains(correction.Number, toDocx.Stdout, StringComparison.Ordinal);
        var text = stored.Document.PlainText();
        Assert.Equal(text.Split('\n'), LetterReadBack.DocxParagraphs(await File.ReadAllBytesAsync(docx, Ct)));
        Assert.Equal(text.Replace("\n", "", StringComparison.Ordinal), LetterReadBack.PdfText(await File.ReadAllBytesAsync(pdf, Ct)));
        Assert.EndsWith($"更正并取代{reply.Number}", stored.Document.Mark, StringComparison.Ordinal);
        Assert.Contains(Court, text, StringComparison.Ordinal);
        Assert.DoesNotContain("北京铁路运输法院", text, StringComparison.Ordinal);
        Assert.Equal(3, await LettersStoredAsync(database));
    }

    [Fact]
    public async Task Render_SeedsReplyImportedClosed_ReconstructionDatedItsReplyWithThePre2024RemedyNothingStored()
    {
        var (database, _) = await SeedAsync();
        await using var _ = database;
        using var folder = new TempFolder("gongkai-letters-");
        var docx = Path.Combine(folder.Path, "2020-001.docx");
        var pdf = Path.Combine(folder.Path, "2020-001.pdf");

        var toDocx = CliRunner.Run("letters", "render", "--agency", Office, "--request", Seed, "--kind", "reply", "--out", docx, "--db", database.Db);
        var toPdf = CliRunner.Run("letters", "render", "--agency", Office, "--request", Seed, "--kind", "答复书", "--out", pdf, "--db", database.Db);
        var listed = CliRunner.Run("letters", "list", "--agency", Office, "--request", Seed, "--db", database.Db);
        SqliteConnection.ClearAllPools();

        Assert.True(toDocx.ExitCode == 0, toDocx.Stderr);
        Assert.Contains("根据办理记录重新生成", toDocx.Stdout, StringComparison.Ordinal);
        var paragraphs = LetterReadBack.DocxParagraphs(await File.ReadAllBytesAsync(docx, Ct));
        Assert.Equal(["本答复书系根据办理记录重新生成", "政府信息公开申请答复书", "文号不详", "王五："], paragraphs[..4]);
        Assert.Equal((Office, "二〇二〇年十月二十日"), (paragraphs[^2], paragraphs[^1]));
        var text = string.Join('\n', paragraphs);
        Assert.Contains("我机关于2020年9月24日收到您提出的政府信息公开申请（申请编号2020-001）", text, StringComparison.Ordinal);
        Assert.Contains("本机关决定予以公开。获取该政府信息的方式、途径和时间：【原办理记录未载明】。", text, StringComparison.Ordinal);
        Assert.Contains("第三十六条第（二）项", text, StringComparison.Ordinal);

        // Replied 2020-10-20: the 2017 law's clause — 复议 within 60 days or a lawsuit within 6 months, no 复议前置.
        Assert.Contains($"可以自知道该具体行政行为之日起60日内向北京市东城区人民政府申请行政复议，或者自知道该具体行政行为之日起6个月内向{Court}提起行政诉讼", text, StringComparison.Ordinal);
        Assert.True(toPdf.ExitCode == 0, toPdf.Stderr);
        Assert.Equal(string.Concat(paragraphs), LetterReadBack.PdfText(await File.ReadAllBytesAsync(pdf, Ct)));

        // Not issued: no 文号 allocated, nothing stored, nothing listed.
        Assert.Equal(0, await LettersStoredAsync(database));
        Assert.Contains("尚未出具文书", listed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ReconstructionWithoutTheAgencysContactSettings_RefusedNamingTheFieldNothingWritten()
    {
        var (database, _) = await SeedAsync(withSettings: false);
        await using var _ = database;
        using var folder = new TempFolder("gongkai-letters-");
        var html = Path.Combine(folder.Path, "2020-001.html");

        var refused = CliRunner.Run("letters", "render", "--agency", Office, "--request", Seed, "--kind", "reply", "--out", html, "--db", database.Db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(GongkaiCli.Unusable, refused.ExitCode);
        Assert.Contains("无法根据办理记录重新生成答复书：政府信息公开申请答复书缺少“{联系方式}”", refused.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task Render_UnknownAgencyRequestKindExtensionOrNoSuchLetter_ChineseErrorsNothingWritten()
    {
        var (database, _) = await SeedAsync();
        await using var _ = database;
        using var folder = new TempFolder("gongkai-letters-");
        var pdf = Path.Combine(folder.Path, "x.pdf");
        CliResult Render(string agency, string request, string kind, string output) =>
            CliRunner.Run("letters", "render", "--agency", agency, "--request", request, "--kind", kind, "--out", output, "--db", database.Db);

        var agency = Render("北京市东城区不存在的办公室", Open, "reply", pdf);
        var request = Render(Office, "2026-999999", "reply", pdf);
        var kind = Render(Office, Open, "answer", pdf);
        var extension = Render(Office, Seed, "reply", Path.Combine(folder.Path, "x.txt"));
        var folderMissing = Render(Office, Seed, "reply", Path.Combine(folder.Path, "missing", "x.pdf"));
        var noReplyYet = Render(Office, Open, "reply", pdf);
        var noSupplement = Render(Office, Seed, "supplement", pdf);
        var listUnknown = CliRunner.Run("letters", "list", "--agency", Office, "--request", "2026-999999", "--db", database.Db);
        SqliteConnection.ClearAllPools();

        Assert.Equal(GongkaiCli.NotFound, agency.ExitCode);
        Assert.Contains("北京市东城区不存在的办公室", agency.Stderr, StringComparison.Ordinal);
        Assert.Equal((GongkaiCli.NotFound, "未找到该申请"), (request.ExitCode, Last(request.Stderr)));
        Assert.Equal((GongkaiCli.NotFound, "未找到该申请"), (listUnknown.ExitCode, Last(listUnknown.Stderr)));
        Assert.Equal(GongkaiCli.Unusable, kind.ExitCode);
        Assert.StartsWith("没有这种文书：answer（可用：receipt（接收回执）、supplement（补正告知书）、explainReasons（说明理由告知书）、extension（延期答复告知书）、"
            + "thirdPartyConsultation（第三方意见征询函）、thirdPartyNotice（第三方告知书）、agencyConsultation（征求意见函）、feeNotice（收费通知书）、reply（答复书））",
            kind.Stderr, StringComparison.Ordinal);
        Assert.Equal((GongkaiCli.Unusable, "输出文件应为 .docx、.pdf、.html 文件：x.txt"), (extension.ExitCode, Last(extension.Stderr)));
        Assert.Equal(GongkaiCli.Unusable, folderMissing.ExitCode);
        Assert.Contains("输出文件夹不存在", folderMissing.Stderr, StringComparison.Ordinal);
        Assert.Equal((GongkaiCli.NotFound, "该申请没有出具过政府信息公开申请答复书"), (noReplyYet.ExitCode, Last(noReplyYet.Stderr)));
        Assert.Equal((GongkaiCli.NotFound, "该申请没有出具过政府信息公开申请补正告知书"), (noSupplement.ExitCode, Last(noSupplement.Stderr)));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
        Assert.Equal(0, await LettersStoredAsync(database));
    }

    private static string Last(string stderr) => stderr.TrimEnd('\n').Split('\n')[^1];
}
