using Gongkai.Core.Data.Files;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Core.Documents;

/// <summary>What a text report file holds (DOCX and PDF are told apart by their first bytes).</summary>
public enum ReportTextKind
{
    Text,
    Html,
    Json,
}

/// <summary>Reads a report from a file of any supported form, and writes one by file extension.</summary>
public static class ReportFile
{
    /// <summary>The extensions a folder is searched for.</summary>
    public static IReadOnlySet<string> Extensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".htm", ".html", ".docx", ".json", ".pdf" };

    public static ParsedReport Read(string path, ReportFormat? format = null)
    {
        byte[] bytes;
        try
        {
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

        if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) || (IsNamed(name, ".docx") && !LooksTextual(bytes)))
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return ReportParser.Parse(DocxReportReader.Read(stream), format);
        }

        // Readers accept junk before the header within the first 1024 bytes, and so does the PDF format.
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) >= 0 || (IsNamed(name, ".pdf") && !LooksTextual(bytes)))
        {
            return ReportParser.Parse(PdfReportReader.Read(bytes), format);
        }

        var text = TextDecoding.Decode(bytes);
        if (LooksBinary(text))
        {
            throw new ReportReadException("不是文本、HTML、DOCX或JSON文件（内容为二进制数据）");
        }

        return Sniff(text, name) switch
        {
            ReportTextKind.Json => ReportJson.Read(text, format),
            ReportTextKind.Html => ReportParser.Parse(HtmlReportReader.Read(text), format),
            _ => ReportParser.Parse(TextReportReader.Read(text), format),
        };
    }

    /// <summary>What a decoded text file holds: JSON, HTML or plain text, by its content first and its name second.</summary>
    public static ReportTextKind Sniff(string text, string name)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart("\uFEFF \t\r\n").ToString();
        if (IsNamed(name, ".json") || head.StartsWith('{') || head.StartsWith('['))
        {
            return ReportTextKind.Json;
        }

        return IsNamed(name, ".htm") || IsNamed(name, ".html") || LooksLikeHtml(head) ? ReportTextKind.Html : ReportTextKind.Text;
    }

    private static bool IsNamed(string name, string extension) => Path.GetExtension(name).Equals(extension, StringComparison.OrdinalIgnoreCase);

    private static bool LooksTextual(byte[] bytes) => !bytes.AsSpan(0, Math.Min(bytes.Length, 512)).Contains((byte)0);

    /// <summary>
    /// Writes the report in the form its extension names: .html/.htm, .docx, .pdf, .json, .txt, .xlsx (tables only),
    /// whole or not at all (<see cref="AtomicFile"/>). Text is UTF-8 without a byte order mark; <paramref name="bom"/>
    /// adds one to .txt and .html for old Windows tools, never to .json (RFC 8259 §8.1 forbids it).
    /// </summary>
    public static void Write(CheckedReport report, string path, bool bom = false)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".docx":
                AtomicFile.Write(path, DocxReportWriter.Write(report.Report));
                break;
            case ".pdf":
                AtomicFile.Write(path, PdfReportWriter.Write(report.Report));
                break;
            case ".html" or ".htm":
                AtomicFile.WriteText(path, HtmlReportWriter.Write(report.Report), bom);
                break;
            case ".json":
                AtomicFile.WriteText(path, ReportJson.Write(report));
                break;
            case ".txt":
                AtomicFile.WriteText(path, TextReportWriter.Write(report.Report), bom);
                break;
            case ".xlsx":
                AtomicFile.Write(path, XlsxReportWriter.Write(report.Report));
                break;
            default:
                throw new ArgumentException($"Unsupported report extension '{extension}' (use .html, .docx, .pdf, .json, .txt or .xlsx).", nameof(path));
        }
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
