using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Core.Documents;
using Gongkai.Core.Documents.Letters;
using Gongkai.Domain.Letters;
using UglyToad.PdfPig;

namespace Gongkai.Core.Tests.Documents.Letters;

/// <summary>
/// The letter writers: DOCX and PDF read back (Open XML SDK, PdfPig) to the document's text in order; the DOCX's page,
/// margins, fonts and sizes as GB/T 9704 sets them; the PDF on A4, paged with numbers when long; the print page
/// self-contained with every text encoded.
/// </summary>
public sealed class LetterRenderTests
{
    private static readonly DateOnly IssuedOn = new(2026, 12, 4);

    private static LetterDocument Short() => new(
        "政府信息公开申请接收回执",
        "东外联依申收〔2026〕第12号",
        "张三：",
        ["我机关于2026年12月4日收到您提出的政府信息公开申请（申请编号2026-000012），现予接收。", "特此回执。"],
        "北京市东城区对外联络服务办公室",
        IssuedOn);

    /// <summary>A 部分公开 reply with two withheld parts, long enough for two pages or more.</summary>
    private static LetterDocument Long()
    {
        var paragraphs = new List<string>
        {
            "我机关于2026年11月6日收到您提出的政府信息公开申请（申请编号2026-000012），您申请公开“2025年度东城区对外联络服务经费预算执行情况及相关合同”。",
            "经审查，根据《中华人民共和国政府信息公开条例》第三十七条、第三十六条第（二）项的规定，现答复如下：",
        };
        for (var i = 1; i <= 12; i++)
        {
            paragraphs.Add($"{i}. 关于第{i}项信息：该信息中涉及第三方商业秘密的部分，经征求第三方意见（东外联依申询〔2026〕第{i}号），第三方不同意公开，"
                + "公开后可能对第三方合法权益造成损害，根据《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项的规定，不予公开；其余部分予以公开——见附件。");
        }

        paragraphs.Add("如对本答复不服，可以在收到本答复之日起六十日内向北京市东城区人民政府申请行政复议；对行政复议决定不服的，可以在收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼。");
        return new LetterDocument("政府信息公开申请答复书", "东外联依申复〔2026〕第3号", "张三：", paragraphs, "北京市东城区对外联络服务办公室", IssuedOn);
    }

    private static LetterDocument WithMark() => Short() with
    {
        Title = "政府信息公开申请答复书",
        Number = "东外联依申复〔2026〕第4号",
        Mark = "更正：本答复书替代东外联依申复〔2026〕第3号",
    };

    /// <summary>Punctuation and symbols outside the common run of hanzi, Latin letters and digits.</summary>
    private static LetterDocument Symbols() => Short() with
    {
        Addressee = "北京某某科技有限公司（统一社会信用代码91110101MA01ABCD2X）：",
        Paragraphs =
        [
            "依据《中华人民共和国政府信息公开条例》第三十条，请于十五个工作日内补正——“所需信息的名称、文号或者便于查询的其他特征性描述”。",
            "补正材料可邮寄（EMS）：北京市东城区某某路1号，邮编100010；电话010-12345678；电子邮箱gk@example.gov.cn。〔〕【】《》〈〉「」‘’…·、；：？！％＋－＝×÷①②③ⅠⅡⅢ",
        ],
    };

    public static TheoryData<string> Documents() => ["short", "long", "mark", "symbols"];

