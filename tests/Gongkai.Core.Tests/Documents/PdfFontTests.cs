using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Core.Tests.Documents;

/// <summary>
/// The PDF writer's shipped faces (Documents/Fonts): every character of GB 2312 and the 通用规范汉字表, embedded as
/// CID subsets (not Type 3), and a character no face has reported by name rather than printed as an empty box.
/// </summary>
public sealed partial class PdfFontTests
{
    // The seed measured 130 KB (3 CIDFontType2 subsets) when the faces were shipped; 698 KB before, with 199 Type 3 fonts.
    private const int SeedPdfLimit = 150 * 1024;

    [Fact]
    public void Write_Seed_FontsAreEmbeddedCidSubsetsAndNoType3()
    {
        var pdf = Encoding.Latin1.GetString(PdfReportWriter.Write(new SeedCopy().Parse().Report));

        Assert.DoesNotMatch(@"/Subtype\s*/Type3", pdf);
        var cidFonts = CidFontType2().Count(pdf);
        Assert.InRange(cidFonts, 3, 4);
        // A subset's name has a six-letter tag: AAAAAA+GongkaiSerifSC-Regular.
        Assert.All(BaseFonts().Matches(pdf), m => Assert.Matches(@"^[A-Z]{6}\+Gongkai", m.Groups[1].Value));
        Assert.Equal(cidFonts, FontFile2().Count(pdf));
    }

    [Fact]
    public void Write_Seed_AtMost150KB()
    {
        var bytes = PdfReportWriter.Write(new SeedCopy().Parse().Report);

        Assert.True(bytes.Length <= SeedPdfLimit, $"{bytes.Length} bytes");
    }

    [Fact]
    public void ShippedFaces_HaveEveryCharacterOfGb2312()
    {
        // Code page 20936 is GB 2312 itself (936 is GBK); unassigned codes decode to '?' or a private-use character.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb2312 = Encoding.GetEncoding(20936, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
        var characters = new List<int>();
        for (var row = 0xA1; row <= 0xF7; row++)
        {
            for (var cell = 0xA1; cell <= 0xFE; cell++)
            {
                var text = gb2312.GetString([(byte)row, (byte)cell]);
                if (text.Length == 1 && text[0] is not ('?' or '\uFFFD') && !char.IsSurrogate(text[0]) && CharUnicodeInfo.GetUnicodeCategory(text[0]) != UnicodeCategory.PrivateUse)
                {
                    characters.Add(text[0]);
                }
            }
        }

        Assert.InRange(characters.Count, 7400, 7445);
        AssertAllInShippedFaces(characters);
    }

    [Fact]
    public void ShippedFaces_HaveEveryCharacterOfTheTongyongGuifanHanzibiao()
    {
        var characters = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "fonts", "tongyong-guifan-hanzi.txt"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => char.ConvertToUtf32(l.Split('\t')[2], 0))
            .ToList();

        Assert.Equal(8105, characters.Count);
        AssertAllInShippedFaces(characters);
    }

    [Fact]
    public void Write_CharacterNoFaceHas_ReportWriteExceptionNamesItAndItsCodePoint()
    {
        // Private-use characters of planes 15 and 16: no font gives them a meaning, so none can have them.
        var example = ExampleReports.V2021Example();
        var report = new AnnualReport(example.Format, example.Agency, example.Year, example.Values, example.Blanks, new Dictionary<string, string>(example.Texts)
        {
            ["text.overview"] = "本机关依法做好政府信息公开工作\U000F0000，联系人\U0010FFFD。",
        });

        var e = Assert.Throws<ReportWriteException>(() => PdfReportWriter.Write(report));

        Assert.Equal(["\U000F0000", "\U0010FFFD"], e.MissingCharacters);
        Assert.Contains("字体中没有“\U000F0000”（U+F0000）、“\U0010FFFD”（U+10FFFD）", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ControlAndZeroWidthCharacters_NotReportedAsMissing()
    {
        var example = ExampleReports.V2021Example();
        var report = new AnnualReport(example.Format, example.Agency, example.Year, example.Values, example.Blanks, new Dictionary<string, string>(example.Texts)
        {
            ["text.overview"] = "本机关\u200B依法\uFEFF做好\u00A0政府信息公开工作。",
        });

        Assert.NotEmpty(PdfReportWriter.Write(report));
    }

    private static void AssertAllInShippedFaces(List<int> characters)
    {
        var faces = PdfFaces.Get();
        foreach (var face in new[] { faces.Serif, faces.SerifBold, faces.Sans })
        {
            var missing = characters.Where(c => !PdfFaces.Has(face, c)).Select(c => $"{char.ConvertFromUtf32(c)} U+{c:X4}").ToList();
            Assert.True(missing.Count == 0, $"{face.FamilyName} {face.FontStyle.Weight} lacks {missing.Count}: {string.Join(", ", missing.Take(20))}");
        }
    }

    [GeneratedRegex(@"/Subtype\s*/CIDFontType2")]
    private static partial Regex CidFontType2();

    [GeneratedRegex(@"/Subtype\s*/Type0\s*/BaseFont\s*/(\S+)")]
    private static partial Regex BaseFonts();

    [GeneratedRegex(@"/FontFile2\s")]
    private static partial Regex FontFile2();
}
