using System.Globalization;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Calendar;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Proactive;

/// <summary>
/// 主动公开全清单: the agency's published items, newest first, 20 a page, filtered by category, topic, year and
/// division and searched by title or 文号. A GET form, so every filtered page has its own address and works without
/// JavaScript. Paging reads the next page's first row with this page instead of counting every match (an agency may
/// have 1,000,000 items). The filter choices come from <see cref="PublicReferenceCache"/>.
/// </summary>
[OutputCache(PolicyName = PublicReferenceCache.PagePolicy)]
public sealed class ItemsModel(GongkaiDbContext db, WorkCalendar calendar, TimeProvider clock, PublicReferenceCache cache) : AgencyPageModel(db)
{
    public const int PageSize = 20;

    /// <summary>Past this a page number is a typing error (or a probe), not a reader.</summary>
    public const int MaxPage = 50_000;

    public const int MaxSearchLength = 100;

    [BindProperty(SupportsGet = true, Name = "category")]
    public Guid? CategoryId { get; set; }

    [BindProperty(SupportsGet = true, Name = "topic")]
    public Guid? TopicId { get; set; }

    [BindProperty(SupportsGet = true, Name = "division")]
    public Guid? DivisionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>Query "p": Razor Pages keeps the route value "page" for the page's own path, which would win over ?page=.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public CatalogueFilters.Response Filters { get; private set; } = new([], [], [], []);

    public IReadOnlyList<ListItems.Line> Lines { get; private set; } = [];

    public bool HasNextPage { get; private set; }

    public bool IsFiltered => CategoryId is not null || TopicId is not null || DivisionId is not null || Year is not null || !string.IsNullOrWhiteSpace(Search);

    public async Task<IActionResult> OnGetAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        if (!await FindAgencyAsync(agencyId, ColumnSection.Items, cancellationToken))
        {
            return NotFound();
        }

        PageNumber = Math.Clamp(PageNumber, 1, MaxPage);
        Search = Search?.Trim() is { Length: > 0 } s ? s[..Math.Min(s.Length, MaxSearchLength)] : null;
        Year = Year is >= 1900 and <= 9999 ? Year : null;
        Filters = await cache.FiltersAsync(Db, agencyId, cancellationToken);
        var request = new ListItems.Request(agencyId, Year, CategoryId, DivisionId, Page: PageNumber, PageSize: PageSize, TopicId: TopicId, Search: Search, PublicOnly: true);
        var today = ChinaClock.Today(clock);
        var page = await ListItems.PageAsync(Db, calendar, today, request, cancellationToken);
        Lines = page.Lines;
        HasNextPage = page.HasNextPage && PageNumber < MaxPage;
        return Page();
    }

    public string CategoryName(Guid id) => Filters.Categories.FirstOrDefault(c => c.Id == id)?.Name ?? "";

    /// <summary>The address of another page of the same query.</summary>
    public string PageLink(int page)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(new(key, value));
            }
        }

        Add("category", CategoryId?.ToString("D"));
        Add("topic", TopicId?.ToString("D"));
        Add("year", Year?.ToString(CultureInfo.InvariantCulture));
        Add("division", DivisionId?.ToString("D"));
        Add("q", Search);
        Add("p", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null);
        return AgencyNav.ItemsPath(Agency.Id) + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }
}
