using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Domain.Tests.AnnualReports.Parsing;

public sealed class ReportTokenTests
{
    [Theory]
    [InlineData(130, 0, 0, "第130行")]
    [InlineData(0, 3, 0, "第3个表格第5行第2格")]
    [InlineData(0, 3, 4, "第4页第3个表格第5行第2格")]
    [InlineData(0, 0, 4, "第4页")]
    [InlineData(0, 0, 0, "正文")]
    public void Describe_WhereTheTokenStands(int line, int table, int page, string expected) =>
        Assert.Equal(expected, new ReportToken("1", TokenKind.Cell, false, line, table, Row: table > 0 ? 5 : 0, Column: table > 0 ? 2 : 0, Page: page).Describe());
}
