using System.Globalization;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.Article20;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Article20;

public sealed class Article20StatisticsTests
{
    private const string Sha = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

    private static readonly DateTimeOffset At = new(2021, 1, 8, 10, 0, 0, TimeSpan.FromHours(8));

    private static Article20Statistics New(ReportFormat format, int year = 2020) =>
        Ok(Article20Statistics.Create(Guid.NewGuid(), Guid.NewGuid(), year, format));

    public static TheoryData<ReportFormat, string> DeclaredCells()
    {
        var data = new TheoryData<ReportFormat, string>();
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            foreach (var cell in ReportLayout.For(format).Cells.Where(c => c.Table.KeyPrefix == "article20"))
            {
                data.Add(format, cell.Key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DeclaredCells))]
    public void Enter_EveryDeclaredCell_Accepted(ReportFormat format, string key)
    {
        var statistics = New(format);

        var figure = Ok(statistics.Enter(key, 3m, "u1", "张三", At));

        Assert.Equal(3m, figure.Value);
        Assert.Equal(3m, statistics.Values()[key]);
    }

    [Theory]
    [InlineData(ReportFormat.V2021, "article20.procurement.count")]   // 2021 has no 第二十条第（九）项
    [InlineData(ReportFormat.V2021, "article20.procurement.amount")]
    [InlineData(ReportFormat.V2021, "article20.rules.made")]          // a 2019 column
    [InlineData(ReportFormat.V2021, "article20.licensing.previous")]
    [InlineData(ReportFormat.V2021, "article20.otherServices.inspection.decisions")]
    [InlineData(ReportFormat.V2019, "article20.rules.issued")]        // a 2021 column
    [InlineData(ReportFormat.V2019, "article20.fees.amount")]
    [InlineData(ReportFormat.V2019, "article20.fees.decisions")]
    [InlineData(ReportFormat.V2019, "article20.rules")]
    [InlineData(ReportFormat.V2019, "Article20.rules.made")]
    [InlineData(ReportFormat.V2019, "requests.received.total")]       // declared, but not section 二
    [InlineData(ReportFormat.V2019, "appeals.reconsideration.total")]
    [InlineData(ReportFormat.V2019, "")]
    public void Enter_UnknownKey_Fails(ReportFormat format, string key)
    {
        var statistics = New(format);

        Fails(statistics.Enter(key, 1m, "u1", "张三", At), Article20Problems.KeyUnknown);

        Assert.Empty(statistics.Figures);
        Assert.Empty(statistics.History);
    }

    [Theory]
    [InlineData(ReportFormat.V2019, "article20.rules.made", "-1", Article20Problems.CountInvalid)]
    [InlineData(ReportFormat.V2019, "article20.licensing.decisions", "2.5", Article20Problems.CountInvalid)]
    [InlineData(ReportFormat.V2019, "article20.procurement.count", "-3", Article20Problems.CountInvalid)]
    [InlineData(ReportFormat.V2021, "article20.normativeDocuments.inForce", "-1", Article20Problems.CountInvalid)]
    [InlineData(ReportFormat.V2019, "article20.licensing.change", "1.5", Article20Problems.ChangeNotWhole)]
    [InlineData(ReportFormat.V2019, "article20.procurement.amount", "-0.0001", Article20Problems.AmountNegative)]
    [InlineData(ReportFormat.V2021, "article20.fees.amount", "-12", Article20Problems.AmountNegative)]
    [InlineData(ReportFormat.V2021, "article20.fees.amount", "1.0000001", Article20Problems.AmountPrecision)]
    public void Enter_InvalidValue_Fails(ReportFormat format, string key, string value, string code)
    {
        var statistics = New(format);

        Fails(statistics.Enter(key, decimal.Parse(value, CultureInfo.InvariantCulture), "u1", "张三", At), code);

        Assert.Empty(statistics.Figures);
    }

