using Gongkai.Core.Data.Files;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Core.Documents;

/// <summary>Reads a report from a file of any form <see cref="ReportFileFormats"/> reads, and writes one by file extension.</summary>
public static class ReportFile
{
    /// <summary>The extensions a folder is searched for: those of the forms read back.</summary>
    public static IReadOnlySet<string> Extensions { get; } =
        new HashSet<string>(ReportFileFormats.Readable.SelectMany(f => f.Extensions), StringComparer.OrdinalIgnoreCase);

    public static ParsedReport Read(string path, ReportFormat? format = null)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > ReadLimits.MaxFileBytes)
            {
                // Refused before reading: a huge file is not loaded into memory at all.
                throw TooBig(length);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportReadException($"无法打开文件：{e.Message}", e);
        }

        return Read(bytes, Path.GetFileName(path), format);
    }

    public static ParsedReport Read(byte[] bytes, string name, ReportFormat? format = null)
    {
        if (bytes.Length == 0)
        {
            throw new ReportReadException("文件为空");
        }

        if (bytes.Length > ReadLimits.MaxFileBytes)
        {
            throw TooBig(bytes.Length);
        }

        if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) || (IsNamed(name, ".docx") && !LooksTextual(bytes)))
        {
            return ReportFileFormats.Docx.Read(bytes, format);
        }

        // Readers accept junk before the header within the first 1024 bytes, and so does the PDF format.
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) >= 0 || (IsNamed(name, ".pdf") && !LooksTextual(bytes)))
        {
            return ReportFileFormats.Pdf.Read(bytes, format);
        }

        var text = TextDecoding.Decode(bytes);
        if (text.Length > ReadLimits.MaxTextChars)
        {
            throw ReadLimits.Refuse($"文本超过{(ReadLimits.MaxTextChars / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture)}M个字符",
                $"The text has {text.Length} characters, over the limit of {ReadLimits.MaxTextChars}.");
        }

        if (LooksBinary(text))
        {
            throw new ReportReadException("不是文本、HTML、DOCX或JSON文件（内容为二进制数据）");
        }

        return Sniff(text, name).Read(text, format);
    }

    /// <summary>What a decoded text file holds: JSON, HTML or plain text, by its content first and its name second.</summary>
    public static ReportFileFormat Sniff(string text, string name)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart("\uFEFF \t\r\n").ToString();
        if (IsNamed(name, ".json") || head.StartsWith('{') || head.StartsWith('['))
        {
            return ReportFileFormats.Json;
        }

        return ReportFileFormats.Html.Extensions.Any(e => IsNamed(name, e)) || LooksLikeHtml(head) ? ReportFileFormats.Html : ReportFileFormats.Text;
    }

    private static ReportReadException TooBig(long length) =>
        ReadLimits.Refuse($"文件大小超过{ReadLimits.Megabytes(ReadLimits.MaxFileBytes)}", $"The file has {length} bytes, over the limit of {ReadLimits.MaxFileBytes}.");

    private static bool IsNamed(string name, string extension) => Path.GetExtension(name).Equals(extension, StringComparison.OrdinalIgnoreCase);

    private static bool LooksTextual(byte[] bytes) => !bytes.AsSpan(0, Math.Min(bytes.Length, 512)).Contains((byte)0);

    /// <summary>
    /// Writes the report in the form its extension names (<see cref="ReportFileFormats.ForPath"/>), whole or not at
    /// all (<see cref="AtomicFile"/>); <paramref name="bom"/> as <see cref="ReportFileFormat.Write"/> says.
    /// </summary>
    public static void Write(CheckedReport report, string path, bool bom = false)
    {
        var format = ReportFileFormats.ForPath(path)
            ?? throw new ArgumentException($"Unsupported report extension '{Path.GetExtension(path)}' (use {ReportFileFormats.ExtensionList(ReportFileFormats.All, ", ")}).", nameof(path));
        AtomicFile.Write(path, format.Write(report, bom));
    }

    private static readonly string[] HtmlMarks = ["<html", "<!doctype html", "<table", "<body", "<p>", "<div"];

    private static bool LooksLikeHtml(string head) => HtmlMarks.Any(mark => head.Contains(mark, StringComparison.OrdinalIgnoreCase));

    /// <summary>NUL characters, or many undecodable or control characters: not a text file.</summary>
    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        var odd = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return true;
            }

            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')))
            {
                odd++;
            }
        }

        return odd > sample.Length / 20;
    }
}
