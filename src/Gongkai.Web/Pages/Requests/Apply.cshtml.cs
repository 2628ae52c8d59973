using Gongkai.Core.Data;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Requests;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Requests;

/// <summary>
/// The online application form (条例 Art 29) of an agency. Without script it shows both identity fieldsets and the
/// server reads only the one of the chosen applicant kind; the stylesheet hides the other where the browser can
/// (<c>:has</c>). Problems are shown at their fields with the values kept; a valid form gives the receipt (申请编号 and
/// 查询码, shown this once) in the POST's own response, never in an address.
/// </summary>
[EnableRateLimiting(PublicRateLimits.Apply)]
public sealed class ApplyModel(GongkaiDbContext db, SubmissionWriter writer) : AgencyPageModel(db)
{
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

    public SubmitOnline.Receipt? Receipt { get; private set; }

    /// <summary>What the receipt repeats of the application: the kind and the description, as typed (encoded on output).</summary>
    public string? SubmittedKind { get; private set; }

    public static IEnumerable<(string Value, string Label)> Kinds =>
        Enum.GetValues<ApplicantKind>().Select(k => (k.ToString(), k.DisplayName()));

    public static IEnumerable<(string Value, string Label)> DocumentKinds =>
        Enum.GetValues<IdentityDocumentKind>().Select(k => (k.ToString(), k.DisplayName()));

    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);

    public async Task<IActionResult> OnGetAsync(Guid agencyId, CancellationToken cancellationToken) =>
        await FindAgencyAsync(agencyId, ColumnSection.Apply, cancellationToken) ? Page() : NotFound();

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
        var result = await SubmitOnline.HandleAsync(writer, new SubmitOnline.Request(agencyId, form), cancellationToken);
        if (!result.TryGetValue(out var response))
        {
            // By the problem's kind: an agency gone since the form was shown is 404, anything else its own status.
            return StatusCode(ProblemStatus.Of(result.Problem.Kind));
        }

        if (response.Receipt is null)
        {
            Errors = response.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        Receipt = response.Receipt;
        SubmittedKind = Enum.TryParse<ApplicantKind>(ApplicantKind, out var kind) ? kind.DisplayName() : null;

        // The 查询码 is in this response only: no cache keeps it.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