    [Theory]
    [InlineData("article20.licensing.change", "-4", "-4")]
    [InlineData("article20.fees.change", "-8", "-8")]
    [InlineData("article20.otherServices.inspection.change", "+2", "2")]
    [InlineData("article20.penalty.change", "0", "0")]
    [InlineData("article20.licensing.decisions", "3.00", "3")]         // a count is stored without decimals
    [InlineData("article20.procurement.amount", "0.5950", "0.5950")]   // the seed's amount keeps its digits
    [InlineData("article20.procurement.amount", "25.10000000", "25.100000")]
    public void Enter_ValidValue_StoredAsReported(string key, string value, string stored)
    {
        var statistics = New(ReportFormat.V2019);

        var figure = Ok(statistics.Enter(key, decimal.Parse(value, CultureInfo.InvariantCulture), "u1", "张三", At));

        Assert.Equal(stored, figure.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Check_NegativeCount_MessageNamesTheCellInChinese() =>
        Assert.Equal(
            "其他对外管理服务事项（行政检查）的“处理决定数量”应为非负整数，而不是-1",
            Fails(Article20Statistics.Check(ReportFormat.V2019, "article20.otherServices.inspection.decisions", -1m), Article20Problems.CountInvalid).Message);

    [Fact]
    public void Enter_OverComputed_ReplacesAndRecordsBoth()
    {
        var statistics = New(ReportFormat.V2019);
        Ok(statistics.SetComputed("article20.rules.total", 4m, At));

        var entered = Ok(statistics.Enter("article20.rules.total", 5m, "u7", "李四", At.AddDays(1)));

        Assert.Equal(ProvenanceKind.Entered, entered.Provenance.Kind);
        Assert.Equal(("u7", "李四", At.AddDays(1)), (entered.Provenance.UserId, entered.Provenance.UserName, entered.Provenance.At));
        Assert.Equal("由李四填报", entered.Provenance.Description);
        Assert.Collection(
            statistics.History,
            c => Assert.Equal((1, (decimal?)null, 4m, ProvenanceKind.Computed), (c.Sequence, c.PreviousValue, c.Value, c.Provenance.Kind)),
            c => Assert.Equal((2, (decimal?)4m, 5m, ProvenanceKind.Entered), (c.Sequence, c.PreviousValue, c.Value, c.Provenance.Kind)));
        Assert.Single(statistics.Figures);
    }

    [Fact]
    public void SetComputed_OverEntered_KeepsTheEnteredFigure()
    {
        var statistics = New(ReportFormat.V2021, 2021);
        Ok(statistics.Enter("article20.normativeDocuments.issued", 3m, "u7", "李四", At));

        var problem = Fails(statistics.SetComputed("article20.normativeDocuments.issued", 4m, At), Article20Problems.ManualFigureKept);

        Assert.Equal("行政规范性文件的“本年制发件数”已由李四填报为3，保留该数值（根据目录计算为4）", problem.Message);
        Assert.Equal(3m, statistics.Values()["article20.normativeDocuments.issued"]);
        Assert.Single(statistics.History);
    }

    [Fact]
    public void SetComputed_ReplaceManual_GoesBackToTheComputedFigure()
    {
        var statistics = New(ReportFormat.V2021, 2021);
        Ok(statistics.Import("article20.rules.inForce", 3m, "规章.xlsx", Sha, 2, At));

        var figure = Ok(statistics.SetComputed("article20.rules.inForce", 4m, At, replaceManual: true));

        Assert.Equal((4m, ProvenanceKind.Computed), (figure.Value, figure.Provenance.Kind));
        Assert.Equal(2, statistics.History.Count);
    }

    [Fact]
    public void SetComputed_SameValueAgain_NoChange()
    {
        var statistics = New(ReportFormat.V2019);
        Ok(statistics.SetComputed("article20.rules.made", 2m, At));

        Ok(statistics.SetComputed("article20.rules.made", 2m, At.AddDays(3)));
        Ok(statistics.SetComputed("article20.rules.made", 3m, At.AddDays(4)));

        Assert.Equal([2m, 3m], statistics.History.Select(c => c.Value));
    }

    [Theory]
    [InlineData(ReportFormat.V2019, "article20.licensing.decisions")]
    [InlineData(ReportFormat.V2019, "article20.procurement.amount")]
    [InlineData(ReportFormat.V2021, "article20.fees.amount")]
    [InlineData(ReportFormat.V2021, "article20.rules.made")]
    public void SetComputed_KeyNotFromTheCatalogue_Fails(ReportFormat format, string key) =>
        Fails(New(format).SetComputed(key, 1m, At), Article20Problems.NotComputable);

    [Fact]
    public void Import_RecordsFileHashAndRow()
    {
        var statistics = New(ReportFormat.V2019);

        var figure = Ok(statistics.Import("article20.procurement.amount", 0.5950m, "/home/ops/导入/采购统计.xlsx", Sha, 3, At));

        Assert.Equal(ProvenanceKind.Imported, figure.Provenance.Kind);
        Assert.Equal("采购统计.xlsx", figure.Provenance.FileName);
        Assert.Equal(Sha.ToLowerInvariant(), figure.Provenance.FileSha256);
        Assert.Equal(3, figure.Provenance.Row);
        Assert.Equal(At, figure.Provenance.At);
        Assert.Equal("从“采购统计.xlsx”第3行导入", figure.Provenance.Description);
        Assert.Null(figure.Provenance.UserId);
    }

    [Fact]
    public void Import_SameFileAgain_NoChange()
    {
        var statistics = New(ReportFormat.V2019);
        Ok(statistics.Import("article20.penalty.decisions", 12m, "执法.csv", Sha, 4, At));

        Ok(statistics.Import("article20.penalty.decisions", 12m, "执法.csv", Sha.ToLowerInvariant(), 4, At.AddHours(2)));

        Assert.Single(statistics.History);
        Assert.Equal(At, statistics.Figure("article20.penalty.decisions")!.Provenance.At);
    }

    [Fact]
    public void Import_SameValueFromAnotherFile_Recorded()
    {
        var statistics = New(ReportFormat.V2019);
        Ok(statistics.Import("article20.penalty.decisions", 12m, "执法.csv", Sha, 4, At));

        Ok(statistics.Import("article20.penalty.decisions", 12m, "执法-更正.csv", new string('a', 64), 4, At.AddHours(2)));

        Assert.Equal(2, statistics.History.Count);
        Assert.Equal("执法-更正.csv", statistics.Figure("article20.penalty.decisions")!.Provenance.FileName);
    }

    [Theory]
    [InlineData("", Sha, 2)]
    [InlineData("a.xlsx", "", 2)]
    [InlineData("a.xlsx", "9f86d08", 2)]
    [InlineData("a.xlsx", "zz86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 2)]
    [InlineData("a.xlsx", Sha, 0)]
    public void Import_BadSource_Fails(string fileName, string sha, int row)
    {
        var statistics = New(ReportFormat.V2019);

        Fails(statistics.Import("article20.fees.previous", 1m, fileName, sha, row, At), Article20Problems.ImportSource);

        Assert.Empty(statistics.History);
    }

    [Theory]
    [InlineData("", "张三")]
    [InlineData("u1", " ")]
    public void Enter_NoUser_Fails(string userId, string userName) =>
        Fails(New(ReportFormat.V2019).Enter("article20.fees.previous", 1m, userId, userName, At), Article20Problems.UserRequired);

    [Fact]
    public void Enter_UserNameTooLong_Fails() =>
        Fails(
            New(ReportFormat.V2019).Enter("article20.fees.previous", 1m, "u1", new string('名', FigureProvenance.MaxUserLength + 1), At),
            Article20Problems.UserTooLong);

    [Fact]
    public void Figure_BlankCell_IsNullNotZero()
    {
        var statistics = New(ReportFormat.V2019);
        Ok(statistics.Enter("article20.fees.previous", 0m, "u1", "张三", At));

        Assert.Null(statistics.Figure("article20.fees.change"));
        Assert.Equal(0m, statistics.Figure("article20.fees.previous")!.Value);
        Assert.False(statistics.Values().ContainsKey("article20.fees.change"));
    }

    [Theory]
    [InlineData(2018, ReportFormat.V2019, Article20Problems.YearOutOfRange)]
    [InlineData(10000, ReportFormat.V2021, Article20Problems.YearOutOfRange)]
    [InlineData(2021, (ReportFormat)5, Article20Problems.FormatInvalid)]
    public void Create_Invalid_Fails(int year, ReportFormat format, string code) =>
        Fails(Article20Statistics.Create(Guid.NewGuid(), Guid.NewGuid(), year, format), code);

    [Fact]
    public void Create_EmptyIds_Fails() =>
        Fails(Article20Statistics.Create(Guid.Empty, Guid.NewGuid(), 2020, ReportFormat.V2019), Article20Problems.IdRequired);
}
