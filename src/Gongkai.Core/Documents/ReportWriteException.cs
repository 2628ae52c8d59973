using System.Globalization;
using System.Text;

namespace Gongkai.Core.Documents;

/// <summary>
/// A report that cannot be written in the form asked for: its text has characters that no font has (a PDF would
/// print them as empty boxes). The message names each character and its code point in Chinese, for the CLI and
/// the site to show as it is; the report itself is fine and can be written as DOCX or HTML.
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

    private ReportWriteException(IReadOnlyList<int> missing)
        : base(Describe(missing))
    {
        MissingCharacters = missing.Select(char.ConvertFromUtf32).ToList();
    }

    /// <summary>The characters no font has, in code point order.</summary>
    public IReadOnlyList<string> MissingCharacters { get; } = [];

    internal static ReportWriteException MissingGlyphs(IEnumerable<int> codePoints) => new(codePoints.Order().ToList());

    private static string Describe(IReadOnlyList<int> missing)
    {
        var names = new StringBuilder();
        foreach (var codePoint in missing)
        {
            names.Append(names.Length == 0 ? "" : "、")
                .Append('“').Append(char.ConvertFromUtf32(codePoint)).Append('”')
                .Append("（U+").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture)).Append('）');
        }

        return $"字体中没有{names}，无法生成PDF：请在报告中改用其他字，或在服务器上安装有这些字的字体";
    }
}
