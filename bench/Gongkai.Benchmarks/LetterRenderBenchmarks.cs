using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Gongkai.Core.Documents.Letters;
using Gongkai.Domain.Letters;
using UglyToad.PdfPig;

namespace Gongkai.Benchmarks;

/// <summary>
/// A typical reply (部分公开 with two withheld parts, about a page) rendered as DOCX and as PDF and saved to a file,
/// each against a baseline of saving the same bytes (rendered once in GlobalSetup) to the same file: the ratio is
/// what rendering adds to saving a letter. Single-threaded, so letters per second per core = 1 / mean.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class LetterRenderBenchmarks
{
    private LetterDocument _reply = null!;
    private byte[] _docx = [];
    private byte[] _pdf = [];
    private string _folder = "";
    private string _path = "";

    /// <summary>A 部分公开 reply as the letters of issue 14 print it: facts, decision, two withheld parts, remedy, contact.</summary>
    public static LetterDocument TypicalReply() => new(
        "政府信息公开申请答复书",
        "东外联依申复〔2026〕第3号",
        "张三：",
        [
            "我机关于2026年11月6日收到您提出的政府信息公开申请（申请编号2026-000012），您申请获取“2025年度东城区对外联络服务中心装修改造项目的招标文件、中标合同及验收报告”。",
            "经审查，根据《中华人民共和国政府信息公开条例》第三十七条、第三十六条第（二）项、第三十六条第（三）项的规定，现答复如下：",
            "一、予以公开的部分：该项目的招标文件、中标合同（删除下述第二项内容后）及验收报告，以电子邮件方式提供给您，见附件。",
            "二、不予公开的部分之一：中标合同中中标单位的报价明细及成本构成。该信息涉及第三方商业秘密，经书面征求第三方意见（东外联依申询〔2026〕第2号），"
                + "第三方不同意公开，公开后可能损害第三方合法权益，根据《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项的规定，不予公开。",
            "三、不予公开的部分之二：验收报告中验收专家的姓名、身份证号码及联系电话。该信息属于个人隐私，公开会对个人合法权益造成损害，"
                + "根据《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项的规定，不予公开。",
            "如对本答复中不予公开的部分不服，可以在收到本答复书之日起六十日内向北京市东城区人民政府申请行政复议；对行政复议决定不服的，可以在收到行政复议决定书之日起十五日内依法向北京市东城区人民法院提起行政诉讼。"
                + "如对本答复的其他内容不服，可以在收到本答复书之日起六十日内向北京市东城区人民政府申请行政复议，或者在六个月内依法向北京市东城区人民法院提起行政诉讼。",
            "联系机构：北京市东城区对外联络服务办公室政府信息公开工作机构；地址：北京市东城区某某大街1号；联系电话：010-12345678。",
        ],
        "北京市东城区对外联络服务办公室",
        new DateOnly(2026, 12, 4));

    [GlobalSetup]
    public void Setup()
    {
        _reply = TypicalReply();
        _docx = LetterDocxWriter.Write(_reply);
        _pdf = LetterPdfWriter.Write(_reply);
        _folder = Directory.CreateTempSubdirectory("gongkai-bench-letters-").FullName;
        _path = Path.Combine(_folder, "letter.bin");
        using var pdf = PdfDocument.Open(_pdf);
        var characters = _reply.Paragraphs.Sum(p => p.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Typical reply: {characters} characters of body, PDF {_pdf.Length} bytes and {pdf.NumberOfPages} page(s), DOCX {_docx.Length} bytes"));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("docx")]
    public int SaveDocxBytes() => Save(_docx);

    [Benchmark]
    [BenchmarkCategory("docx")]
    public int RenderDocx() => Save(LetterDocxWriter.Write(_reply));

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("pdf")]
    public int SavePdfBytes() => Save(_pdf);

    [Benchmark]
    [BenchmarkCategory("pdf")]
    public int RenderPdf() => Save(LetterPdfWriter.Write(_reply));

    private int Save(byte[] bytes)
    {
        File.WriteAllBytes(_path, bytes);
        return bytes.Length;
    }
}
