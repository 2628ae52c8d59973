namespace Gongkai.Domain.AnnualReports;

public enum Severity
{
    /// <summary>Arithmetic broken, table missing, cell unreadable.</summary>
    Error,

    /// <summary>Blank cell, suspicious unit, narrative or cross-year mismatch.</summary>
    Warning,
}

/// <summary>
/// One thing wrong with a report: the rule it breaks (R1–R9 of annual-report-format.md §5, or a reading finding
/// P1–P4 of report-json.md), the cells concerned and a sentence in Chinese for the user.
/// </summary>
public sealed record Finding(string Rule, Severity Severity, IReadOnlyList<string> Cells, string Message)
{
    public static Finding Error(string rule, string message, params IReadOnlyList<string> cells) => new(rule, Severity.Error, cells, message);

    public static Finding Warning(string rule, string message, params IReadOnlyList<string> cells) => new(rule, Severity.Warning, cells, message);
}

/// <summary>The rule identifiers, as the spec numbers them.</summary>
public static class RuleIds
{
    /// <summary>三, each column: 一 + 二 = 三（七）总计 + 四 (stated in the table).</summary>
    public const string R1 = "R1";

    /// <summary>三, each column: （七）总计 = sum of the leaf outcome rows.</summary>
    public const string R2 = "R2";

    /// <summary>三, each row: 总计 = the six applicant columns.</summary>
    public const string R3 = "R3";

    /// <summary>四, each kind: 总计 = 维持 + 纠正 + 其他 + 尚未审结.</summary>
    public const string R4 = "R4";

    /// <summary>三 and 四 hold non-negative whole numbers; blanks should be 0.</summary>
    public const string R5 = "R5";

    /// <summary>An application handled by 区分处理 counts only in （二）部分公开.</summary>
    public const string R6 = "R6";

    /// <summary>Cross-year: this year's 上年结转 = last year's 结转下年度继续办理.</summary>
    public const string R7 = "R7";

    /// <summary>Numbers quoted in 一、总体情况 match the tables.</summary>
    public const string R8 = "R8";

    /// <summary>2019 table 二 across years: last year's 上一年项目数量 + 本年增/减 = this year's 上一年项目数量.</summary>
    public const string R9 = "R9";

    /// <summary>Reading: a section or table missing.</summary>
    public const string P1 = "P1";

    /// <summary>Reading: a label not recognised (or cells beyond the statutory columns).</summary>
    public const string P2 = "P2";

    /// <summary>Reading: a cell not readable as a number.</summary>
    public const string P3 = "P3";

    /// <summary>Reading: an amount whose unit or decimals differ from the format.</summary>
    public const string P4 = "P4";
}

/// <summary>A report with everything found wrong in it.</summary>
public sealed record CheckedReport(AnnualReport Report, IReadOnlyList<Finding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    public int ErrorCount => Findings.Count(f => f.Severity == Severity.Error);

    public int WarningCount => Findings.Count(f => f.Severity == Severity.Warning);
}
