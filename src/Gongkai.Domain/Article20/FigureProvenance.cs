using System.Globalization;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Article20;

/// <summary>Where an Article 20 figure came from.</summary>
public enum ProvenanceKind
{
    /// <summary>Computed from the catalogue (<see cref="Article20Counts"/>).</summary>
    Computed,

    /// <summary>Typed in by a member of staff.</summary>
    Entered,

    /// <summary>Read from a file (the figures of licensing, penalties, fees … live in other systems).</summary>
    Imported,
}

/// <summary>
/// The provenance of a figure: its <see cref="Kind"/>, when it was set (<see cref="At"/>, from the injected clock)
/// and, by kind, who entered it or which file and row it was imported from. One flat record, so that it stores as
/// one set of columns; the named factories fill exactly the fields of their kind.
/// </summary>
public sealed record FigureProvenance
{
    public const int MaxUserLength = 100;
    public const int MaxFileNameLength = 260;

    // For EF Core.
    private FigureProvenance()
    {
    }

    private FigureProvenance(ProvenanceKind kind, DateTimeOffset at)
    {
        Kind = kind;
        At = at;
    }

    public ProvenanceKind Kind { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Who entered the figure (<see cref="ProvenanceKind.Entered"/>).</summary>
    public string? UserId { get; private set; }

    /// <summary>Their name as shown at the time.</summary>
    public string? UserName { get; private set; }

    /// <summary>The imported file's name, without its folder (<see cref="ProvenanceKind.Imported"/>).</summary>
    public string? FileName { get; private set; }

    /// <summary>SHA-256 of the imported file, 64 lowercase hexadecimal digits.</summary>
    public string? FileSha256 { get; private set; }

    /// <summary>The spreadsheet row number the figure was read from (the header is row 1).</summary>
    public int? Row { get; private set; }

    /// <summary>E.g. 根据目录计算, 由张三填报, 从“执法统计.xlsx”第3行导入.</summary>
    public string Description => Kind switch
    {
        ProvenanceKind.Computed => "根据目录计算",
        ProvenanceKind.Entered => $"由{UserName}填报",
        _ => string.Create(CultureInfo.InvariantCulture, $"从“{FileName}”第{Row}行导入"),
    };

    public static FigureProvenance Computed(DateTimeOffset at) => new(ProvenanceKind.Computed, at);

    public static Result<FigureProvenance> Entered(string userId, string userName, DateTimeOffset at)
    {
        userId = (userId ?? "").Trim();
        userName = (userName ?? "").Trim();
        if (userId.Length == 0 || userName.Length == 0)
        {
            return new Problem(Article20Problems.UserRequired, "填报人不能为空");
        }

        if (userId.Length > MaxUserLength || userName.Length > MaxUserLength)
        {
            return new Problem(Article20Problems.UserTooLong, $"填报人标识和姓名不能超过{MaxUserLength.ToString(CultureInfo.InvariantCulture)}个字符");
        }

        return new FigureProvenance(ProvenanceKind.Entered, at) { UserId = userId, UserName = userName };
    }

    /// <param name="fileName">The file's name; a folder part (either slash) is dropped: it says nothing of the content.</param>
    /// <param name="sha256">The file's SHA-256 in hexadecimal, either case.</param>
    /// <param name="row">The spreadsheet row number, 1 or more.</param>
    public static Result<FigureProvenance> Imported(string fileName, string sha256, int row, DateTimeOffset at)
    {
        var name = (fileName ?? "").Trim();
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        if (name.Length is 0 or > MaxFileNameLength)
        {
            return new Problem(Article20Problems.ImportSource, $"导入文件名不能为空，且不能超过{MaxFileNameLength.ToString(CultureInfo.InvariantCulture)}个字符");
        }

        var hash = (sha256 ?? "").Trim().ToLowerInvariant();
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            return new Problem(Article20Problems.ImportSource, "导入文件的SHA-256摘要应为64位十六进制数");
        }

        if (row < 1)
        {
            return new Problem(Article20Problems.ImportSource, "导入数据的行号应从1开始");
        }

        return new FigureProvenance(ProvenanceKind.Imported, at) { FileName = name, FileSha256 = hash, Row = row };
    }

    /// <summary>True when both name the same source (kind, person, file and row), whenever they were set.</summary>
    public bool SameSourceAs(FigureProvenance other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with { At = default } == other with { At = default };
    }
}
