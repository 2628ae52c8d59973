using System.Globalization;
using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Data.Letters;
using Gongkai.Core.Features.Calendar;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Letters;

/// <summary>
/// How and when a letter reached its addressee (spec/letters.md §6), the only facts of a letter that change after
/// issue: 当面 (the day signed for), 邮寄 (the EMS number, the posting date, later the signed-for date), 电子邮件 (the
/// mail server's acceptance: <see cref="EmailAcceptedAsync"/>, called by the sender; the addressee's confirmation if
/// staff record one), 网上 (the first opening on the status page: <see cref="OpenedOnlineAsync"/>). No date is before
/// the date of issue or after today; the signed-for date is not before the posting date. Each recording is in the 台账
/// with the delivery before and after. Two recordings at once: the second is refused (the first-opened moment is kept).
/// </summary>
public static class RecordDelivery
{
    public const string Action = "letter.deliveryRecorded";

    /// <summary>The 台账's actor of an applicant opening a letter on the status page.</summary>
    public const string OnlineActor = SubmissionWriter.ActorId;

    /// <summary>What staff record.</summary>
    /// <param name="ReceivedOn">当面, 邮寄: the day signed for (邮寄: empty until it is known); 电子邮件: the day the addressee confirmed, if any.</param>
    /// <param name="EmailedAt">电子邮件 sent outside the platform: when; else the sender's record stays.</param>
    /// <param name="UserName">How the application's history names who recorded it (a receipt may move a deadline).</param>
    public sealed record Request(
        Guid AgencyId, Guid LetterId, DeliveryMethod Method, string UserId, DateOnly? ReceivedOn = null, DateOnly? PostedOn = null, string? EmsNumber = null,
        DateTimeOffset? EmailedAt = null, string? UserName = null);

    public sealed record Delivery(DeliveryMethod? Method, DateOnly? PostedOn, string? EmsNumber, DateOnly? ReceivedOn, DateTimeOffset? EmailedAt, DateTimeOffset? FirstOpenedAt)
    {
        internal static Delivery Of(Letter l) => new(l.DeliveryMethod, l.PostedOn, l.EmsNumber, l.ReceivedOn, l.EmailedAt, l.FirstOpenedAt);

        /// <summary>The delivery in a line, as staff read it: 邮寄（EMS …，2026-12-05交邮，2026-12-07签收）; 未记录 while none is.</summary>
        public string Summary()
        {
            static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            static string Moment(DateTimeOffset t) => ChinaClock.ToChinaTime(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var facts = new List<string>();
            if (EmsNumber is { } ems)
            {
                facts.Add("EMS " + ems);
            }

            if (PostedOn is { } posted)
            {
                facts.Add(Day(posted) + "交邮");
            }

            if (EmailedAt is { } emailed)
            {
                facts.Add(Moment(emailed) + "邮件服务器接收");
            }

            if (FirstOpenedAt is { } opened)
            {
                facts.Add(Moment(opened) + "首次查看");
            }

            if (ReceivedOn is { } received && Method != DeliveryMethod.Online)
            {
                facts.Add(Day(received) + (Method == DeliveryMethod.Email ? "确认收到" : "签收"));
            }

            return Method is { } method
                ? LetterKindNames.Delivery(method) + (facts.Count > 0 ? "（" + string.Join("，", facts) + "）" : "")
                : "未记录";
        }
    }

    public static Problem Concurrent { get; } = Problem.Conflict("letterDelivery.concurrent", "该文书的送达情况刚被更新，请刷新后重试");

    public static async Task<Result<Delivery>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var letter = await db.Letters.FirstOrDefaultAsync(l => l.Id == request.LetterId && l.AgencyId == request.AgencyId, cancellationToken);
        if (letter is null)
        {
            return IssueLetter.LetterNotFound;
        }

