using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Proactive;

/// <summary>The content of the working version: validation, replacement, versions and the reviewed hash.</summary>
public sealed partial class DisclosureItem
{
    /// <summary>
    /// A SHA-256 (64 lowercase hex digits) of the working version as the reviewer sees it: classification, title,
    /// 文号, dates, flags, body and attachments (by their own hashes). Each field is written with its length, so no
    /// two different contents give the same input.
    /// </summary>
    public string ComputeContentHash()
    {
        var text = new StringBuilder();
        Field(CategoryId.ToString("N", CultureInfo.InvariantCulture));
        Field(DivisionId?.ToString("N", CultureInfo.InvariantCulture) ?? "");
        Field(string.Join(',', _topicIds.Select(t => t.ToString("N", CultureInfo.InvariantCulture))));
        Field(Title);
        Field(DocumentNumber ?? "");
        Field(FormedOn.ToString("O", CultureInfo.InvariantCulture));
        Field(FullTextElectronic ? "1" : "0");
        Field(ProposalNumber ?? "");
        Field(RepealedOn?.ToString("O", CultureInfo.InvariantCulture) ?? "");
        Field(Body);
        foreach (var a in _attachments)
        {
            Field(a.FileName);
            Field(a.Sha256);
            Field(a.Size.ToString(CultureInfo.InvariantCulture));
            Field(a.MediaType);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));

