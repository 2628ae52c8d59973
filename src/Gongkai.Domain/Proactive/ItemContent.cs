using Gongkai.Domain.Agencies;

namespace Gongkai.Domain.Proactive;

/// <summary>
/// What an author writes for one version of an item, as given to <see cref="CreateItem"/>, <see cref="ReviseItem"/>,
/// <see cref="DraftItemUpdate"/> and <see cref="ImportItem"/>. The classification is given as the agency's own
/// <see cref="Proactive.Category"/>, <see cref="Topic"/>s and <see cref="Agencies.Division"/>, so that the item can
/// check they belong to its agency; it stores their ids. Validated by the item, not here.
/// </summary>
public sealed record ItemContent
{
    public required Category Category { get; init; }

    public IReadOnlyList<Topic> Topics { get; init; } = [];

    /// <summary>The 科室 responsible for the item, if recorded.</summary>
    public Division? Division { get; init; }

    public required string Title { get; init; }

    /// <summary>文号, e.g. 东外联发〔2020〕1号; none for most items.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>
    /// The day the information was formed (形成), or for an update the day it changed (变更): the start of the Art 26
    /// period of 20 working days. The 目录's 生成日期 (Art 12¶3).
    /// </summary>
    public required DateOnly FormedOn { get; init; }

    /// <summary>Whether the full text is available electronically (全文电子化): in the body or an attachment.</summary>
    public bool FullTextElectronic { get; init; }

    /// <summary>The text: the full text, or a summary (内容概述, Art 12¶3) when the full text is an attachment.</summary>
    public string Body { get; init; } = "";

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>For a 建议提案办理结果: the number of the deputies' suggestion or CPPCC proposal, e.g. 第92号.</summary>
    public string? ProposalNumber { get; init; }

    /// <summary>For a 规章 or 规范性文件: the day it stopped being in force (废止, 失效), if it has.</summary>
    public DateOnly? RepealedOn { get; init; }
}
