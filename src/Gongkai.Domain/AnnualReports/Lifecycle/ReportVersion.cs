using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.AnnualReports.Lifecycle;

/// <summary>
/// One version of an agency's annual report for a year: its content (the report as report-json.md, narrative
/// included) moves draft → checked → locked → published. Only a draft or a checked version can be rebuilt; a locked
/// one is immutable and carries the SHA-256 of its content, so re-building a locked year starts the next version.
/// A total state machine (STYLE.md habit 5): <see cref="Allowed"/> is the one table, every other step is
/// <c>report.transitionNotAllowed</c>.
/// </summary>
public sealed class ReportVersion
{
    public const string TransitionNotAllowed = "report.transitionNotAllowed";
    public const int MaxAcknowledgementLength = 1000;

    private static readonly Dictionary<(ReportStage, ReportTrigger), ReportStage> Allowed = new()
    {
        [(ReportStage.Draft, ReportTrigger.Rebuild)] = ReportStage.Draft,
        [(ReportStage.Checked, ReportTrigger.Rebuild)] = ReportStage.Draft,
        [(ReportStage.Draft, ReportTrigger.Check)] = ReportStage.Checked,
        [(ReportStage.Checked, ReportTrigger.Check)] = ReportStage.Checked,
        [(ReportStage.Checked, ReportTrigger.Lock)] = ReportStage.Locked,
        [(ReportStage.Locked, ReportTrigger.Publish)] = ReportStage.Published,
    };

    private ReportVersion()
    {
        Content = "";
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public int Year { get; private set; }

    /// <summary>1 for the first version of the year, then 2, 3 … each started after the one before was locked.</summary>
    public int Number { get; private set; }

    public ReportFormat Format { get; private set; }

    public ReportStage Stage { get; private set; }

    /// <summary>The report as report-json.md writes it (cells, blanks, narrative, the findings of its build).</summary>
    public string Content { get; private set; }

    /// <summary>SHA-256 of <see cref="Content"/> (UTF-8, lower-case hex), fixed when the version is locked.</summary>
    public string? ContentHash { get; private set; }

    /// <summary>When this version was first built (<see cref="BuiltAt"/> moves with each rebuild); null for versions
    /// stored before it was recorded (issue 13), whose <see cref="BuiltAt"/> is then the best known.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset BuiltAt { get; private set; }

    public int ErrorCount { get; private set; }

    public int WarningCount { get; private set; }

    public DateTimeOffset? CheckedAt { get; private set; }

    /// <summary>Why the warnings found at the check are accepted, in the reviewer's words.</summary>
    public string? Acknowledgement { get; private set; }

    public DateTimeOffset? LockedAt { get; private set; }

    public string? LockedBy { get; private set; }

    /// <summary>The day the report was made public (条例 Art 49 asks by when).</summary>
    public DateOnly? PublishedOn { get; private set; }

    public bool IsLocked => Stage is ReportStage.Locked or ReportStage.Published;

    /// <summary>A new draft: version <paramref name="number"/> of (<paramref name="agencyId"/>, <paramref name="year"/>).</summary>
    public static ReportVersion Draft(Guid agencyId, int year, int number, ReportFormat format, string content, int errors, int warnings, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return new ReportVersion
        {
            Id = Guid.NewGuid(),
            AgencyId = agencyId,
            Year = year,
            Number = number,
            Format = format,
            Stage = ReportStage.Draft,
            Content = content,
            ErrorCount = errors,
            WarningCount = warnings,
            StartedAt = at,
            BuiltAt = at,
        };
    }

    /// <summary>The same version built again from the records (or with edited narrative): back to draft.</summary>
    public Result<ReportVersion> Rebuild(ReportFormat format, string content, int errors, int warnings, DateTimeOffset at)
    {
        if (Step(ReportTrigger.Rebuild, out var next) is { } problem)
        {
            return problem;
        }

        Format = format;
        Content = content;
        ErrorCount = errors;
        WarningCount = warnings;
        BuiltAt = at;
        CheckedAt = null;
        Acknowledgement = null;
        Stage = next;
        return this;
    }

    /// <summary>
    /// Records the result of the rules run on this content: an error keeps it a draft; warnings pass only when a
    /// reviewer acknowledges them with a note.
    /// </summary>
    public Result<ReportVersion> Check(int errors, int warnings, string? acknowledgement, DateTimeOffset at)
    {
        if (Step(ReportTrigger.Check, out var next) is { } problem)
        {
            return problem;
        }

        var c = CultureInfo.InvariantCulture;
        if (errors > 0)
        {
            return new Problem("report.hasErrors", $"年度报告有{errors.ToString(c)}个错误，改正台账记录并重新生成后才能确认");
        }

        var note = acknowledgement?.Trim();
        if (warnings > 0 && string.IsNullOrEmpty(note))
        {
            return new Problem("report.warningsNotAcknowledged", $"年度报告有{warnings.ToString(c)}个警告，请说明为何接受这些警告后再确认");
        }

        if (note?.Length > MaxAcknowledgementLength)
        {
            return new Problem("report.acknowledgementTooLong", $"说明不能超过{MaxAcknowledgementLength.ToString(c)}个字");
        }

        ErrorCount = errors;
        WarningCount = warnings;
        Acknowledgement = warnings > 0 ? note : null;
        CheckedAt = at;
        Stage = next;
        return this;
    }

    /// <summary>Freezes the content: from now on only the publication date may be set.</summary>
    public Result<ReportVersion> Lock(string actor, DateTimeOffset at)
    {
        if (Step(ReportTrigger.Lock, out var next) is { } problem)
        {
            return problem;
        }

        ContentHash = Hash(Content);
        LockedAt = at;
        LockedBy = actor;
        Stage = next;
        return this;
    }

    /// <summary>
    /// Records the day the locked content was made public. The day is not compared with the lock: a report published
    /// before Gongkai held it is recorded after the fact (the caller keeps the day within the year after).
    /// </summary>
    public Result<ReportVersion> Publish(DateOnly on)
    {
        if (Step(ReportTrigger.Publish, out var next) is { } problem)
        {
            return problem;
        }

        PublishedOn = on;
        Stage = next;
        return this;
    }

    /// <summary>True when the content is still what was locked (always true before the lock).</summary>
    public bool HashMatches => ContentHash is null || string.Equals(ContentHash, Hash(Content), StringComparison.Ordinal);

    public static string Hash(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    /// <summary>The stage the table gives for <paramref name="trigger"/> now, or the one typed error.</summary>
    private Problem? Step(ReportTrigger trigger, out ReportStage next) =>
        Allowed.TryGetValue((Stage, trigger), out next) ? null : Problem.Conflict(TransitionNotAllowed, $"{StageName(Stage)}的年度报告不能{TriggerName(trigger)}");

    public static string StageName(ReportStage stage) => stage switch
    {
        ReportStage.Draft => "草稿",
        ReportStage.Checked => "已检查",
        ReportStage.Locked => "已锁定",
        ReportStage.Published => "已公开",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    private static string TriggerName(ReportTrigger trigger) => trigger switch
    {
        ReportTrigger.Rebuild => "重新生成",
        ReportTrigger.Check => "确认检查结果",
        ReportTrigger.Lock => "锁定",
        ReportTrigger.Publish => "公开",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}
