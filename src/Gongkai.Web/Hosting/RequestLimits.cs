using Microsoft.AspNetCore.Http.Features;

namespace Gongkai.Web.Hosting;

/// <summary>
/// A form over the server's limits — Kestrel's body size (30 MB), the form reader's 1,024 fields, 4 MB a value — is
/// the sender's mistake, not the server's (issue 16, 5). A page's antiforgery check reads the form first and answers
/// any failure to read it 400 without a body (the Chinese page then says the form was invalid or too large; the
/// error page itself never binds the form). Here a body declared larger than the server takes becomes 413, as the
/// API already answers it.
/// </summary>
internal sealed class RequestLimits(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (!context.Response.HasStarted && context.Response.StatusCode == StatusCodes.Status400BadRequest && context.Request.ContentLength is { } length
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } max && length > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }
    }
}
