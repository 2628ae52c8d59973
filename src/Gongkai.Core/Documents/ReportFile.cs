using System.Text;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Core.Documents;

/// <summary>The forms a report file comes in, told by its content first and its name second.</summary>
public enum ReportFileKind
{
    Text,
    Html,
    Docx,
    Json,
    Pdf,
}

/// <summary>Reads a report from a file of any supported form, and writes one by file extension.</summary>
public static class ReportFile
{
    /// <summary>The extensions a folder is searched for.</summary>
    public static IReadOnlySet<string> Extensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".htm", ".html", ".docx", ".json" };

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

        var kind = Sniff(bytes, name);
        switch (kind)
        {
            case ReportFileKind.Docx:
                using (var stream = new MemoryStream(bytes, writable: false))
                {
                    return ReportParser.Parse(DocxReportReader.Read(stream), format);
                }

            case ReportFileKind.Pdf:
                throw new ReportReadException("暂不支持PDF文件，请提供DOCX、HTML或文本格式的年度报告");
        }

        var text = TextDecoding.Decode(bytes);
        if (LooksBinary(bytes, text))
        {
            throw new ReportReadException("不是文本、HTML、DOCX或JSON文件（内容为二进制数据）");
        }

        return kind switch
        {
            ReportFileKind.Json => ReportJson.Read(text, format),
            ReportFileKind.Html => ReportParser.Parse(HtmlReportReader.Read(text), format),
            _ => ReportParser.Parse(TextReportReader.Read(text), format),
        };
    }

    public static ReportFileKind Sniff(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return ReportFileKind.Docx;
        }

        if (bytes.StartsWith("%PDF"u8))
        {
            return ReportFileKind.Pdf;
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        var head = TextDecoding.Decode(bytes[..Math.Min(bytes.Length, 4096)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (extension == ".json" || head.StartsWith('{') || head.StartsWith('['))
        {
            return ReportFileKind.Json;
        }

        if (extension is ".htm" or ".html" || LooksLikeHtml(head))
        {
            return ReportFileKind.Html;
        }

        return extension == ".docx" ? ReportFileKind.Docx : ReportFileKind.Text;
    }

    /// <summary>Writes the report in the form its extension names: .html/.htm, .docx, .json, .txt.</summary>
    public static void Write(CheckedReport report, string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".docx":
                File.WriteAllBytes(path, DocxReportWriter.Write(report.Report));
                break;
            case ".html" or ".htm":
                File.WriteAllText(path, HtmlReportWriter.Write(report.Report), Encoding.UTF8);
                break;
            case ".json":
                File.WriteAllText(path, ReportJson.Write(report), Encoding.UTF8);
                break;
            case ".txt":
                File.WriteAllText(path, TextReportWriter.Write(report.Report), Encoding.UTF8);
                break;
            default:
                throw new ArgumentException($"Unsupported report extension '{extension}' (use .html, .docx, .json or .txt).", nameof(path));
        }
    }

    private static bool LooksLikeHtml(string head)
    {
        var lower = head.ToLowerInvariant();
        return lower.Contains("<html", StringComparison.Ordinal) || lower.Contains("<!doctype html", StringComparison.Ordinal)
            || lower.Contains("<table", StringComparison.Ordinal) || lower.Contains("<body", StringComparison.Ordinal)
            || lower.Contains("<p>", StringComparison.Ordinal) || lower.Contains("<div", StringComparison.Ordinal);
    }

    /// <summary>NUL bytes or many undecodable or control characters: not a text file.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes, string text)
    {
        if (bytes[..Math.Min(bytes.Length, 8192)].Contains((byte)0))
        {
            return true;
        }

        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        var odd = 0;
        foreach (var c in sample)
        {
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')))
            {
                odd++;
            }
        }

        return odd > sample.Length / 20;
    }
}
