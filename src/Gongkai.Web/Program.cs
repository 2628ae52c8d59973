using System.Text;
using Gongkai.Web.Hosting;

Console.OutputEncoding = Encoding.UTF8;
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
