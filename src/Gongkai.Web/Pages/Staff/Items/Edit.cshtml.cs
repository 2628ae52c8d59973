using System.ComponentModel.DataAnnotations;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Gongkai.Web.Accounts;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Items;

/// <summary>
/// The item editor: create a draft with its classification (category, topics, 科室), text, attachments and, where
/// they apply, the proposal number and the repeal date; revise it (a published item gets a new version), submit it for
/// the 保密审查, publish it once approved. Attachments are uploaded with the save (checked by
/// <see cref="StoreAttachment"/>) and removed by ticking them; a refused save stores no item change.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
[RequestSizeLimit(MaxUploadBytes)]
public sealed class EditModel(StaffAccess access, GongkaiDbContext db, TimeProvider clock) : StaffPageModel(access)
{
    /// <summary>Up to this many files in one save, as many bytes in all.</summary>
    public const int MaxUploads = 10;

    public const long MaxUploadBytes = 2 * StoreAttachment.MaxBytes;

    public DisclosureItem? Item { get; private set; }

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    public IReadOnlyList<Division> Divisions { get; private set; } = [];

    /// <summary>Files to attach with this save.</summary>
    [BindProperty]
    public List<IFormFile> Uploads { get; set; } = [];

    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public bool CanSubmit => Item is not null && ItemTransitions.TryFind(Item.State, ItemTrigger.Submit, out _);

    public bool CanPublish => Item is not null && ItemTransitions.TryFind(Item.State, ItemTrigger.Publish, out _);

