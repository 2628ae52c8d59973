namespace Gongkai.Domain.AnnualReports.Layout;

/// <summary>What a statutory cell holds.</summary>
public enum CellKind
{
    /// <summary>A non-negative whole number (applications, cases, documents).</summary>
    Count,

    /// <summary>A signed whole number: 2019 本年增/减, written "减4", "-4", "+2".</summary>
    SignedCount,

    /// <summary>An amount in 万元 as a decimal with its published digits (采购总金额, 收费金额).</summary>
    Amount,
}
