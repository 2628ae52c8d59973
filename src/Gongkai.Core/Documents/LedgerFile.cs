using System.Globalization;
using System.Text;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Gongkai.Core.Documents;

/// <summary>One data row of a ledger file: its number as a spreadsheet shows it (header = row 1) and its cells by header.</summary>
public sealed record LedgerRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var value) ? Trimmed(value) : "";

    /// <summary>
    /// The cell without surrounding spaces, unless taking the leading ones off makes a formula of text (issue 16, 12):
    /// a tab before <c>=1+1</c> is kept, so the text stays as it was written and no export of it starts with <c>=</c>.
    /// </summary>
    private static string Trimmed(string value)
    {
        var trimmed = value.Trim();
        return value.Length > 0 && char.IsWhiteSpace(value[0]) && LedgerFile.LooksLikeFormula(trimmed) ? value.TrimEnd() : trimmed;
    }
}

/// <summary>What is wrong with one cell of a ledger row (row number as a spreadsheet shows it, header = row 1).</summary>
public sealed record LedgerError(int Row, string Column, string Reason)
{
    public override string ToString() => $"第{Row.ToString(CultureInfo.InvariantCulture)}行「{Column}」：{Reason}";
}

/// <summary>
/// Reads an office's existing 台账 of applications, items, appeals or 第二十条 figures (every importer reads its file
/// here): CSV (any of the encodings <see cref="TextDecoding"/> detects; quoted fields per RFC 4180) or XLSX (first
/// sheet, first row the headers).
/// </summary>
public static class LedgerFile
{
    public static IReadOnlyList<LedgerRow> Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LedgerFileException($"无法打开文件：{e.Message}", e);
        }

        return Read(bytes, Path.GetFileName(path));
    }

    /// <summary>A finding on row 1 for every expected header the file lacks (no rows: nothing to check).</summary>
    public static List<LedgerError> MissingHeaders(IReadOnlyList<LedgerRow> rows, IReadOnlyList<string> headers) =>
        rows.Count == 0
            ? []
            : [.. headers.Where(h => !rows[0].Cells.ContainsKey(h)).Select(h => new LedgerError(1, h, "缺少此列（表头应为：" + string.Join("、", headers) + "）"))];

    public static IReadOnlyList<LedgerRow> Read(byte[] bytes, string name)
    {
        if (bytes.Length == 0)
        {
            throw new LedgerFileException("文件为空");
        }

        var isZip = bytes.AsSpan().StartsWith("PK\u0003\u0004"u8);
        if (!isZip && Path.GetExtension(name).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new LedgerFileException("无法读取XLSX文件：文件已损坏或不是Excel工作簿");
        }

        return isZip ? ReadXlsx(bytes) : ReadCsv(TextDecoding.Decode(bytes));
    }

    private static List<LedgerRow> ReadXlsx(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var rows = new List<LedgerRow>();
            var number = 1;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: true))
            {
                number++;
                var cells = row.ToDictionary(c => c.Key.Trim(), c => CellText(c.Value), StringComparer.Ordinal);
                if (cells.Values.Any(v => v.Length > 0))
                {
                    rows.Add(new LedgerRow(number, cells));
                }
            }

            return rows;
        }
        catch (Exception e) when (e is not LedgerFileException)
        {
            throw new LedgerFileException("无法读取XLSX文件：文件已损坏或不是Excel工作簿", e);
        }
    }

    /// <summary>Excel keeps dates as dates: written back as YYYY-MM-DD; everything else as its text.</summary>
    private static string CellText(object? value) => value switch
    {
        null => "",
        DateTime date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// A field a spreadsheet could run as a formula when opening a CSV (OWASP "CSV Injection"; issue 16, 12): it starts
    /// with = + - @, a tab or a carriage return (OWASP), NUL (ASVS 1.2.10), or their full-width forms ＝＋－＠, which
    /// Chinese input methods type and WPS and Excel with East Asian settings may take as the half-width ones (an
    /// apostrophe too many is harmless, a formula run is not). A plain number (-3, +0.5) is a value, not a formula.
    /// </summary>
    public static bool LooksLikeFormula(string field) =>
        field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\0' or '＝' or '＋' or '－' or '＠'
        && !decimal.TryParse(field, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// A field of every CSV export (items, applications, the 台账): a formula-like text gets a leading apostrophe so a
    /// spreadsheet shows it instead of running it (the import takes the mark off again, <see cref="Read(byte[], string)"/>),
    /// then RFC 4180 quoting: a field with a comma, quote or line break in double quotes, quotes doubled. The database
    /// keeps the text as it was written.
    /// </summary>
    public static string CsvField(string field)
    {
        var text = LooksLikeFormula(field) ? "'" + field : field;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static List<LedgerRow> ReadCsv(string text)
    {
        var records = ParseCsv(text);
        if (records.Count == 0)
        {
            throw new LedgerFileException("文件中没有表头");
        }

        var headers = records[0].Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var rows = new List<LedgerRow>(records.Count);
        for (var i = 1; i < records.Count; i++)
        {
            var record = records[i];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < headers.Length; c++)
            {
                var cell = c < record.Count ? record[c] : "";

                // The mark an export puts before a formula-like field (ExportApplications) is not part of the value.
                cells[headers[c]] = cell.Length > 1 && cell[0] == '\'' && LooksLikeFormula(cell[1..]) ? cell[1..] : cell;
            }

            rows.Add(new LedgerRow(i + 1, cells));
        }

        return rows;
    }

    /// <summary>RFC 4180: commas, double quotes around fields with commas, quotes or line breaks, "" for a quote.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}

/// <summary>A ledger file that cannot be read at all (as opposed to rows with errors).</summary>
public sealed class LedgerFileException : Exception
{
    public LedgerFileException()
    {
    }

    public LedgerFileException(string message)
        : base(message)
    {
    }

    public LedgerFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
