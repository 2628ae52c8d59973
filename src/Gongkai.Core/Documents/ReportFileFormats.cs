using Gongkai.Core.Data.Files;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Core.Documents;

/// <summary>
/// One form a report file takes: its name (the download URL's and the default extension without the dot), the
/// extensions it is written and found under, its content type, its writer, and its reader where there is one (XLSX
/// holds the tables only and is never read back).
/// </summary>
public sealed class ReportFileFormat
{
    private readonly Func<CheckedReport, string>? _writeText;
    private readonly Func<CheckedReport, byte[]>? _writeBytes;
    private readonly Func<string, ReportFormat?, ParsedReport>? _readText;
    private readonly Func<byte[], ReportFormat?, ParsedReport>? _readBytes;

    private ReportFileFormat(
        string name, string[] extensions, string contentType,
        (Func<CheckedReport, string>? Text, Func<CheckedReport, byte[]>? Bytes) write,
        (Func<string, ReportFormat?, ParsedReport>? Text, Func<byte[], ReportFormat?, ParsedReport>? Bytes) read)
    {
        Name = name;
        Extensions = extensions;
        ContentType = contentType;
        (_writeText, _writeBytes) = write;
        (_readText, _readBytes) = read;
    }

    /// <summary>"docx", "pdf", "html", "json", "txt", "xlsx".</summary>
    public string Name { get; }

    /// <summary>With the dot, the usual one first: <c>.html</c> then <c>.htm</c>.</summary>
    public IReadOnlyList<string> Extensions { get; }

    public string ContentType { get; }

    /// <summary>Whether <see cref="ReportFile.Read(byte[], string, ReportFormat?)"/> reads this form back.</summary>
    public bool CanRead => _readText is not null || _readBytes is not null;

    /// <summary>Text written in UTF-8 (a byte order mark may be asked for), rather than a binary document.</summary>
    public bool IsText => _writeText is not null;

    /// <summary>
    /// The file's bytes. Text is UTF-8 without a byte order mark; <paramref name="bom"/> adds one to text and HTML for
    /// old Windows tools, never to JSON (RFC 8259 §8.1 forbids it). A locked version's JSON is its
    /// <paramref name="storedJson"/> byte for byte, so the file's SHA-256 is the one recorded at the lock.
    /// </summary>
    public byte[] Write(CheckedReport report, bool bom = false, string? storedJson = null)
    {
        if (_writeBytes is not null)
        {
            return _writeBytes(report);
        }

        var text = this == ReportFileFormats.Json ? storedJson ?? _writeText!(report) : _writeText!(report);
        var encoding = bom && this != ReportFileFormats.Json ? AtomicFile.Utf8WithBom : AtomicFile.Utf8;
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
    }

    /// <summary>Reads a binary document of this form (DOCX, PDF).</summary>
    internal ParsedReport Read(byte[] bytes, ReportFormat? format) =>
        (_readBytes ?? throw new InvalidOperationException($"{Name} is not read from bytes."))(bytes, format);

    /// <summary>Reads decoded text of this form (plain text, HTML, JSON).</summary>
    internal ParsedReport Read(string text, ReportFormat? format) =>
        (_readText ?? throw new InvalidOperationException($"{Name} is not read from text."))(text, format);

    internal static ReportFileFormat Binary(string name, string extension, string contentType, Func<AnnualReport, byte[]> write, Func<byte[], ReportFormat?, ParsedReport>? read) =>
        new(name, [extension], contentType, (null, r => write(r.Report)), (null, read));

    internal static ReportFileFormat Text(string name, string[] extensions, string contentType, Func<CheckedReport, string> write, Func<string, ReportFormat?, ParsedReport> read) =>
        new(name, extensions, contentType, (write, null), (read, null));

    public override string ToString() => Name;
}

/// <summary>
/// The one list of report file forms: every host (the CLI's <c>--out</c> and <c>check</c>, the public downloads, the
/// staff report page) picks its forms from here and writes through them; reading picks the form by content
/// (<see cref="ReportFile.Read(byte[], string, ReportFormat?)"/>).
/// </summary>
public static class ReportFileFormats
{
    public static ReportFileFormat Html { get; } = ReportFileFormat.Text(
        "html", [".html", ".htm"], "text/html; charset=utf-8", r => HtmlReportWriter.Write(r.Report), (text, format) => ReportParser.Parse(ReadLimits.Tokens(HtmlReportReader.Read(text)), format));

    public static ReportFileFormat Docx { get; } = ReportFileFormat.Binary(
        "docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DocxReportWriter.Write, ReadDocx);

    public static ReportFileFormat Pdf { get; } = ReportFileFormat.Binary(
        "pdf", ".pdf", "application/pdf", PdfReportWriter.Write, (bytes, format) => ReportParser.Parse(ReadLimits.Tokens(PdfReportReader.Read(bytes)), format));

    public static ReportFileFormat Json { get; } = ReportFileFormat.Text(
        "json", [".json"], "application/json; charset=utf-8", r => ReportJson.Write(r), ReportJson.Read);

    public static ReportFileFormat Text { get; } = ReportFileFormat.Text(
        "txt", [".txt"], "text/plain; charset=utf-8", r => TextReportWriter.Write(r.Report), (text, format) => ReportParser.Parse(ReadLimits.Tokens(TextReportReader.Read(text)), format));

    /// <summary>The tables only, for spreadsheets; not read back.</summary>
    public static ReportFileFormat Xlsx { get; } = ReportFileFormat.Binary(
        "xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XlsxReportWriter.Write, null);

    /// <summary>In the order help texts list them.</summary>
    public static IReadOnlyList<ReportFileFormat> All { get; } = [Html, Docx, Pdf, Json, Text, Xlsx];

    /// <summary>The forms read back (and a folder is searched for), in the order help texts list them.</summary>
    public static IReadOnlyList<ReportFileFormat> Readable { get; } = [Text, Html, Docx, Pdf, Json];

    /// <summary>The form a name (as in a download URL, "docx") stands for, among <paramref name="offered"/>.</summary>
    public static ReportFileFormat? Named(string? name, IEnumerable<ReportFileFormat> offered) =>
        offered.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>The form a path's extension names (any case), or null.</summary>
    public static ReportFileFormat? ForPath(string path)
    {
        var extension = Path.GetExtension(path);
        return All.FirstOrDefault(f => f.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The extensions of <paramref name="formats"/> for a help text: ".html .htm .docx".</summary>
    public static string ExtensionList(IEnumerable<ReportFileFormat> formats, string separator = " ") =>
        string.Join(separator, formats.SelectMany(f => f.Extensions));

    private static ParsedReport ReadDocx(byte[] bytes, ReportFormat? format)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return ReportParser.Parse(ReadLimits.Tokens(DocxReportReader.Read(stream)), format);
    }
}
