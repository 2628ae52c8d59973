using Gongkai.Domain.Common;

namespace Gongkai.Domain.Proactive;

/// <summary>The trigger handlers: who may act, what each step needs, what it changes.</summary>
public sealed partial class DisclosureItem
{
    private Result<string> OnRevise(ReviseItem command)
    {
        if (CheckEditor(command.Actor) is { } notAuthor)
        {
            return notAuthor;
        }

        var validated = ValidateVersion(command.Content);
        if (!validated.TryGetValue(out var content))
        {
            return validated.Problem;
        }

        var description = State switch
        {
            ItemState.Rejected or ItemState.UpdateRejected => $"按审查意见修改“{content.Title}”",
            ItemState.Approved or ItemState.UpdateApproved => $"审查通过后修改“{content.Title}”，原审查结论作废，须重新提交保密审查",
            _ => $"修改草稿“{content.Title}”",
        };

        if (State is ItemState.Approved or ItemState.UpdateApproved)
        {
            Approval = null;
        }

        SetContent(content);
        RejectionReason = null;
        return description;
    }

    private Result<string> OnSubmit(SubmitItem command) =>
        CheckEditor(command.Actor) is { } notAuthor
            ? notAuthor
            : $"提交第{ProactiveText.Number(Version)}版进行保密审查（条例第十七条）";

    private Result<string> OnApprove(ApproveItem command)
    {
        if (CheckReviewer(command.Actor) is { } problem)
        {
            return problem;
        }

        // The reviewer approves what they were shown: attachments replaced since the form was drawn are not reviewed (条例 Art 17).
        var current = _attachments.Select(a => a.Sha256).ToList();
        if (command.ShownAttachments is { } shown
            && !new HashSet<string>(shown.Select(h => (h ?? "").Trim().ToLowerInvariant()), StringComparer.Ordinal).SetEquals(current))
        {
            return Problem.Conflict(ItemProblems.AttachmentsChanged, "审查期间该信息的附件已有变动，请重新打开附件审查后再作结论");
        }

        Approval = new ConfidentialityReview(Version, command.Actor.UserId, command.Actor.DisplayName, command.Date, ComputeContentHash(),
            AttachmentHashes: string.Join(' ', current));
        RejectionReason = null;
        var note = string.IsNullOrWhiteSpace(command.Note) ? "" : $"：{command.Note.Trim()}";
        var seen = current.Count == 0 ? "" : $"，已审查附件{ProactiveText.Number(current.Count)}个";
        return $"第{ProactiveText.Number(Version)}版保密审查通过（条例第十七条），审查人{command.Actor.DisplayName}{seen}{note}";
    }

    private Result<string> OnReject(RejectItem command)
    {
        if (CheckReviewer(command.Actor) is { } problem)
        {
            return problem;
        }

        var reason = Reason(command.Reason, "保密审查不通过");
        if (!reason.TryGetValue(out var text))
        {
            return reason.Problem;
        }

        RejectionReason = text;
        return $"第{ProactiveText.Number(Version)}版保密审查不通过，审查人{command.Actor.DisplayName}：{text}";
    }

    /// <summary>
    /// Publication needs an approval of this very version, of this very content: the table lets Publish follow only
    /// an approval, and the hash catches content that changed outside the workflow since.
    /// </summary>
    private Result<string> OnPublish(PublishItem command)
    {
        if (Approval is not { } approval || approval.Version != Version || approval.ContentHash != ComputeContentHash())
        {
            return new Problem(ItemProblems.NotApproved,
                $"第{ProactiveText.Number(Version)}版没有有效的保密审查通过记录，不能公开（条例第十七条）");
        }

        if (command.Date < FormedOn)
        {
            return PublishedBeforeFormed(command.Date, FormedOn);
        }

        var replaced = _versions.Count > 0 ? _versions[^1].Number : (int?)null;
        AddPublishedVersion(command.Date);
        return replaced is { } previous
            ? $"公开更新后的第{ProactiveText.Number(Version)}版，取代第{ProactiveText.Number(previous)}版（变更于{ProactiveText.Date(FormedOn)}）"
            : $"公开“{Title}”（形成于{ProactiveText.Date(FormedOn)}）";
    }

