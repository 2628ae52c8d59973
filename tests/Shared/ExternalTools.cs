using Gongkai.Core.Documents;

namespace Gongkai.Tests;

/// <summary>
/// The programs some tests drive that a machine with only the .NET SDK lacks. A test that needs one skips at once,
/// saying which Debian package brings it; .ci/run installs them all, so CI runs every test.
/// </summary>
internal static class ExternalTools
{
    /// <summary>Debian's Chromium, which Playwright drives headless (the browser tests download no browser).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public static void RequireChromium()
    {
        Assert.SkipUnless(IsExecutable(ChromiumPath), $"Chromium ({ChromiumPath}) is not installed: apt-get install chromium (.ci/run installs it)");

        // Without any system font Chromium renders empty pages or closes its target: nothing a test could check.
        RequireSystemFonts("Chromium");
    }

    public static void RequirePoppler() =>
        Assert.SkipUnless(OnPath("pdftoppm") && OnPath("pdftotext"), "poppler-utils (pdftoppm, pdftotext) is not installed: apt-get install poppler-utils (.ci/run installs it)");

    public static void RequireLibreOffice()
    {
        Assert.SkipUnless(LibreOfficePdf.FindExecutable() is { } soffice && IsExecutable(soffice),
            "LibreOffice (soffice) is not installed: apt-get install --no-install-recommends libreoffice-writer-nogui (.ci/run installs it)");

        // LibreOffice aborts ("No fonts could be found on the system") where the system has no font at all.
        RequireSystemFonts("LibreOffice");
    }

    private static void RequireSystemFonts(string program) =>
        Assert.SkipUnless(HasSystemFonts(), $"{program} needs a system font and none is installed: apt-get install fonts-noto-cjk (.ci/run installs it)");

    private static bool HasSystemFonts() =>
        Directory.Exists("/usr/share/fonts")
        && Directory.EnumerateFiles("/usr/share/fonts", "*", SearchOption.AllDirectories)
            .Any(f => Path.GetExtension(f).ToLowerInvariant() is ".ttf" or ".otf" or ".ttc" or ".pfb");

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => IsExecutable(Path.Combine(folder, program)));

    /// <summary>A file that may be run: a device or a plain file in its place (how a program is hidden) is not.</summary>
    private static bool IsExecutable(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
