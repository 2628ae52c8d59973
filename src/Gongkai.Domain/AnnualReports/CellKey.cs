using System.Diagnostics.CodeAnalysis;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.Proactive;

namespace Gongkai.Domain.AnnualReports;

/// <summary>
/// The key of one cell of an annual report, spelled exactly as spec/report-json.md spells it (<see cref="ToString"/>):
/// <c>requests.&lt;row&gt;.&lt;column&gt;</c> (三, the row one or two segments, e.g. <c>withheld.stateSecret</c>),
/// <c>appeals.&lt;kind&gt;.&lt;result&gt;</c> (四), <c>article20.&lt;row&gt;.&lt;column&gt;</c> (二, the row one or two
/// segments: the seed's local sub-rows), <c>text.&lt;section&gt;</c> and our own <c>proactive.*</c> figures.
/// Code builds keys with the typed constructors or takes them from the layout; readers parse text with
/// <see cref="TryParse"/>. Whether a format has the cell is the layout's question (<see cref="ReportLayout.TryGetCell(CellKey, out CellSpec)"/>).
/// Equal, hashed and ordered by the key string (ordinal), so dictionaries keyed by either stay as fast.
/// </summary>
public readonly record struct CellKey : IComparable<CellKey>
{
    /// <summary>The key prefix of section 三.</summary>
    public const string RequestsPrefix = "requests";

    /// <summary>The key prefix of section 四.</summary>
    public const string AppealsPrefix = "appeals";

    /// <summary>The key prefix of section 二.</summary>
    public const string Article20Prefix = "article20";

    private const string TextPrefix = "text.";
    private const string PublishedByCategoryPrefix = ProactiveSummary.PublishedByCategoryPrefix;

    // Our own figures beyond the statutory tables (report-json.md), besides one count per top-level category.
    private static readonly string[] ProactiveKeys = [ProactiveSummary.PublishedTotal, ProactiveSummary.FullTextRate, ProactiveSummary.OnTimeRate];

    private static readonly System.Buffers.SearchValues<char> Identifier =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private readonly string? _key;

    private CellKey(string key) => _key = key;

    /// <summary>一、总体情况.</summary>
    public static CellKey Overview { get; } = Text("overview");

    /// <summary>五、存在的主要问题及改进情况.</summary>
    public static CellKey Problems { get; } = Text("problems");

    /// <summary>六、其他需要报告的事项.</summary>
    public static CellKey OtherMatters { get; } = Text("other");

    /// <summary>Items published in the year (our own figure).</summary>
    public static CellKey ProactivePublishedTotal { get; } = new(ProactiveKeys[0]);

    /// <summary>The share of the year's items with electronic full text, 0–1 (our own figure).</summary>
    public static CellKey ProactiveFullTextRate { get; } = new(ProactiveKeys[1]);

    /// <summary>The share of the year's items published on time, 0–1 (our own figure).</summary>
    public static CellKey ProactiveOnTimeRate { get; } = new(ProactiveKeys[2]);

    /// <summary>True for a narrative section's key (<c>text.*</c>), whose content is text, not a number.</summary>
    public bool IsText => _key is not null && _key.StartsWith(TextPrefix, StringComparison.Ordinal);

    /// <summary>True for our own proactive figures (<c>proactive.*</c>), which no format declares.</summary>
    public bool IsProactive => _key is not null && _key.StartsWith("proactive.", StringComparison.Ordinal);

    /// <summary>The category label of a <see cref="PublishedInCategory"/> key, or null for any other key.</summary>
    public string? CategoryLabel => _key is not null && _key.StartsWith(PublishedByCategoryPrefix, StringComparison.Ordinal) ? _key[PublishedByCategoryPrefix.Length..] : null;

    /// <summary>A cell of 三: <paramref name="row"/> is the row's path below the table, e.g. <c>withheld.stateSecret</c>.</summary>
    public static CellKey Requests(string row, string column) => Checked(RequestsPrefix + "." + row + "." + Column(column));

    /// <summary>A cell of 四, e.g. <c>appeals.litigationDirect.corrected</c>.</summary>
    public static CellKey Appeals(string kind, string result) => Checked(AppealsPrefix + "." + kind + "." + result);

    /// <summary>A cell of 二, e.g. <c>article20.rules.made</c> or the local <c>article20.otherServices.inspection.previous</c>.</summary>
    public static CellKey Article20(string row, string column) => Checked(Article20Prefix + "." + row + "." + Column(column));

    /// <summary>A narrative section, e.g. <c>text.overview</c>.</summary>
    public static CellKey Text(string section) => Checked(TextPrefix + section);

    /// <summary>Items published in the year under one top-level category, e.g. <c>proactive.published.byCategory.业务动态</c>.</summary>
    public static CellKey PublishedInCategory(string label) => Checked(PublishedByCategoryPrefix + label);

    /// <summary>The cell of a declared row and column; <see cref="RowPath.Path"/> already starts with the table's prefix.</summary>
    public static CellKey Of(RowPath row, ColumnSpec column)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(column);
        return Checked(row.Path + "." + column.Key);
    }

    /// <summary>
    /// Reads a key as report-json.md writes it: a known prefix and the number of segments its table has, each segment
    /// a camelCase identifier (after <c>proactive.published.byCategory.</c> any one-line category name). Not a check that a
    /// format has the cell.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CellKey key)
    {
        key = default;
        if (text is null || !IsWellFormed(text))
        {
            return false;
        }

        key = new CellKey(text);
        return true;
    }

    /// <exception cref="FormatException">The text is not a cell key of report-json.md.</exception>
    public static CellKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"“{text}” is not a cell key of report-json.md.");

    /// <summary>The key as report-json.md writes it (empty for <c>default</c>).</summary>
    public override string ToString() => _key ?? "";

    public int CompareTo(CellKey other) => string.CompareOrdinal(_key, other._key);

    /// <summary>The key where the JSON spelling is stored: cell dictionaries, findings.</summary>
    public static implicit operator string(CellKey key) => key.ToString();

    public static bool operator <(CellKey left, CellKey right) => left.CompareTo(right) < 0;

    public static bool operator <=(CellKey left, CellKey right) => left.CompareTo(right) <= 0;

    public static bool operator >(CellKey left, CellKey right) => left.CompareTo(right) > 0;

    public static bool operator >=(CellKey left, CellKey right) => left.CompareTo(right) >= 0;

    // A column is one segment; the row before it may be two (withheld.stateSecret).
    private static string Column(string column) =>
        IsIdentifier(column) ? column : throw new ArgumentException($"“{column}” is not a column key of report-json.md.", nameof(column));

    private static CellKey Checked(string key) =>
        IsWellFormed(key) ? new CellKey(key) : throw new ArgumentException($"“{key}” is not a cell key of report-json.md.", nameof(key));

    private static bool IsWellFormed(string text)
    {
        if (text.StartsWith(PublishedByCategoryPrefix, StringComparison.Ordinal))
        {
            var label = text.AsSpan(PublishedByCategoryPrefix.Length);
            // A category's name as staff wrote it (spaces inside allowed), one line.
            return label.Length > 0 && !label.ContainsAnyInRange('\0', '\u001f');
        }

        if (ProactiveKeys.Contains(text, StringComparer.Ordinal))
        {
            return true;
        }

        var prefix = text.AsSpan(0, Math.Max(text.IndexOf('.', StringComparison.Ordinal), 0));
        var segments = Segments(text);
        // Prefix, row (one or two segments) and column; a narrative section is the prefix and its name.
        return prefix switch
        {
            RequestsPrefix or Article20Prefix => segments is 3 or 4,
            AppealsPrefix => segments == 3,
            "text" => segments == 2,
            _ => false,
        };
    }

    /// <summary>The number of dot-separated segments when each is a camelCase identifier, else 0 (no allocation: keys are built per cell).</summary>
    private static int Segments(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var range in text.Split('.'))
        {
            if (!IsIdentifier(text[range]))
            {
                return 0;
            }

            count++;
        }

        return count;
    }

    private static bool IsIdentifier(ReadOnlySpan<char> segment) =>
        segment.Length > 0 && char.IsAsciiLetterLower(segment[0]) && !segment.ContainsAnyExcept(Identifier);
}
