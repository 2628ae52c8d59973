using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Common;
using Gongkai.Domain.Requests;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Requests;

/// <summary>
/// The online application form (条例 Art 29) of an agency. Without script it shows both identity fieldsets and the
/// server reads only the one of the chosen applicant kind; the stylesheet hides the other where the browser can
/// (<c>:has</c>). Problems are shown at their fields with the values kept. A valid form is answered with a redirect to
/// the receipt page (POST-redirect-GET): reloading the receipt files nothing. The form carries an idempotency key made
/// when it is shown (<see cref="SubmissionKey"/>), so submitting it again — a double click, the back button, a retry
/// after a lost answer — gives the first application back. The 查询码 never goes into an address: the receipt page
/// reads it from a short-lived, encrypted cookie of its own (<see cref="LookupCookie.Receipt"/>).
/// </summary>
[EnableRateLimiting(PublicRateLimits.Apply)]
public sealed class ApplyModel(GongkaiDbContext db, SubmissionWriter writer, IDataProtectionProvider protection) : AgencyPageModel(db)
{
    /// <summary>The submission's idempotency key (Core's SubmissionKeys): new when the form is shown, kept when it comes back with errors.</summary>
    [BindProperty]
    public string? SubmissionKey { get; set; }

    /// <summary>A refusal of the whole submission (a key used for other content), above the form.</summary>
    public string? Problem { get; private set; }

    [BindProperty]
    public string? ApplicantKind { get; set; } = nameof(Domain.Requests.ApplicantKind.NaturalPerson);

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? PersonDocumentKind { get; set; }

    [BindProperty]
    public string? PersonDocumentNumber { get; set; }

    [BindProperty]
    public string? CreditCode { get; set; }

    [BindProperty]
    public string? OrganizationDocumentKind { get; set; }

    [BindProperty]
    public string? OrganizationDocumentNumber { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? PostalAddress { get; set; }

    /// <summary>The form's "Content" (PageModel has a Content method).</summary>
    [BindProperty(Name = "Content")]
    public string? InformationSought { get; set; }

    [BindProperty]
    public string? DeliveryMethod { get; set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public static IEnumerable<(string Value, string Label)> Kinds =>
        Enum.GetValues<ApplicantKind>().Select(k => (k.ToString(), k.DisplayName()));

    public static IEnumerable<(string Value, string Label)> DocumentKinds =>
        Enum.GetValues<IdentityDocumentKind>().Select(k => (k.ToString(), k.DisplayName()));

    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);

    public async Task<IActionResult> OnGetAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        if (!await FindAgencyAsync(agencyId, ColumnSection.Apply, cancellationToken))
        {
            return NotFound();
        }

        SubmissionKey = SubmissionKeys.New();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        if (!await FindAgencyAsync(agencyId, ColumnSection.Apply, cancellationToken))
        {
            return NotFound();
        }

        var form = new OnlineApplicationForm
        {
            ApplicantKind = ApplicantKind,
            Name = Name,
            PersonDocumentKind = PersonDocumentKind,
            PersonDocumentNumber = PersonDocumentNumber,
            CreditCode = CreditCode,
            OrganizationDocumentKind = OrganizationDocumentKind,
            OrganizationDocumentNumber = OrganizationDocumentNumber,
            Phone = Phone,
            Email = Email,
            PostalAddress = PostalAddress,
            Content = InformationSought,
            DeliveryMethod = DeliveryMethod,
        };
        var result = await SubmitOnline.HandleAsync(writer, new SubmitOnline.Request(agencyId, form, SubmissionKey), cancellationToken);
        if (!result.TryGetValue(out var response))
        {
            if (result.Problem.Kind is ProblemKind.Conflict or ProblemKind.Invalid)
            {
                // This form's key went with other content (edited after it was filed, the back button): the message, and
                // a new key, so submitting again is a new application on purpose.
                Problem = result.Problem.Message;
                SubmissionKey = SubmissionKeys.New();
                Response.StatusCode = ProblemStatus.Of(result.Problem.Kind);
                return Page();
            }

            // By the problem's kind: an agency gone since the form was shown is 404.
            return StatusCode(ProblemStatus.Of(result.Problem.Kind));
        }

        if (response.Receipt is not { } receipt)
        {
            Errors = response.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        // POST-redirect-GET: the receipt page is a GET, reloading it files nothing.
        var receiptPath = LookupCookie.ReceiptPath(agencyId, receipt.TrackingNumber);
        LookupCookie.Receipt.Write(HttpContext, protection, receiptPath, agencyId, receipt.TrackingNumber, receipt.QueryCode);
        Response.Headers.Location = receiptPath;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
