using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Gongkai.Core.Documents;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Benchmarks;

/// <summary>
/// One annual report (the seed) to PDF: drawn with Skia in process, against writing the DOCX (the baseline), and
/// reading our PDF back. LibreOffice (DOCX → soffice → PDF) starts a process of about a second per report, which
/// BenchmarkDotNet's many iterations would make last minutes: GlobalSetup times it with a plain loop of
/// <see cref="LibreOfficeRuns"/> conversions and prints the mean, sizes and the fonts pdffonts lists.
/// </summary>
[MemoryDiagnoser]
public class PdfBenchmarks
{
    private const int LibreOfficeRuns = 5;

    private AnnualReport _seed = null!;
    private byte[] _pdf = [];

    [GlobalSetup]
    public void Setup()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed.txt"));
        _seed = ReportParser.Parse(TextReportReader.Read(text)).Report;
        _pdf = PdfReportWriter.Write(_seed);
        var docx = DocxReportWriter.Write(_seed);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"// Seed: PDF (Skia) {_pdf.Length} bytes, DOCX {docx.Length} bytes; fonts: {Fonts(_pdf)}"));
        if (LibreOfficePdf.FindExecutable() is null)
        {
            Console.WriteLine("// LibreOffice: soffice not on PATH, not measured");
            return;
        }

        var converted = LibreOfficePdf.Convert(docx);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < LibreOfficeRuns; i++)
        {
            converted = LibreOfficePdf.Convert(docx);
        }

        var mean = watch.Elapsed.TotalMilliseconds / LibreOfficeRuns;
        Console.WriteLine(string.Create(c, $"// LibreOffice DOCX->PDF: mean {mean:F0} ms over {LibreOfficeRuns} runs (after one warm-up), {converted.Length} bytes; fonts: {Fonts(converted)}"));
    }

    [Benchmark(Baseline = true)]
    public int WriteDocx() => DocxReportWriter.Write(_seed).Length;

    [Benchmark]
    public int WritePdfSkia() => PdfReportWriter.Write(_seed).Length;

    [Benchmark]
    public int ReadPdf() => ReportParser.Parse(PdfReportReader.Read(_pdf)).Report.Values.Count;

    /// <summary>pdffonts' font types and names, counted (Skia writes one Type 3 font per 256 glyphs).</summary>
    private static string Fonts(byte[] pdf)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, pdf);
            var start = new ProcessStartInfo("pdffonts", [path]) { RedirectStandardOutput = true };
            using var process = Process.Start(start);
            if (process is null)
            {
                return "pdffonts not available";
            }

            var lines = process.StandardOutput.ReadToEnd().Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
            process.WaitForExit();
            return string.Join("; ", lines.GroupBy(l => l[..Math.Min(l.Length, 55)].Trim()).Select(g => g.Count() + " x " + g.Key));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "pdffonts not available";
        }
        finally
        {
            File.Delete(path);
        }
    }
}
