using Gongkai.Core.Data;

namespace Gongkai.Web.Hosting;

/// <summary>
/// A save that waited past the timeout for a lock someone else holds (an import of 10,000 rows, a backup; issue 16,
/// 11) is 503 with Retry-After, not 500: nothing was stored and the same request later succeeds (RFC 9110 15.6.4).
/// The body is left to what comes after: the Chinese error page (<c>/error/503</c>) or, under <c>/api</c>, the
/// problem details of <see cref="Api.ApiErrorBodies"/>. Logged without the exception's text (it may quote a value).
/// </summary>
internal sealed partial class DatabaseBusyAnswer(RequestDelegate next, ILogger<DatabaseBusyAnswer> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && DatabaseBusy.Is(e))
        {
            LogBusy(logger, context.Request.Method, context.Request.Path, e.GetType().Name);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = DatabaseBusy.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: the database stayed locked past the timeout ({Error}); answered 503")]
    private static partial void LogBusy(ILogger logger, string method, PathString path, string error);
}
