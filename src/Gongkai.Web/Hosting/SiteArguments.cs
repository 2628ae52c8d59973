using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Gongkai.Web.Hosting;

/// <summary>
/// The command line of the site: the standard ASP.NET Core settings (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, Kestrel
/// endpoints) plus <c>--db</c> (as the CLI: a SQLite file or a PostgreSQL connection string, else
/// <c>GONGKAI_DB</c>) and <c>--demo</c> (seed the demo into an empty database).
/// </summary>
internal static class SiteArguments
{
    /// <summary>Loopback only: a fresh machine serves nobody else until an operator says so.</summary>
    public const string DefaultAddress = "http://127.0.0.1:5080";

    public const string DatabaseKey = "db";
    public const string DemoKey = "demo";

    /// <summary>
    /// A bare <c>--demo</c> becomes <c>--demo=true</c>: the configuration's command-line reader takes a switch without
    /// a value to own the next argument, so <c>--demo --db x</c> would otherwise read as demo = "--db".
    /// </summary>
    public static string[] Normalize(string[] args) =>
        [.. args.Select(a => a is "--demo" or "/demo" ? "--demo=true" : a)];

    /// <summary>Binds <see cref="DefaultAddress"/> unless some standard setting names an address.</summary>
    public static void UseDefaultAddress(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrWhiteSpace(configuration["urls"])
            || !string.IsNullOrWhiteSpace(configuration["http_ports"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured)
        {
            builder.WebHost.UseUrls(DefaultAddress);
        }
    }

    /// <summary>The addresses the site listens on and the database it serves.</summary>
    public static void PrintAddresses(WebApplication app)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            Console.WriteLine($"政府信息公开网站已启动：{address}（按 Ctrl+C 停止）");
        }

        // Which records the site serves, as the CLI says it on each command (issue 11); Display has no password.
        Console.WriteLine($"数据库：{app.Services.GetRequiredService<SiteDatabase>().Target.Display}");
    }
}
