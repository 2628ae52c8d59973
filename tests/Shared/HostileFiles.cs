using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Gongkai.Tests;

/// <summary>
/// Hostile report files built in memory (issue 16, 7–9): a few KB each that expand, nest or repeat far beyond what a
/// real report does. Nothing large is committed; each is made by the test that needs it.
/// </summary>
internal static class HostileFiles
{
    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
        <Default Extension="xml" ContentType="application/xml"/>
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
        </Types>
        """;

    private const string Relationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
        </Relationships>
        """;

    private const string Paragraph = "<w:p><w:r><w:t>二、主动公开政府信息情况</w:t></w:r></w:p>";

    /// <summary>A DOCX whose body is <paramref name="open"/> <paramref name="times"/> times, a paragraph, then <paramref name="close"/> as often.</summary>
    public static byte[] NestedDocx(string open, string close, int times) =>
        Docx(w => w.Write(string.Concat(Enumerable.Repeat(open, times)) + Paragraph + string.Concat(Enumerable.Repeat(close, times))));

    /// <summary>A DOCX whose one paragraph holds <paramref name="letters"/> letters: a few hundred KB that expand to as many bytes.</summary>
    public static byte[] ExpandingDocx(long letters) => Docx(w =>
    {
        w.Write("<w:p><w:r><w:t>");
        var chunk = new string('a', 1 << 16);
        for (long n = 0; n < letters; n += chunk.Length)
        {
            w.Write(chunk);
        }

        w.Write("</w:t></w:r></w:p>");
    });

    /// <summary>A valid DOCX with <paramref name="extra"/> more empty entries.</summary>
    public static byte[] DocxWithEntries(int extra) => Docx(w => w.Write(Paragraph), extra);

    private static byte[] Docx(Action<StreamWriter> body, int extraEntries = 0)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", w => w.Write(ContentTypes));
            Entry(zip, "_rels/.rels", w => w.Write(Relationships));
            Entry(zip, "word/document.xml", w =>
            {
                w.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""");
                body(w);
                w.Write("</w:body></w:document>");
            });
            for (var i = 0; i < extraEntries; i++)
            {
                zip.CreateEntry($"extra/{i}.bin");
            }
        }

        return buffer.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, Action<StreamWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
        write(writer);
    }

    /// <summary>A PDF of one page per content stream, in Helvetica, each stream flate-compressed.</summary>
    public static byte[] Pdf(IEnumerable<byte[]> pageContents)
    {
        var objects = new List<byte[]> { "<< /Type /Catalog /Pages 2 0 R >>"u8.ToArray(), Array.Empty<byte>(), "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"u8.ToArray() };
        var kids = new List<int>();
        foreach (var content in pageContents)
        {
            var compressed = Zlib(content);
            objects.Add([.. Encoding.ASCII.GetBytes($"<< /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n"), .. compressed, .. "\nendstream"u8]);
            objects.Add(Encoding.ASCII.GetBytes($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {objects.Count} 0 R /Resources << /Font << /F1 3 0 R >> >> >>"));
            kids.Add(objects.Count);
        }

        objects[1] = Encoding.ASCII.GetBytes($"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>");
        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.4\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write("\nendobj\n"u8);
        }

        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Encoding.ASCII.GetBytes(table.ToString()));
        return pdf.ToArray();
    }

    /// <summary>A page showing <paramref name="letters"/> letters in one string.</summary>
    public static byte[] PageOfLetters(int letters) => [.. "BT /F1 1 Tf 10 10 Td ("u8, .. Enumerable.Repeat((byte)'a', letters), .. ") Tj ET"u8];

    /// <summary>A page of <paramref name="bytes"/> zeros: a flate bomb, 1,000 to 1 (not a letter in it).</summary>
    public static byte[] PageOfZeros(int bytes) => new byte[bytes];

    private static byte[] Zlib(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return buffer.ToArray();
    }

    /// <summary>HTML of <paramref name="depth"/> nested div around a line of text.</summary>
    public static string NestedHtml(int depth) =>
        "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "二、主动公开政府信息情况" + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";
}
