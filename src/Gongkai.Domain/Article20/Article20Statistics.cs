using System.Globalization;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Article20;

/// <summary>
/// An agency's figures for section 二 (主动公开, 条例 Art 20 items (一)(五)(六)(八)(九)) of one year, in the shape of
/// one report format: every figure is a declared <c>article20.*</c> cell of <see cref="Format"/> (the 2019 local
/// sub-rows 行政检查 and 行政确认 of 其他对外管理服务事项 included) with its provenance. 规章 and 规范性文件 are computed
/// from the catalogue where it holds them (<see cref="Article20Counts"/>); the rest are entered or imported, since
/// they live in other systems. A cell without a figure is blank, which is not 0. Every change is kept in
/// <see cref="History"/>; a refused set changes nothing.
/// </summary>
public sealed class Article20Statistics
{
    /// <summary>The first year reported in these formats (国办公开办函〔2019〕60号, reports on 2019 onward).</summary>
    public const int FirstYear = 2019;

    /// <summary>Amounts are in 万元; six decimals reach 1 分, finer digits mean a wrong unit.</summary>
    public const int MaxAmountDecimals = 6;

    private readonly List<Article20Figure> _figures = [];
    private readonly List<Article20FigureChange> _history = [];

    // For EF Core.
    private Article20Statistics()
    {
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The year reported on.</summary>
    public int Year { get; private set; }

    /// <summary>The format whose cells the figures fill; usually <see cref="ReportFormats.DefaultForYear"/> of the year.</summary>
    public ReportFormat Format { get; private set; }

    public IReadOnlyList<Article20Figure> Figures => _figures.AsReadOnly();

    /// <summary>Every change in the order made.</summary>
    public IReadOnlyList<Article20FigureChange> History => _history.AsReadOnly();

    /// <summary>
    /// Statistics with no figure yet. The format is not tied to the year: last year's figures in this year's shape
    /// (for a comparison) is allowed.
    /// </summary>
    public static Result<Article20Statistics> Create(Guid id, Guid agencyId, int year, ReportFormat format)
    {
        if (id == Guid.Empty || agencyId == Guid.Empty)
        {
            return new Problem(Article20Problems.IdRequired, "统计和机关的标识不能为空");
        }

        if (year is < FirstYear or > 9999)
        {
            return new Problem(Article20Problems.YearOutOfRange, $"年度应在{Text(FirstYear)}年以后（年度报告格式自2019年度起适用）");
        }

        if (!Enum.IsDefined(format))
        {
            return new Problem(Article20Problems.FormatInvalid, "年度报告格式无效（应为2019版或2021版）");
        }

        return new Article20Statistics { Id = id, AgencyId = agencyId, Year = year, Format = format };
    }

    /// <summary>The figure of a cell, or null when the cell is blank.</summary>
    public Article20Figure? Figure(string key) => _figures.Find(f => string.Equals(f.Key, key, StringComparison.Ordinal));

    /// <summary>The figures as report cells (key → value); blank cells are absent.</summary>
    public IReadOnlyDictionary<string, decimal> Values() => _figures.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    /// <summary>A figure typed in by staff; it replaces any earlier figure of the cell, a computed one included.</summary>
    public Result<Article20Figure> Enter(string key, decimal value, string userId, string userName, DateTimeOffset at) =>
        Check(Format, key, value).Bind(v => FigureProvenance.Entered(userId, userName, at).Bind(p => Set(key, v, p)));

    /// <summary>
    /// A figure read from row <paramref name="row"/> of a file. Importing the same file again sets nothing new: a
    /// figure already from that file and row with the same value stays as it is, without a change in the history.
    /// </summary>
    public Result<Article20Figure> Import(string key, decimal value, string fileName, string sha256, int row, DateTimeOffset at) =>
        Check(Format, key, value).Bind(v => FigureProvenance.Imported(fileName, sha256, row, at).Bind(p => Set(key, v, p)));

    /// <summary>
    /// A figure computed from the catalogue (<see cref="Article20Counts.Keys"/> only). A figure staff entered or
    /// imported is theirs: it is kept, with <see cref="Article20Problems.ManualFigureKept"/>, unless
    /// <paramref name="replaceManual"/> says to go back to the computed figure. The same computed value again is no
    /// change.
    /// </summary>
    public Result<Article20Figure> SetComputed(string key, decimal value, DateTimeOffset at, bool replaceManual = false)
    {
        if (!Article20Counts.IsComputable(key, Format))
        {
            return new Problem(Article20Problems.NotComputable, $"“{key}”不是可根据目录计算的栏目（只有规章和规范性文件的数量可以计算）");
        }

        var check = Check(Format, key, value);
        if (!check.TryGetValue(out var checkedValue))
        {
            return check.Problem;
        }

        if (Figure(key) is { Provenance.Kind: not ProvenanceKind.Computed } manual && !replaceManual)
        {
            return new Problem(
                Article20Problems.ManualFigureKept,
                $"{Label(Format, key)}已{manual.Provenance.Description}为{Text(manual.Value)}，保留该数值（根据目录计算为{Text(checkedValue)}）");
        }

        return Set(key, checkedValue, FigureProvenance.Computed(at));
    }

    /// <summary>
    /// Checks a value for a cell of <paramref name="format"/> without setting it (an import checks every row first):
    /// the key must be a declared <c>article20.*</c> cell; counts are whole and not negative, 本年增/减 is whole and may
    /// be negative, amounts are not negative with at most <see cref="MaxAmountDecimals"/> decimals. Gives the value
    /// as stored: counts without decimals, amounts with their digits.
    /// </summary>
    public static Result<decimal> Check(ReportFormat format, string key, decimal value)
    {
        if (!Enum.IsDefined(format))
        {
            return new Problem(Article20Problems.FormatInvalid, "年度报告格式无效（应为2019版或2021版）");
        }

        if (key is null || !ReportLayout.For(format).TryGetCell(key, out var cell) || cell.Table.KeyPrefix != CellKey.Article20Prefix)
        {
            return new Problem(Article20Problems.KeyUnknown, $"“{key}”不是{format.Code()}版年度报告格式第二十条统计中的栏目");
        }

        var whole = value == decimal.Truncate(value);
        switch (cell.Kind)
        {
            case CellKind.Count when !whole || value < 0:
                return new Problem(Article20Problems.CountInvalid, $"{Label(cell)}应为非负整数，而不是{Text(value)}");
            case CellKind.SignedCount when !whole:
                return new Problem(Article20Problems.ChangeNotWhole, $"{Label(cell)}应为整数（减少用负数，如-4），而不是{Text(value)}");
            case CellKind.Count or CellKind.SignedCount:
                return decimal.Truncate(value);
            case CellKind.Amount when value < 0:
                return new Problem(Article20Problems.AmountNegative, $"{Label(cell)}不能为负数");
            case CellKind.Amount when decimal.Round(value, MaxAmountDecimals) != value:
                return new Problem(Article20Problems.AmountPrecision, $"{Label(cell)}以万元为单位，最多保留{Text(MaxAmountDecimals)}位小数（到分），而不是{Text(value)}");
            default:
                // Trailing zeros past the sixth decimal carry no digit worth keeping.
                return value.Scale > MaxAmountDecimals ? decimal.Round(value, MaxAmountDecimals) : value;
        }
    }

    private Result<Article20Figure> Set(string key, decimal value, FigureProvenance provenance)
    {
        var index = _figures.FindIndex(f => string.Equals(f.Key, key, StringComparison.Ordinal));
        var previous = index >= 0 ? _figures[index] : null;
        if (previous is not null && previous.Value == value && previous.Value.Scale == value.Scale && previous.Provenance.SameSourceAs(provenance))
        {
            return previous;
        }

        var figure = new Article20Figure(key, value, provenance);
        if (index >= 0)
        {
            _figures[index] = figure;
        }
        else
        {
            _figures.Add(figure);
        }

        _history.Add(new Article20FigureChange(_history.Count + 1, key, previous?.Value, value, provenance));
        return figure;
    }

    /// <summary>E.g. 行政许可的“本年增/减”, 其他对外管理服务事项（行政检查）的“上一年项目数量”.</summary>
    private static string Label(CellSpec cell)
    {
        var row = cell.Row.Row.Label;
        if (cell.Row.Parent is { Row.Key.Length: > 0 } parent)
        {
            row = $"{parent.Row.Label}（{row}）";
        }

        return $"{row}的“{cell.Column.Label}”";
    }

    private static string Label(ReportFormat format, string key) =>
        ReportLayout.For(format).TryGetCell(key, out var cell) ? Label(cell) : key;

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
