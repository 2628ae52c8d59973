using Gongkai.Domain.Common;

namespace Gongkai.Domain.Proactive;

/// <summary>The problem codes of disclosure items, stable for programs; the messages are in Chinese for users.</summary>
public static class ItemProblems
{
    public const string TransitionNotAllowed = "item.transitionNotAllowed";
    public const string DateOutOfOrder = "item.dateOutOfOrder";
    public const string TooManyTopics = "item.tooManyTopics";
    public const string IdRequired = "item.idRequired";
    public const string RoleNotAllowed = "item.roleNotAllowed";
    public const string NotAuthor = "item.notAuthor";
    public const string ReviewerIsAuthor = "item.reviewerIsAuthor";
    public const string NotApproved = "item.notApproved";
    public const string ReasonRequired = "item.reasonRequired";
    public const string ReasonTooLong = "item.reasonTooLong";
    public const string CategoryRequired = "item.categoryRequired";
    public const string OtherAgency = "item.otherAgency";
    public const string TitleRequired = "item.titleRequired";
    public const string TitleTooLong = "item.titleTooLong";
    public const string DocumentNumberTooLong = "item.documentNumberTooLong";
    public const string BodyTooLong = "item.bodyTooLong";
    public const string FullTextMissing = "item.fullTextMissing";
    public const string AttachmentDuplicate = "item.attachmentDuplicate";
    public const string ProposalNumberTooLong = "item.proposalNumberTooLong";
    public const string RepealNotApplicable = "item.repealNotApplicable";
    public const string RepealedBeforeFormed = "item.repealedBeforeFormed";
    public const string PublishedBeforeFormed = "item.publishedBeforeFormed";
    public const string ChangedBeforeFormed = "item.changedBeforeFormed";
    public const string AttachmentsChanged = "item.attachmentsChanged";

    /// <summary>The one problem for every (state, trigger) pair outside <see cref="ItemTransitions"/>.</summary>
    public static Problem NotAllowed(ItemState state, ItemTrigger trigger) =>
        Problem.Conflict(TransitionNotAllowed, $"当前状态“{state.DisplayName()}”不允许执行“{trigger.DisplayName()}”");

    internal static Problem OutOfOrder(DateOnly date, DateOnly previous) =>
        new(DateOutOfOrder, $"日期{ProactiveText.Date(date)}早于上一步骤的日期{ProactiveText.Date(previous)}");
}
