using System.Collections.Concurrent;
using Gongkai.Core.Features.Demo;
using Gongkai.Core.Features.Letters;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Core.Tests.Letters;

/// <summary>
/// The demo's records, seeded once per provider as the demo seeds them (<see cref="SeedDemo"/>), with letter settings
/// saved through <see cref="SaveLetterSettings"/> on its agencies, one agency per <see cref="AgencyKind"/>: the seed's
/// office a department, the district a local government, and four of the generated departments standing for the other
/// kinds. The tests register their applications there, each its own, so they share the database but no application.
/// </summary>
public sealed class ReplyLetterDemo : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Seeded>>> _seeded = new(StringComparer.Ordinal);

    /// <summary>One agency of the demo with what its letters must print.</summary>
    internal sealed record KindAgency(AgencyKind Kind, string Name, Guid Id, LetterSettings Settings);

    internal sealed record Seeded(TestDatabase Database, IReadOnlyDictionary<AgencyKind, KindAgency> Agencies);

    /// <summary>The demo on <paramref name="provider"/>, seeded by the first test that asks.</summary>
    internal Task<Seeded> OnAsync(string provider) =>
        _seeded.GetOrAdd(provider, p => new Lazy<Task<Seeded>>(() => SeedAsync(p))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var seeded in _seeded.Values.Where(s => s.IsValueCreated))
        {
            await Cleanup.TryAsync("drop the demo database", async () => await (await seeded.Value).Database.DisposeAsync());
        }
    }

    /// <summary>The settings each kind's agency saves (names of 复议机关 and courts as such agencies would write them).</summary>
    internal static LetterSettings SettingsOf(AgencyKind kind, string agencyName) => kind switch
    {
        AgencyKind.Department => Settings("东外联", kind, "北京市东城区人民政府", "北京市人民政府外事办公室", "北京市东城区人民法院"),
        AgencyKind.LocalGovernment => Settings("东政", kind, "北京市人民政府", "", "北京市第二中级人民法院"),
        AgencyKind.VerticallyLed => Settings("东税", kind, "国家税务总局北京市税务局", "", "北京市东城区人民法院"),
        AgencyKind.JusticeAdministration => Settings("东司", kind, "北京市东城区人民政府", "北京市司法局", "北京市东城区人民法院"),
        // A 国务院部门 and a provincial government are their own 复议机关: the admin names the agency itself.
        AgencyKind.StateCouncilDepartment => Settings("部", kind, agencyName, "", "北京市第二中级人民法院"),
        AgencyKind.ProvincialGovernment => Settings("省", kind, agencyName, "", "北京市第四中级人民法院"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static LetterSettings Settings(string prefix, AgencyKind kind, string body, string alternative, string court) => new()
    {
        NumberPrefix = prefix,
        KindCodes = new Dictionary<LetterKind, string>(LetterSettings.DefaultKindCodes),
        AgencyKind = kind,
        ReconsiderationBody = body,
        AlternativeReconsiderationBody = alternative,
        Court = court,
        OfficeName = prefix + "政府信息公开办公室",
        OfficeAddress = "北京市东城区某某大街" + prefix.Length + "号",
        OfficePhone = "010-6400" + (1000 + (int)kind),
    };

    private static async Task<Seeded> SeedAsync(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await TestDatabase.CreateAsync(provider, "gongkai_letters_");
        var agencies = new Dictionary<AgencyKind, KindAgency>();
        await Cleanup.DisposeOnFailureAsync(database, async d =>
        {
            await using var db = d.Open();
            var clock = new FakeTimeProvider(new DateTimeOffset(2022, 1, 10, 1, 0, 0, TimeSpan.Zero));
            var demo = await SeedDemo.HandleAsync(db, clock, WorkCalendar.Official, new SeedDemo.Request("t", d.Files), ct);
            Assert.True(demo.IsSuccess, demo.IsSuccess ? "" : demo.Problem.ToString());

            string[] names = [SeedDemo.SeedOffice, SeedDemo.District, .. SeedDemo.AgencyNames.Where(n => n != SeedDemo.SeedOffice && n != SeedDemo.District).Take(4)];
            AgencyKind[] kinds =
            [
                AgencyKind.Department, AgencyKind.LocalGovernment, AgencyKind.VerticallyLed, AgencyKind.JusticeAdministration,
                AgencyKind.StateCouncilDepartment, AgencyKind.ProvincialGovernment,
            ];
            for (var i = 0; i < kinds.Length; i++)
            {
                var name = names[i];
                var id = await db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync(ct);
                var settings = SettingsOf(kinds[i], name);
                var saved = await SaveLetterSettings.HandleAsync(db, clock, new SaveLetterSettings.Request(id, settings, "u-admin"), ct);
                Assert.True(saved.IsSuccess, saved.IsSuccess ? "" : saved.Problem.ToString());
                agencies[kinds[i]] = new KindAgency(kinds[i], name, id, settings);
            }

        });
        return new Seeded(database, agencies);
    }
}

/// <summary>
/// One application taken through the real procedure at a demo agency, on a clock of its own that only moves forward:
/// registered by staff (a fax, so the receipt is the day it is confirmed, 条例 Art 31(三)), then each step through
/// <see cref="TakeStep"/>, each letter through <see cref="IssueRequestLetter"/>, read back with <see cref="GetLetter"/>.
/// </summary>
internal sealed class ProcedureRun(TestDatabase database, Guid agency)
{
    public const string Handler = "u-handler";

    private static readonly Actor Staff = new(Handler, "李科员", ActorRole.Staff);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2023, 1, 1, 1, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>09:00 in China on <paramref name="day"/> (never back in time).</summary>
    public void On(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
        if (at > _clock.GetUtcNow())
        {
            _clock.SetUtcNow(at);
        }

        Assert.Equal(day, ChinaClock.Today(_clock));
    }

    /// <summary>Registered by staff on <paramref name="day"/> as arrived by fax, not yet confirmed: its 申请编号.</summary>
    public async Task<(Guid Id, string TrackingNumber)> RegisterAsync(DateOnly day, string applicant, string content)
    {
        On(day);
        var form = new OnlineApplicationForm
        {
            ApplicantKind = "NaturalPerson",
            Name = applicant,
            PersonDocumentKind = "ResidentIdentityCard",
            PersonDocumentNumber = "11010519491231002X",
            Phone = "13800000000",
            Content = content,
            DeliveryMethod = "电子邮件",
        };
        await using var db = database.Open();
        var registered = await RegisterApplication.HandleAsync(db, _clock, WorkCalendar.Official, database.Files,
            new RegisterApplication.Request(agency, form, new RegisterApplication.IntakeInput(Channel.Fax, day, null, null, null, null, false), Staff,
                RegisterDespiteDuplicates: true), Ct);
        Assert.True(registered.IsSuccess, registered.IsSuccess ? "" : registered.Problem.ToString());
        var r = registered.Value.Registered ?? throw new InvalidOperationException(string.Join("；", registered.Value.Errors.Values));
        Assert.Equal(RequestState.Submitted, r.State);
        return (r.Id, r.TrackingNumber);
    }

    public async Task<Result<TakeStep.Response>> TryStepAsync(Guid request, DateOnly day, RequestTrigger trigger, TakeStep.Fields? fields = null)
    {
        On(day);
        await using var db = database.Open();
        return await TakeStep.HandleAsync(db, _clock, WorkCalendar.Official,
            new TakeStep.Request(agency, request, null, trigger, fields ?? new TakeStep.Fields(), Staff), Ct);
    }

    public async Task<DisclosureRequest> StepAsync(Guid request, DateOnly day, RequestTrigger trigger, TakeStep.Fields? fields = null)
    {
        var step = await TryStepAsync(request, day, trigger, fields);
        Assert.True(step.IsSuccess, step.IsSuccess ? "" : $"{trigger}: {step.Problem}");
        return step.Value.Application;
    }

    public async Task<Result<IssueLetter.Issued>> TryIssueAsync(Guid request, DateOnly day, LetterKind kind, LetterFacts.Input? input = null)
    {
        On(day);
        await using var db = database.Open();
        return await IssueRequestLetter.HandleAsync(db, _clock, new IssueRequestLetter.Request(agency, request, kind, Handler, input), Ct);
    }

    public async Task<GetLetter.Response> IssueAsync(Guid request, DateOnly day, LetterKind kind, LetterFacts.Input? input = null)
    {
        var issued = await TryIssueAsync(request, day, kind, input);
        Assert.True(issued.IsSuccess, issued.IsSuccess ? "" : $"{kind}: {issued.Problem}");
        await using var db = database.Open();
        var read = await GetLetter.ForStaffAsync(db, agency, issued.Value.Id, Ct);
        Assert.True(read.IsSuccess, read.IsSuccess ? "" : read.Problem.ToString());
        Assert.Equal(issued.Value.Number, read.Value.Number);
        Assert.True(read.Value.HashMatches);
        return read.Value;
    }

    public async Task<DisclosureRequest> ApplicationAsync(Guid request)
    {
        await using var db = database.Open();
        return await db.Requests.AsNoTracking().SingleAsync(r => r.Id == request, Ct);
    }
}
