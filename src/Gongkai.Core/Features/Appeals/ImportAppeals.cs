using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Documents;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports.Parsing;
using Gongkai.Domain.Appeals;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Appeals;

/// <summary>
/// Takes over an agency's 行政复议 / 行政诉讼 cases from a spreadsheet with the headers
/// <c>案号, 类型, 提起日期, 结果, 结果日期, 申请编号, 摘要</c>. Like the ledger import: every bad row named and nothing
/// written if any, idempotent by 案号 (a case the agency already has is left as it is).
/// </summary>
public static class ImportAppeals
{
    public const string CaseNumber = "案号";
    public const string Kind = "类型";
    public const string FiledOn = "提起日期";
    public const string Result = "结果";
    public const string ResultOn = "结果日期";
    public const string RequestNumber = "申请编号";
    public const string Summary = "摘要";

    public static IReadOnlyList<string> Headers { get; } = [CaseNumber, Kind, FiledOn, Result, ResultOn, RequestNumber, Summary];

    private static readonly Dictionary<string, AppealKind> Kinds = new(StringComparer.Ordinal)
    {
        ["行政复议"] = AppealKind.Reconsideration,
        ["复议"] = AppealKind.Reconsideration,
        ["未经复议直接起诉"] = AppealKind.LitigationDirect,
        ["直接起诉"] = AppealKind.LitigationDirect,
        ["行政诉讼"] = AppealKind.LitigationDirect,
        ["复议后起诉"] = AppealKind.LitigationAfterReconsideration,
    };

    private static readonly Dictionary<string, AppealResult> Results = new(StringComparer.Ordinal)
    {
        ["结果维持"] = AppealResult.Upheld,
        ["维持"] = AppealResult.Upheld,
        ["结果纠正"] = AppealResult.Corrected,
        ["纠正"] = AppealResult.Corrected,
        ["其他结果"] = AppealResult.Other,
        ["其他"] = AppealResult.Other,
        ["尚未审结"] = AppealResult.Pending,
        ["未审结"] = AppealResult.Pending,
        ["审理中"] = AppealResult.Pending,
        [""] = AppealResult.Pending,
    };

    public sealed record Request(string AgencyName, IReadOnlyList<LedgerRow> Rows, string FileName, byte[] FileHash, string Actor);

    public sealed record Response(int Imported, int AlreadyPresent, IReadOnlyList<LedgerError> Errors)
    {
        public bool Rejected => Errors.Count > 0;
    }

    public static async Task<Result<Response>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Name == request.AgencyName.Trim(), cancellationToken);
        if (agency is null)
        {
            return AgencyProblems.NotFound(request.AgencyName);
        }

        var errors = new List<LedgerError>();
        var missing = LedgerFile.MissingHeaders(request.Rows, Headers);
        if (missing.Count > 0)
        {
            return new Response(0, 0, missing);
        }

        var existing = (await db.Appeals.AsNoTracking().Where(c => c.AgencyId == agency.Id && c.CaseNumber != null).Select(c => c.CaseNumber!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var requestNumbers = request.Rows.Select(r => r[RequestNumber]).Where(n => n.Length > 0).Distinct().ToList();
        var requestIds = await db.Requests.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.AgencyId == agency.Id && requestNumbers.Contains(r.TrackingNumber))
            .ToDictionaryAsync(r => r.TrackingNumber, r => r.Id, StringComparer.Ordinal, cancellationToken);
        var cases = new List<AppealCase>();
        var seen = new RepeatedRows<string>(StringComparer.Ordinal);
        var alreadyPresent = 0;
        foreach (var row in request.Rows)
        {
            var made = Parse(row, agency, requestIds, errors);
            if (made is null)
            {
                continue;
            }

            if (seen.Check(made.CaseNumber!, row.Number, CaseNumber, "案号") is { } repeated)
            {
                errors.Add(repeated);
            }
            else if (existing.Contains(made.CaseNumber!))
            {
                alreadyPresent++;
            }
            else
            {
                cases.Add(made);
            }
        }

        if (errors.Count > 0)
        {
            return new Response(0, 0, errors);
        }

        // The cases and the 台账 entry in one transaction, the lock taken before the last entry is read (issue 16, 11).
        await using var transaction = await ImportTransaction.BeginAsync(db, cancellationToken);
        db.Appeals.AddRange(cases);
        AuditTrail.Record(db, clock, request.Actor, "appeals.imported", nameof(Agency), agency.Id.ToString("D"), agency.Id, null,
            JsonSerializer.Serialize(new { file = request.FileName, sha256 = Convert.ToHexStringLower(request.FileHash), imported = cases.Count, alreadyPresent }, AuditTrail.Json));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Response(cases.Count, alreadyPresent, []);
    }

    private static AppealCase? Parse(LedgerRow row, Agency agency, Dictionary<string, Guid> requestIds, List<LedgerError> errors)
    {
        var start = errors.Count;
        void Fail(string column, string reason) => errors.Add(new LedgerError(row.Number, column, reason));

        var number = row[CaseNumber];
        if (number.Length == 0)
        {
            Fail(CaseNumber, "不能为空（按案号判断是否已导入）");
        }

        if (!Kinds.TryGetValue(LabelText.Normalize(row[Kind]), out var kind))
        {
            Fail(Kind, $"「{row[Kind]}」不是案件类型（应为行政复议、未经复议直接起诉或复议后起诉）");
        }

        var filed = DateInput.Parse(row[FiledOn]);
        if (filed is null)
        {
            Fail(FiledOn, row[FiledOn].Length == 0 ? "不能为空" : $"「{row[FiledOn]}」不是日期（应为YYYY-MM-DD、YYYY/M/D或YYYY年M月D日）");
        }

        if (!Results.TryGetValue(LabelText.Normalize(row[Result]), out var result))
        {
            Fail(Result, $"「{row[Result]}」不是审理结果（应为结果维持、结果纠正、其他结果或尚未审结）");
        }

        DateOnly? resultOn = null;
        if (row[ResultOn].Length > 0)
        {
            resultOn = DateInput.Parse(row[ResultOn]);
            if (resultOn is null)
            {
                Fail(ResultOn, $"「{row[ResultOn]}」不是日期");
            }
        }

        Guid? requestId = null;
        if (row[RequestNumber].Length > 0)
        {
            if (requestIds.TryGetValue(row[RequestNumber], out var id))
            {
                requestId = id;
            }
            else
            {
                Fail(RequestNumber, $"本机关没有申请编号为「{row[RequestNumber]}」的申请");
            }
        }

        if (errors.Count > start)
        {
            return null;
        }

        var created = AppealCase.Create(Guid.NewGuid(), agency.Id, kind, filed!.Value, number, requestId, row[Summary], result, resultOn);
        if (!created.TryGetValue(out var appeal))
        {
            Fail(result.IsConcluded() ? ResultOn : Result, created.Problem.Message);
            return null;
        }

        return appeal;
    }
}
