using System.Diagnostics;

namespace Gongkai.Core.Documents;

/// <summary>
/// Converts a DOCX to PDF with LibreOffice in headless mode (<c>soffice --headless --convert-to pdf</c>): the other
/// way to a PDF, measured against <see cref="PdfReportWriter"/> in BENCHMARKS.md, and how the tests print our DOCX
/// as Word would. Each call runs its own soffice with its own profile folder: a second soffice on a shared profile
/// hands its work to the first and exits, or fails on the profile's lock.
/// </summary>
public static class LibreOfficePdf
{
    private static readonly string[] Names = ["soffice", "libreoffice"];

    /// <summary>
    /// The fonts of a government PC that our DOCX names, and the installed face that prints in their place. Without
    /// this LibreOffice substitutes the first CJK face it finds for all of them (Noto Sans CJK JP here: Japanese
    /// glyph forms, and the 仿宋 text in a 黑体-class face) and DejaVu for Times New Roman; Noto CJK's own Latin letters
    /// are used instead, so the PDF needs no font package but fonts-noto-cjk.
    /// </summary>
    private static readonly (string Font, string Substitute)[] Replacements =
    [
        ("方正小标宋简体", "Noto Serif CJK SC"),
        ("方正小标宋_GBK", "Noto Serif CJK SC"),
        ("黑体", "Noto Sans CJK SC"),
        ("仿宋_GB2312", "Noto Serif CJK SC"),
        ("仿宋", "Noto Serif CJK SC"),
        ("宋体", "Noto Serif CJK SC"),
        ("Times New Roman", "Noto Serif CJK SC"),
    ];

    /// <summary>LibreOffice's font replacement table (Tools › Options › Fonts) as the profile's registry holds it.</summary>
    private static string FontReplacements()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Common/Font/Substitution"><prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>

            """);
        for (var i = 0; i < Replacements.Length; i++)
        {
            var (font, substitute) = Replacements[i];
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
                <item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="_{i}" oor:op="replace">
                  <prop oor:name="Always" oor:op="fuse"><value>true</value></prop>
                  <prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>
                  <prop oor:name="ReplaceFont" oor:op="fuse"><value>{font}</value></prop>
                  <prop oor:name="SubstituteFont" oor:op="fuse"><value>{substitute}</value></prop>
                </node></item>

                """);
        }

        sb.Append("</oor:items>\n");
        return sb.ToString();
    }

    /// <summary>The soffice (or libreoffice) program on PATH, or null.</summary>
    public static string? FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in Names)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The PDF LibreOffice makes of the DOCX; throws with a Chinese message when it cannot.</summary>
    public static byte[] Convert(byte[] docx, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(docx);
        var soffice = FindExecutable()
            ?? throw new InvalidOperationException("未找到LibreOffice（soffice），无法把DOCX转换为PDF；请安装 libreoffice-writer-nogui（Debian：apt-get install --no-install-recommends libreoffice-writer-nogui）");
        var folder = Directory.CreateTempSubdirectory("gongkai-soffice-");
        try
        {
            var input = Path.Combine(folder.FullName, "report.docx");
            File.WriteAllBytes(input, docx);
            var user = Directory.CreateDirectory(Path.Combine(folder.FullName, "profile", "user"));
            File.WriteAllText(Path.Combine(user.FullName, "registrymodifications.xcu"), FontReplacements());
            var start = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])["--headless", "--norestore", "--nolockcheck", "-env:UserInstallation=" + new Uri(Path.Combine(folder.FullName,
                "profile")).AbsoluteUri, "--convert-to", "pdf", "--outdir", folder.FullName, input])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("无法启动LibreOffice：" + soffice);
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("LibreOffice转换PDF超时");
            }

            var output = Path.Combine(folder.FullName, "report.pdf");
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                throw new InvalidOperationException($"LibreOffice未能把DOCX转换为PDF（退出码{process.ExitCode}）：{stderr.Result.Trim()}");
            }

            return File.ReadAllBytes(output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
