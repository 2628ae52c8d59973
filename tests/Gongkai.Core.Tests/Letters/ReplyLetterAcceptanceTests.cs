using System.Text.RegularExpressions;
using Gongkai.Core.Documents.Letters;
using Gongkai.Core.Features.Letters;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Core.Tests.Letters.ReplyLetterRows;

namespace Gongkai.Core.Tests.Letters;

/// <summary>
/// Issue 14's acceptance of the reply letters: for every row of spec/letters.md §3 (the 21 leaf outcomes, 予以公开 and
/// 本机关不掌握 each split in two, 保护第三方合法权益 with and without the third party consulted, 不予处理 4 by a reply
/// and by the 说明理由 path), an application of the demo taken through the real procedure to its decision (the closings
/// 逾期不补正 and 逾期未缴纳 after their notices are issued), the reply issued and read back; checked against the
/// table in <see cref="ReplyLetterRows"/> and the §4 rules written out below, for a letter issued in 2023 and in 2026;
/// the 复议机关 of every agency kind; the DOCX and PDF read back to the letter's text. One demo database per provider.
/// </summary>
public sealed class ReplyLetterAcceptanceTests(ReplyLetterDemo demo) : IClassFixture<ReplyLetterDemo>
{
    /// <summary>Mondays that start each case: the 2023 行政复议法 took effect on 2024-01-01 (spec §4).</summary>
    private static readonly DateOnly Before2024 = new(2023, 11, 6);

    private static readonly DateOnly After2024 = new(2026, 11, 2);

    private static readonly string[] Applicants = ["张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十", "郑一", "冯二", "陈三", "褚四", "卫五", "蒋六"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, int> Rows()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var provider in TestProviders.Names)
        {
            foreach (var row in Names)
            {
                data.Add(provider, row, 2023);
                data.Add(provider, row, 2026);
            }
        }

