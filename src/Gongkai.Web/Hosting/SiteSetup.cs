using System.Text.Encodings.Web;
using System.Text.Unicode;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Calendar;
using Gongkai.Core.Features.Mail;
using Gongkai.Core.Features.Requests;
using Gongkai.Web.Accounts;
using Gongkai.Web.Api;
using Gongkai.Web.Pages;
using Gongkai.Web.Pages.AnnualReports;
using Gongkai.Web.Pages.Letters;
using Gongkai.Web.Pages.Proactive;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Hosting;

/// <summary>The services and the request pipeline of the site, in one place each.</summary>
internal static class SiteSetup
{
    public static IServiceCollection AddGongkaiSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SiteDatabase>();
        services.AddScoped<GongkaiDbContext>(sp => sp.GetRequiredService<SiteDatabase>().Open());
        services.AddSingleton(sp => sp.GetRequiredService<SiteDatabase>().Attachments);
        // The calendar of a request is the one in force when it starts: a notice loaded meanwhile (on the calendar
        // page, by the CLI or by another instance) replaces it for the requests after.
        services.AddSingleton(_ => new CalendarInForce(SiteDatabase.LoadCalendar()));
        services.AddScoped(sp => sp.GetRequiredService<CalendarInForce>().Current);
        services.AddHostedService<CalendarRefresher>();

        // E-mail through the outbox: the relay of Gongkai:Smtp:* (or the demo's loopback server), a worker that sends.
        services.AddSingleton<SiteMail>();
        services.AddSingleton<MailSignal>();
        services.AddHostedService<MailWorker>();

        // The 台账 head signed into its checkpoint file daily (issue 16, 14).
        services.AddHostedService<AuditCheckpointer>();
        services.AddSingleton(TimeProvider.System);

        // One writer for the site's database, for the process's lifetime: it groups the online applications of every
        // request into shared transactions. It holds no scoped service (a context of its own per batch). Disposed
        // with the host, after the server has stopped taking requests: what is still queued is committed and answered.
        services.AddSingleton(sp => new SubmissionWriter(
            sp.GetRequiredService<SiteDatabase>().Open, sp.GetRequiredService<TimeProvider>(), () => sp.GetRequiredService<CalendarInForce>().Current,
            sp.GetRequiredService<ILogger<SubmissionWriter>>()));
        services.AddMemoryCache();
        services.AddSingleton<PublicContentChanges>();
        services.AddSingleton<PublicReferenceCache>();
        services.AddOutputCache(o =>
        {
            var lifetime = PublicReferenceCache.PageLifetime(configuration);
            o.AddPolicy(PublicReferenceCache.PagePolicy, b =>
            {
                if (lifetime > TimeSpan.Zero)
                {
                    b.Expire(lifetime).Tag(PublicContentChanges.PageTag);
                }
                else
                {
                    b.NoCache();
                }
            });
        });
        services.AddGongkaiAccounts();
        services.AddRazorPages(o =>
        {
            // Every staff page needs a signed-in user of an agency; what they may see and do there is StaffAccess's.
            o.Conventions.AuthorizeFolder("/Staff", StaffAccess.StaffPolicy);
        });

        // Chinese text as characters, not &#x…; entities: a third of the page's bytes, and what screen readers and
        // search engines read as-is. Markup characters (< > & " ') are still encoded.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Every cookie of the site is Secure on HTTPS, as the sign-in cookie is (issue 16, 6): the antiforgery token
        // and TempData (a done step's message) are sent back over plain HTTP otherwise.
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "gongkai.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // Only sent on HTTPS requests (UseHsts adds nothing to plain HTTP), so the loopback default is unaffected.
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddPublicRateLimits();
        services.AddGongkaiApi();
        return services;
    }

    public static WebApplication UseGongkaiSite(this WebApplication app)
    {
        // No developer exception page in any environment: a visitor never sees a stack trace, only the Chinese page.
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<RequestLimits>();
        app.UseHsts();
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        app.UseMiddleware<ApiErrorBodies>();
        app.UseMiddleware<DatabaseBusyAnswer>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        // After authentication, so a signed-in user is never served from nor stored in the public pages' cache.
        app.UseOutputCache();
        app.UseAntiforgery();

        app.MapGet("/healthz", () => TypedResults.Text("ok"));
        app.MapReportDownloads();
        app.MapAttachmentDownloads();
        app.MapLetterStyle();
        app.MapGongkaiApi();
        app.MapRazorPages();
        return app;
    }
}
