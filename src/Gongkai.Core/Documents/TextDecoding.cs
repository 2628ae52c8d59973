using System.Text;
using System.Text.Unicode;

namespace Gongkai.Core.Documents;

/// <summary>
/// Decodes report bytes without being told the encoding: a BOM (UTF-8, UTF-16) decides; else the bytes are UTF-8
/// if they are valid UTF-8 (Chinese text in GBK practically never is), and GB18030 (a superset of GBK and
/// GB2312) otherwise.
/// </summary>
public static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GB18030 (code page 54936), from the framework's code-page provider.</summary>
    public static Encoding Gb18030 { get; } = CreateGb18030();

    public static string Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, out _);

    public static string Decode(ReadOnlySpan<byte> bytes, out Encoding detected)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            detected = Encoding.UTF8;
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            detected = Encoding.Unicode;
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            detected = Encoding.BigEndianUnicode;
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        if (Utf8.IsValid(bytes))
        {
            detected = Encoding.UTF8;
            return Encoding.UTF8.GetString(bytes);
        }

        detected = Gb18030;
        return Gb18030.GetString(bytes);
    }

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }
}
