using System.Threading.RateLimiting;

namespace Gongkai.Web.Hosting;

/// <summary>
/// Rate limits per client address on what the public can write or probe: the application form and the status lookup
/// (page POSTs and their API twins), and the staff sign-in (its POSTs: guessing passwords across many accounts from one
/// address, which the per-account lockout alone does not stop). A refused page gets the Chinese 429 page (status code pages), an API call a
/// problem details body. Limits come from <c>Gongkai:RateLimits:{Apply|Lookup|Login}:{PermitLimit|WindowSeconds}</c>.
/// Behind a reverse proxy every client has the proxy's address: configure forwarded headers there first.
/// </summary>
internal static class PublicRateLimits
{
    public const string Apply = "public-apply";
    public const string Lookup = "public-lookup";
    public const string Login = "staff-login";

    public sealed class Limit
    {
        public int PermitLimit { get; set; }

        public int WindowSeconds { get; set; }
    }

    /// <summary>The defaults: 10 applications per 10 minutes, 30 lookups a minute, 20 sign-in attempts per 15 minutes, from one address.</summary>
    public sealed class Options
    {
        public Limit Apply { get; set; } = new() { PermitLimit = 10, WindowSeconds = 600 };

        public Limit Lookup { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

        public Limit Login { get; set; } = new() { PermitLimit = 20, WindowSeconds = 900 };
    }

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services)
    {
        services.AddOptions<Options>().BindConfiguration("Gongkai:RateLimits");
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Apply, context => Partition(context, Apply, l => l.Apply));
            o.AddPolicy(Lookup, context => Partition(context, Lookup, l => l.Lookup));
            o.AddPolicy(Login, context => Partition(context, Login, l => l.Login));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                // Pages: no body, so the status code pages show /error/429 in Chinese.
                if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await TypedResults.Problem(
                        title: "请求过于频繁", detail: "同一地址的请求过于频繁，请稍后再试。", statusCode: StatusCodes.Status429TooManyRequests)
                        .ExecuteAsync(http);
                }
            };
        });
        return services;
    }

    /// <summary>Reading a page's form costs nothing; its POST and every API call count against the address.</summary>
    private static RateLimitPartition<string> Partition(HttpContext context, string policy, Func<Options, Limit> pick)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        var limit = pick(context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Options>>().Value);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(policy + ":" + address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(limit.PermitLimit, 1),
            Window = TimeSpan.FromSeconds(Math.Max(limit.WindowSeconds, 1)),
            QueueLimit = 0,
        });
    }
}
