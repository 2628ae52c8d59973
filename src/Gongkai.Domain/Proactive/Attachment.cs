using Gongkai.Domain.Common;

namespace Gongkai.Domain.Proactive;

/// <summary>
/// A stored file attached to an item (the full text as PDF, a scanned 文件, a table): its name, the SHA-256 of its
/// content as 64 lowercase hex digits (how the file store finds it and how tampering is noticed), its size in bytes
/// and its media type. A value without identity: the same file may be attached to several items and versions.
/// </summary>
public sealed record Attachment
{
    public const int MaxFileNameLength = 255;
    public const int MaxMediaTypeLength = 127;

    private Attachment(string fileName, string sha256, long size, string mediaType)
    {
        FileName = fileName;
        Sha256 = sha256;
        Size = size;
        MediaType = mediaType;
    }

    public string FileName { get; private init; }

    public string Sha256 { get; private init; }

    public long Size { get; private init; }

    /// <summary>A media type such as <c>application/pdf</c>, lowercase.</summary>
    public string MediaType { get; private init; }

    public static Result<Attachment> Create(string fileName, string sha256, long size, string mediaType)
    {
        var name = WithoutBidiControls(fileName ?? "").Trim();
        if (name.Length == 0 || name.Length > MaxFileNameLength || name.IndexOfAny(['/', '\\']) >= 0 || name.Any(char.IsControl))
        {
            return new Problem("attachment.fileName",
                $"附件文件名不能为空、不能超过{ProactiveText.Number(MaxFileNameLength)}个字符，且不能包含路径分隔符或控制字符");
        }

        var hash = (sha256 ?? "").Trim().ToLowerInvariant();
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            return new Problem("attachment.sha256", $"附件“{name}”的SHA-256摘要应为64位十六进制数字");
        }

        if (size < 0)
        {
            return new Problem("attachment.size", $"附件“{name}”的大小不能为负数");
        }

        var type = (mediaType ?? "").Trim().ToLowerInvariant();
        var slash = type.IndexOf('/', StringComparison.Ordinal);
        if (type.Length > MaxMediaTypeLength || slash <= 0 || slash == type.Length - 1 || type.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return new Problem("attachment.mediaType", $"附件“{name}”的文件类型无效（应为如 application/pdf 的媒体类型）");
        }

        return new Attachment(name, hash, size, type);
    }

    /// <summary>
    /// A name without the invisible characters that reorder text (U+202E RIGHT-TO-LEFT OVERRIDE and its kin, Unicode
    /// bidi controls): <c>报告\u202Efdp.exe</c> would show as <c>报告exe.pdf</c> on the public pages (issue 16, 6). Removed
    /// rather than refused, so a stored name read back and an upload from any browser both come out as they really are.
    /// </summary>
    public static string WithoutBidiControls(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny(BidiControls) < 0 ? text : string.Concat(text.Where(c => !BidiControls.Contains(c)));
    }

    private static readonly System.Buffers.SearchValues<char> BidiControls = System.Buffers.SearchValues.Create(
        "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");
}
