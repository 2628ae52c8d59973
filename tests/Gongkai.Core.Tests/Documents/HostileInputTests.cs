using System.Text;
using Gongkai.Core.Documents;

namespace Gongkai.Core.Tests.Documents;

/// <summary>
/// Hostile files (issue 16, 7–9): each is refused with “文件过大或结构异常” (exit 2 in <c>gongkai check</c>) instead of
/// crashing the process, filling the memory or running for minutes; a text with a noncharacter is read.
/// </summary>
public sealed class HostileInputTests
{
    private static void AssertRefused(Func<object> read, string detail)
    {
        var e = Assert.Throws<ReportReadException>(read);
        Assert.StartsWith(ReadLimits.TooLarge, e.Message, StringComparison.Ordinal);
        Assert.Contains(detail, e.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidDataException>(e.InnerException);
    }

    /// <summary>30,000 nested w:sdt overflowed the stack in the Open XML SDK's loader (exit 134, the whole folder run lost).</summary>
    [Fact]
    public void Read_DocxOf30000NestedContentControls_Refused() =>
        AssertRefused(() => ReportFile.Read(HostileFiles.NestedDocx("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", 30_000), "sdt.docx"), "嵌套");

    [Fact]
    public void Read_DocxOf20000NestedTables_Refused() =>
        AssertRefused(() => ReportFile.Read(HostileFiles.NestedDocx("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", 20_000), "tables.docx"), "嵌套");

    /// <summary>Nesting a real document has (tables in a layout table in content controls) still reads.</summary>
    [Fact]
    public void Read_DocxNested20Deep_Read()
    {
        var parsed = ReportFile.Read(HostileFiles.NestedDocx("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", 20), "ok.docx");

        Assert.NotNull(parsed);
    }

    /// <summary>A part that inflates to 100 MB (a 4.2 MB DOCX expanding to 4 GB ran out of memory): refused while inflating.</summary>
    [Fact]
    public void Read_DocxExpandingTo100MB_Refused()
    {
        var docx = HostileFiles.ExpandingDocx(100L * 1024 * 1024);

        Assert.InRange(docx.Length, 1, 1024 * 1024);
        AssertRefused(() => ReportFile.Read(docx, "bomb.docx"), "解压后超过64MB");
    }

    [Fact]
    public void Read_DocxOf5000Entries_Refused() =>
        AssertRefused(() => ReportFile.Read(HostileFiles.DocxWithEntries(5000), "many.docx"), "5003个部件");

    /// <summary>A flate stream of 16 MB of zeros (a 1 MB PDF took 2.66 GB): refused before the PDF library inflates it.</summary>
    [Fact]
    public void Read_PdfWithFlateBomb_Refused() =>
        AssertRefused(() => ReportFile.Read(HostileFiles.Pdf([HostileFiles.PageOfZeros(16 * 1024 * 1024)]), "bomb.pdf"), "PDF数据流解压后超过8MB");

    [Fact]
    public void Read_PdfOf600Pages_Refused() =>
        AssertRefused(() => ReportFile.Read(HostileFiles.Pdf(Enumerable.Repeat("BT /F1 12 Tf 10 10 Td (x) Tj ET"u8.ToArray(), 600)), "long.pdf"), "PDF有600页");

    /// <summary>A page showing 2 million letters took 20 s and 1.4 GB: refused from its content stream.</summary>
    [Fact]
    public void Read_PdfPageOf2MillionLetters_Refused() =>
        AssertRefused(() => ReportFile.Read(HostileFiles.Pdf([HostileFiles.PageOfLetters(2_000_000)]), "letters.pdf"), "PDF页面内容过多");

    /// <summary>100,000 nested div took 37 s in the HTML parser.</summary>
    [Fact]
    public void Read_HtmlOf100000NestedDivs_Refused() =>
        AssertRefused(() => ReportFile.Read(Encoding.UTF8.GetBytes(HostileFiles.NestedHtml(100_000)), "deep.html"), "HTML元素嵌套超过200层");

    [Fact]
    public void Read_HtmlOf300000Cells_Refused() =>
        AssertRefused(() => ReportFile.Read(Encoding.UTF8.GetBytes("<table><tr>" + string.Concat(Enumerable.Repeat("<td>1", 300_000)) + "</table>"), "wide.html"), "HTML元素超过");

    /// <summary>Sloppy markup of a real page (cells and paragraphs never closed) is not taken for nesting.</summary>
    [Fact]
    public void Read_HtmlOfUnclosedCellsAndParagraphs_Read()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<p>二、主动公开政府信息情况<br>", 500)) + "<table>" + string.Concat(Enumerable.Repeat("<tr><td>1<td>2", 500)) + "</table>";

        Assert.NotNull(ReportFile.Read(Encoding.UTF8.GetBytes(html), "sloppy.html"));
    }

    [Fact]
    public void Read_TextOf5MillionCharacters_Refused() =>
        AssertRefused(() => ReportFile.Read(Encoding.UTF8.GetBytes(new string('1', 5 * 1024 * 1024)), "long.txt"), "文本超过4M个字符");

    /// <summary>1.4 million one-number lines (4 MB) took 18 s in the parser.</summary>
    [Fact]
    public void Read_TextOf60000Cells_Refused() =>
        AssertRefused(() => ReportFile.Read(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("\t1\n", 60_000))), "cells.txt"), "段落和单元格超过50000个");

    /// <summary>A file over 50 MB is refused before it is read (a sparse file: nothing is written).</summary>
    [Fact]
    public void Read_FileOver50MB_RefusedUnread()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "huge.html");
        using (var file = File.Create(path))
        {
            file.SetLength(ReadLimits.MaxFileBytes + 1);
        }

        AssertRefused(() => ReportFile.Read(path), "文件大小超过50MB");
    }

    /// <summary>U+FFFE in a text file threw ArgumentException out of NFKC (an unhandled crash); now it reads as U+FFFD.</summary>
    [Theory]
    [InlineData('\uFFFE')]
    [InlineData('\uFFFF')]
    public void Read_TextWithNoncharacter_Read(char bad)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "000_4b732cc91709996f.txt")) + $"\n{bad}①\n";

        var parsed = ReportFile.Read(Encoding.UTF8.GetBytes(text), "odd.txt");

        Assert.Equal("北京市东城区对外联络服务办公室", parsed.Report.Agency);
    }
}
