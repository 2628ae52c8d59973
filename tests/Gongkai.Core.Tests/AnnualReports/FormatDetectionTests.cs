using System.Text;
using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Core.Tests.AnnualReports;

/// <summary>The format version comes from the labels first, the year second, the caller's override above both.</summary>
public sealed class FormatDetectionTests
{
    [Fact]
    public void Detect_2019LabelsInAReportOn2022_Format2019()
    {
        var parsed = new SeedCopy().Replace(SeedCopy.Title, "2020年", "2022年").Parse();

        Assert.Equal(ReportFormat.V2019, parsed.Report.Format);
        Assert.Equal(2022, parsed.Report.Year);
        Assert.Empty(parsed.Findings);
    }

    [Fact]
    public void Detect_2021LabelsInAReportOn2020_Format2021()
    {
        var text = TextReportWriter.Write(ExampleReports.V2021Example()).Replace("2023年政府信息公开工作年度报告", "2020年政府信息公开工作年度报告", StringComparison.Ordinal);

        var parsed = ReportFile.Read(Encoding.UTF8.GetBytes(text), "r.txt");

        Assert.Equal(ReportFormat.V2021, parsed.Report.Format);
        Assert.Equal(1m, parsed.Report.Values["requests.other.noSupplement.legalServiceInstitution"]);
    }

    [Fact]
    public void Override_2021OnThe2019Seed_ReadsAs2021AndReportsWhatDoesNotFit()
    {
        var parsed = ReportFile.Read(Encoding.UTF8.GetBytes(Samples.SeedText), "seed.txt", ReportFormat.V2021);

        Assert.Equal(ReportFormat.V2021, parsed.Report.Format);
        Assert.Contains(parsed.Findings, f => f.Rule == "P1" && f.Message.Contains("其他处理", StringComparison.Ordinal));
        Assert.Contains(parsed.Findings, f => f.Rule == "P2" && f.Message.Contains("本年新制作数量", StringComparison.Ordinal));
    }

    [Fact]
    public void Title_ChineseNumeralYearAndAttachmentMark_Read()
    {
        var parsed = new SeedCopy()
            .Set(1, "附件2：")
            .Set(SeedCopy.Title, "二〇二〇年度政府信息公开工作年度报告")
            .Parse();

        Assert.Equal(2020, parsed.Report.Year);
        Assert.Equal("北京市东城区对外联络服务办公室", parsed.Report.Agency);
    }
}
