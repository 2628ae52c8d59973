using System.Globalization;
using System.Net;
using Gongkai.Web.Api;
using Gongkai.Web.Tests.Pages.Staff;

namespace Gongkai.Web.Tests.Api;

/// <summary>Who calls an API route in the matrix: no key, the route's agency's key, another agency's key, or a staff user's sign-in cookie (no key).</summary>
public enum ApiCaller
{
    Anonymous,
    OwnKey,
    OtherAgencyKey,
    Handler,
    Reviewer,
    Admin,
    Auditor,
    Oversight,
    OtherAgencyUser,

    /// <summary>The office's key from the <c>api_keys</c> table (issued as the API keys page does).</summary>
    TableKey,

    /// <summary>A key of the office from the table, revoked: refused as no key at all.</summary>
    RevokedKey,
}

/// <summary>
/// The authorization matrix over the API: every route of <see cref="ApiRoutes.All"/> called as every
/// <see cref="ApiCaller"/>, on the seed office of the staff site. Public routes let everyone through; keyed routes
/// answer 401 without a key or with a revoked one (a staff sign-in is no key: the API knows no cookies), 403 with
/// another agency's key, and let only the office's own keys through (from configuration or from the table). The bodies are empty objects, so what gets through is refused by the
/// handler's own checks (400, 404, 422); only the office's own key builds a draft, of a year nobody else reads.
/// </summary>
public sealed class ApiAuthorizationMatrixTests(StaffSites sites)
{
    public static TheoryData<string, string, ApiCaller> Cases()
    {
        var data = new TheoryData<string, string, ApiCaller>();
        foreach (var route in ApiRoutes.All)
        {
            foreach (var caller in Enum.GetValues<ApiCaller>())
            {
                data.Add(route.Method, route.Pattern, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_AsCaller_AllowedOrDenied(string method, string pattern, ApiCaller caller)
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var route = ApiRoutes.All.Single(r => r.Method == method && r.Pattern == pattern);
        var client = await ClientAsync(site, caller);
        var path = ApiRoutes.Fill(pattern, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["agencyId"] = site.OfficeId.ToString("D"),
            ["trackingNumber"] = StaffSite.FreshNumber,
            ["itemId"] = Guid.Empty.ToString("D"),
            ["letterId"] = Guid.Empty.ToString("D"),

            // A year with no records and no report: a build with the office's key is allowed and changes no year the other tests read.
            ["year"] = 2035.ToString(CultureInfo.InvariantCulture),
        });
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var status = response.StatusCode;
        var allowed = route.Access == ApiAccess.Public || caller is ApiCaller.OwnKey or ApiCaller.TableKey;
        if (allowed)
        {
            Assert.True(status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests) && (int)status < 500,
                $"{method} {pattern} as {caller}: expected allowed, got {(int)status}");
        }
        else
        {
            Assert.Equal(caller == ApiCaller.OtherAgencyKey ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized, status);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static async Task<HttpClient> ClientAsync(StaffSite site, ApiCaller caller)
    {
        var client = caller switch
        {
            ApiCaller.Handler => await site.SignInAsync("handler"),
            ApiCaller.Reviewer => await site.SignInAsync("reviewer"),
            ApiCaller.Admin => await site.SignInAsync("admin"),
            ApiCaller.Auditor => await site.SignInAsync("auditor"),
            ApiCaller.Oversight => await site.SignInAsync("oversight"),
            ApiCaller.OtherAgencyUser => await site.SignInAsync(StaffSite.OtherAgencyUser),
            _ => site.Anonymous(),
        };
        var key = caller switch
        {
            ApiCaller.OwnKey => StaffSite.OfficeKey,
            ApiCaller.OtherAgencyKey => StaffSite.DepartmentKey,
            ApiCaller.TableKey => site.TableKey,
            ApiCaller.RevokedKey => site.RevokedKey,
            _ => null,
        };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeys.Header, key);
        }

        return client;
    }
}
