using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Web.Tests.Pages.Staff;

/// <summary>Posting the user and key forms (fields may repeat: one <c>Roles</c> per ticked box) and reading what they show once.</summary>
internal static partial class StaffForms
{
    public static async Task<(HttpResponseMessage Response, string Html)> PostAsync(HttpClient client, string page, string path, params (string Name, string Value)[] fields)
    {
        var token = await StaffSite.TokenAsync(client, page);
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The password or key a page shows once, in <c>code.secret</c>.</summary>
    public static string Secret(string html) =>
        SecretPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No secret shown");

    public static bool ShowsSecret(string html) => SecretPattern().IsMatch(html);

    /// <summary>Every form of a page, and whether each carries an antiforgery token.</summary>
    public static IReadOnlyList<bool> FormsWithToken(string html) =>
        [.. FormPattern().Matches(html).Select(m => m.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))];

    [GeneratedRegex("<code class=\"secret\">([^<]+)</code>")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("<form[^>]*method=\"post\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();
}
