using System.Diagnostics;
using Gongkai.Core.Documents;
using SkiaSharp;

namespace Gongkai.Core.Tests.Documents;

/// <summary>
/// Pictures of the published report for a person to look at: page 1 and the page with table 三 of our PDF and of our
/// DOCX as LibreOffice prints it, as PNG files under the test output's TestResults/artefacts (not in git). The test
/// checks that each picture is a real page (size, dark pixels), and prints where it is.
/// </summary>
public sealed class PdfArtefactsTests
{
    private static string Folder => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "artefacts")).FullName;

    [Theory]
    [InlineData("pdf")]
    [InlineData("docx")]
    public void SeedPages_RenderedToPng_NotBlank(string writer)
    {
        ExternalTools.RequirePoppler();
        if (writer == "docx")
        {
            ExternalTools.RequireLibreOffice();
        }

        var seed = new SeedCopy().Parse().Report;
        var pdf = writer == "pdf" ? PdfReportWriter.Write(seed) : LibreOfficePdf.Convert(DocxReportWriter.Write(seed));
        var pdfPath = Path.Combine(Folder, $"seed-{writer}.pdf");
        File.WriteAllBytes(pdfPath, pdf);

        var table3 = PageWith(pdfPath, "申请人情况");
        foreach (var (page, name) in new[] { (1, "page1"), (table3, "table3") })
        {
            var png = Render(pdfPath, page, Path.Combine(Folder, $"seed-{writer}-{name}"));

            Assert.True(new FileInfo(png).Length > 20_000, $"{png}: {new FileInfo(png).Length} bytes");
            Assert.InRange(DarkShare(png), 0.01, 0.5);
            TestContext.Current.TestOutputHelper?.WriteLine(png);
        }
    }

    /// <summary>The share of pixels darker than mid grey: text and rules are there, the page is not black.</summary>
    private static double DarkShare(string png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var dark = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 128)
                {
                    dark++;
                }
            }
        }

        return (double)dark / (bitmap.Width * bitmap.Height);
    }

    /// <summary>The first page whose text (poppler reads /ActualText) holds the words.</summary>
    private static int PageWith(string pdf, string words)
    {
        for (var page = 1; page < 20; page++)
        {
            var text = Run("pdftotext", "-f", $"{page}", "-l", $"{page}", pdf, "-");
            if (string.Concat(text.Where(c => !char.IsWhiteSpace(c))).Contains(words, StringComparison.Ordinal))
            {
                return page;
            }
        }

        throw new InvalidOperationException($"No page of {pdf} has 「{words}」");
    }

    private static string Render(string pdf, int page, string prefix)
    {
        Run("pdftoppm", "-r", "80", "-png", "-singlefile", "-f", $"{page}", "-l", $"{page}", pdf, prefix);
        return prefix + ".png";
    }

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} exited {process.ExitCode}: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
