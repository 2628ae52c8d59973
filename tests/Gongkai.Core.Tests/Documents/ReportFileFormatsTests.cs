using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Core.Tests.Documents;

/// <summary>The registry of report file forms: found by extension and by name, and what a written file starts with.</summary>
public sealed class ReportFileFormatsTests
{
    [Theory]
    [InlineData("a/report.html", "html")]
    [InlineData("report.HTM", "html")]
    [InlineData("report.docx", "docx")]
    [InlineData("report.pdf", "pdf")]
    [InlineData("report.json", "json")]
    [InlineData("report.txt", "txt")]
    [InlineData("report.xlsx", "xlsx")]
    public void ForPath_KnownExtension_ItsForm(string path, string name) => Assert.Equal(name, ReportFileFormats.ForPath(path)?.Name);

    [Theory]
    [InlineData("report.exe")]
    [InlineData("report")]
    [InlineData("report.doc")]
    public void ForPath_OtherExtension_Null(string path) => Assert.Null(ReportFileFormats.ForPath(path));

    [Fact]
    public void Named_OnlyAmongTheOffered() =>
        Assert.Null(ReportFileFormats.Named("html", [ReportFileFormats.Docx, ReportFileFormats.Pdf]));

    [Fact]
    public void Readable_EveryFormButXlsx() =>
        Assert.Equal(["txt", "html", "docx", "pdf", "json"], ReportFileFormats.Readable.Select(f => f.Name));

    [Theory]
    [InlineData("txt", true)]
    [InlineData("html", true)]
    [InlineData("json", false)] // RFC 8259 §8.1
    public void Write_Bom_OnTextAndHtmlNeverOnJson(string name, bool marked)
    {
        var format = ReportFileFormats.Named(name, ReportFileFormats.All)!;

        var bytes = format.Write(new CheckedReport(ExampleReports.V2021Example(), []), bom: true);

        Assert.Equal(marked, bytes.AsSpan().StartsWith("\uFEFF"u8));
    }

    [Fact]
    public void Write_JsonOfAStoredVersion_TheStoredTextByteForByte()
    {
        const string stored = "{\"format\":\"2021\",\"cells\":{}}";

        var bytes = ReportFileFormats.Json.Write(new CheckedReport(ExampleReports.V2021Example(), []), storedJson: stored);

        Assert.Equal(stored, System.Text.Encoding.UTF8.GetString(bytes));
    }
}
