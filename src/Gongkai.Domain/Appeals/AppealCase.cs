using System.Globalization;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Appeals;

/// <summary>
/// A 行政复议 or 行政诉讼 case brought against an agency because of its disclosure work (条例 Arts 50(三), 51), with its
/// result as far as known. Section 四 of the annual report is counted from these (<see cref="AppealsTable"/>).
/// </summary>
public sealed class AppealCase
{
    public const int MaxCaseNumberLength = 100;
    public const int MaxSummaryLength = 2000;

    // For EF Core.
    private AppealCase()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>
    /// The agency whose disclosure work is challenged (原行为主体). Where a reconsideration body is co-defendant in a
    /// suit, the case is the original agency's only (国办公开办函〔2016〕201号): do not record it for the reconsideration
    /// body as well.
    /// </summary>
    public Guid AgencyId { get; private set; }

    public AppealKind Kind { get; private set; }

    /// <summary>案号 of the reconsideration body or court, if known.</summary>
    public string? CaseNumber { get; private set; }

    /// <summary>The day the reconsideration was applied for or the suit filed, as the case file shows.</summary>
    public DateOnly FiledOn { get; private set; }

    public AppealResult Result { get; private set; }

    /// <summary>The day of the decision or judgment that concluded the case; null while it is pending.</summary>
    public DateOnly? ResultOn { get; private set; }

    /// <summary>The application (依申请公开) the case concerns, if it concerns one.</summary>
    public Guid? RequestId { get; private set; }

    /// <summary>What the case is about and how it ended, in a few lines (no applicant's personal data).</summary>
    public string? Summary { get; private set; }

    /// <summary>
    /// Records a case. An imported case may arrive already concluded: then <paramref name="result"/> and
    /// <paramref name="resultOn"/> are given together, as for <see cref="RecordResult"/>.
    /// </summary>
    public static Result<AppealCase> Create(
        Guid id,
        Guid agencyId,
        AppealKind kind,
        DateOnly filedOn,
        string? caseNumber = null,
        Guid? requestId = null,
        string? summary = null,
        AppealResult result = AppealResult.Pending,
        DateOnly? resultOn = null)
    {
        if (id == Guid.Empty || agencyId == Guid.Empty || requestId == Guid.Empty)
        {
            return new Problem(AppealProblems.IdRequired, "案件、被申请机关和所涉申请的标识不能为空");
        }

        if (!Enum.IsDefined(kind))
        {
            return new Problem(AppealProblems.KindInvalid, "案件类型无效（应为行政复议、未经复议直接起诉或复议后起诉）");
        }

        caseNumber = Clean(caseNumber);
        summary = Clean(summary);
        if (caseNumber?.Length > MaxCaseNumberLength)
        {
            return new Problem(AppealProblems.CaseNumberTooLong, $"案号不能超过{Number(MaxCaseNumberLength)}个字符");
        }

        if (summary?.Length > MaxSummaryLength)
        {
            return new Problem(AppealProblems.SummaryTooLong, $"案情摘要不能超过{Number(MaxSummaryLength)}个字");
        }

        var appeal = new AppealCase
        {
            Id = id,
            AgencyId = agencyId,
            Kind = kind,
            CaseNumber = caseNumber,
            FiledOn = filedOn,
            RequestId = requestId,
            Summary = summary,
            Result = AppealResult.Pending,
        };
        return appeal.RecordResult(result, resultOn);
    }

    /// <summary>
    /// Records how the case ended: a concluded result with the date of the decision or judgment (not before the
    /// filing date), or <see cref="AppealResult.Pending"/> without a date (e.g. a judgment set aside on appeal and
    /// sent back for retrial). A later call replaces the earlier result: a second-instance judgment decides the case.
    /// A refused call changes nothing.
    /// </summary>
    public Result<AppealCase> RecordResult(AppealResult result, DateOnly? resultOn)
    {
        if (!Enum.IsDefined(result))
        {
            return new Problem(AppealProblems.ResultInvalid, "审理结果无效（应为结果维持、结果纠正、其他结果或尚未审结）");
        }

        if (!result.IsConcluded())
        {
            if (resultOn is not null)
            {
                return new Problem(AppealProblems.ResultDateNotExpected, "尚未审结的案件不填写审结日期");
            }
        }
        else if (resultOn is not { } date)
        {
            return new Problem(AppealProblems.ResultDateRequired, $"审理结果为“{result.DisplayName()}”时须填写审结日期");
        }
        else if (date < FiledOn)
        {
            return new Problem(AppealProblems.ResultBeforeFiling, $"审结日期{Date(date)}早于申请复议或起诉的日期{Date(FiledOn)}");
        }

        Result = result;
        ResultOn = resultOn;
        return this;
    }

    public AppealFact ToFact() => new(Kind, FiledOn, Result, ResultOn);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) =>
        Common.ChineseDate.Format(date);
}
