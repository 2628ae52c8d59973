using System.Diagnostics;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Proactive;

/// <summary>
/// A proactively disclosed item (主动公开, 条例 Arts 19–26) and its review workflow (保密审查, Art 17) as a total state
/// machine: <see cref="Apply"/> looks the (state, trigger) pair up in <see cref="ItemTransitions"/>, refuses every
/// pair not there with the same problem, checks the trigger's own rules, and records every step as an
/// <see cref="ItemEvent"/>. A refused command changes nothing.
/// <para>
/// The content properties (<see cref="CategoryId"/> … <see cref="RepealedOn"/>) are the working version: what the
/// author edits and the reviewer reviews (classification included). What the public sees is
/// <see cref="PublicVersion"/>, the last of <see cref="Versions"/>, which a newer working version replaces only
/// when it is approved and published; lists of public items read the published version, never the working one.
/// </para>
/// </summary>
public sealed partial class DisclosureItem
{
    public const int MaxTitleLength = 200;
    public const int MaxDocumentNumberLength = 100;
    public const int MaxBodyLength = 200_000;
    public const int MaxProposalNumberLength = 50;
    public const int MaxReasonLength = 1000;

    /// <summary>An item is filed under a few 重点领域; more than this is a mistake (or a flood sent to the API).</summary>
    public const int MaxTopics = 50;

    private readonly List<Guid> _topicIds = [];
    private readonly List<Attachment> _attachments = [];
    private readonly List<ItemVersion> _versions = [];
    private readonly List<ItemEvent> _events = [];

