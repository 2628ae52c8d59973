using System.CommandLine;

namespace Gongkai.Cli.Commands;

/// <summary>A file a command writes (<c>--out</c>): its folder checked first, and the <c>--bom</c> switch for text.</summary>
internal static class OutputFile
{
    /// <summary>Text files are UTF-8 without a byte order mark unless asked (issue 11); JSON never gets one (RFC 8259 §8.1).</summary>
    public static Option<bool> BomOption(string files) => new("--bom")
    {
        Description = $"在{files}文件开头加 UTF-8 BOM（Excel、旧版记事本据此识别 UTF-8，否则按 GBK 显示成乱码）；默认不加，.json 文件始终不加",
    };

    /// <summary>
    /// Whether the output's folder exists, else false after saying so on stderr. Checked before the work, so a mistyped
    /// folder stops the command before it saves anything (the write itself is atomic and names any later failure).
    /// </summary>
    public static bool FolderExists(string path, TextWriter stderr)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (Directory.Exists(folder))
        {
            return true;
        }

        stderr.WriteLine($"输出文件夹不存在：{folder}");
        return false;
    }
}
