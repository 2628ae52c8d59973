using SkiaSharp;

namespace Gongkai.Core.Documents;

/// <summary>
/// The typefaces of the PDF report, loaded once per process (a typeface is immutable, so all writers share them).
/// Government offices print 方正小标宋 / 黑体 / 仿宋_GB2312, which a Linux server does not have; Debian's
/// fonts-noto-cjk gives the same classes: Noto Serif CJK SC Bold for the 小标宋-class title, Noto Sans CJK SC for
/// the 黑体 headings and Noto Serif CJK SC (宋体 class, the nearest to 仿宋 that is free) for the text.
/// </summary>
internal sealed class PdfFaces
{
    private const string FontFolder = "/usr/share/fonts/opentype/noto";

    private static readonly Lazy<PdfFaces> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private PdfFaces(SKTypeface serif, SKTypeface serifBold, SKTypeface sans)
    {
        Serif = serif;
        SerifBold = serifBold;
        Sans = sans;
    }

    public SKTypeface Serif { get; }

    public SKTypeface SerifBold { get; }

    public SKTypeface Sans { get; }

    /// <summary>The faces, or an exception saying in Chinese which package is missing.</summary>
    public static PdfFaces Get() => Shared.Value;

    private static PdfFaces Load() => new(
        Find("Noto Serif CJK SC", SKFontStyle.Normal, "NotoSerifCJK-Regular.ttc"),
        Find("Noto Serif CJK SC", SKFontStyle.Bold, "NotoSerifCJK-Bold.ttc"),
        Find("Noto Sans CJK SC", SKFontStyle.Normal, "NotoSansCJK-Regular.ttc"));

    /// <summary>
    /// By family through fontconfig first; then the Debian file itself, in case fontconfig's cache is stale.
    /// fontconfig answers an unknown family with some other font, so the family name is checked: a PDF in
    /// DejaVu would print every Chinese character as a box.
    /// </summary>
    private static SKTypeface Find(string family, SKFontStyle style, string file)
    {
        var matched = SKFontManager.Default.MatchFamily(family, style);
        if (matched is not null && matched.FamilyName == family)
        {
            return matched;
        }

        matched?.Dispose();
        var path = Path.Combine(FontFolder, file);
        if (File.Exists(path))
        {
            // A .ttc holds the JP, KR, SC, TC and HK faces; their order is not part of any contract.
            for (var index = 0; index < 10; index++)
            {
                var face = SKTypeface.FromFile(path, index);
                if (face is null)
                {
                    break;
                }

                if (face.FamilyName == family)
                {
                    return face;
                }

                face.Dispose();
            }
        }

        throw new InvalidOperationException($"未找到生成PDF所需的中文字体“{family}”，请安装 fonts-noto-cjk（Debian：apt-get install fonts-noto-cjk）");
    }
}
