using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// A reply's particulars as the reply form and the API send them (flat, every field optional), made into the
/// domain's <see cref="ReplyParticulars"/>; what each outcome requires is the domain's rule (<see cref="ReplyParticularsRule"/>).
/// A withheld part left wholly blank (the form's spare rows) is no part; a ground that is not one of
/// <see cref="WithholdingGround"/>'s names is no ground, and the domain names it missing.
/// </summary>
/// <param name="Reasons">The handler's reasons (不予公开, 非本机关, what remained unclear, 其他处理 …).</param>
/// <param name="ObtainFrom">How, where and when to obtain the information (予以公开, the disclosed part of 部分公开).</param>
/// <param name="AlreadyPublished">予以公开 because already proactively published (条例 Art 36(一)).</param>
/// <param name="WithheldParts">部分公开: each part withheld, its ground (<c>ThirdPartyRights</c> …) and reasons (Art 37).</param>
/// <param name="NotThisAgency">无法提供（本机关不掌握）because another agency is responsible (Art 36(五)).</param>
/// <param name="ResponsibleAgencyName">That agency's name, where it can be determined.</param>
/// <param name="ResponsibleAgencyContact">That agency's contact details.</param>
/// <param name="EarlierReplyNumber">重复申请: the earlier reply's 文号 (Art 36(六)).</param>
/// <param name="EarlierReplyIssuedOn">重复申请: the earlier reply's date.</param>
public sealed record ReplyParticularsFields(
    string? Reasons = null,
    string? ObtainFrom = null,
    bool AlreadyPublished = false,
    IReadOnlyList<WithheldPartFields>? WithheldParts = null,
    bool NotThisAgency = false,
    string? ResponsibleAgencyName = null,
    string? ResponsibleAgencyContact = null,
    string? EarlierReplyNumber = null,
    DateOnly? EarlierReplyIssuedOn = null)
{
    public Result<ReplyParticulars> ToParticulars()
    {
        var number = EarlierReplyNumber?.Trim() ?? "";
        if ((number.Length > 0) != EarlierReplyIssuedOn.HasValue)
        {
            return Problem.Invalid(ReplyParticularsRule.EarlierReplyRequired, "已作出的答复应同时填写文号和日期（条例第三十六条第（六）项）");
        }

        var parts = (WithheldParts ?? [])
            .Where(p => !string.IsNullOrWhiteSpace(p.Part) || !string.IsNullOrWhiteSpace(p.Ground) || !string.IsNullOrWhiteSpace(p.Reasons))
            .Select(p => new WithheldPart(p.Part ?? "", Ground(p.Ground), p.Reasons ?? ""))
            .ToList();
        var agency = string.IsNullOrWhiteSpace(ResponsibleAgencyName) && string.IsNullOrWhiteSpace(ResponsibleAgencyContact)
            ? null
            : new ResponsibleAgency(ResponsibleAgencyName ?? "", ResponsibleAgencyContact ?? "");
        return new ReplyParticulars
        {
            Reasons = Reasons,
            ObtainFrom = ObtainFrom,
            AlreadyPublished = AlreadyPublished,
            WithheldParts = parts,
            NotThisAgency = NotThisAgency,
            ResponsibleAgency = agency,
            EarlierReply = EarlierReplyIssuedOn is { } on ? new EarlierReply(number, on) : null,
        };
    }

    /// <summary>Not a name of the enum (or a number): a value no ground has, which the domain refuses as missing.</summary>
    private static WithholdingGround Ground(string? name) =>
        Enum.TryParse<WithholdingGround>(name?.Trim(), out var ground) && Enum.IsDefined(ground) && !int.TryParse(name, out _) ? ground : (WithholdingGround)(-1);
}

/// <summary>One withheld part as the form and the API send it: what, on which ground (<see cref="WithholdingGround"/>'s name), why.</summary>
public sealed record WithheldPartFields(string? Part, string? Ground, string? Reasons);
