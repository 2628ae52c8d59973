using Gongkai.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;

namespace Gongkai.Web.Pages.ApiReference;

/// <summary>
/// The API reference: every operation of the OpenAPI document (<c>/openapi/v1.json</c>), read in process and
/// rendered on the server, with no script and nothing from a CDN (the site's CSP allows neither).
/// </summary>
public sealed class IndexModel : PageModel
{
    public sealed record Operation(string Method, string Path, string Summary, string Description, bool NeedsKey, IReadOnlyList<string> Responses);

    public IReadOnlyList<Operation> Operations { get; private set; } = [];

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync([FromKeyedServices(GongkaiApi.DocumentName)] IOpenApiDocumentProvider provider, CancellationToken cancellationToken)
    {
        var document = await provider.GetOpenApiDocumentAsync(cancellationToken);
        Title = document.Info.Title ?? "";
        Description = document.Info.Description ?? "";
        var keyed = ApiRoutes.All.Where(r => r.Access == ApiAccess.AgencyKey).Select(r => (r.Method, Template(r.Pattern))).ToHashSet();
        Operations =
        [
            .. from path in document.Paths
               from operation in path.Value.Operations ?? []
               let method = operation.Key.Method.ToUpperInvariant()
               select new Operation(
                   method, path.Key, operation.Value.Summary ?? "", operation.Value.Description ?? "", keyed.Contains((method, path.Key)),
                   [.. (operation.Value.Responses ?? []).Select(r => r.Key)]),
        ];
        return Page();
    }

    /// <summary>A route pattern as the OpenAPI document writes it: constraints dropped (<c>{year:int}</c> → <c>{year}</c>).</summary>
    private static string Template(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+):[^}]*\}", "{$1}");
}
