namespace Gongkai.Core.Data;

/// <summary>
/// Where the embedded defaults live — the SQLite database, its key and the attached files — for the CLI and the site
/// alike: the user's local application data folder plus <c>gongkai</c>. On Linux that is <c>$XDG_DATA_HOME/gongkai</c>,
/// else <c>~/.local/share/gongkai</c> (XDG Base Directory Specification); on Windows <c>%LOCALAPPDATA%\gongkai</c>;
/// on macOS <c>~/Library/Application Support/gongkai</c>. One absolute place, whatever the working directory: a
/// relative default made <c>gongkai</c> and <c>dotnet run</c> of the site (run in the project folder) open two
/// different databases (issue 11).
/// </summary>
public static class DataFolder
{
    public const string Name = "gongkai";

    /// <summary>The default folder of this user.</summary>
    public static string Default =>
        // DoNotVerify: the default answers "" on Unix when the folder does not exist yet, as on a fresh account.
        In(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify));

    /// <summary>The default folder under a given user data folder (what <see cref="Default"/> computes, testable).</summary>
    public static string In(string userDataFolder) => string.IsNullOrWhiteSpace(userDataFolder)
        ? throw new InvalidOperationException($"无法确定默认数据目录（系统没有给出用户数据目录，例如未设置 HOME），请用 --db 或环境变量 {DatabaseTarget.EnvironmentVariable} 指定数据库")
        : Path.Combine(Path.GetFullPath(userDataFolder), Name);
}
