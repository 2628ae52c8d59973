using System.Net;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>
/// Every staff route (StaffRoutes.All) called as every caller: anonymous callers are sent to the login page, signed-in
/// callers without the right (role or agency) get 403 and the error page, the others get through (the page, a redirect
/// after the step, or the page with the domain's refusal, its status by the problem's kind — never the error page or
/// the login page).
/// </summary>
public sealed class AuthorizationMatrixTests(StaffSites sites)
{
    public static TheoryData<string, Caller> Cases()
    {
        var data = new TheoryData<string, Caller>();
        foreach (var route in StaffRoutes.All)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                data.Add(route.Name, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_AsCaller_AllowedOrDenied(string routeName, Caller caller)
    {
        var site = await sites.GetAsync(TestProviders.Sqlite);
        var route = StaffRoutes.All.Single(r => r.Name == routeName);
        var client = StaffRoutes.UserName(caller) is { } user ? await site.SignInAsync(user) : site.Anonymous();
        var path = route.Path(site);

        var response = route.Method == HttpMethod.Get
            ? await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken)
            : await PostAsync(client, caller, path, route.Form);

        var status = response.StatusCode;
        var refusedOnThePage = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .Contains("class=\"message error-message\"", StringComparison.Ordinal);
        var location = response.Headers.Location?.OriginalString ?? "";
        if (caller == Caller.Anonymous)
        {
            Assert.Equal(HttpStatusCode.Redirect, status);
            Assert.Contains("/account/login?ReturnUrl=", location, StringComparison.Ordinal);
        }
        else if (route.Allowed.Contains(caller))
        {
            Assert.True(status is HttpStatusCode.OK
                || (status is HttpStatusCode.UnprocessableEntity or HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.Forbidden && refusedOnThePage)
                || (status == HttpStatusCode.Redirect && !location.Contains("/account/login", StringComparison.Ordinal)),
                $"{route.Name} as {caller}: expected allowed, got {(int)status} {location}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.False(refusedOnThePage, $"{route.Name} as {caller}: denied by access, not refused by the domain");
        }
    }

    /// <summary>A POST with a valid antiforgery token of the caller (anonymous callers have none to get: the login page's).</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Caller caller, string path, IReadOnlyDictionary<string, string>? form) =>
        StaffSite.PostAsync(client, caller == Caller.Anonymous ? "/account/login" : "/staff", path, new Dictionary<string, string>(form ?? new Dictionary<string, string>()));
}