        return data;
    }

    public static TheoryData<string, AgencyKind, int, string> Kinds()
    {
        var data = new TheoryData<string, AgencyKind, int, string>();
        foreach (var provider in TestProviders.Names)
        {
            foreach (var kind in Enum.GetValues<AgencyKind>())
            {
                foreach (var year in new[] { 2023, 2026 })
                {
                    data.Add(provider, kind, year, "不予公开 1 属于国家秘密");
                    data.Add(provider, kind, year, "予以公开");
                }
            }
        }

        return data;
    }

    public static TheoryData<string, string> WithholdingGrounds()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in TestProviders.Names)
        {
            foreach (var ground in Enum.GetNames<WithholdingGround>())
            {
                data.Add(provider, ground);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Reply_EveryRowOfSection3_NumberedAddressedCitedWithItsRemedyAndReadBack(string provider, string row, int year)
    {
        await ReplyAndCheckAsync(provider, AgencyKind.Department, Named(row), year);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Reply_EveryAgencyKind_ReconsiderationBodyOfSection4(string provider, AgencyKind kind, int year, string row)
    {
        await ReplyAndCheckAsync(provider, kind, Named(row), year);
    }

    [Theory]
    [MemberData(nameof(WithholdingGrounds))]
    public async Task Reply_WithheldWithoutReasons_RefusedByTheProcedureNothingSavedNoLetter(string provider, string ground)
    {
        var seeded = await demo.OnAsync(provider);
        var agency = seeded.Agencies[AgencyKind.Department];
        var run = new ProcedureRun(seeded.Database, agency.Id);
        var day = After2024;
        var (id, _) = await run.RegisterAsync(day, "何七", "本机关2026年度采购项目的评审材料");
        await run.StepAsync(id, day.AddDays(1), RequestTrigger.ConfirmReceipt);
        await run.StepAsync(id, day.AddDays(2), RequestTrigger.StartProcessing);
        var before = await run.ApplicationAsync(id);
        var (audit, letters) = await CountsAsync(seeded.Database);

        var none = await run.TryStepAsync(id, day.AddDays(3), RequestTrigger.Reply, new TakeStep.Fields(Outcome: "Withheld:" + ground));
        var blank = await run.TryStepAsync(id, day.AddDays(3), RequestTrigger.Reply,
            new TakeStep.Fields(Outcome: "Withheld:" + ground, Particulars: new ReplyParticularsFields(Reasons: " \n ")));
        var letter = await run.TryIssueAsync(id, day.AddDays(3), LetterKind.Reply);

        Assert.Equal(ReplyParticularsRule.ReasonsRequired, none.Problem.Code);
        Assert.Equal(ReplyParticularsRule.ReasonsRequired, blank.Problem.Code);
        Assert.Equal("letter.outcomeMissing", letter.Problem.Code);
        var after = await run.ApplicationAsync(id);
        Assert.Equal((RequestState.Processing, (ReplyOutcome?)null, (DateOnly?)null), (after.State, after.Outcome, after.RepliedOn));
        Assert.Equal(before.Events.Count, after.Events.Count);
        Assert.Equal((audit, letters), await CountsAsync(seeded.Database));
        Assert.DoesNotContain(LetterKind.Reply, LetterFacts.Available(after));
    }

    /// <summary>
    /// An application of the agency of <paramref name="kind"/> taken to <paramref name="row"/>'s decision in
    /// <paramref name="year"/>, its reply issued, read back and checked.
    /// </summary>
    private async Task ReplyAndCheckAsync(string provider, AgencyKind kind, ReplyRow row, int year)
    {
        var seeded = await demo.OnAsync(provider);
        var agency = seeded.Agencies[kind];
        var run = new ProcedureRun(seeded.Database, agency.Id);
        var b = year == 2023 ? Before2024 : After2024;
        var applicant = Applicants[(ReplyLetterRows.All.ToList().IndexOf(row) + (int)kind) % Applicants.Length];
        var content = $"本机关{year - 1}年度城市更新项目的立项批复";

        var earlier = row.Path == ReplyPath.Repeated ? await run.RegisterAsync(b, applicant, content) : default;
        var (id, tracking) = await run.RegisterAsync(b, applicant, content);
        var received = b.AddDays(1);
        await run.StepAsync(id, received, RequestTrigger.ConfirmReceipt);
        var says = new List<string>(row.Says);
        var particulars = row.Particulars;
        DateOnly day;
        switch (row.Path)
        {
            case ReplyPath.ThirdPartyConsulted:
                await run.StepAsync(id, b.AddDays(2), RequestTrigger.StartProcessing);
                await run.StepAsync(id, b.AddDays(2), RequestTrigger.StartThirdPartyConsultation, new TakeStep.Fields(Text: "北京某某科技有限公司", OtherDate: b.AddDays(2)));
                await run.StepAsync(id, b.AddDays(4), RequestTrigger.EndThirdPartyConsultation, new TakeStep.Fields(OpinionReceived: true));
                day = b.AddDays(4);
                break;

            case ReplyPath.Supplemented:
                await run.StepAsync(id, b.AddDays(2), RequestTrigger.RequestSupplement, new TakeStep.Fields(Text: "所需政府信息的名称\n所需政府信息的形成时间", OtherDate: b.AddDays(16)));
                await run.StepAsync(id, b.AddDays(4), RequestTrigger.ReceiveSupplement);
                await run.StepAsync(id, b.AddDays(4), RequestTrigger.StartProcessing);

                // The procedure's 收到申请之日 after a 补正 is the day the corrected application arrived (条例 Art 30:
                // the period runs from it); spec/letters.md §2 does not say which date this letter states.
                received = b.AddDays(4);
                day = b.AddDays(5);
                break;

            case ReplyPath.SupplementLapsed:
                {
                    await run.StepAsync(id, b.AddDays(2), RequestTrigger.RequestSupplement, new TakeStep.Fields(Text: "所需政府信息的名称\n所需政府信息的形成时间", OtherDate: b.AddDays(16)));
                    var notice = await run.IssueAsync(id, b.AddDays(2), LetterKind.Supplement);
                    day = b.AddDays(17);
                    await run.StepAsync(id, day, RequestTrigger.SupplementLapsed);
                    says.AddRange([notice.Number, BodyDate(b.AddDays(16))]);
                    break;
                }

            case ReplyPath.FeeLapsed:
                {
                    await run.StepAsync(id, b.AddDays(2), RequestTrigger.StartProcessing);
                    // 国办函〔2020〕109号 Art 4: the applicant's 11th application in the natural month costs 100 元.
                    await run.StepAsync(id, b.AddDays(3), RequestTrigger.IssueFeeNotice,
                        new TakeStep.Fields(Amount: 100m, Basis: FeeBasis.PerApplication, OtherDate: b.AddDays(3)));
                    var notice = await run.IssueAsync(id, b.AddDays(3), LetterKind.FeeNotice,
                        new LetterFacts.Input(FeeCount: 1, FeeEarlierInMonth: 10, PaymentMethod: "银行转账至本机关指定账户"));
                    var due = (await run.ApplicationAsync(id)).FeeDue!.Value;
                    day = due.AddDays(1);
                    await run.StepAsync(id, day, RequestTrigger.FeeLapsed);
                    says.AddRange([notice.Number, BodyDate(due)]);
                    break;
                }

            case ReplyPath.Repeated:
                {
                    await run.StepAsync(earlier.Id, received, RequestTrigger.ConfirmReceipt);
                    await run.StepAsync(earlier.Id, b.AddDays(2), RequestTrigger.StartProcessing);
                    await run.StepAsync(id, b.AddDays(2), RequestTrigger.StartProcessing);
                    day = b.AddDays(3);
                    await run.StepAsync(earlier.Id, day, RequestTrigger.Reply, new TakeStep.Fields(Outcome: "Disclosed", Particulars: new ReplyParticularsFields(ObtainFrom: "以电子邮件方式提供")));
                    var first = await run.IssueAsync(earlier.Id, day, LetterKind.Reply);
                    particulars = new ReplyParticularsFields(EarlierReplyNumber: first.Number, EarlierReplyIssuedOn: first.IssuedOn);
                    says.AddRange([first.Number, BodyDate(first.IssuedOn)]);
                    break;
                }

            case ReplyPath.ReasonsRejected:
                await run.StepAsync(id, b.AddDays(2), RequestTrigger.RequestReasons, new TakeStep.Fields(Text: "请说明在一个月内申请公开四十件同类信息的理由"));
                await run.IssueAsync(id, b.AddDays(2), LetterKind.ExplainReasons, new LetterFacts.Input(ExplanationDue: b.AddDays(9)));
                day = b.AddDays(10);
                await run.StepAsync(id, day, RequestTrigger.ReasonsRejected);
                break;

            default:
                await run.StepAsync(id, b.AddDays(2), RequestTrigger.StartProcessing);
                day = b.AddDays(3);
                break;
        }

        if (row.Outcome is { } outcome)
        {
            await run.StepAsync(id, day, RequestTrigger.Reply, new TakeStep.Fields(Outcome: outcome, Particulars: particulars));
        }

        // A closing records no particulars: the handler gives the reasons when issuing its reply.
        var letter = await run.IssueAsync(id, day, LetterKind.Reply, row.Outcome is null ? new LetterFacts.Input(Reasons: particulars?.Reasons) : null);

        Assert.Equal((id, LetterKind.Reply, day), (letter.RequestId, letter.Kind, letter.IssuedOn));
        var document = letter.Document;
        var text = string.Join('\n', document.Paragraphs);

        // §1, §2: title; 文号 = prefix + kind code + 〔year〕 + 第N号, N the letter's serial; addressee, receipt and 申请编号; signature.
        Assert.Equal("政府信息公开申请答复书", document.Title);
        var number = Regex.Match(letter.Number, "^" + Regex.Escape(agency.Settings.NumberPrefix) + @"依申复〔(?<year>\d{4})〕第(?<n>[1-9]\d*)号$");
        Assert.True(number.Success, letter.Number);
        Assert.Equal((day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), letter.Serial.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (number.Groups["year"].Value, number.Groups["n"].Value));
        Assert.Equal(letter.Number, document.Number);
        Assert.Equal(applicant, document.Addressee.TrimEnd('：'));
        Assert.Contains($"我机关于{BodyDate(received)}收到您提出的政府信息公开申请（申请编号{tracking}）", text, StringComparison.Ordinal);
        Assert.Contains(content, text, StringComparison.Ordinal);
        Assert.Equal((agency.Name, IssueDate(day)), (document.Signatory, document.IssuedOnText));
        Assert.Equal(IssueDate(day), document.PlainText().Split('\n')[^1]);
        foreach (var contact in new[] { agency.Settings.OfficeName, agency.Settings.OfficeAddress, agency.Settings.OfficePhone })
        {
            Assert.Contains(contact, text, StringComparison.Ordinal);
        }

        // §3: exactly the row's articles of the 条例, its other instruments, and what it must carry.
        Assert.Equal(new SortedSet<string>(row.Articles, StringComparer.Ordinal), CitedArticles(text));
        if (row.Articles.Length > 0)
        {
            Assert.Contains(Regulation, text, StringComparison.Ordinal);
        }

        foreach (var said in says.Concat(row.Instruments ?? []))
        {
            Assert.Contains(said, text, StringComparison.Ordinal);
        }

        foreach (var part in row.Parts ?? [])
        {
            var line = Assert.Single(document.Paragraphs, p => p.Contains(part.Part, StringComparison.Ordinal));
            Assert.Contains(part.Reasons, line, StringComparison.Ordinal);
            Assert.Contains(part.Article, CitedArticles(line));
        }

        // §4: every reply is a decision and carries one remedy clause.
        AssertRemedy(Assert.Single(document.Paragraphs, p => p.Contains("行政复议", StringComparison.Ordinal)), agency, day, row.ReconsiderationFirst);

        // §2: DOCX and PDF read back to the letter's text, line for line.
        var lines = document.PlainText().Split('\n');
        Assert.Equal(lines, LetterReadBack.DocxParagraphs(LetterDocxWriter.Write(document)));
        Assert.Equal(string.Concat(lines), LetterReadBack.PdfText(LetterPdfWriter.Write(document)));
    }

    /// <summary>
    /// spec/letters.md §4, written out: from 2024-01-01 a 不予公开 decision puts 复议 first — within 60 days, then a
    /// lawsuit within 15 days of the 复议 decision, no direct lawsuit; any other decision, and every decision before,
    /// offers 复议 within 60 days or a lawsuit within 6 months. The 复议机关 by the agency's kind and the date.
    /// </summary>
    private static void AssertRemedy(string remedy, ReplyLetterDemo.KindAgency agency, DateOnly issuedOn, bool withheld)
    {
        var settings = agency.Settings;
        var after = issuedOn >= new DateOnly(2024, 1, 1);
        string[] bodies = (agency.Kind, after) switch
        {
            // 2023 law Art 24¶1(一): the 本级人民政府; 2017 law Art 12¶1: it or the 上一级主管部门 (the agency set both).
            (AgencyKind.Department, true) => [settings.ReconsiderationBody],
            (AgencyKind.Department, false) => [settings.ReconsiderationBody, settings.AlternativeReconsiderationBody],
            // 2023 law Art 28: the 本级人民政府 or the 上一级司法行政部门; before, a department like any other (Art 12¶1).
            (AgencyKind.JusticeAdministration, _) => [settings.ReconsiderationBody, settings.AlternativeReconsiderationBody],
            // 2023 law Art 24¶1(二) / 2017 law Art 13; Art 27 / Art 12¶2: the one body set.
            (AgencyKind.LocalGovernment or AgencyKind.VerticallyLed, _) => [settings.ReconsiderationBody],
            // 2023 law Art 25(一), Art 24¶2 / 2017 law Art 14: the agency itself.
            _ => [agency.Name],
        };
        foreach (var body in bodies)
        {
            Assert.Contains("向" + body, remedy.Replace("或者", "或者向", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        foreach (var other in new[] { settings.ReconsiderationBody, settings.AlternativeReconsiderationBody }.Where(n => n.Length > 0 && !bodies.Contains(n)))
        {
            Assert.DoesNotContain(other, remedy, StringComparison.Ordinal);
        }

        Assert.Contains(settings.Court, remedy, StringComparison.Ordinal);
        Assert.Matches("60日内[^。]*申请行政复议", remedy);
        if (after && withheld)
        {
            Assert.Matches("先[^。；，]{0,4}申请行政复议", remedy);
            Assert.Matches("行政复议决定[^。]*15日内[^。]*提起行政诉讼", remedy);
            Assert.DoesNotContain("6个月", remedy, StringComparison.Ordinal);
            Assert.DoesNotMatch("或者[^。；]*提起行政诉讼", remedy);
        }
        else
        {
            Assert.Matches("申请行政复议[^。]*或者[^。]*6个月内[^。]*提起行政诉讼", remedy);
            Assert.DoesNotContain("15日", remedy, StringComparison.Ordinal);
            Assert.DoesNotMatch("先[^。；，]{0,4}申请行政复议", remedy);
        }
    }

    private static async Task<(int Audit, int Letters)> CountsAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return (await db.AuditEntries.CountAsync(Ct), await db.Letters.CountAsync(Ct));
    }
}
