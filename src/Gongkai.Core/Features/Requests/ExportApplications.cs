using System.Globalization;
using System.Text;
using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Data.Files;
using Gongkai.Core.Documents;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// The filtered worklist as a 台账 in the columns <see cref="ImportRequests"/> reads (<see cref="LedgerRecords.AllHeaders"/>),
/// CSV or XLSX, so an export imported into another database gives the same section 三 (<see cref="RequestsTable"/>):
/// 收到日期 is the first receipt date (the year a case counts in), 办理结果 and 答复日期 the outcome a concluded case
/// counts as and the day it was concluded (a withdrawal: 其他处理, Art 30 lapse: 逾期不补正 …), 答复理由 the reasons the
/// reply gave (its withheld parts with their grounds; for a case closed without a reply, its closing step), so the
/// import's rule for the outcomes that need reasons is met again. An application not yet
/// received (Art 31, awaiting confirmation) has no receipt date and is not in section 三: it is left out. 证件号码 stays
/// empty: a number is masked in every export (DESIGN.md), and a masked one would not import. Names as the reader may
/// see them (<see cref="Worklist.Request.FullNames"/>).
/// </summary>
public static class ExportApplications
{
    /// <param name="Actor">Who exports, for the 台账 entry the export writes (what was exported, not its content).</param>
    /// <param name="Format">csv or xlsx, for that entry.</param>
    public sealed record Request(Guid AgencyId, Worklist.Filter Filter, bool FullNames, string Actor, string Format);

    public static async Task<List<Dictionary<string, string>>> RowsAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var today = ChinaClock.Today(clock);
        var rows = await Worklist.Find(db, request.AgencyId, request.Filter, today, request.FullNames)
            .Where(r => r.FirstReceivedOn != null)
            .OrderBy(r => r.TrackingNumber)
            .Select(r => new
            {
                r.TrackingNumber,
                r.FirstReceivedOn,
                r.Channel,
                r.Kind,
                r.Name,
                r.Content,
                r.State,
                r.ClosedOn,
                r.Id,
                r.OutcomeKind,
                r.Withholding,
                r.CannotProvide,
                r.NotProcessed,
                r.OtherGround,
            })
            .ToListAsync(cancellationToken);

        // A case concluded without a reply counts as the outcome its closing step stands for (RequestReportRows); that
        // step is the last event, read for those cases only.
        var closedWithout = rows.Where(r => r.State.IsTerminal() && r.OutcomeKind is null).Select(r => r.Id).ToList();
        var closingTriggers = new Dictionary<Guid, (RequestTrigger Trigger, string Description)>();
        foreach (var chunk in closedWithout.Chunk(500))
        {
            var last = await db.Requests.AsNoTracking().IgnoreAutoIncludes().Where(r => chunk.Contains(r.Id))
                .Select(r => new { r.Id, Step = r.Events.OrderByDescending(e => e.Sequence).Select(e => new { e.Trigger, e.Description }).First() })
                .ToListAsync(cancellationToken);
            foreach (var l in last)
            {
                closingTriggers[l.Id] = (l.Step.Trigger, l.Step.Description);
            }
        }

        // Issue 14: the reasons of the replied cases, read for those only.
        var replied = rows.Where(r => r.OutcomeKind is not null).Select(r => r.Id).ToList();
        var reasons = new Dictionary<Guid, string>();
        foreach (var chunk in replied.Chunk(500))
        {
            var particulars = await db.Requests.AsNoTracking().IgnoreAutoIncludes().Where(r => chunk.Contains(r.Id))
                .Select(r => new { r.Id, r.Particulars })
                .ToListAsync(cancellationToken);
            foreach (var p in particulars)
            {
                reasons[p.Id] = ReplyParticularsRule.Describe(p.Particulars);
            }
        }

        // The 台账 records who took which cases out of the system (the filter and the count; no personal data).
        AuditTrail.Record(db, clock, request.Actor, "requests.exported", "Agency", request.AgencyId.ToString("D"), request.AgencyId, null,
            JsonSerializer.Serialize(new { format = request.Format, rows = rows.Count, fullNames = request.FullNames, filter = Describe(request.Filter) }, AuditTrail.Json));
        await db.SaveChangesAsync(cancellationToken);