    public bool CanSave => Item is null || ItemTransitions.TryFind(Item.State, Item.State == ItemState.Published ? ItemTrigger.DraftUpdate : ItemTrigger.Revise, out _);

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, StaffRight.Read, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Item is { } item)
        {
            Input = new ItemInput
            {
                CategoryId = item.CategoryId,
                Title = item.Title,
                DocumentNumber = item.DocumentNumber,
                FormedOn = item.FormedOn,
                FullTextElectronic = item.FullTextElectronic,
                Body = item.Body,
                TopicIds = [.. item.TopicIds],
                DivisionId = item.DivisionId,
                ProposalNumber = item.ProposalNumber,
                RepealedOn = item.RepealedOn,
            };
        }
        else
        {
            Input.FormedOn = ChinaClock.Today(clock);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, StaffRight.WriteItems, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Refused(new Problem("input.invalid", string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage))));
        }

        var content = await ContentAsync(cancellationToken);
        if (!content.TryGetValue(out var c))
        {
            return Refused(content.Problem);
        }

        var today = ChinaClock.Today(clock);
        var at = clock.GetUtcNow();
        if (Item is null)
        {
            var created = await StartItem.HandleAsync(db, clock, new CreateItem(ItemActor(), today, at, Guid.NewGuid(), Agency.Id, c), cancellationToken);
            if (!created.TryGetValue(out var item))
            {
                return Refused(created.Problem);
            }

            Done = "草稿已保存";
            return Redirect($"/staff/items/edit/{item.Id:D}");
        }

        ItemCommand command = Item.State == ItemState.Published ? new DraftItemUpdate(ItemActor(), today, at, c) : new ReviseItem(ItemActor(), today, at, c);
        return await ApplyAsync(command, "已保存", cancellationToken);
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid? id, CancellationToken cancellationToken) =>
        await LoadAsync(id, StaffRight.WriteItems, cancellationToken) ?? await ApplyAsync(new SubmitItem(ItemActor(), ChinaClock.Today(clock), clock.GetUtcNow()), "已提交保密审查", cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(Guid? id, CancellationToken cancellationToken) =>
        await LoadAsync(id, StaffRight.WriteItems, cancellationToken) ?? await ApplyAsync(new PublishItem(ItemActor(), ChinaClock.Today(clock), clock.GetUtcNow()), "已公开", cancellationToken);

    private async Task<IActionResult> ApplyAsync(ItemCommand command, string done, CancellationToken cancellationToken)
    {
        if (Item is null)
        {
            return NotFound();
        }

        var applied = await ApplyItemStep.HandleAsync(db, clock, new ApplyItemStep.Request(Item.Id, Item.AgencyId, command), cancellationToken);
        if (!applied.IsSuccess)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(Item.Id, StaffRight.Read, cancellationToken);
            return Refused(applied.Problem);
        }

        Done = done;
        return Redirect($"/staff/items/edit/{Item.Id:D}");
    }

    private async Task<IActionResult?> LoadAsync(Guid? id, StaffRight right, CancellationToken cancellationToken)
    {
        Guid? agencyId = null;
        if (id is { } itemId)
        {
            Item = await db.Items.FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
            if (Item is null)
            {
                return NotFound();
            }

            agencyId = Item.AgencyId;
        }

        if (!await UseAgencyAsync(agencyId, right, cancellationToken))
        {
            return Refuse();
        }

        Categories = await db.Categories.AsNoTracking().Where(c => c.AgencyId == Agency.Id).OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        Topics = await db.Topics.AsNoTracking().Where(t => t.AgencyId == Agency.Id).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        Divisions = await db.Divisions.AsNoTracking().Where(d => d.AgencyId == Agency.Id).OrderBy(d => d.Name).ToListAsync(cancellationToken);
        return null;
    }

    private async Task<Result<ItemContent>> ContentAsync(CancellationToken cancellationToken)
    {
        var category = Categories.FirstOrDefault(c => c.Id == Input.CategoryId);
        if (category is null)
        {
            return new Problem("item.category", "请选择本机关的信息类别");
        }

        // Only the agency's own topics and 科室: an id from elsewhere (a forged form) is refused, not ignored.
        var topics = Topics.Where(t => Input.TopicIds.Contains(t.Id)).ToList();
        if (topics.Count != Input.TopicIds.Distinct().Count())
        {
            return new Problem("item.topic", "请选择本机关的主题");
        }

        var division = Input.DivisionId is { } d ? Divisions.FirstOrDefault(x => x.Id == d) : null;
        if (Input.DivisionId is not null && division is null)
        {
            return new Problem("item.division", "请选择本机关的科室");
        }

        var attachments = await AttachmentsAsync(cancellationToken);
        if (!attachments.TryGetValue(out var files))
        {
            return attachments.Problem;
        }

        return new ItemContent
        {
            Category = category,
            Topics = topics,
            Division = division,
            Title = Input.Title.Trim(),
            DocumentNumber = string.IsNullOrWhiteSpace(Input.DocumentNumber) ? null : Input.DocumentNumber.Trim(),
            FormedOn = Input.FormedOn,
            FullTextElectronic = Input.FullTextElectronic,
            Body = Input.Body ?? "",
            Attachments = files,
            ProposalNumber = string.IsNullOrWhiteSpace(Input.ProposalNumber) ? null : Input.ProposalNumber.Trim(),
            RepealedOn = Input.RepealedOn,
        };
    }

    /// <summary>The item's attachments without those ticked for removal, then the uploaded files (each once).</summary>
    private async Task<Result<IReadOnlyList<Attachment>>> AttachmentsAsync(CancellationToken cancellationToken)
    {
        var uploads = Uploads.Where(u => u.Length > 0 || !string.IsNullOrEmpty(u.FileName)).ToList();
        if (uploads.Count > MaxUploads)
        {
            return new Problem("attachment.count", $"一次最多上传{MaxUploads}个附件");
        }

        var kept = (Item?.Attachments ?? []).Where(a => !Input.RemoveAttachments.Contains(a.Sha256)).ToList();
        var store = HttpContext.RequestServices.GetRequiredService<SiteDatabase>().Attachments;
        foreach (var upload in uploads)
        {
            await using var content = upload.OpenReadStream();
            var stored = await StoreAttachment.HandleAsync(store, upload.FileName, content, upload.Length, cancellationToken);
            if (!stored.TryGetValue(out var attachment))
            {
                return stored.Problem;
            }

            if (!kept.Any(a => a.Sha256 == attachment.Sha256))
            {
                kept.Add(attachment);
            }
        }

        return kept;
    }

    public sealed class ItemInput
    {
        [Display(Name = "信息类别")]
        public Guid CategoryId { get; set; }

        [Display(Name = "标题")]
        [Required(ErrorMessage = "请填写标题")]
        [StringLength(DisclosureItem.MaxTitleLength, ErrorMessage = "标题不能超过200字")]
        public string Title { get; set; } = "";

        [Display(Name = "文号（可不填）")]
        [StringLength(DisclosureItem.MaxDocumentNumberLength, ErrorMessage = "文号不能超过100字")]
        public string? DocumentNumber { get; set; }

        [Display(Name = "形成（变更）日期")]
        public DateOnly FormedOn { get; set; }

        [Display(Name = "全文电子化")]
        public bool FullTextElectronic { get; set; }

        [Display(Name = "正文或内容概述")]
        [StringLength(DisclosureItem.MaxBodyLength, ErrorMessage = "正文过长")]
        public string? Body { get; set; }

        [Display(Name = "主题（可多选）")]
        public List<Guid> TopicIds { get; set; } = [];

        [Display(Name = "承办科室（可不填）")]
        public Guid? DivisionId { get; set; }

        [Display(Name = "建议提案编号（建议提案办理结果填写）")]
        [StringLength(DisclosureItem.MaxProposalNumberLength, ErrorMessage = "建议提案编号不能超过50字")]
        public string? ProposalNumber { get; set; }

        [Display(Name = "废止（失效）日期（规章、规范性文件填写）")]
        public DateOnly? RepealedOn { get; set; }

        /// <summary>The SHA-256 of each attachment ticked for removal.</summary>
        public List<string> RemoveAttachments { get; set; } = [];
    }
}
