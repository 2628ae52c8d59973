using Gongkai.Core.Data;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Gongkai.Web.Pages;
using Gongkai.Web.Pages.Proactive;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Api.Proactive;

/// <summary>
/// The catalogue over the API: an agency's full list (the public list's filters and paging) and one item, as the
/// public sees them; and, with the agency's API key, a new item as a draft for review.
/// </summary>
internal static class ItemsApi
{
    public const int PageSize = 20;

    public sealed record ItemLine(Guid Id, string Title, string? DocumentNumber, string Category, DateOnly FormedOn, DateOnly? PublishedOn, bool FullTextElectronic);

    public sealed record ItemsPage(int Page, int PageSize, bool HasNextPage, IReadOnlyList<ItemLine> Items);

    public sealed record AttachmentLink(string FileName, long Size, string MediaType, string Sha256, string Url);

    public sealed record ItemDetail(
        Guid Id, string Title, string? DocumentNumber, string Body, string Category, string? Division, IReadOnlyList<string> Topics, DateOnly FormedOn,
        DateOnly PublishedOn, DateOnly FirstPublishedOn, int Version, bool FullTextElectronic, IReadOnlyList<AttachmentLink> Attachments);

    /// <param name="FormedOn">形成日期: the 20 working days of 条例 Art 26 run from it.</param>
    public sealed record NewItem(Guid CategoryId, string? Title, string? DocumentNumber, DateOnly FormedOn, string? Body, bool FullTextElectronic, Guid? DivisionId, IReadOnlyList<Guid>? TopicIds);

    public sealed record CreatedItem(Guid Id, string Title, ItemState State, int Version);

    public static RouteGroupBuilder MapItems(this RouteGroupBuilder api)
    {
        api.MapGet(ApiRoutes.Items, ListAsync).WithSummary("主动公开全清单").WithDescription("按类别、主题、年度、科室筛选，按标题或文号搜索，每页20条（p 为页码）。");
        api.MapGet(ApiRoutes.Item, GetAsync).WithSummary("主动公开信息");
        api.MapPost(ApiRoutes.Items, CreateAsync).WithSummary("新建主动公开信息（草稿）").WithDescription($"需要本机关的 API 密钥（{ApiKeys.Header}）；草稿经保密审查后才能公开。");
        return api;
    }

    private static async Task<Results<Ok<ItemsPage>, ProblemHttpResult>> ListAsync(
        Guid agencyId, Guid? category, Guid? topic, Guid? division, int? year, string? q, int? p,
        GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, PublicReferenceCache cache, CancellationToken cancellationToken)
    {
        if (await cache.AgencyAsync(db, agencyId, cancellationToken) is null)
        {
            return ApiProblems.AgencyNotFound();
        }

        // The public list's query and paging: the next page's first row read with this page, nothing counted.
        var page = Math.Clamp(p ?? 1, 1, ItemsModel.MaxPage);
        var search = q?.Trim() is { Length: > 0 } s ? s[..Math.Min(s.Length, ItemsModel.MaxSearchLength)] : null;
        var request = new ListItems.Request(agencyId, year is >= 1900 and <= 9999 ? year : null, category, division, Page: page, PageSize: PageSize, TopicId: topic, Search: search, PublicOnly: true);
        var found = await ListItems.PageAsync(db, calendar, ChinaClock.Today(clock), request, cancellationToken);
        var categories = (await cache.FiltersAsync(db, agencyId, cancellationToken)).Categories.ToDictionary(c => c.Id, c => c.Name);
        var items = found.Lines
            .Select(l => new ItemLine(l.Item.Id, l.Item.Title, l.Item.DocumentNumber, categories.GetValueOrDefault(l.Item.CategoryId, ""), l.Item.FormedOn,
                l.Item.PublishedOn, l.Item.FullTextElectronic))
            .ToList();
        return TypedResults.Ok(new ItemsPage(page, PageSize, found.HasNextPage, items));
    }

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> GetAsync(
        Guid agencyId, Guid itemId, GongkaiDbContext db, PublicReferenceCache cache, CancellationToken cancellationToken)
    {
        var names = await cache.ItemNamesAsync(db, agencyId, cancellationToken);
        var item = await PublicItem.HandleAsync(db, new PublicItem.Request(agencyId, itemId), names, cancellationToken);
        if (item is null)
        {
            return ApiProblems.From(Problem.NotFound("item.notFound", "未找到该信息"));
        }

        return TypedResults.Ok(new ItemDetail(
            item.Id, item.Title, item.DocumentNumber, item.Body, item.Category, item.Division, item.Topics, item.FormedOn, item.PublishedOn, item.FirstPublishedOn,
            item.Version, item.FullTextElectronic,
            [.. item.Attachments.Select(a => new AttachmentLink(a.FileName, a.Size, a.MediaType, a.Sha256, AttachmentDownloads.Path(agencyId, item.Id, a.Sha256)))]));
    }

    private static async Task<Results<Created<CreatedItem>, ProblemHttpResult>> CreateAsync(
        Guid agencyId, [FromBody] NewItem item, HttpContext context, GongkaiDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ApiProblems.AuthorizeAsync(context, agencyId) is { } refused)
        {
            return refused;
        }

        var actor = new ItemActor(ApiKeys.ActorId(agencyId), "API 接入", ItemRole.Staff);
        var created = await DraftNewItem.HandleAsync(db, clock, new DraftNewItem.Request(
            agencyId, item.CategoryId, item.Title, item.DocumentNumber, item.FormedOn, item.Body, item.FullTextElectronic, item.DivisionId, item.TopicIds ?? [], actor), cancellationToken);
        if (!created.TryGetValue(out var draft))
        {
            return ApiProblems.From(created.Problem);
        }

        return TypedResults.Created(ApiRoutes.Prefix + AgencyNav.ItemPath(agencyId, draft.Id), new CreatedItem(draft.Id, draft.Title, draft.State, draft.Version));
    }
}
