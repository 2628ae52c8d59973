using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Tests.AnnualReports.Lifecycle;

public sealed class LockRequirementsTests
{
    private static AnnualReport Report(ReportFormat format, string? overview, string? problems, string? other)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in new[] { (CellKey.Overview, overview), (CellKey.Problems, problems), (CellKey.OtherMatters, other) })
        {
            if (text is not null)
            {
                texts[key] = text;
            }
        }

        return new AnnualReport(format, "某机关", 2021, new Dictionary<string, decimal>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), texts);
    }

    /// <summary>The titles the refusal names are the format declarations' own, verbatim, in both formats.</summary>
    [Theory]
    [InlineData(ReportFormat.V2019)]
    [InlineData(ReportFormat.V2021)]
    public void Sections_TitlesVerbatimFromTheFormatDeclaration(ReportFormat format)
    {
        var titles = ReportLayout.For(format).Sections.Where(s => s.TextKey is not null).ToDictionary(s => s.TextKey!.Value.ToString(), s => s.Title, StringComparer.Ordinal);
        Assert.Equal("一、总体情况", titles["text.overview"]);
        Assert.Equal("五、存在的主要问题及改进情况", titles["text.problems"]);
        Assert.Equal("六、其他需要报告的事项", titles["text.other"]);
    }

    [Theory]
    [InlineData(ReportFormat.V2019, "概述", null, null, "“五、存在的主要问题及改进情况”、“六、其他需要报告的事项”")]
    [InlineData(ReportFormat.V2021, "概述", "  \n ", "无", "“五、存在的主要问题及改进情况”")]
    [InlineData(ReportFormat.V2021, "概述", "问题", "", "“六、其他需要报告的事项”")]
    [InlineData(ReportFormat.V2019, "", "问题", "无", "“一、总体情况”")]
    [InlineData(ReportFormat.V2021, null, null, null, "“一、总体情况”、“五、存在的主要问题及改进情况”、“六、其他需要报告的事项”")]
    public void Check_SectionsEmpty_RefusedNamingEachMissingSection(ReportFormat format, string? overview, string? problems, string? other, string named)
    {
        var problem = LockRequirements.Check(Report(format, overview, problems, other));

        Assert.NotNull(problem);
        Assert.Equal(LockRequirements.TextMissing, problem.Code);
        Assert.Equal(ProblemKind.Invalid, problem.Kind);
        Assert.Equal($"年度报告锁定前须填写{named}（没有需要报告的内容时写明“无”）", problem.Message);
    }

    [Theory]
    [InlineData(ReportFormat.V2019)]
    [InlineData(ReportFormat.V2021)]
    public void Check_AllThreeWritten_NoProblem(ReportFormat format)
    {
        Assert.Null(LockRequirements.Check(Report(format, "概述", "问题及改进", "无")));
        Assert.Empty(LockRequirements.Missing(Report(format, "概述", "问题及改进", "无")));
    }
}