    private Result<string> OnDraftUpdate(DraftItemUpdate command)
    {
        if (CheckEditor(command.Actor) is { } notAuthor)
        {
            return notAuthor;
        }

        var validated = ValidateVersion(command.Content);
        if (!validated.TryGetValue(out var content))
        {
            return validated.Problem;
        }

        var published = _versions[^1];
        if (content.FormedOn < published.FormedOn)
        {
            return new Problem(ItemProblems.ChangedBeforeFormed,
                $"变更日期{ProactiveText.Date(content.FormedOn)}早于已公开版本的形成日期{ProactiveText.Date(published.FormedOn)}");
        }

        SetContent(content);
        Version = published.Number + 1;
        Approval = null;
        return $"起草第{ProactiveText.Number(Version)}版（信息变更于{ProactiveText.Date(content.FormedOn)}）；新版本公开前，公众看到的仍是第{ProactiveText.Number(published.Number)}版";
    }

    private Result<string> OnDiscardUpdate(DiscardItemUpdate command)
    {
        if (CheckEditor(command.Actor) is { } notAuthor)
        {
            return notAuthor;
        }

        var dropped = Version;
        RestorePublishedVersion();
        return $"放弃未公开的第{ProactiveText.Number(dropped)}版，继续公开第{ProactiveText.Number(Version)}版";
    }

    /// <summary>
    /// Taking information down is a review decision (the 条例 has no withdrawal; Art 17 review and Art 18 re-review
    /// decide what may be public), so a reviewer or an admin does it, with a reason. The versions and events stay;
    /// an unpublished update is dropped, as it was never public.
    /// </summary>
    private Result<string> OnWithdraw(WithdrawItem command)
    {
        if (command.Actor.Role is not (ItemRole.Reviewer or ItemRole.Admin))
        {
            return Problem.Forbidden(ItemProblems.RoleNotAllowed, "只有保密审查人或管理员可以撤回已公开的信息");
        }

        var reason = Reason(command.Reason, "撤回");
        if (!reason.TryGetValue(out var text))
        {
            return reason.Problem;
        }

        var pending = Version != _versions[^1].Number ? Version : (int?)null;
        RestorePublishedVersion();
        WithdrawnOn = command.Date;
        WithdrawalReason = text;
        return $"撤回已公开的第{ProactiveText.Number(Version)}版：{text}"
            + (pending is { } p ? $"；未公开的第{ProactiveText.Number(p)}版一并作废" : "")
            + "；已公开的各版本和全部记录保留";
    }

    /// <summary>Only the author edits, submits or drops a version; an admin may step in for an author who left.</summary>
    private Problem? CheckEditor(ItemActor actor) =>
        actor.UserId == AuthorId || actor.Role == ItemRole.Admin
            ? null
            : Problem.Forbidden(ItemProblems.NotAuthor, "只有撰写人或管理员可以修改、提交该信息");

    /// <summary>
    /// The review is done by a reviewer who took no part in writing this version: not the item's author, and not
    /// whoever created, revised or submitted the current version (a four-eyes rule; the 条例 names no reviewer, Art
    /// 17 requires the review itself).
    /// </summary>
    private Problem? CheckReviewer(ItemActor actor)
    {
        if (actor.Role != ItemRole.Reviewer)
        {
            return Problem.Forbidden(ItemProblems.RoleNotAllowed, "只有保密审查人可以作出保密审查结论");
        }

        return actor.UserId == AuthorId || WritersOfWorkingVersion().Contains(actor.UserId)
            ? Problem.Forbidden(ItemProblems.ReviewerIsAuthor, "审查人不能审查自己撰写、修改或提交的信息")
            : null;
    }

    private HashSet<string> WritersOfWorkingVersion()
    {
        var writers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = _events.Count - 1; i >= 0; i--)
        {
            var e = _events[i];
            if (e.Trigger is ItemTrigger.Create or ItemTrigger.Import or ItemTrigger.DraftUpdate or ItemTrigger.Revise or ItemTrigger.Submit)
            {
                writers.Add(e.Actor.UserId);
            }

            if (e.Trigger is ItemTrigger.Create or ItemTrigger.Import or ItemTrigger.DraftUpdate)
            {
                break;
            }
        }

        return writers;
    }

    private Result<ItemContent> ValidateVersion(ItemContent content) => Validate(Id, AgencyId, content);

    private static Result<string> Reason(string? reason, string what)
    {
        var text = (reason ?? "").Trim();
        if (text.Length == 0)
        {
            return new Problem(ItemProblems.ReasonRequired, $"{what}应说明理由");
        }

        return text.Length > MaxReasonLength
            ? new Problem(ItemProblems.ReasonTooLong, $"理由不能超过{ProactiveText.Number(MaxReasonLength)}个字")
            : text;
    }
}