    private static LetterDocument Named(string name) => name switch
    {
        "short" => Short(),
        "long" => Long(),
        "mark" => WithMark(),
        "symbols" => Symbols(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>What a letter prints, in order, built here from the document (not by the writers' own LetterLayout).</summary>
    private static List<string> Expected(LetterDocument document)
    {
        var expected = new List<string>();
        if (document.Mark is { } mark)
        {
            expected.Add(mark);
        }

        expected.AddRange([document.Title, document.Number, document.Addressee, .. document.Paragraphs, document.Signatory, "二〇二六年十二月四日"]);
        return expected;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Docx_ReadBack_IsTheDocumentsTextInOrder(string name)
    {
        var document = Named(name);

        var paragraphs = LetterReadBack.DocxParagraphs(LetterDocxWriter.Write(document));

        Assert.Equal(Expected(document), paragraphs);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Pdf_ReadBack_IsTheDocumentsTextInOrder(string name)
    {
        var document = Named(name);

        var text = LetterReadBack.PdfText(LetterPdfWriter.Write(document));

        Assert.Equal(string.Concat(Expected(document)), text);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Docx_IsValidOpenXml(string name)
    {
        using var stream = new MemoryStream(LetterDocxWriter.Write(Named(name)));
        using var document = WordprocessingDocument.Open(stream, false);

        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => e.Path?.XPath + ": " + e.Description).ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void Docx_PageAndMargins_AreA4AndGbT9704()
    {
        using var stream = new MemoryStream(LetterDocxWriter.Write(Short()));
        using var document = WordprocessingDocument.Open(stream, false);
        var section = document.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!;
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;

        // Twips (1 mm = 1440 / 25.4), to the nearest twip or one off.
        static void Mm(double mm, long twips) => Assert.InRange(twips, (mm * 1440 / 25.4) - 1, (mm * 1440 / 25.4) + 1);
        Mm(210, size.Width!.Value);
        Mm(297, size.Height!.Value);
        Assert.Null(size.Orient);
        Mm(37, margin.Top!.Value);
        Mm(35, margin.Bottom!.Value);
        Mm(28, margin.Left!.Value);
        Mm(26, margin.Right!.Value);
    }

    [Fact]
    public void Docx_Paragraphs_HaveTheirFontsSizesAndPlaces()
    {
        using var stream = new MemoryStream(LetterDocxWriter.Write(WithMark()));
        using var document = WordprocessingDocument.Open(stream, false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
        Assert.Equal(8, paragraphs.Count);
        var (mark, title, number, addressee, first) = (paragraphs[0], paragraphs[1], paragraphs[2], paragraphs[3], paragraphs[4]);
        var (signatory, date) = (paragraphs[6], paragraphs[7]);

        Assert.Equal(("黑体", "32"), Font(mark));
        Assert.Equal(JustificationValues.Left, Justification(mark));
        // 二号 (22pt) 小标宋, centred.
        Assert.Equal(("方正小标宋简体", "44"), Font(title));
        Assert.Equal(JustificationValues.Center, Justification(title));
        Assert.Equal(("仿宋_GB2312", "32"), Font(number));
        Assert.Equal(JustificationValues.Center, Justification(number));
        // The addressee flush left, no indent.
        Assert.Equal(("仿宋_GB2312", "32"), Font(addressee));
        Assert.Equal(JustificationValues.Left, Justification(addressee));
        Assert.Null(addressee.ParagraphProperties!.Indentation);
        // Body: 三号 (16pt) 仿宋, fixed 28pt line, first line indented two characters.
        Assert.Equal(("仿宋_GB2312", "32"), Font(first));
        var spacing = first.ParagraphProperties!.SpacingBetweenLines!;
        Assert.Equal("560", spacing.Line!.Value);
        Assert.Equal(LineSpacingRuleValues.Exact, spacing.LineRule!.Value);
        Assert.Equal(200, first.ParagraphProperties.Indentation!.FirstLineChars!.Value);
        // The signature: right-aligned, the date 右空四字, the agency over it, kept with it.
        Assert.Equal(JustificationValues.Right, Justification(signatory));
        Assert.Equal(JustificationValues.Right, Justification(date));
        Assert.Equal(400, date.ParagraphProperties!.Indentation!.RightChars!.Value);
        Assert.NotNull(signatory.ParagraphProperties!.KeepNext);
        Assert.All(paragraphs.SelectMany(p => p.Descendants<Languages>()), l => Assert.Equal("zh-CN", l.EastAsia!.Value));
    }

    [Fact]
    public void Docx_FontTable_NamesFallbacks()
    {
        using var stream = new MemoryStream(LetterDocxWriter.Write(Short()));
        using var document = WordprocessingDocument.Open(stream, false);
        var fonts = document.MainDocumentPart!.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!, f => f.AltName?.Val?.Value);

        Assert.Equal("Noto Serif CJK SC", fonts["方正小标宋简体"]);
        Assert.Equal("Noto Serif CJK SC", fonts["仿宋_GB2312"]);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Pdf_Pages_AreA4(string name)
    {
        using var pdf = PdfDocument.Open(LetterPdfWriter.Write(Named(name)));

        Assert.All(pdf.GetPages(), page =>
        {
            Assert.Equal(210 * 72 / 25.4, page.Width, 0.5);
            Assert.Equal(297 * 72 / 25.4, page.Height, 0.5);
        });
    }

    [Fact]
    public void Pdf_Short_OnePageWithoutPageNumber()
    {
        var pages = LetterReadBack.PdfPages(LetterPdfWriter.Write(Short()));

        var page = Assert.Single(pages);
        Assert.DoesNotContain(page, LetterReadBack.IsPageNumber);
    }

    [Fact]
    public void Pdf_Long_SeveralPagesNumbered()
    {
        var pages = LetterReadBack.PdfPages(LetterPdfWriter.Write(Long()));

        Assert.True(pages.Count >= 2, $"{pages.Count} pages");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Equal($"— {i + 1} —", pages[i].Last());
        }

        // The signature page has body text on it (GB/T 9704: never a page of signature alone).
        var last = pages[^1].Where(l => !LetterReadBack.IsPageNumber(l)).ToList();
        Assert.True(last.Count >= 3, string.Join("|", last));
        Assert.Equal(["北京市东城区对外联络服务办公室", "二〇二六年十二月四日"], last[^2..]);
    }

    [Fact]
    public void Pdf_Signature_DateRightSpaceFourCharactersAgencyCentredOverIt()
    {
        using var pdf = PdfDocument.Open(LetterPdfWriter.Write(Short()));
        var page = pdf.GetPage(1);
        var lines = page.Letters.GroupBy(l => Math.Round(l.StartBaseLine.Y, 1)).OrderByDescending(g => g.Key).ToList();
        var date = lines[^1];
        var agency = lines[^2];
        var right = (210 - 26) * 72 / 25.4;

        Assert.Equal(right - (4 * 16), date.Max(l => l.EndBaseLine.X), 1);
        var dateCentre = (date.Min(l => l.StartBaseLine.X) + date.Max(l => l.EndBaseLine.X)) / 2;
        var agencyCentre = (agency.Min(l => l.StartBaseLine.X) + agency.Max(l => l.EndBaseLine.X)) / 2;
        Assert.Equal(dateCentre, agencyCentre, 1);
    }

    [Fact]
    public void Pdf_CharacterNoFaceHas_RefusedNamingIt()
    {
        // A private-use character of plane 15: no font gives it a meaning.
        var document = Short() with { Addressee = "张\U000F0000：" };

        var e = Assert.Throws<ReportWriteException>(() => LetterPdfWriter.Write(document));

        Assert.Equal(["\U000F0000"], e.MissingCharacters);
        Assert.Contains("字体中没有“\U000F0000”（U+F0000），无法生成PDF：请在文书中改用其他字", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ReasonWithMarkup_IsShownNotRun()
    {
        var document = Short() with { Paragraphs = ["理由：<script>alert('x')</script> & <b>粗体</b>"], Signatory = "某\"机关\"" };

        var html = LetterHtmlWriter.Write(document);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("理由：&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;粗体&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("某&quot;机关&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_IsSelfContainedA4PrintPage()
    {
        var html = LetterHtmlWriter.Write(WithMark());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("@page{size:A4;margin:37mm 26mm 35mm 28mm;", html, StringComparison.Ordinal);
        Assert.Contains("\"仿宋_GB2312\",\"仿宋\",\"FangSong\"", html, StringComparison.Ordinal);
        Assert.Contains("\"方正小标宋简体\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" href=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        var position = 0;
        foreach (var text in Expected(WithMark()))
        {
            var found = html.IndexOf(">" + text + "<", position, StringComparison.Ordinal);
            Assert.True(found > position, text);
            position = found;
        }
    }

    [Theory]
    [InlineData("答复书.PDF", "pdf", "%PDF-")]
    [InlineData("x.docx", "docx", "PK")]
    [InlineData("x.html", "html", "<!DOCTYPE html>")]
    public void LetterFile_ByExtension_WritesThatFormat(string fileName, string format, string start)
    {
        Assert.Equal(format, LetterFile.FormatOf(fileName));

        var bytes = LetterFile.Write(Short(), format);

        Assert.StartsWith(start, System.Text.Encoding.UTF8.GetString(bytes, 0, start.Length), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x.txt")]
    [InlineData("x")]
    [InlineData("pdf")]
    public void LetterFile_OtherExtension_NoFormat(string fileName) => Assert.Null(LetterFile.FormatOf(fileName));

    private static (string? Font, string? Size) Font(Paragraph paragraph)
    {
        var properties = paragraph.Descendants<RunProperties>().Single();
        return (properties.RunFonts?.EastAsia?.Value, properties.FontSize?.Val?.Value);
    }

    private static JustificationValues? Justification(Paragraph paragraph) => paragraph.ParagraphProperties?.Justification?.Val?.Value;
}