        var c = CultureInfo.InvariantCulture;
        return rows.ConvertAll(r =>
        {
            var stored = Worklist.OutcomeOf(r.OutcomeKind, r.Withholding, r.CannotProvide, r.NotProcessed, r.OtherGround);
            var outcome = stored ?? (r.State.IsTerminal() ? RequestReportRows.ClosingOutcome(closingTriggers[r.Id].Trigger) : null);
            var reason = stored is not null ? reasons.GetValueOrDefault(r.Id, "") : outcome is not null ? closingTriggers[r.Id].Description : "";
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [LedgerRecords.TrackingNumber] = r.TrackingNumber,
                [LedgerRecords.ReceivedOn] = r.FirstReceivedOn!.Value.ToString("yyyy-MM-dd", c),
                [LedgerRecords.Channel] = LedgerRecords.ChannelLabel(r.Channel) ?? r.Channel.DisplayName(),
                [LedgerRecords.ApplicantKind] = LedgerRecords.KindLabel(r.Kind),
                [LedgerRecords.Applicant] = request.FullNames ? r.Name : ApplicantNames.Mask(r.Name),
                [LedgerRecords.IdentityNumber] = "",
                [LedgerRecords.Content] = r.Content,
                [LedgerRecords.Outcome] = outcome is null ? "" : LedgerRecords.OutcomeLabel(outcome),
                [LedgerRecords.RepliedOn] = outcome is null ? "" : r.ClosedOn?.ToString("yyyy-MM-dd", c) ?? "",
                [LedgerRecords.Reasons] = reason.Length > ReplyParticularsRule.MaxReasonsLength ? reason[..ReplyParticularsRule.MaxReasonsLength] : reason,
            };
        });
    }

    /// <summary>The filter for the 台账: every condition by name, a search only as “searched” (its words may be a name).</summary>
    private static Dictionary<string, string> Describe(Worklist.Filter f)
    {
        var c = CultureInfo.InvariantCulture;
        var parts = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["scope"] = f.Scope.ToString(),
            ["state"] = f.State?.ToString(),
            ["channel"] = f.Channel?.ToString(),
            ["outcome"] = f.Outcome?.ToString(),
            ["kind"] = f.Kind?.ToString(),
            ["receivedFrom"] = f.ReceivedFrom?.ToString("yyyy-MM-dd", c),
            ["receivedTo"] = f.ReceivedTo?.ToString("yyyy-MM-dd", c),
            ["repliedFrom"] = f.RepliedFrom?.ToString("yyyy-MM-dd", c),
            ["repliedTo"] = f.RepliedTo?.ToString("yyyy-MM-dd", c),
            ["overdue"] = f.Overdue ? "true" : null,
            ["search"] = f.Words().Count > 0 ? "yes" : null,
        };
        return parts.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
    }

    public static async Task<byte[]> XlsxAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(db, clock, request, cancellationToken);
        using var stream = new MemoryStream();
        var sheet = rows.Count > 0
            ? rows.ConvertAll(r => r.ToDictionary(p => p.Key, p => (object?)p.Value))
            : [LedgerRecords.AllHeaders.ToDictionary(h => h, _ => (object?)null)];
        await stream.SaveAsAsync(sheet, sheetName: "依申请公开台账", cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    /// <param name="bom">A UTF-8 byte order mark first, for Excel (see <see cref="Proactive.ExportItems.CsvAsync"/>).</param>
    public static async Task<byte[]> CsvAsync(GongkaiDbContext db, TimeProvider clock, Request request, bool bom = false, CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(db, clock, request, cancellationToken);
        var csv = new StringBuilder();
        csv.Append(string.Join(',', LedgerRecords.AllHeaders)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.Append(string.Join(',', LedgerRecords.AllHeaders.Select(h => LedgerFile.CsvField(row[h])))).Append("\r\n");
        }

        var encoding = bom ? AtomicFile.Utf8WithBom : AtomicFile.Utf8;
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(csv.ToString())];
    }
}
