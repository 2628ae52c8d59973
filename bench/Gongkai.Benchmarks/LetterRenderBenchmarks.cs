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
            "我机关于2026年11月6日收到您提出的政府信息公开申请（申请编号2026-000012），申请获取“东城区对外联络服务中心装修改造项目的中标合同及验收报告”。"
                + "根据《中华人民共和国政府信息公开条例》第三十七条的规定，答复如下：",
            "一、中标合同及验收报告予以公开（第三十六条第（二）项），见附件；下列两部分不予公开：",
            "二、中标合同中的报价明细，涉及第三方商业秘密，第三方不同意公开（东外联依申询〔2026〕第2号），依据第十五条、第三十六条第（三）项不予公开。",
            "三、验收报告中专家的身份证号码及电话，属于个人隐私，依据第十五条、第三十六条第（三）项不予公开。",
            "对不予公开的部分不服的，可以在收到本答复书之日起六十日内向北京市东城区人民政府申请行政复议，对复议决定不服的，可以在收到行政复议决定书之日起十五日内向北京市东城区人民法院提起行政诉讼。",
            "联系机构：本机关政府信息公开办公室，电话010-12345678。",
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
