using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Parsing;

namespace Gongkai.Core.Documents;

/// <summary>
/// The machine-readable report of spec/report-json.md: <c>format</c>, <c>year</c>, <c>agency</c>, <c>cells</c>
/// (numbers as JSON numbers with their published digits, narrative texts as strings), <c>blank</c>,
/// <c>findings</c>; <c>file</c> names the checked file when there is one.
/// </summary>
public static class ReportJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Chinese stays readable; the output is a file or a terminal, not an HTML page.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(CheckedReport report, string? file = null) => WriteMany([(report, file, null)], asArray: false);

    /// <summary>One report with more properties after its own (a district's <c>agencies</c>).</summary>
    public static string Write(CheckedReport report, Action<Utf8JsonWriter> more)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteReport(json, report, null, more);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>One report as an object, or several as an array; <c>More</c> writes a report's further properties.</summary>
    public static string WriteMany(IReadOnlyList<(CheckedReport Report, string? File, Action<Utf8JsonWriter>? More)> reports, bool asArray)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            if (asArray)
            {
                json.WriteStartArray();
            }

            foreach (var (report, file, more) in reports)
            {
                WriteReport(json, report, file, more);
            }

            if (asArray)
            {
                json.WriteEndArray();
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteReport(Utf8JsonWriter json, CheckedReport checkedReport, string? file, Action<Utf8JsonWriter>? more = null)
    {
        var report = checkedReport.Report;
        json.WriteStartObject();
        if (file is not null)
        {
            json.WriteString("file", file);
        }

        json.WriteString("format", report.Format.Code());
        WriteNullable(json, "year", report.Year);
        if (report.Agency is null)
        {
            json.WriteNull("agency");
        }
        else
        {
            json.WriteString("agency", report.Agency);
        }

        json.WriteStartObject("cells");
        foreach (var cell in report.Layout.Cells)
        {
            if (report.Values.TryGetValue(cell.Key, out var value))
            {
                json.WriteNumber(cell.Key, value);
            }
        }

        foreach (var key in report.Values.Keys.Where(k => !report.Layout.TryGetCell(k, out _)).Order(StringComparer.Ordinal))
        {
            json.WriteNumber(key, report.Values[key]);
        }

        foreach (var section in report.Layout.Sections)
        {
            if (section.TextKey is { } key && report.Text(key) is { } text)
            {
                json.WriteString(key, text);
            }
        }

        json.WriteEndObject();
        json.WriteStartArray("blank");
        foreach (var cell in report.Layout.Cells.Where(c => report.Blanks.Contains(c.Key)))
        {
            json.WriteStringValue(cell.Key);
        }

        // A 2021 report's 2019 single row （六）其他处理 (SingleOtherRow) has cells the 2021 layout does not declare.
        foreach (var key in report.Blanks.Where(k => !report.Layout.TryGetCell(k, out _)).Order(StringComparer.Ordinal))
        {
            json.WriteStringValue(key);
        }

        json.WriteEndArray();
        WriteFindings(json, checkedReport.Findings);
        more?.Invoke(json);
        json.WriteEndObject();
    }

    /// <summary>The <c>findings</c> array of report-json.md.</summary>
    public static void WriteFindings(Utf8JsonWriter json, IEnumerable<Finding> findings)
    {
        json.WriteStartArray("findings");
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            json.WriteString("rule", finding.Rule);
            json.WriteString("severity", finding.Severity == Severity.Error ? "error" : "warning");
            json.WriteStartArray("cells");
            foreach (var key in finding.Cells)
            {
                json.WriteStringValue(key);
            }

            json.WriteEndArray();
            json.WriteString("message", finding.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>
    /// Reads a report back from its JSON (ours, or another system's in the same shape). The findings in the
    /// file are not trusted: the caller checks the cells again. Unknown keys and non-numbers become findings.
    /// </summary>
    public static ParsedReport Read(string text, ReportFormat? formatOverride = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new ReportReadException($"无法读取JSON文件：第{((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture)}行格式错误", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 1)
            {
                root = root[0];
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ReportReadException("无法读取JSON文件：顶层应为一份年度报告对象");
            }

            var findings = new List<Finding>();
            var year = root.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number && y.TryGetInt32(out var yv) ? yv : (int?)null;
            var agency = root.TryGetProperty("agency", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            var format = formatOverride
                ?? (root.TryGetProperty("format", out var f) && ReportFormats.TryParse(f.ValueKind == JsonValueKind.String ? f.GetString() : f.GetRawText(), out var parsed)
                    ? parsed
                    : year is { } yy ? ReportFormats.DefaultForYear(yy) : ReportFormat.V2021);
            var layout = Domain.AnnualReports.Layout.ReportLayout.For(format);
            var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            var blanks = new HashSet<string>(StringComparer.Ordinal);
            if (root.TryGetProperty("cells", out var cells) && cells.ValueKind == JsonValueKind.Object)
            {
                foreach (var cell in cells.EnumerateObject())
                {
                    ReadCell(cell, layout, values, texts, findings);
                }
            }
            else
            {
                findings.Add(Finding.Error(RuleIds.P1, "JSON中缺少“cells”"));
            }

            if (root.TryGetProperty("blank", out var blank) && blank.ValueKind == JsonValueKind.Array)
            {
                foreach (var key in blank.EnumerateArray().Where(b => b.ValueKind == JsonValueKind.String).Select(b => b.GetString()!))
                {
                    if (layout.TryGetCell(key, out _) || (CellKey.TryParse(key, out var blankKey) && Domain.AnnualReports.Layout.SingleOtherRow.TryGetCell(layout, blankKey, out _)))
                    {
                        blanks.Add(key);
                    }
                    else
                    {
                        findings.Add(Finding.Warning(RuleIds.P2, $"未知的单元格键“{key}”", key));
                    }
                }
            }

            var report = new AnnualReport(format, agency, year, values, blanks, texts);
            findings.AddRange(MissingCells(report));
            return new ParsedReport(report, findings);
        }
    }

    private static void ReadCell(JsonProperty cell, Domain.AnnualReports.Layout.ReportLayout layout, Dictionary<string, decimal> values, Dictionary<string, string> texts, List<Finding> findings)
    {
        var key = cell.Name;
        var known = CellKey.TryParse(key, out var cellKey);
        if (known && cellKey.IsText && cell.Value.ValueKind == JsonValueKind.String)
        {
            texts[key] = cell.Value.GetString()!;
        }
        else if (!known || !(layout.TryGetCell(cellKey, out _) || cellKey.IsProactive || Domain.AnnualReports.Layout.SingleOtherRow.TryGetCell(layout, cellKey, out _)))
        {
            findings.Add(Finding.Warning(RuleIds.P2, $"未知的单元格键“{key}”", key));
        }
        else if (cell.Value.ValueKind == JsonValueKind.Number && cell.Value.TryGetDecimal(out var value))
        {
            values[key] = value;
        }
        else
        {
            findings.Add(Finding.Error(RuleIds.P3, $"单元格“{key}”不是数值：{cell.Value.GetRawText()}", key));
        }
    }

    /// <summary>P1 for the national cells a JSON report leaves out altogether.</summary>
    private static IEnumerable<Finding> MissingCells(AnnualReport report)
    {
        var singleOther = Domain.AnnualReports.Layout.SingleOtherRow.IsIn(report);
        var missing = report.Layout.Cells
            .Where(c => !c.Row.Row.IsLocalVariant && !report.Has(c.Key) && !(singleOther && Domain.AnnualReports.Layout.SingleOtherRow.Replaces(c.Row)))
            // A row printed as its local sub-rows (the seed's 行政检查 / 行政确认) lacks its own cells on purpose.
            .Where(c => c.Row.Row.Children.Count == 0 || !c.Table.DataRows.Any(v => v.Parent == c.Row && report.Has(CellKey.Of(v, c.Column))))
            .Select(c => c.Key.ToString())
            .ToList();
        if (missing.Count > 0)
        {
            yield return Finding.Error(RuleIds.P1, $"JSON中缺少{missing.Count.ToString(CultureInfo.InvariantCulture)}个单元格，如“{missing[0]}”", [.. missing]);
        }
    }
}
