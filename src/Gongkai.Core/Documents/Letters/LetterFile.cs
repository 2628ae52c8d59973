using System.Text;
using Gongkai.Domain.Letters;

namespace Gongkai.Core.Documents.Letters;

/// <summary>The letter's output formats in one place, chosen by a file's extension (gongkai letters render --out x.pdf).</summary>
public static class LetterFile
{
    /// <summary>The extensions a letter is written as, without the dot.</summary>
    public static readonly IReadOnlyList<string> Extensions = ["docx", "pdf", "html"];

    /// <summary>The format of a file name (“x.PDF” → pdf), or null when it is none of <see cref="Extensions"/>.</summary>
    public static string? FormatOf(string fileName)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        return Extensions.Contains(extension) ? extension : null;
    }

    /// <summary>The letter in the format (an extension of <see cref="Extensions"/>); the print page as UTF-8.</summary>
    /// <exception cref="ReportWriteException">A PDF of text with a character no font has.</exception>
    public static byte[] Write(LetterDocument document, string format) => format switch
    {
        "docx" => LetterDocxWriter.Write(document),
        "pdf" => LetterPdfWriter.Write(document),
        "html" => Encoding.UTF8.GetBytes(LetterHtmlWriter.Write(document)),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "A letter is written as docx, pdf or html."),
    };

    public static string ContentType(string format) => format switch
    {
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf" => "application/pdf",
        "html" => "text/html; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "A letter is written as docx, pdf or html."),
    };
}
