using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Core.Documents;

/// <summary>
/// Reads a Word document into report tokens, the way Word's own text export sees it: a paragraph per paragraph,
/// a cell per table cell with its paragraphs joined, an empty cell where rows were merged. Tables used only for
/// layout (a cell holding a table) give their text as paragraphs and the inner table as a table.
/// </summary>
public static class DocxReportReader
{
    private const string BadFile = "无法读取DOCX文件：文件已损坏或不是Word文档";

    public static List<ReportToken> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            // The package needs a seekable stream; a copy also keeps the caller's stream untouched.
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            CheckPackage(copy);
            copy.Position = 0;
            using var document = WordprocessingDocument.Open(copy, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body ?? throw new ReportReadException(BadFile);
            var walk = new DocxWalk();
            walk.Blocks(body);
            return walk.Tokens;
        }
        catch (Exception ex) when (ex is not ReportReadException and not OutOfMemoryException)
        {
            // Bad bytes surface as many types (zip, packaging, XML, OpenXml), some only while walking the parts.
            throw new ReportReadException(BadFile, ex);
        }
    }

    /// <summary>
    /// Refuses a package beyond <see cref="ReadLimits"/> before the SDK loads it: the SDK inflates a part whole, trusting
    /// its declared size, and builds its element tree by recursion, so 30,000 nested content controls overflowed the
    /// stack (issue 16, 7–8). Every entry is inflated once here and counted; XML parts are also read for their depth.
    /// </summary>
    private static void CheckPackage(Stream package)
    {
        using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        var c = CultureInfo.InvariantCulture;
        if (zip.Entries.Count > ReadLimits.MaxDocxEntries)
        {
            throw ReadLimits.Refuse($"DOCX包含{zip.Entries.Count.ToString(c)}个部件，超过{ReadLimits.MaxDocxEntries.ToString(c)}个",
                $"The DOCX has {zip.Entries.Count} entries, over the limit of {ReadLimits.MaxDocxEntries}.");
        }

        var budget = new CountingReadStream.Budget(ReadLimits.MaxDocxExpandedBytes, $"DOCX解压后超过{ReadLimits.Megabytes(ReadLimits.MaxDocxExpandedBytes)}",
            $"The DOCX expands to more than {ReadLimits.MaxDocxExpandedBytes} bytes.");
        foreach (var entry in zip.Entries)
        {
            using var data = new CountingReadStream(entry.Open(), budget);
            if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                CheckDepth(data);
            }
            else
            {
                data.Drain();
            }
        }
    }

    private static readonly XmlReaderSettings XmlCheck = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };

    private static void CheckDepth(Stream xml)
    {
        using var reader = XmlReader.Create(xml, XmlCheck);
        while (reader.Read())
        {
            if (reader.Depth > ReadLimits.MaxDepth)
            {
                throw ReadLimits.Refuse($"DOCX元素嵌套超过{ReadLimits.MaxDepth.ToString(CultureInfo.InvariantCulture)}层",
                    $"A DOCX part nests elements deeper than {ReadLimits.MaxDepth}.");
            }
        }
    }

    private sealed class DocxWalk
    {
        private int _tables;

        public List<ReportToken> Tokens { get; } = new(capacity: 512);

        /// <summary>Paragraphs and tables in document order, through content controls and custom XML.</summary>
        public void Blocks(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Paragraph paragraph:
                        var text = ParagraphText(paragraph);

                        // Empty paragraphs are left out as the text reader leaves out blank lines: the parser
                        // would take one after a row label for a blank cell.
                        if (!string.IsNullOrWhiteSpace(text))
                        {
                            Tokens.Add(ReportToken.Paragraph(text));
                        }

                        break;
                    case Table table:
                        AddTable(table);
                        break;
                    case SdtProperties or SdtEndCharProperties or SectionProperties or DeletedRun or MoveFromRun:
                        break;
                    default:
                        Blocks(child);
                        break;
                }
            }
        }

        private void AddTable(Table table)
        {
            var number = ++_tables;
            var rowNumber = 0;
            foreach (var row in Find<TableRow>(table))
            {
                if (row.TableRowProperties?.GetFirstChild<Deleted>() is not null)
                {
                    continue;
                }

                rowNumber++;
                var column = 0;
                var startsRow = true;
                foreach (var cell in Find<TableCell>(row))
                {
                    column++;
                    if (IsMergeContinuation(cell))
                    {
                        // Word's text export prints an empty cell here, and the parser counts on it.
                        Tokens.Add(new ReportToken("", TokenKind.Cell, startsRow, Table: number, Row: rowNumber, Column: column));
                        startsRow = false;
                    }
                    else if (cell.Descendants<Table>().Any())
                    {
                        // A layout table: its text is running text, its inner tables are the real ones.
                        Blocks(cell);
                        startsRow = true;
                    }
                    else
                    {
                        Tokens.Add(new ReportToken(CellText(cell), TokenKind.Cell, startsRow, Table: number, Row: rowNumber, Column: column));
                        startsRow = false;
                    }
                }
            }
        }

        private static bool IsMergeContinuation(TableCell cell) =>
            cell.TableCellProperties?.VerticalMerge is { } merge
            && (merge.Val is null || merge.Val.Value != MergedCellValues.Restart);

        /// <summary>The cell's paragraphs joined without a separator: "（三）不予" + "公开" is one label.</summary>
        private static string CellText(TableCell cell)
        {
            var sb = new StringBuilder();
            foreach (var paragraph in Find<Paragraph>(cell))
            {
                AppendText(paragraph, sb);
            }

            return sb.ToString();
        }

        private static string ParagraphText(Paragraph paragraph)
        {
            var sb = new StringBuilder();
            AppendText(paragraph, sb);
            return sb.ToString();
        }

        /// <summary>Every w:t inside runs, hyperlinks, insertions, fields and content controls; deleted text is not printed.</summary>
        private static void AppendText(OpenXmlElement element, StringBuilder sb)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case Text text:
                        sb.Append(text.Text);
                        break;
                    case TabChar or PositionalTab:
                        sb.Append(' ');
                        break;

                    // A drawing's fallback repeats its text box.
                    case DeletedRun or MoveFromRun or AlternateContentFallback or SdtProperties:
                        break;
                    default:
                        AppendText(child, sb);
                        break;
                }
            }
        }

        /// <summary>The T elements under an element, looking through wrappers (w:sdt, w:customXml) but not into a T.</summary>
        private static IEnumerable<T> Find<T>(OpenXmlElement container)
            where T : OpenXmlElement
        {
            foreach (var child in container.ChildElements)
            {
                if (child is T found)
                {
                    yield return found;
                }
                else if (child is not (SdtProperties or DeletedRun or MoveFromRun or Table))
                {
                    foreach (var inner in Find<T>(child))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }
}
