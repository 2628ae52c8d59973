using Gongkai.Core.Data;
using Gongkai.Core.Data.Files;
using Gongkai.Core.Features.Proactive;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// 登记申请: staff register an application that came by letter, fax, e-mail, at the counter or orally (条例 Art 29¶1),
/// with the channel's facts and the Art 31 receipt rule, and a scan of the paper form. Core's
/// <see cref="RegisterApplication"/> checks and saves it; similar applications of the same applicant are shown first and
/// staff may go on. Once registered, the 接收回执 (a print view) is shown.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = StoreAttachment.MaxBytes + 1024 * 1024)]
[RequestSizeLimit(StoreAttachment.MaxBytes + 1024 * 1024)]
public sealed class RegisterModel(StaffAccess access, GongkaiDbContext db, AttachmentStore store, WorkCalendar calendar, TimeProvider clock) : StaffPageModel(access)
{
    /// <summary>The channels staff register (online applications come through the public form).</summary>
    public static IReadOnlyList<Channel> Channels { get; } = [Channel.InPerson, Channel.PostSigned, Channel.PostUnsigned, Channel.Fax, Channel.Email, Channel.Oral];

    [BindProperty]
    public OnlineApplicationForm Form { get; set; } = new() { ApplicantKind = nameof(ApplicantKind.NaturalPerson) };

    [BindProperty]
    public IntakeFields Intake { get; set; } = new();

    [BindProperty]
    public IFormFile? Scan { get; set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<RegisterApplication.Duplicate> Duplicates { get; private set; } = [];

    public DateOnly Today => ChinaClock.Today(clock);

    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.HandleRequests, cancellationToken))
        {
            return Refuse();
        }

        Intake.SubmittedOn = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.HandleRequests, cancellationToken))
        {
            return Refuse();
        }

        // A date or time the browser sent malformed is a field error, not a silent blank.
        if (ModelState.Where(e => e.Value?.Errors.Count > 0 && e.Key.StartsWith("Intake.", StringComparison.Ordinal)).Select(e => e.Key).FirstOrDefault() is { } bad)
        {
            Errors = new Dictionary<string, string>(StringComparer.Ordinal) { [RegisterApplication.IntakeField] = $"“{IntakeFields.Label(bad)}”格式不正确" };
            return Refused(new Domain.Common.Problem("register.input", "申请未登记，请修改标出的内容"));
        }

        await using var content = Scan is { Length: > 0 } file ? new MemoryStream() : null;
        RegisterApplication.Scan? scan = null;
        if (content is not null && Scan is { } upload)
        {
            await upload.CopyToAsync(content, cancellationToken);
            content.Position = 0;
            scan = new RegisterApplication.Scan(upload.FileName, content, upload.Length);
        }

        var intake = new RegisterApplication.IntakeInput(Intake.Channel, Intake.SubmittedOn, Intake.PostalNumber,
            Intake.MailReceivedAt is { } local ? new DateTimeOffset(local, TimeSpan.FromHours(8)) : null, Intake.ConfirmedOn, Intake.FilledInBy, Intake.ApplicantSigned);
        var result = await RegisterApplication.HandleAsync(db, clock, calendar, store,
            new RegisterApplication.Request(Agency.Id, Form, intake, new Actor(UserId, UserDisplayName, ActorRole.Staff), scan, Intake.RegisterDespiteDuplicates), cancellationToken);
        if (!result.TryGetValue(out var response))
        {
            return Refused(result.Problem);
        }

        if (response.Registered is { } registered)
        {
            Done = $"已登记申请 {registered.TrackingNumber}";
            return Redirect($"/staff/requests/{registered.Id:D}/receipt");
        }

        (Errors, Duplicates) = (response.Errors, response.Duplicates);
        return Errors.Count > 0 ? Refused(new Domain.Common.Problem("register.input", "申请未登记，请修改标出的内容")) : Page();
    }

    /// <summary>The staff-side facts as the form posts them.</summary>
    public sealed class IntakeFields
    {
        public Channel Channel { get; set; } = Channel.InPerson;

        /// <summary>The day of arrival: handed in, signed for, received.</summary>
        public DateOnly? SubmittedOn { get; set; }

        public string? PostalNumber { get; set; }

        /// <summary>The mail server's receipt time, as China time.</summary>
        public DateTime? MailReceivedAt { get; set; }

        public DateOnly? ConfirmedOn { get; set; }

        public string? FilledInBy { get; set; }

        public bool ApplicantSigned { get; set; }

        public bool RegisterDespiteDuplicates { get; set; }

        public static string Label(string key) => key switch
        {
            "Intake.SubmittedOn" => "收到申请的日期",
            "Intake.MailReceivedAt" => "邮件服务器收到时间",
            "Intake.ConfirmedOn" => "确认日期",
            "Intake.Channel" => "提交渠道",
            _ => "填写内容",
        };
    }
}
