using System.Reflection;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using static Gongkai.Domain.Tests.Proactive.ItemScenario;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Proactive;

/// <summary>The rules of the 保密审查 workflow beyond the table: who may act, approvals, versions, withdrawal, dates.</summary>
public sealed class ItemReviewTests
{
    private static readonly DateOnly Later = Day.AddDays(5);

    [Fact]
    public void Create_ByStaff_DraftVersion1WithAuthor()
    {
        var item = Draft();

        Assert.Equal((ItemState.Draft, 1, Author.UserId, AgencyId), (item.State, item.Version, item.AuthorId, item.AgencyId));
        Assert.Equal((ItemTrigger.Create, (ItemState?)null, ItemState.Draft, Author), (item.Events[0].Trigger, item.Events[0].FromState, item.Events[0].ToState, item.Events[0].Actor));
        Assert.Null(item.PublicVersion);
        Assert.Null(item.PublishedOn);
        Assert.Empty(item.Versions);
    }

    [Fact]
    public void Create_BySystem_RoleNotAllowed() =>
        Fails(DisclosureItem.Create(new CreateItem(Platform, Day, At(Day), Guid.NewGuid(), AgencyId, Content())), ItemProblems.RoleNotAllowed);

    [Fact]
    public void Approve_ByTheAuthorHoldingTheReviewerRole_ReviewerIsAuthor()
    {
        var reviewerAsAuthor = new ItemActor("reviewer-2", "周审查", ItemRole.Reviewer);
        var item = Draft(reviewerAsAuthor);
        Ok(item.Apply(new SubmitItem(reviewerAsAuthor, Day, At(Day))));
        var before = Snapshot(item);

        var problem = Fails(item.Apply(new ApproveItem(reviewerAsAuthor, Day, At(Day))), ItemProblems.ReviewerIsAuthor);

        Assert.Contains("审查人不能审查自己", problem.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(item));
        Fails(item.Apply(new RejectItem(reviewerAsAuthor, Day, At(Day), "自查")), ItemProblems.ReviewerIsAuthor);
        Ok(item.Apply(new ApproveItem(Reviewer, Day, At(Day))));
    }

    [Fact]
    public void Approve_ByReviewerWhoRevisedThisVersionAsAdmin_ReviewerIsAuthor()
    {
        // One person holding both roles: the role used for the review does not make them a second pair of eyes.
        var item = Draft();
        Ok(item.Apply(new ReviseItem(Admin, Day, At(Day), Content("管理员修改的标题"))));
        Ok(item.Apply(new SubmitItem(Author, Day, At(Day))));

        Fails(item.Apply(new ApproveItem(Admin with { Role = ItemRole.Reviewer }, Day, At(Day))), ItemProblems.ReviewerIsAuthor);
        Assert.Equal(ItemState.Submitted, item.State);
    }

    [Fact]
    public void Approve_UpdateDraftedByAnotherPerson_ThatPersonMayNotReviewIt()
    {
        var item = Published();
        var updater = new ItemActor("admin-2", "孙管理", ItemRole.Admin);
        Ok(item.Apply(new DraftItemUpdate(updater, Day, At(Day), Content("更新", Day))));
        Ok(item.Apply(new SubmitItem(updater, Day, At(Day))));

        Fails(item.Apply(new ApproveItem(updater with { Role = ItemRole.Reviewer }, Day, At(Day))), ItemProblems.ReviewerIsAuthor);
        Ok(item.Apply(new ApproveItem(Reviewer, Day, At(Day))));
    }

    [Theory]
    [InlineData(ItemRole.Staff)]
    [InlineData(ItemRole.Admin)]
    [InlineData(ItemRole.System)]
    public void ApproveOrReject_WithoutReviewerRole_RoleNotAllowed(ItemRole role)
    {
        var item = InState(ItemState.Submitted);
        var actor = new ItemActor("someone", "某人", role);
        var before = Snapshot(item);

        Fails(item.Apply(new ApproveItem(actor, Day, At(Day))), ItemProblems.RoleNotAllowed);
        Fails(item.Apply(new RejectItem(actor, Day, At(Day), "理由")), ItemProblems.RoleNotAllowed);

        Assert.Equal(before, Snapshot(item));
    }

    [Fact]
    public void Approve_RecordsReviewerVersionDateAndContentHash()
    {
        var item = InState(ItemState.Submitted);

        var e = Ok(item.Apply(new ApproveItem(Reviewer, Later, At(Later), "不涉密")));

        Assert.Equal(new ConfidentialityReview(1, Reviewer.UserId, Reviewer.DisplayName, Later, item.ComputeContentHash(), AttachmentHashes: ""), item.Approval);
        Assert.Equal(Reviewer, e.Actor);
        Assert.Contains("李审查", e.Description, StringComparison.Ordinal);
        Assert.Contains("不涉密", e.Description, StringComparison.Ordinal);
    }