        void Field(string value) => text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
    }

    private static Problem PublishedBeforeFormed(DateOnly publishedOn, DateOnly formedOn) =>
        new(ItemProblems.PublishedBeforeFormed,
            $"公开日期{ProactiveText.Date(publishedOn)}早于信息形成或变更日期{ProactiveText.Date(formedOn)}");

    /// <summary>Also Core's check before it looks the topics up (issue 16, 5: 100,000 ids were one SQL statement too many).</summary>
    public static Problem TooManyTopics() => new(ItemProblems.TooManyTopics, $"一条信息最多属于{ProactiveText.Number(MaxTopics)}个重点领域");

    /// <summary>The content checked and normalised (trimmed, empty optional text as null, topics without repeats).</summary>
    private static Result<ItemContent> Validate(Guid id, Guid agencyId, ItemContent content, bool takenOver = false)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (id == Guid.Empty || agencyId == Guid.Empty)
        {
            return new Problem(ItemProblems.IdRequired, "信息和所属机关的标识不能为空");
        }

        if (content.Category is not { } category)
        {
            return new Problem(ItemProblems.CategoryRequired, "应选择信息的类别");
        }

        if (category.AgencyId != agencyId)
        {
            return Problem.Forbidden(ItemProblems.OtherAgency, $"类别“{category.Name}”属于其他机关");
        }

        var topics = content.Topics ?? [];
        if (topics.Count > MaxTopics)
        {
            return TooManyTopics();
        }

        if (RecordDates.Check(content.FormedOn, "形成日期") is { } formedOutOfRange)
        {
            return formedOutOfRange;
        }

        if (content.RepealedOn is { } repealed && RecordDates.Check(repealed, "废止日期") is { } repealedOutOfRange)
        {
            return repealedOutOfRange;
        }

        if (topics.Any(t => t is null))
        {
            throw new ArgumentException("A topic in the list is null.", nameof(content));
        }

        if (topics.FirstOrDefault(t => t.AgencyId != agencyId) is { } foreign)
        {
            return Problem.Forbidden(ItemProblems.OtherAgency, $"重点领域“{foreign.Name}”属于其他机关");
        }

        if (content.Division is { } division && division.AgencyId != agencyId)
        {
            return Problem.Forbidden(ItemProblems.OtherAgency, $"科室“{division.Name}”属于其他机关");
        }

        var title = (content.Title ?? "").Trim();
        if (title.Length == 0)
        {
            return new Problem(ItemProblems.TitleRequired, "标题不能为空");
        }

        if (title.Length > MaxTitleLength)
        {
            return new Problem(ItemProblems.TitleTooLong, $"标题不能超过{ProactiveText.Number(MaxTitleLength)}个字");
        }

        var documentNumber = Optional(content.DocumentNumber);
        if (documentNumber?.Length > MaxDocumentNumberLength)
        {
            return new Problem(ItemProblems.DocumentNumberTooLong, $"文号不能超过{ProactiveText.Number(MaxDocumentNumberLength)}个字");
        }

        var body = (content.Body ?? "").Trim();
        if (body.Length > MaxBodyLength)
        {
            return new Problem(ItemProblems.BodyTooLong, $"正文不能超过{ProactiveText.Number(MaxBodyLength)}个字");
        }

        var attachments = content.Attachments ?? [];
        if (attachments.Any(a => a is null))
        {
            throw new ArgumentException("An attachment in the list is null.", nameof(content));
        }

        var duplicate = attachments.GroupBy(a => a.FileName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return new Problem(ItemProblems.AttachmentDuplicate, $"附件“{duplicate.Key}”重复");
        }

        // 全文电子化 claims the full text is online: there must be a text or a file to hold it. An item taken over
        // from a ledger is the exception: the ledger records the claim, the text stays where it was published.
        if (content.FullTextElectronic && body.Length == 0 && attachments.Count == 0 && !takenOver)
        {
            return new Problem(ItemProblems.FullTextMissing, "标为全文电子化的信息应有正文或附件");
        }

        var proposalNumber = Optional(content.ProposalNumber);
        if (proposalNumber?.Length > MaxProposalNumberLength)
        {
            return new Problem(ItemProblems.ProposalNumberTooLong, $"建议提案编号不能超过{ProactiveText.Number(MaxProposalNumberLength)}个字");
        }

        if (content.RepealedOn is { } repealedOn)
        {
            // 2021 format, Art 20(一) rows: 本年废止件数 / 现行有效件数 exist only for 规章 and 规范性文件.
            if (category.Article20Item?.IsNormative() != true)
            {
                return new Problem(ItemProblems.RepealNotApplicable, "只有规章和规范性文件可以记录废止日期");
            }

            if (repealedOn < content.FormedOn)
            {
                return new Problem(ItemProblems.RepealedBeforeFormed,
                    $"废止日期{ProactiveText.Date(repealedOn)}早于形成日期{ProactiveText.Date(content.FormedOn)}");
            }
        }

        return content with
        {
            Topics = [.. topics.DistinctBy(t => t.Id)],
            Title = title,
            DocumentNumber = documentNumber,
            Body = body,
            Attachments = [.. attachments],
            ProposalNumber = proposalNumber,
        };

        static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private void SetContent(ItemContent content)
    {
        CategoryId = content.Category.Id;
        DivisionId = content.Division?.Id;
        _topicIds.Clear();
        _topicIds.AddRange(content.Topics.Select(t => t.Id));
        Title = content.Title;
        DocumentNumber = content.DocumentNumber;
        FormedOn = content.FormedOn;
        FullTextElectronic = content.FullTextElectronic;
        Body = content.Body;
        _attachments.Clear();
        _attachments.AddRange(content.Attachments);
        ProposalNumber = content.ProposalNumber;
        RepealedOn = content.RepealedOn;
    }

    /// <summary>The working version, approved by <see cref="Approval"/>, becomes the published one.</summary>
    private ItemVersion AddPublishedVersion(DateOnly publishedOn)
    {
        var version = new ItemVersion(
            Version, CategoryId, DivisionId, [.. _topicIds], Title, DocumentNumber, Body, FormedOn, FullTextElectronic,
            [.. _attachments], ProposalNumber, RepealedOn, publishedOn, Approval!);
        _versions.Add(version);
        PublishedOn = publishedOn;
        FirstPublishedOn ??= publishedOn;
        return version;
    }

    /// <summary>Makes the last published version the working one again (an update dropped).</summary>
    private void RestorePublishedVersion()
    {
        var v = _versions[^1];
        Version = v.Number;
        CategoryId = v.CategoryId;
        DivisionId = v.DivisionId;
        _topicIds.Clear();
        _topicIds.AddRange(v.TopicIds);
        Title = v.Title;
        DocumentNumber = v.DocumentNumber;
        Body = v.Body;
        FormedOn = v.FormedOn;
        FullTextElectronic = v.FullTextElectronic;
        _attachments.Clear();
        _attachments.AddRange(v.Attachments);
        ProposalNumber = v.ProposalNumber;
        RepealedOn = v.RepealedOn;
        Approval = v.Review;
        RejectionReason = null;
    }
}
