using Gongkai.Core.Data.Files;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// A file a member of staff attaches to an item: kept in the content-addressed store when it is one of the kinds a
/// government site publishes (PDF, OFD, Word, Excel, WPS, images, ZIP, plain text), no larger than
/// <see cref="MaxBytes"/>, and its first bytes are those of its kind — a page or a script renamed <c>.pdf</c> is
/// refused, since the public downloads what is attached (条例 Art 23 publication channels). The media type comes from
/// the checked kind, never from what the browser said. Nothing is stored when the file is refused.
/// </summary>
public static class StoreAttachment
{
    public const long MaxBytes = 50L * 1024 * 1024;

    private sealed record Kind(string MediaType, byte[]? Magic);

    private static readonly byte[] Pdf = "%PDF"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly Dictionary<string, Kind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = new("application/pdf", Pdf),
        [".ofd"] = new("application/ofd", Zip),
        [".doc"] = new("application/msword", Ole),
        [".docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip),
        [".wps"] = new("application/vnd.ms-works", Ole),
        [".xls"] = new("application/vnd.ms-excel", Ole),
        [".xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip),
        [".et"] = new("application/vnd.ms-excel", Ole),
        [".zip"] = new("application/zip", Zip),
        [".jpg"] = new("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = new("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".png"] = new("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        [".txt"] = new("text/plain", null),
    };

    /// <summary>The extensions accepted, for the form's <c>accept</c> attribute and messages.</summary>
    public static string Accept => string.Join(",", Kinds.Keys);

    /// <param name="fileName">As the user's computer named it; only the last path segment is kept.</param>
    /// <param name="content">The file, seekable (an uploaded form file is): its first bytes are read twice.</param>
    public static async Task<Result<Attachment>> HandleAsync(AttachmentStore store, string fileName, Stream content, long length, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The attachment's stream must be seekable.", nameof(content));
        }

        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        if (!Kinds.TryGetValue(Path.GetExtension(name), out var kind))
        {
            return new Problem("attachment.kind", $"附件“{name}”的类型不能公开：请上传 PDF、OFD、Word、Excel、WPS、图片（JPG、PNG）、ZIP 或文本文件");
        }

        if (length <= 0)
        {
            return new Problem("attachment.empty", $"附件“{name}”是空文件");
        }

        if (length > MaxBytes)
        {
            return new Problem("attachment.size", $"附件“{name}”超过{MaxBytes / 1024 / 1024}MB，请压缩或拆分后上传");
        }

        var head = new byte[8];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (!Matches(kind, head.AsSpan(0, read)))
        {
            return new Problem("attachment.content", $"附件“{name}”的内容与扩展名不符，未保存");
        }

        // The header is checked; the store reads the whole file again from the start.
        content.Position = 0;
        var (sha256, size) = await store.SaveAsync(content, cancellationToken);
        return Attachment.Create(name, sha256, size, kind.MediaType);
    }

    private static bool Matches(Kind kind, ReadOnlySpan<byte> head) => kind.Magic is { } magic
        ? head.StartsWith(magic)

        // Text: no NUL bytes and not markup a browser would run if the file were ever served inline.
        : !head.Contains((byte)0) && !head.TrimStart(" \t\r\n"u8).StartsWith("<"u8);
}
