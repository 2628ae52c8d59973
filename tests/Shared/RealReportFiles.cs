using System.Globalization;
using System.Text.Json;

namespace Gongkai.Tests;

/// <summary>
/// What a hand reading of a real published report found (samples/reports/real/NAME.expected.json, copied next to the
/// tests in real-reports): the cells with their values, the cells printed blank, the rules a checker must report, and
/// the exit code of <c>gongkai check</c>.
/// </summary>
internal sealed record ExpectedReading(
    string Format,
    int Year,
    string Agency,
    int WantExit,
    IReadOnlyDictionary<string, decimal> Cells,
    IReadOnlySet<string> Blanks,
    IReadOnlyList<string> Rules);

/// <summary>The five real reports of samples/reports/real and their expected readings.</summary>
internal static class RealReportFiles
{
    public static readonly string[] Names =
    [
        "huaian_city_gov_2024.pdf",
        "huaian_hongze_district_gov_2024.pdf",
        "pingtan_zone_2019.txt",
        "pingtan_zone_2021.txt",
        "pingtan_zone_2025.txt",
    ];

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "real-reports");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static ExpectedReading Expected(string name)
    {
        var file = PathOf(Path.GetFileNameWithoutExtension(name) + ".expected.json");
        using var json = JsonDocument.Parse(File.ReadAllBytes(file));
        var root = json.RootElement;
        // Numbers as decimals with their published digits (report-json.md), never through double.
        var cells = root.GetProperty("cells").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal(), StringComparer.Ordinal);
        return new ExpectedReading(
            root.GetProperty("format").GetString()!,
            root.GetProperty("year").GetInt32(),
            root.GetProperty("agency").GetString()!,
            root.GetProperty("want_exit").GetInt32(),
            cells,
            root.GetProperty("blank").EnumerateArray().Select(b => b.GetString()!).ToHashSet(StringComparer.Ordinal),
            [.. root.GetProperty("rules").EnumerateArray().Select(r => r.GetString()!)]);
    }

    /// <summary>Cells missing, read wrong, read blank or not blank against the hand reading, and cells it does not have.</summary>
    public static IEnumerable<string> CellDifferences(IReadOnlyDictionary<string, decimal> values, IReadOnlySet<string> blanks, ExpectedReading expected)
    {
        foreach (var (key, value) in expected.Cells.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (values.TryGetValue(key, out var read))
            {
                if (read != value)
                {
                    yield return $"{key} = {read.ToString(CultureInfo.InvariantCulture)}, expected {value.ToString(CultureInfo.InvariantCulture)}";
                }
            }
            else
            {
                var how = blanks.Contains(key) ? "read blank" : "not read";
                yield return $"{key} {how}, expected {value.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        foreach (var key in expected.Blanks.Where(b => !blanks.Contains(b)).Order(StringComparer.Ordinal))
        {
            yield return values.TryGetValue(key, out var read) ? $"{key} = {read.ToString(CultureInfo.InvariantCulture)}, expected blank" : $"{key} not read, expected blank";
        }

        foreach (var key in values.Keys.Concat(blanks).Where(k => !expected.Cells.ContainsKey(k) && !expected.Blanks.Contains(k)).Order(StringComparer.Ordinal))
        {
            yield return $"{key} read, but the report has no such cell";
        }
    }
}
