namespace Gongkai.Domain.Requests;

/// <summary>
/// What a reply tells the applicant besides its outcome, as spec/letters.md §3's last column asks: the handler's
/// reasons, where to obtain the information, each withheld part of a 部分公开 reply, the responsible agency when the
/// information is not this agency's (Art 36(五)), the earlier reply of a repeated application (Art 36(六)).
/// Which outcome requires which is the procedure's rule (a reply without them is refused).
/// </summary>
public sealed record ReplyParticulars
{
    public static readonly ReplyParticulars None = new();

    /// <summary>The handler's reasons (不予公开, 非本机关, 说明理由, what remained unclear, 其他处理's text …).</summary>
    public string? Reasons { get; init; }

    /// <summary>How, where and when to obtain the information (予以公开, the disclosed part of 部分公开, a publication).</summary>
    public string? ObtainFrom { get; init; }

    /// <summary>予以公开 because it was already proactively published (Art 36(一)), not disclosed now (Art 36(二)).</summary>
    public bool AlreadyPublished { get; init; }

    /// <summary>部分公开: each withheld part with its own ground and reasons (Art 37).</summary>
    public IReadOnlyList<WithheldPart> WithheldParts { get; init; } = [];

    /// <summary>无法提供（本机关不掌握）because another agency is responsible (Art 36(五)), not because it does not exist (Art 36(四)).</summary>
    public bool NotThisAgency { get; init; }

    /// <summary>The responsible agency, where it can be determined (Art 36(五)).</summary>
    public ResponsibleAgency? ResponsibleAgency { get; init; }

    /// <summary>The earlier reply to the same request (不予处理 重复申请, Art 36(六)).</summary>
    public EarlierReply? EarlierReply { get; init; }
}

/// <summary>A withheld part of a 部分公开 reply: what is withheld, on which ground, and why.</summary>
public sealed record WithheldPart(string Part, WithholdingGround Ground, string Reasons);

/// <summary>The agency responsible for the information (Art 36(五)): its name and contact details.</summary>
public sealed record ResponsibleAgency(string Name, string Contact);

/// <summary>An earlier reply: its 文号 and date.</summary>
public sealed record EarlierReply(string Number, DateOnly IssuedOn);
