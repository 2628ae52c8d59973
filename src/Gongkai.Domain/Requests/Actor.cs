namespace Gongkai.Domain.Requests;

/// <summary>Who acts on a request, as the 台账 records it.</summary>
public enum ActorRole
{
    Applicant,
    Staff,

    /// <summary>政府信息公开工作机构负责人: the only role that can approve an extension (条例 Art 33¶2).</summary>
    OfficeHead,

    /// <summary>The platform itself, e.g. recording a lapse found by a scheduled check.</summary>
    System,
}

/// <summary>A user (or the system) acting in the procedure, with the name shown in the ledger at the time.</summary>
public sealed record Actor(string UserId, string DisplayName, ActorRole Role);