        var today = ChinaClock.Today(clock);
        var before = Delivery.Of(letter);
        Delivery after;
        switch (request.Method)
        {
            case DeliveryMethod.InPerson:
                if (request.ReceivedOn is not { } signed)
                {
                    return Problem.Invalid("letterDelivery.receivedOnRequired", "当面送达须填写受送达人签收的日期");
                }

                after = before with { Method = DeliveryMethod.InPerson, PostedOn = null, EmsNumber = null, ReceivedOn = signed };
                break;
            case DeliveryMethod.Post:
                if (EmsNumber(request.EmsNumber) is not { } ems)
                {
                    return Problem.Invalid("letterDelivery.emsNumber", "请填写正确的 EMS 邮件号（13 位数字，或如 EA123456785CN 的国际格式）");
                }

                if (request.PostedOn is not { } posted)
                {
                    return Problem.Invalid("letterDelivery.postedOnRequired", "邮寄送达须填写交邮日期");
                }

                if (request.ReceivedOn < posted)
                {
                    return Problem.Invalid("letterDelivery.signedBeforePosted", "签收日期不能早于交邮日期");
                }

                after = before with { Method = DeliveryMethod.Post, PostedOn = posted, EmsNumber = ems, ReceivedOn = request.ReceivedOn };
                break;
            case DeliveryMethod.Email:
                if ((request.EmailedAt ?? before.EmailedAt) is not { } sent)
                {
                    return Problem.Invalid("letterDelivery.emailedAtRequired", "电子邮件送达须有发送时间（邮件服务器接收的时间）");
                }

                if (request.ReceivedOn is { } confirmed && confirmed < ChinaClock.ToChinaDate(sent))
                {
                    return Problem.Invalid("letterDelivery.confirmedBeforeSent", "确认收到的日期不能早于发送日期");
                }

                after = before with { Method = DeliveryMethod.Email, PostedOn = null, EmsNumber = null, ReceivedOn = request.ReceivedOn, EmailedAt = sent };
                break;
            case DeliveryMethod.Online:
                // Received when first opened on the status page (recorded by the page, not typed).
                after = before with
                {
                    Method = DeliveryMethod.Online,
                    PostedOn = null,
                    EmsNumber = null,
                    ReceivedOn = before.FirstOpenedAt is { } opened ? ChinaClock.ToChinaDate(opened) : null,
                };
                break;
            default:
                return Problem.Invalid("letterDelivery.method", "请选择送达方式");
        }

        if (Check(after, letter.IssuedOn, today) is { } problem)
        {
            return problem;
        }

        return await SaveAsync(db, clock, letter, before, after, new Actor(request.UserId, request.UserName ?? request.UserId, ActorRole.Staff), cancellationToken);
    }

    /// <summary>
    /// The agency's mail server accepted the letter's e-mail at <paramref name="acceptedAt"/> (for the mail sender): the
    /// letter is delivered by 电子邮件. A second acceptance of the same letter (a retried send) keeps the first.
    /// </summary>
    public static async Task<Result<Delivery>> EmailAcceptedAsync(
        GongkaiDbContext db, TimeProvider clock, Guid letterId, DateTimeOffset acceptedAt, string actor, CancellationToken cancellationToken = default)
    {
        var letter = await db.Letters.FirstOrDefaultAsync(l => l.Id == letterId, cancellationToken);
        if (letter is null)
        {
            return IssueLetter.LetterNotFound;
        }

        var before = Delivery.Of(letter);
        if (before.EmailedAt is not null)
        {
            return before;
        }

        var after = before with { Method = before.Method ?? DeliveryMethod.Email, EmailedAt = acceptedAt };
        return Check(after, letter.IssuedOn, ChinaClock.Today(clock)) is { } problem
            ? problem
            : await SaveAsync(db, clock, letter, before, after, new Actor(actor, "邮件发送", ActorRole.System), cancellationToken);
    }

    /// <summary>
    /// The addressee opened the letter on the status page: the first time is recorded (later ones change nothing). A
    /// letter not yet delivered otherwise is delivered 网上, received on that day (China time).
    /// </summary>
    public static async Task<Result<Delivery>> OpenedOnlineAsync(GongkaiDbContext db, TimeProvider clock, Guid letterId, CancellationToken cancellationToken = default)
    {
        var letter = await db.Letters.FirstOrDefaultAsync(l => l.Id == letterId, cancellationToken);
        if (letter is null)
        {
            return IssueLetter.LetterNotFound;
        }

        var before = Delivery.Of(letter);
        if (before.FirstOpenedAt is not null)
        {
            return before;
        }

        var now = clock.GetUtcNow();
        var online = before.Method is null or DeliveryMethod.Online;
        var after = before with
        {
            FirstOpenedAt = now,
            Method = online ? DeliveryMethod.Online : before.Method,
            ReceivedOn = online ? ChinaClock.ToChinaDate(now) : before.ReceivedOn,
        };
        var saved = await SaveAsync(db, clock, letter, before, after, new Actor(OnlineActor, "申请人（网上查看）", ActorRole.Applicant), cancellationToken);
        return saved.IsSuccess || saved.Problem != Concurrent ? saved : Delivery.Of(await db.Letters.AsNoTracking().SingleAsync(l => l.Id == letterId, cancellationToken));
    }

