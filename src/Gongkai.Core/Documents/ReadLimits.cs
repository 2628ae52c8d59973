using System.Globalization;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Core.Documents;

/// <summary>
/// What a report file may hold before it is refused as hostile (issue 16, 8–9): each limit is many times what a real
/// report reaches (the largest real report, a PDF with embedded CJK fonts, is under 10 MB expanded, 2 MB for the
/// samples in samples/reports/real; a report is 10–60 pages), and each bounds the time and memory one file may take
/// (≤ 5 s and ≤ 1 GB for any input up to 50 MB, as measured in BENCHMARKS.md). Limits are counted while reading,
/// never taken from a size the file declares.
/// </summary>
public static class ReadLimits
{
    /// <summary>What the user reads; the refusal's detail follows it.</summary>
    public const string TooLarge = "文件过大或结构异常";

    /// <summary>A file bigger than this is not read at all: five times the largest real report.</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <summary>All entries of a DOCX together, decompressed; a real one is under 10 MB with its pictures.</summary>
    public const long MaxDocxExpandedBytes = 64L * 1024 * 1024;

    /// <summary>Entries of a DOCX (Word writes 10–30; each picture and header is one).</summary>
    public const int MaxDocxEntries = 1000;

    /// <summary>
    /// Element nesting of a DOCX part or an HTML page. Word nests 10–25 deep (body, table, row, cell, content control,
    /// run, drawing); a portal page 20–40. The XML and HTML parsers' work grows with it, and some of them recurse.
    /// </summary>
    public const int MaxDepth = 200;

    /// <summary>Elements of an HTML page: a report's page with the portal around it has a few thousand.</summary>
    public const int MaxHtmlElements = 200_000;

    /// <summary>Characters of a text, HTML or JSON file (8 MB as UTF-16): a report's text is 10–50 thousand, a page around it 500 thousand.</summary>
    public const int MaxTextChars = 4 * 1024 * 1024;

    /// <summary>
    /// Paragraphs and cells read from a file: a report has about 1,000 (its tables about 300 cells). The parser's work
    /// grows with them (1.4 million one-number lines took 18 s).
    /// </summary>
    public const int MaxTokens = 50_000;

    /// <summary>Pages of a PDF: a report has 10–60.</summary>
    public const int MaxPdfPages = 500;

    /// <summary>
    /// One decoded PDF stream: a CJK font subset is under 1 MB, a page's drawing under 200 KB. A page's stream can make
    /// a letter of every byte, and the library's letters take hundreds of bytes each, so this also bounds a page's memory.
    /// </summary>
    public const long MaxPdfStreamBytes = 8L * 1024 * 1024;

    /// <summary>All decoded PDF streams of one file together, counted each time the library decodes one.</summary>
    public const long MaxPdfDecodedBytes = 256L * 1024 * 1024;

    /// <summary>Letters on one PDF page: an A4 page holds at most about 5,000 at a legible size.</summary>
    public const int MaxPdfPageLetters = 20_000;

    /// <summary>Letters of a PDF's text layer: a report's 60 pages hold under 300,000.</summary>
    public const int MaxPdfLetters = 300_000;

    /// <summary>Path operators of one PDF stream: a page of ruled tables draws a few thousand lines.</summary>
    public const int MaxPdfPagePaths = 200_000;

    /// <summary>
    /// The refusal: “文件过大或结构异常（detail）” for the user, exit 2 in <c>gongkai check</c>; <paramref name="developer"/>
    /// says the limit in English for <c>--verbose</c> and logs.
    /// </summary>
    public static ReportReadException Refuse(string detail, string developer) =>
        new($"{TooLarge}（{detail}）", new InvalidDataException(developer));

    /// <summary>The tokens a reader gave, or the refusal when there are more than <see cref="MaxTokens"/>.</summary>
    public static List<ReportToken> Tokens(List<ReportToken> tokens) => tokens.Count <= MaxTokens ? tokens
        : throw Refuse($"段落和单元格超过{MaxTokens.ToString(CultureInfo.InvariantCulture)}个", $"The file gives {tokens.Count} paragraphs and cells, over the limit of {MaxTokens}.");

    /// <summary>A size in MB for a message.</summary>
    public static string Megabytes(long bytes) => (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + "MB";
}
