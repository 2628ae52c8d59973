using System.Text;
using Gongkai.Web.Hosting;

// No byte order mark on stdout (a log collector reads bare UTF-8), as the CLI.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var builder = WebApplication.CreateBuilder(SiteArguments.Normalize(args));
SiteArguments.UseDefaultAddress(builder);
builder.Services.AddGongkaiSite(builder.Configuration);

var app = builder.Build();
if (!await SiteDatabase.PrepareAsync(app))
{
    return 2;
}

app.UseGongkaiSite();
app.Lifetime.ApplicationStarted.Register(() => SiteArguments.PrintAddresses(app));
await app.RunAsync();
return 0;
