namespace Gongkai.Domain.Appeals;

/// <summary>The problem codes of appeal cases, stable for programs; the messages are in Chinese for users.</summary>
public static class AppealProblems
{
    public const string IdRequired = "appeal.idRequired";
    public const string KindInvalid = "appeal.kindInvalid";
    public const string ResultInvalid = "appeal.resultInvalid";
    public const string ResultDateRequired = "appeal.resultDateRequired";
    public const string ResultDateNotExpected = "appeal.resultDateNotExpected";
    public const string ResultBeforeFiling = "appeal.resultBeforeFiling";
    public const string CaseNumberTooLong = "appeal.caseNumberTooLong";
    public const string SummaryTooLong = "appeal.summaryTooLong";
}
