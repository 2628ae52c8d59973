using System.Text;

namespace Gongkai.Core.Data.Files;

/// <summary>
/// Writes a file whole or not at all: the content goes to a temporary file in the same folder
/// (<c>.name.random.tmp</c>), is flushed to disk, and is then renamed over the target, which POSIX rename(2) and
/// Windows MoveFileEx replace in one step on the same volume. A failure midway (a renderer that throws, a full disk,
/// Ctrl+C) deletes the temporary file and leaves an existing target as it was: no reader ever sees half a report.
/// </summary>
public static class AtomicFile
{
    /// <summary>UTF-8 without a byte order mark: JSON must not carry one (RFC 8259 §8.1), and tools read text without.</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>UTF-8 with a byte order mark, only on request: what Excel and old Notepad need to tell UTF-8 from GBK.</summary>
    public static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static void Write(string path, byte[] content) => Write(path, stream => stream.Write(content));

    /// <summary>Text in UTF-8, without a byte order mark unless <paramref name="bom"/> asks for one.</summary>
    public static void WriteText(string path, string text, bool bom = false)
    {
        var encoding = bom ? Utf8WithBom : Utf8;
        Write(path, stream =>
        {
            stream.Write(encoding.GetPreamble());
            stream.Write(encoding.GetBytes(text));
        });
    }

    /// <summary>
    /// Runs <paramref name="write"/> on a stream to the temporary file, then moves it into place. An I/O failure is a
    /// <see cref="FileWriteException"/> naming the file in Chinese; anything <paramref name="write"/> throws passes on.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        var target = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                // A replaced file keeps its permissions (as an editor's save would), e.g. group-readable for the web server.
                options.UnixCreateMode = File.GetUnixFileMode(target);
            }

            using (var stream = new FileStream(temporary, options))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception e)
        {
            Delete(temporary);
            if (e is IOException or UnauthorizedAccessException)
            {
                throw new FileWriteException(target, e);
            }

            throw;
        }
    }

    private static void Delete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original failure is the one to report; a leftover .tmp file is harmless and visibly named.
        }
    }
}

/// <summary>A file could not be written; the message names the file and the reason in Chinese (for the operator).</summary>
public sealed class FileWriteException(string path, Exception inner) : IOException($"无法写入文件 {path}：{Reason(inner)}", inner)
{
    public string Path { get; } = path;

    private static string Reason(Exception e) => e switch
    {
        DirectoryNotFoundException => "文件夹不存在",
        UnauthorizedAccessException => "没有写入权限",

        // ENOSPC (28) on Linux and macOS; ERROR_DISK_FULL (112) and ERROR_HANDLE_DISK_FULL (39) on Windows.
        IOException io when (io.HResult & 0xFFFF) is 28 or 112 or 39 => "磁盘空间不足",
        _ => e.Message,
    };
}
