namespace Gongkai.Domain.Article20;

/// <summary>The problem codes of Article 20 statistics, stable for programs; the messages are in Chinese for users.</summary>
public static class Article20Problems
{
    public const string IdRequired = "article20.idRequired";
    public const string YearOutOfRange = "article20.yearOutOfRange";
    public const string FormatInvalid = "article20.formatInvalid";
    public const string KeyUnknown = "article20.keyUnknown";
    public const string NotComputable = "article20.notComputable";
    public const string CountInvalid = "article20.countInvalid";
    public const string ChangeNotWhole = "article20.changeNotWhole";
    public const string AmountNegative = "article20.amountNegative";
    public const string AmountPrecision = "article20.amountPrecision";
    public const string ManualFigureKept = "article20.manualFigureKept";
    public const string UserRequired = "article20.userRequired";
    public const string UserTooLong = "article20.userTooLong";
    public const string ImportSource = "article20.importSource";
}
