namespace Gongkai.Domain.AnnualReports.Lifecycle;

/// <summary>Where one version of an agency's annual report stands.</summary>
public enum ReportStage
{
    /// <summary>Built from the records (or edited); not yet checked.</summary>
    Draft,

    /// <summary>The rules ran with no error; any warning was acknowledged with a note.</summary>
    Checked,

    /// <summary>An immutable snapshot with a content hash; records changed later do not touch it.</summary>
    Locked,

    /// <summary>A locked version made public on a date (条例 Art 49).</summary>
    Published,
}

/// <summary>What a step of the report's lifecycle asks for.</summary>
public enum ReportTrigger
{
    Rebuild,
    Check,
    Lock,
    Publish,
}