    /// <summary>The form showed files the version no longer has (or misses one it has): what was seen is not what would be approved.</summary>
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Approve_ShownAttachmentsNotTheVersions_ConflictUnchanged(bool shownOne, bool approved)
    {
        var item = InState(ItemState.Submitted);
        IReadOnlyList<string> shown = shownOne ? [new string('a', 64)] : [];

        var result = item.Apply(new ApproveItem(Reviewer, Later, At(Later), null, shown));

        Assert.Equal(approved, result.IsSuccess);
        if (!approved)
        {
            Assert.Equal(ProblemKind.Conflict, result.Problem.Kind);
            Assert.Equal(ItemProblems.AttachmentsChanged, result.Problem.Code);
            Assert.Equal(ItemState.Submitted, item.State);
            Assert.Null(item.Approval);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Reject_WithoutReason_ReasonRequired(string? reason)
    {
        var item = InState(ItemState.Submitted);

        Fails(item.Apply(new RejectItem(Reviewer, Day, At(Day), reason!)), ItemProblems.ReasonRequired);
        Assert.Equal(ItemState.Submitted, item.State);
    }

    [Fact]
    public void Reject_ReasonTooLong_Refused() =>
        Fails(InState(ItemState.Submitted).Apply(new RejectItem(Reviewer, Day, At(Day), new string('因', DisclosureItem.MaxReasonLength + 1))), ItemProblems.ReasonTooLong);

    [Fact]
    public void Reject_ThenAuthorsRevision_BackToDraftAndReviewAgain()
    {
        var item = InState(ItemState.Submitted);
        var rejected = Ok(item.Apply(new RejectItem(Reviewer, Day, At(Day), "  请删除联系人手机号 ")));
        Assert.Equal(("请删除联系人手机号", ItemState.Rejected), (item.RejectionReason, item.State));
        Assert.Contains("请删除联系人手机号", rejected.Description, StringComparison.Ordinal);

        Fails(item.Apply(new ReviseItem(Colleague, Day, At(Day), Content("改"))), ItemProblems.NotAuthor);
        Ok(item.Apply(new ReviseItem(Author, Day, At(Day), Content("删除手机号后的标题"))));

        Assert.Equal((ItemState.Draft, (string?)null, "删除手机号后的标题"), (item.State, item.RejectionReason, item.Title));
        Step(item, ItemTrigger.Submit);
        Step(item, ItemTrigger.Approve);
        Step(item, ItemTrigger.Publish);
        Assert.Equal("删除手机号后的标题", item.PublicVersion?.Title);
    }

    [Fact]
    public void ReviseOrSubmit_ByAnotherStaffMember_NotAuthor()
    {
        var item = Draft();
        var before = Snapshot(item);

        Fails(item.Apply(new ReviseItem(Colleague, Day, At(Day), Content("别人改的"))), ItemProblems.NotAuthor);
        Fails(item.Apply(new SubmitItem(Colleague, Day, At(Day))), ItemProblems.NotAuthor);
        Fails(item.Apply(new ReviseItem(Reviewer, Day, At(Day), Content("审查人改的"))), ItemProblems.NotAuthor);

        Assert.Equal(before, Snapshot(item));
        Ok(item.Apply(new ReviseItem(Admin, Day, At(Day), Content("管理员改的"))));
    }

    [Theory]
    [InlineData(ItemState.Draft)]
    [InlineData(ItemState.Submitted)]
    [InlineData(ItemState.Rejected)]
    [InlineData(ItemState.UpdateDrafted)]
    [InlineData(ItemState.UpdateSubmitted)]
    [InlineData(ItemState.UpdateRejected)]
    public void Publish_WithoutApproval_Refused(ItemState state)
    {
        var item = InState(state);
        var before = Snapshot(item);

        Fails(item.Apply(new PublishItem(Author, Day, At(Day))), ItemProblems.TransitionNotAllowed);

        Assert.Equal(before, Snapshot(item));
    }

    [Fact]
    public void Publish_ApprovalVoidedByRevision_Refused()
    {
        var item = InState(ItemState.Approved);

        Ok(item.Apply(new ReviseItem(Author, Day, At(Day), Content("审查后又改了"))));

        Assert.Null(item.Approval);
        Fails(item.Apply(new PublishItem(Author, Day, At(Day))), ItemProblems.TransitionNotAllowed);
    }

    [Fact]
    public void Publish_ContentChangedOutsideTheWorkflowAfterApproval_NotApproved()
    {
        // As if the body column had been edited in the database after the review.
        var item = InState(ItemState.Approved);
        typeof(DisclosureItem).GetProperty(nameof(DisclosureItem.Body))!.SetValue(item, "未经审查的内容", BindingFlags.NonPublic, null, null, null);
        var before = Snapshot(item);

        var problem = Fails(item.Apply(new PublishItem(Author, Day, At(Day))), ItemProblems.NotApproved);

        Assert.Contains("条例第十七条", problem.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(item));
        Assert.Null(item.PublicVersion);
    }

    [Fact]
    public void Publish_Approved_RecordsPublishedOnAndVersion1()
    {
        var item = InState(ItemState.Approved);

        var e = Ok(item.Apply(new PublishItem(Platform, Later, At(Later))));

        Assert.Equal((Later, Later, ItemState.Published), (item.PublishedOn, item.FirstPublishedOn, item.State));
        var version = Assert.Single(item.Versions);
        Assert.Same(version, item.PublicVersion);
        Assert.Equal((1, item.Title, item.Body, Day, Later, item.CategoryId), (version.Number, version.Title, version.Body, version.FormedOn, version.PublishedOn, version.CategoryId));
        Assert.Equal(item.Approval, version.Review);
        Assert.Equal(Later, item.WorkingVersionPublishedOn);
        Assert.Contains("公开", e.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_BeforeInformationFormed_PublishedBeforeFormed()
    {
        var formed = new DateOnly(2020, 10, 10);
        var item = Draft(content: Content(formedOn: formed));
        Step(item, ItemTrigger.Submit);
        Step(item, ItemTrigger.Approve);

        Fails(item.Apply(new PublishItem(Author, formed.AddDays(-1), At(formed))), ItemProblems.PublishedBeforeFormed);
        Ok(item.Apply(new PublishItem(Author, formed, At(formed))));
    }

    [Fact]
    public void Apply_DateBeforePreviousStep_DateOutOfOrderAndNothingChanges()
    {
        var item = Draft(on: Later);
        var before = Snapshot(item);

        var problem = Fails(item.Apply(new SubmitItem(Author, Later.AddDays(-1), At(Later))), ItemProblems.DateOutOfOrder);

        Assert.Equal("日期2020年9月28日早于上一步骤的日期2020年9月29日", problem.Message);
        Assert.Equal(before, Snapshot(item));
    }

    [Fact]
    public void Update_KeepsPublishedVersionVisibleUntilTheNewOneIsPublished()
    {
        var item = Published();
        var v1 = item.PublicVersion!;
        var changed = new DateOnly(2020, 10, 9);

        Ok(item.Apply(new DraftItemUpdate(Author, changed, At(changed), Content("更新后的标题", changed) with { DocumentNumber = "东外联发〔2020〕5号" })));
        Assert.Equal((ItemState.UpdateDrafted, 2, "更新后的标题", "东外联发〔2020〕5号"), (item.State, item.Version, item.Title, item.DocumentNumber));
        Assert.Same(v1, item.PublicVersion);
        Assert.Null(item.WorkingVersionPublishedOn);

        Step(item, ItemTrigger.Submit);
        Assert.Same(v1, item.PublicVersion);
        Step(item, ItemTrigger.Approve);
        Assert.Equal((2, ItemState.UpdateApproved), (item.Approval!.Version, item.State));
        Assert.Same(v1, item.PublicVersion);

        var published = new DateOnly(2020, 10, 12);
        Ok(item.Apply(new PublishItem(Author, published, At(published))));

        Assert.Equal(2, item.Versions.Count);
        Assert.Same(v1, item.Versions[0]);
        Assert.Equal((2, "更新后的标题", "东外联发〔2020〕5号", changed, published), (item.PublicVersion!.Number, item.PublicVersion.Title, item.PublicVersion.DocumentNumber,
            item.PublicVersion.FormedOn, item.PublicVersion.PublishedOn));
        Assert.Equal((Day, published), (item.FirstPublishedOn, item.PublishedOn));
        Assert.Equal(("东城区对口支援拉萨市当雄县工作动态", (string?)null, Day), (v1.Title, v1.DocumentNumber, v1.PublishedOn));
    }

    [Fact]
    public void Update_RejectedThenDiscarded_PublishedVersionRestored()
    {
        var item = Published();
        var v1 = item.PublicVersion!;
        Step(item, ItemTrigger.DraftUpdate);
        Step(item, ItemTrigger.Submit);
        Step(item, ItemTrigger.Reject);
        Assert.Equal(ItemState.UpdateRejected, item.State);
        Assert.Same(v1, item.PublicVersion);

        Ok(item.Apply(new DiscardItemUpdate(Author, Day, At(Day))));

        Assert.Equal((ItemState.Published, 1, v1.Title, v1.FormedOn, (string?)null), (item.State, item.Version, item.Title, item.FormedOn, item.RejectionReason));
        Assert.Equal(v1.Review, item.Approval);
        Assert.Single(item.Versions);
        Assert.Equal(v1.Review.ContentHash, item.ComputeContentHash());
    }

    [Fact]
    public void DraftUpdate_ChangedBeforeTheInformationWasFormed_Refused()
    {
        var item = Published();

        Fails(item.Apply(new DraftItemUpdate(Author, Day, At(Day), Content("更新", Day.AddDays(-1)))), ItemProblems.ChangedBeforeFormed);
        Assert.Equal(ItemState.Published, item.State);
    }

    [Fact]
    public void Update_UnapprovedVersion_CannotBePublished()
    {
        var item = Published();
        Step(item, ItemTrigger.DraftUpdate);

        // The approval of version 1 does not carry over to version 2.
        Assert.Null(item.Approval);
        Assert.Equal(1, item.PublicVersion!.Review.Version);
        Fails(item.Apply(new PublishItem(Author, Day, At(Day))), ItemProblems.TransitionNotAllowed);
    }

    [Fact]
    public void Withdraw_KeepsVersionsAndEvents()
    {
        var item = Published();
        Step(item, ItemTrigger.DraftUpdate);
        Step(item, ItemTrigger.Submit);
        Step(item, ItemTrigger.Approve);
        Step(item, ItemTrigger.Publish);
        var versions = item.Versions.ToList();
        var events = item.Events.ToList();

        var e = Ok(item.Apply(new WithdrawItem(Admin, Later, At(Later), "该项工作已结束，信息不再适用")));

        Assert.Equal((ItemState.Withdrawn, Later, "该项工作已结束，信息不再适用"), (item.State, item.WithdrawnOn, item.WithdrawalReason));
        Assert.Null(item.PublicVersion);
        Assert.Equal(versions, item.Versions);
        Assert.Equal([.. events, e], item.Events);
        Assert.Equal((Day, Day), (item.FirstPublishedOn, item.PublishedOn));
        Assert.Contains("保留", e.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Withdraw_DuringAnUpdate_DropsTheUnpublishedVersion()
    {
        var item = Published();
        Step(item, ItemTrigger.DraftUpdate);
        Step(item, ItemTrigger.Submit);

        var e = Ok(item.Apply(new WithdrawItem(Reviewer, Day, At(Day), "发现含有不宜公开的信息")));

        Assert.Equal((ItemState.Withdrawn, 1), (item.State, item.Version));
        Assert.Equal(item.Versions[^1].Title, item.Title);
        Assert.Contains("第2版一并作废", e.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Withdraw_ByStaffOrWithoutReason_Refused()
    {
        var item = Published();
        var before = Snapshot(item);

        Fails(item.Apply(new WithdrawItem(Author, Day, At(Day), "作者想撤回")), ItemProblems.RoleNotAllowed);
        Fails(item.Apply(new WithdrawItem(Admin, Day, At(Day), " ")), ItemProblems.ReasonRequired);

        Assert.Equal(before, Snapshot(item));
    }

    [Fact]
    public void Import_ByAdmin_PublishedWithImportedReview()
    {
        var published = new DateOnly(2020, 1, 10);
        var content = Content("北京市东城区对外联络服务办公室2019年工作计划及2020年工作总结", new DateOnly(2020, 1, 6), "规划计划");

        var item = Ok(DisclosureItem.Import(new ImportItem(Admin, published, At(published), Guid.NewGuid(), AgencyId, content)));

        Assert.Equal((ItemState.Published, 1, published, published), (item.State, item.Version, item.PublishedOn, item.FirstPublishedOn));
        Assert.True(item.Approval!.Imported);
        Assert.Equal(item.Approval, item.PublicVersion!.Review);
        var e = Assert.Single(item.Events);
        Assert.Equal((ItemTrigger.Import, (ItemState?)null, ItemState.Published, published), (e.Trigger, e.FromState, e.ToState, e.Date));
    }

    [Fact]
    public void Import_ByStaffOrBeforeFormation_Refused()
    {
        Fails(DisclosureItem.Import(new ImportItem(Author, Day, At(Day), Guid.NewGuid(), AgencyId, Content())), ItemProblems.RoleNotAllowed);
        Fails(DisclosureItem.Import(new ImportItem(Platform, Day.AddDays(-1), At(Day), Guid.NewGuid(), AgencyId, Content())), ItemProblems.PublishedBeforeFormed);
    }

    [Fact]
    public void Events_RecordEveryStepWithActorAndSequence()
    {
        var item = Published();

        Assert.Equal([ItemTrigger.Create, ItemTrigger.Submit, ItemTrigger.Approve, ItemTrigger.Publish], item.Events.Select(e => e.Trigger));
        Assert.Equal([1, 2, 3, 4], item.Events.Select(e => e.Sequence));
        Assert.Equal([Author, Author, Reviewer, Author], item.Events.Select(e => e.Actor));
    }
}
