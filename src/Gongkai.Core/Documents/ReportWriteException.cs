using System.Globalization;
using System.Text;

namespace Gongkai.Core.Documents;

/// <summary>
/// A report that cannot be written in the form asked for: its text has characters that no font has (a PDF would
/// print them as empty boxes). The message names each character and its code point in Chinese, for the CLI and
/// the site to show as it is; the report itself is fine and can be written as DOCX or HTML. A letter's PDF
/// (LetterPdfWriter) is refused the same way.
/// </summary>
public sealed class ReportWriteException : Exception
{
    public ReportWriteException()
    {
    }

    public ReportWriteException(string message)
        : base(message)
    {
    }

    public ReportWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private ReportWriteException(IReadOnlyList<int> missing, string document)
        : base(Describe(missing, document))
    {
        MissingCharacters = missing.Select(char.ConvertFromUtf32).ToList();
    }

    /// <summary>The characters no font has, in code point order.</summary>
    public IReadOnlyList<string> MissingCharacters { get; } = [];

    /// <param name="document">What is being written, in the message: 报告, 文书.</param>
    internal static ReportWriteException MissingGlyphs(IEnumerable<int> codePoints, string document = "报告") => new(codePoints.Order().ToList(), document);

    private static string Describe(IReadOnlyList<int> missing, string document)
    {
        var names = new StringBuilder();
        foreach (var codePoint in missing)
        {
            names.Append(names.Length == 0 ? "" : "、")
                .Append('“').Append(char.ConvertFromUtf32(codePoint)).Append('”')
                .Append("（U+").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture)).Append('）');
        }

        return $"字体中没有{names}，无法生成PDF：请在{document}中改用其他字，或在服务器上安装有这些字的字体";
    }
}
