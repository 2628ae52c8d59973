using System.ComponentModel.DataAnnotations;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Files;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Items;

/// <summary>
/// The item editor: create a draft with its classification (category, topics, 科室), text, attachments and, where
/// they apply, the proposal number and the repeal date; revise it (a published item gets a new version), submit it for
/// the 保密审查, publish it once approved. Attachments are uploaded with the save and removed by ticking them. The page
/// translates the form; Core's <see cref="SaveItem"/> checks and saves it (a refused save stores no item change).
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
[RequestSizeLimit(MaxUploadBytes)]
public sealed class EditModel(StaffAccess access, GongkaiDbContext db, AttachmentStore attachments, TimeProvider clock) : StaffPageModel(access)
{
    /// <summary>Up to this many files in one save, as many bytes in all.</summary>
    public const int MaxUploads = SaveItem.MaxUploads;

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

        // An empty file input still posts a nameless, empty part: not an upload.
        var uploads = Uploads.Where(u => u.Length > 0 || !string.IsNullOrEmpty(u.FileName)).Select(u => new SaveItem.Upload(u.FileName, u.Length, u.OpenReadStream)).ToList();
        var saved = await SaveItem.HandleAsync(db, clock, attachments, new SaveItem.Request(
            Item?.Id, Agency.Id, ItemActor(), Input.CategoryId, Input.TopicIds, Input.DivisionId, Input.Title, Input.DocumentNumber, Input.FormedOn,
            Input.FullTextElectronic, Input.Body, Input.ProposalNumber, Input.RepealedOn, Input.RemoveAttachments, uploads), cancellationToken);
        return await DoneAsync(saved, Item is null ? "草稿已保存" : "已保存", cancellationToken);
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
        return await DoneAsync(applied.Map(_ => Item.Id), done, cancellationToken);
    }

    /// <summary>To the item's page with the message when it was saved; else the form again, with the item as stored, and the refusal.</summary>
    private async Task<IActionResult> DoneAsync(Result<Guid> saved, string done, CancellationToken cancellationToken)
    {
        if (!saved.TryGetValue(out var itemId))
        {
            db.ChangeTracker.Clear();
            await LoadAsync(Item?.Id, StaffRight.Read, cancellationToken);
            return Refused(saved.Problem);
        }

        Done = done;
        return Redirect($"/staff/items/edit/{itemId:D}");
    }

    private async Task<IActionResult?> LoadAsync(Guid? id, StaffRight right, CancellationToken cancellationToken)
    {
        Guid? agencyId = null;
        if (id is { } itemId)
        {
            Item = await ItemForEdit.ItemAsync(db, itemId, cancellationToken);
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

        (Categories, Topics, Divisions) = await ItemForEdit.ChoicesAsync(db, Agency.Id, cancellationToken);
        return null;
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
