namespace Gongkai.Cli.Commands;

/// <summary>A UTF-8 text file named on the command line (a guide, a report's narrative).</summary>
internal static class TextFile
{
    /// <summary>The file's text, or null after saying on stderr why it cannot be read.</summary>
    public static async Task<string?> ReadAsync(string path, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"无法读取文件：{e.Message}");
            return null;
        }
    }
}
