using System.ComponentModel.DataAnnotations;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Items;

/// <summary>
/// A minimal item editor: create a draft, revise it (a published item gets a new version), submit it for the
/// 保密审查, publish it once approved. Topics, division and attachments of an existing item are kept as they are.
/// </summary>
public sealed class EditModel(StaffAccess access, GongkaiDbContext db, TimeProvider clock) : StaffPageModel(access)
{
    public DisclosureItem? Item { get; private set; }

    public IReadOnlyList<Category> Categories { get; private set; } = [];

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
        return null;
    }

    private async Task<Result<ItemContent>> ContentAsync(CancellationToken cancellationToken)
    {
        var category = Categories.FirstOrDefault(c => c.Id == Input.CategoryId);
        if (category is null)
        {
            return new Problem("item.category", "请选择本机关的信息类别");
        }

        var topicIds = Item?.TopicIds ?? [];
        var topics = topicIds.Count == 0 ? [] : await db.Topics.AsNoTracking().Where(t => topicIds.Contains(t.Id)).ToListAsync(cancellationToken);
        var division = Item?.DivisionId is { } d ? await db.Divisions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == d, cancellationToken) : null;
        return new ItemContent
        {
            Category = category,
            Topics = [.. topicIds.Select(t => topics.First(x => x.Id == t))],
            Division = division,
            Title = Input.Title.Trim(),
            DocumentNumber = string.IsNullOrWhiteSpace(Input.DocumentNumber) ? null : Input.DocumentNumber.Trim(),
            FormedOn = Input.FormedOn,
            FullTextElectronic = Input.FullTextElectronic,
            Body = Input.Body ?? "",
            Attachments = Item?.Attachments ?? [],
            ProposalNumber = Item?.ProposalNumber,
            RepealedOn = Item?.RepealedOn,
        };
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
    }
}