    // For EF Core.
    private DisclosureItem()
    {
        Title = "";
        Body = "";
        AuthorId = "";
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The 科室 responsible for the item, if recorded.</summary>
    public Guid? DivisionId { get; private set; }

    public Guid CategoryId { get; private set; }

    /// <summary>The 重点领域 the item belongs to, in the order given, without repeats.</summary>
    public IReadOnlyList<Guid> TopicIds => _topicIds.AsReadOnly();

    public string Title { get; private set; }

    /// <summary>文号, if any.</summary>
    public string? DocumentNumber { get; private set; }

    /// <summary>The day the working version's information was formed or changed (Art 26).</summary>
    public DateOnly FormedOn { get; private set; }

    /// <summary>全文电子化: the full text is available electronically.</summary>
    public bool FullTextElectronic { get; private set; }

    public string Body { get; private set; }

    public IReadOnlyList<Attachment> Attachments => _attachments.AsReadOnly();

    /// <summary>建议提案 number, for a 建议提案办理结果.</summary>
    public string? ProposalNumber { get; private set; }

    /// <summary>For a 规章 or 规范性文件 no longer in force: the day it was repealed.</summary>
    public DateOnly? RepealedOn { get; private set; }

    /// <summary>The user who created (or imported) the item.</summary>
    public string AuthorId { get; private set; }

    public ItemState State { get; private set; }

    /// <summary>The number of the working version: 1 until an update is drafted, then one more than the last published.</summary>
    public int Version { get; private set; }

    /// <summary>The latest approval, if it still stands (a revision after approval voids it).</summary>
    public ConfidentialityReview? Approval { get; private set; }

    /// <summary>The reviewer's reason while the item is rejected.</summary>
    public string? RejectionReason { get; private set; }

    /// <summary>The day the first version was published (公开日期); counts the item in that year's report.</summary>
    public DateOnly? FirstPublishedOn { get; private set; }

    /// <summary>The day the last published version was published.</summary>
    public DateOnly? PublishedOn { get; private set; }

    public DateOnly? WithdrawnOn { get; private set; }

    public string? WithdrawalReason { get; private set; }

    /// <summary>Every version ever published, oldest first, unchanged.</summary>
    public IReadOnlyList<ItemVersion> Versions => _versions.AsReadOnly();

    public IReadOnlyList<ItemEvent> Events => _events.AsReadOnly();

    /// <summary>The version the public sees now; null before the first publication and after withdrawal.</summary>
    public ItemVersion? PublicVersion => State.IsPublic() ? _versions[^1] : null;

    /// <summary>The day the working version was published, or null while it is not (yet) published.</summary>
    public DateOnly? WorkingVersionPublishedOn =>
        _versions.Count > 0 && _versions[^1].Number == Version ? _versions[^1].PublishedOn : null;

    /// <summary>A new draft by the command's actor (any role but the system), who is its author.</summary>
    public static Result<DisclosureItem> Create(CreateItem command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(command.Actor);
        if (command.Actor.Role == ItemRole.System)
        {
            return Problem.Forbidden(ItemProblems.RoleNotAllowed, "信息应由工作人员撰写，系统不能新建草稿");
        }

        var validated = Validate(command.Id, command.AgencyId, command.Content);
        if (!validated.TryGetValue(out var content))
        {
            return validated.Problem;
        }

        var item = new DisclosureItem
        {
            Id = command.Id,
            AgencyId = command.AgencyId,
            AuthorId = command.Actor.UserId,
            State = ItemState.Draft,
            Version = 1,
        };
        item.SetContent(content);
        item.Record(command, null, ItemState.Draft, $"新建草稿“{content.Title}”，信息形成于{ProactiveText.Date(content.FormedOn)}");
        return item;
    }

    /// <summary>
    /// Takes over an item an office published before the platform, from its 台账, in one
    /// <see cref="ItemTrigger.Import"/> event: published on the command's date as version 1, with the review the
    /// 台账 records (the seed's office: "落实保密审查要求，并建立台账") noted as imported. Admin or system only.
    /// </summary>
    public static Result<DisclosureItem> Import(ImportItem command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(command.Actor);
        if (command.Actor.Role is not (ItemRole.Admin or ItemRole.System))
        {
            return Problem.Forbidden(ItemProblems.RoleNotAllowed, "只有管理员或系统可以从原台账导入已公开的信息");
        }

        var validated = Validate(command.Id, command.AgencyId, command.Content, takenOver: true);
        if (!validated.TryGetValue(out var content))
        {
            return validated.Problem;
        }

        if (command.Date < content.FormedOn)
        {
            return PublishedBeforeFormed(command.Date, content.FormedOn);
        }

        var item = new DisclosureItem
        {
            Id = command.Id,
            AgencyId = command.AgencyId,
            AuthorId = command.Actor.UserId,
            State = ItemState.Published,
            Version = 1,
        };
        item.SetContent(content);
        item.Approval = new ConfidentialityReview(1, command.Actor.UserId, command.Actor.DisplayName, command.Date, item.ComputeContentHash(), Imported: true);
        item.AddPublishedVersion(command.Date);
        item.Record(command, null, ItemState.Published,
            $"从原台账导入：“{content.Title}”于{ProactiveText.Date(command.Date)}公开，保密审查记录于原台账");
        return item;
    }

    /// <summary>
    /// Applies a trigger. Not in the table: <c>item.transitionNotAllowed</c>. A date before the previous step's:
    /// <c>item.dateOutOfOrder</c>. Otherwise the trigger's own rules.
    /// </summary>
    public Result<ItemEvent> Apply(ItemCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(command.Actor);

        if (!ItemTransitions.TryFind(State, command.Trigger, out var transition))
        {
            return ItemProblems.NotAllowed(State, command.Trigger);
        }

        if (command.Date < _events[^1].Date)
        {
            return ItemProblems.OutOfOrder(command.Date, _events[^1].Date);
        }

        // Each handler checks everything before it changes anything.
        var handled = command switch
        {
            ReviseItem c => OnRevise(c),
            SubmitItem c => OnSubmit(c),
            ApproveItem c => OnApprove(c),
            RejectItem c => OnReject(c),
            PublishItem c => OnPublish(c),
            DraftItemUpdate c => OnDraftUpdate(c),
            DiscardItemUpdate c => OnDiscardUpdate(c),
            WithdrawItem c => OnWithdraw(c),
            _ => throw new UnreachableException($"No handler for {command.GetType().Name} ({command.Trigger})."),
        };

        if (!handled.TryGetValue(out var description))
        {
            return handled.Problem;
        }

        var from = State;
        State = transition.To;
        return Record(command, from, State, description);
    }

    private ItemEvent Record(ItemCommand command, ItemState? from, ItemState to, string description)
    {
        var e = new ItemEvent(_events.Count + 1, command.Trigger, from, to, command.Actor, command.Date, command.At, Version, description);
        _events.Add(e);
        return e;
    }
}