    /// <summary>
    /// An EMS number as typed, without spaces and upper-cased, when it is one: 13 digits (domestic), or the UPU S10 form
    /// (two letters, eight digits, a check digit, two letters) whose check digit is right; else null.
    /// </summary>
    public static string? EmsNumber(string? typed)
    {
        var ems = string.Concat((typed ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (ems.Length != Letter.MaxEmsNumberLength)
        {
            return null;
        }

        if (ems.All(char.IsAsciiDigit))
        {
            return ems;
        }

        var s10 = ems[..2].All(char.IsAsciiLetterUpper) && ems[2..11].All(char.IsAsciiDigit) && ems[11..].All(char.IsAsciiLetterUpper);
        if (!s10)
        {
            return null;
        }

        // UPU S10: weights 8 6 4 2 3 5 9 7; check = 11 − (sum mod 11), 10 → 0, 11 → 5.
        int[] weights = [8, 6, 4, 2, 3, 5, 9, 7];
        var sum = weights.Select((w, i) => w * (ems[2 + i] - '0')).Sum();
        var check = 11 - (sum % 11);
        check = check switch { 10 => 0, 11 => 5, _ => check };
        return ems[10] - '0' == check ? ems : null;
    }

    private static Problem? Check(Delivery delivery, DateOnly issuedOn, DateOnly today)
    {
        var dates = new (DateOnly? Date, string Name)[]
        {
            (delivery.PostedOn, "交邮日期"),
            (delivery.ReceivedOn, "签收（确认收到）日期"),
            (delivery.EmailedAt is { } sent ? ChinaClock.ToChinaDate(sent) : null, "发送日期"),
        };
        foreach (var (date, name) in dates)
        {
            if (date < issuedOn)
            {
                return Problem.Invalid("letterDelivery.beforeIssue", $"{name}不能早于文书的成文日期（{issuedOn:yyyy-MM-dd}）");
            }

            if (date > today)
            {
                return Problem.Invalid("letterDelivery.future", $"{name}不能晚于今天");
            }
        }

        return null;
    }

    /// <summary>
    /// A 征求意见书 or 收费通知书 received: its period runs from this receipt (spec/letters.md §6), so the application's
    /// running period is counted again in the same save, with its own 台账 entry. The letter a correction replaced is
    /// not the one in force and moves nothing.
    /// </summary>
    private static async Task<Problem?> NoticeReceivedAsync(
        GongkaiDbContext db, TimeProvider clock, Letter letter, DateOnly receivedOn, Actor by, CancellationToken cancellationToken)
    {
        ReceivedNotice? notice = letter.Kind switch
        {
            LetterKind.ThirdPartyConsultation or LetterKind.AgencyConsultation => ReceivedNotice.ConsultationLetter,
            LetterKind.FeeNotice => ReceivedNotice.FeeNotice,
            _ => null,
        };
        if (notice is null || await db.Letters.AnyAsync(l => l.ReplacesId == letter.Id, cancellationToken))
        {
            return null;
        }

        var application = await db.Requests.FirstAsync(r => r.Id == letter.RequestId, cancellationToken);
        var calendar = await CalendarSource.LoadAsync(db, cancellationToken);
        if (!calendar.TryGetValue(out var workCalendar))
        {
            return calendar.Problem;
        }

        var snapshot = ApplyStep.Snapshot(application);
        var command = new RecalculateDeadlines(by, ChinaClock.Today(clock), clock.GetUtcNow(), $"送达{letter.Number}");
        var step = application.NoticeReceived(command, notice.Value, receivedOn, workCalendar);
        if (!step.TryGetValue(out var recorded))
        {
            return step.Problem;
        }

        if (recorded is not null)
        {
            AuditTrail.Record(db, clock, by.UserId, "request." + recorded.Trigger, nameof(DisclosureRequest), application.Id.ToString("D"),
                application.AgencyId, snapshot, ApplyStep.Snapshot(application));
        }

        return null;
    }

    private static async Task<Result<Delivery>> SaveAsync(
        GongkaiDbContext db, TimeProvider clock, Letter letter, Delivery before, Delivery after, Actor by, CancellationToken cancellationToken)
    {
        if (after == before)
        {
            return after;
        }

        if (after.ReceivedOn is { } received && received != before.ReceivedOn
            && await NoticeReceivedAsync(db, clock, letter, received, by, cancellationToken) is { } refused)
        {
            return refused;
        }

        var actor = by.UserId;

        letter.DeliveryMethod = after.Method;
        letter.PostedOn = after.PostedOn;
        letter.EmsNumber = after.EmsNumber;
        letter.ReceivedOn = after.ReceivedOn;
        letter.EmailedAt = after.EmailedAt;
        letter.FirstOpenedAt = after.FirstOpenedAt;
        AuditTrail.Record(db, clock, actor, Action, nameof(Letter), letter.Id.ToString("D"), letter.AgencyId, Snapshot(letter.Number, before), Snapshot(letter.Number, after));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Concurrent;
        }

        return after;
    }

    /// <summary>What the 台账 keeps: the 文号 and the delivery facts (an EMS number is the post's, not personal data).</summary>
    private static string Snapshot(string number, Delivery d) => JsonSerializer.Serialize(new
    {
        Number = number,
        Method = d.Method is { } m ? LetterKindNames.Delivery(m) : null,
        d.PostedOn,
        d.EmsNumber,
        SignedForOn = d.ReceivedOn,
        d.EmailedAt,
        d.FirstOpenedAt,
    }, AuditTrail.Json);
}
