using Gongkai.Core.Data;
using Gongkai.Core.Features.Agencies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>The site's home: every agency, under the top-level agency (a district government) it belongs to.</summary>
public sealed class IndexModel(GongkaiDbContext db) : PageModel
{
    public sealed record Group(ListAgencies.Item Parent, IReadOnlyList<ListAgencies.Item> Members);

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // ListAgencies gives the tree depth first: each root is followed by everything under it.
        var groups = new List<Group>();
        List<ListAgencies.Item>? members = null;
        foreach (var item in await ListAgencies.HandleAsync(db, cancellationToken))
        {
            if (item.Depth == 0)
            {
                members = [];
                groups.Add(new Group(item, members));
            }
            else
            {
                members!.Add(item);
            }
        }

        Groups = groups;
    }
}
