using Gongkai.Domain.Common;

namespace Gongkai.Domain.Proactive;

/// <summary>
/// One version of an agency's 政府信息公开指南 (条例 Art 12: the guide states the classification, arrangement and
/// ways of obtaining information, the address, hours and contacts of the disclosure office; it must be kept up to
/// date, Art 53(二)). Every edit is a new version; older versions stay readable.
/// </summary>
public sealed class DisclosureGuide
{
    public const int MaxTextLength = 100_000;
    public const int MaxTitleLength = 200;

    private DisclosureGuide()
    {
        Title = "";
        Text = "";
        AuthorId = "";
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>1, 2, 3 … per agency.</summary>
    public int Version { get; private set; }

    public string Title { get; private set; }

    /// <summary>The text as Markdown (headings, lists, links): rich text that renders safely as HTML and reads as plain text.</summary>
    public string Text { get; private set; }

    /// <summary>The date the version took effect (公开日期).</summary>
    public DateOnly EffectiveOn { get; private set; }

    public string AuthorId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The next version after <paramref name="previous"/> (null for the first); dates may not go backwards.</summary>
    public static Result<DisclosureGuide> NewVersion(Guid agencyId, DisclosureGuide? previous, string title, string text, DateOnly effectiveOn, string authorId, DateTimeOffset at)
    {
        title = title.Trim();
        text = text.Trim();
        if (agencyId == Guid.Empty)
        {
            return new Problem("guide.agencyRequired", "指南所属机关不能为空");
        }

        if (title.Length is 0 or > MaxTitleLength)
        {
            return new Problem("guide.title", $"指南标题不能为空，且不能超过{MaxTitleLength}个字");
        }

        if (text.Length is 0 or > MaxTextLength)
        {
            return new Problem("guide.text", $"指南正文不能为空，且不能超过{MaxTextLength}个字");
        }

        if (previous is not null && effectiveOn < previous.EffectiveOn)
        {
            return new Problem("guide.dateOutOfOrder", "新版指南的公开日期不能早于上一版");
        }

        return new DisclosureGuide
        {
            Id = Guid.NewGuid(),
            AgencyId = agencyId,
            Version = (previous?.Version ?? 0) + 1,
            Title = title,
            Text = text,
            EffectiveOn = effectiveOn,
            AuthorId = authorId,
            At = at,
        };
    }
}
