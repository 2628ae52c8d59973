using System.Collections.Concurrent;
using System.Reflection;
using SkiaSharp;

namespace Gongkai.Core.Documents;

/// <summary>
/// The typefaces of the PDF report, loaded once per process (a typeface is immutable, so all writers share them).
/// Government offices print 方正小标宋 / 黑体 / 仿宋_GB2312, which a Linux server does not have; the faces of the same
/// classes are shipped in this assembly (Documents/Fonts/README.md): subsets of Noto Serif CJK SC Bold for the
/// 小标宋-class title, Noto Sans CJK SC for the 黑体 headings and Noto Serif CJK SC (宋体 class, the nearest to 仿宋
/// that is free) for the text, covering GB 2312 and the 通用规范汉字表.
/// </summary>
/// <remarks>
/// The shipped faces come first and system faces only for the characters they lack, although the issue prefers
/// system fonts: the system's Noto CJK (the only CJK faces a Debian server has) are CFF-outlined, and Skia embeds a
/// CFF face as one Type 3 font per 256 glyphs drawn as procedures (the seed: 698 KB, 199 Type 3 fonts),
/// but a TrueType-outlined face as a CIDFontType2 subset. The shipped subsets have TrueType outlines, so a report
/// in GB 2312 and the 通用规范汉字表 is small and has real fonts; a rarer character (a name in Ext-B) still prints
/// if any installed face has it, and one no face has is reported, never printed as an empty box.
/// </remarks>
internal sealed class PdfFaces
{
    private static readonly Lazy<PdfFaces> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // Per face and code point: the system face that has the character, or null; asked of fontconfig once.
    private readonly ConcurrentDictionary<(SKTypeface Face, int CodePoint), SKTypeface?> _fallbacks = new();

    // The shipped faces' files, for the subset of each PDF (TrueTypeSubset).
    private readonly Dictionary<SKTypeface, byte[]> _files;

    private PdfFaces(Dictionary<SKTypeface, byte[]> files, SKTypeface serif, SKTypeface serifBold, SKTypeface sans)
    {
        _files = files;
        Serif = serif;
        SerifBold = serifBold;
        Sans = sans;
    }

    public SKTypeface Serif { get; }

    public SKTypeface SerifBold { get; }

    public SKTypeface Sans { get; }

    public static PdfFaces Get() => Shared.Value;

    /// <summary>The face that draws the character: <paramref name="face"/> if it has it, else a system face of its style that has, else null.</summary>
    public SKTypeface? For(SKTypeface face, int codePoint) =>
        Has(face, codePoint) ? face : _fallbacks.GetOrAdd((face, codePoint), key => SystemFace(key.Face, key.CodePoint));

    /// <summary>
    /// A shipped face cut down to the characters given (Skia embeds the face it draws with whole), or null for a
    /// system face, which Skia embeds as it is.
    /// </summary>
    public SKTypeface? Subset(SKTypeface face, IEnumerable<int> codePoints)
    {
        if (!_files.TryGetValue(face, out var file))
        {
            return null;
        }

        using var font = new SKFont(face);
        var glyphs = codePoints.Select(c => (c, font.GetGlyph(c))).ToList();
        using var data = SKData.CreateCopy(TrueTypeSubset.Make(file, glyphs));
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("Skia cannot read the subset of " + face.FamilyName);
    }

    private static SKTypeface? SystemFace(SKTypeface face, int codePoint)
    {
        var matched = SKFontManager.Default.MatchCharacter(null, face.FontStyle, ["zh-Hans", "zh"], codePoint);
        // fontconfig may answer with its default face whatever the character: only a face with a glyph counts.
        if (matched is not null && Has(matched, codePoint))
        {
            return matched;
        }

        matched?.Dispose();
        return null;
    }

    /// <summary>Whether the face has a glyph for the character (glyph 0 is .notdef, the empty box).</summary>
    public static bool Has(SKTypeface face, int codePoint)
    {
        using var font = new SKFont(face);
        return font.GetGlyph(codePoint) != 0;
    }

    private static PdfFaces Load()
    {
        var files = new Dictionary<SKTypeface, byte[]>();
        return new(files, Shipped("GongkaiSerifSC-Regular.ttf", files), Shipped("GongkaiSerifSC-Bold.ttf", files), Shipped("GongkaiSansSC-Regular.ttf", files));
    }

    private static SKTypeface Shipped(string file, Dictionary<SKTypeface, byte[]> files)
    {
        var name = "Gongkai.Fonts." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("Gongkai.Core was built without its font resource " + name);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        using var data = SKData.CreateCopy(bytes);
        var face = SKTypeface.FromData(data) ?? throw new InvalidOperationException("Skia cannot read the font resource " + name);
        files[face] = bytes;
        return face;
    }
}
