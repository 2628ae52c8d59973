using Gongkai.Core.Data;
using Gongkai.Core.Features.Accounts;
using Gongkai.Core.Features.Audit;
using Gongkai.Domain.Common;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// The 台账 in Chinese: the agency's entries (or one record's, from its page), filtered by case (a record's id or an
/// application's 编号), operator and China dates, each with who (name and role), when (Beijing time), what (the action's
/// Chinese name) and the changes as field: old → new; exported as CSV for Excel. Only for the administrators and auditors
/// of the agency. Display only: the entries and their hash chain stay as written.
/// </summary>
public sealed class AuditModel(StaffAccess access, GongkaiDbContext db) : StaffPageModel(access)
{
    /// <summary>The record kind when the page is one record's trail.</summary>
    public string? EntityType { get; private set; }

    public string? EntityTypeName => EntityType is null ? null : AuditText.EntityType(EntityType);

    [BindProperty(SupportsGet = true, Name = "case")]
    public string? Case { get; set; }

    [BindProperty(SupportsGet = true, Name = "operator")]
    public string? Operator { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    public AuditLedger.Result Ledger { get; private set; } = new([], false);

    /// <summary>The agency's accounts for the operator filter, plus the online form.</summary>
    public IReadOnlyList<(string Actor, string Name)> Operators { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(string? entityType, string? entityId, Guid? agency, CancellationToken cancellationToken) =>
        ShowAsync(entityType, entityId, agency, export: false, cancellationToken);

    public Task<IActionResult> OnGetCsvAsync(string? entityType, string? entityId, Guid? agency, CancellationToken cancellationToken) =>
        ShowAsync(entityType, entityId, agency, export: true, cancellationToken);

    private async Task<IActionResult> ShowAsync(string? entityType, string? entityId, Guid? agency, bool export, CancellationToken cancellationToken)
    {
        var agencyId = agency;
        if (entityType is not null && entityId is not null)
        {
            // One record's trail: its first entry names its agency.
            var entries = await RecordTrail.HandleAsync(db, entityType, entityId, cancellationToken);
            if (entries.Count == 0 || entries[0].AgencyId is not { } recordAgency)
            {
                return NotFound();
            }

            agencyId = recordAgency;
            EntityType = entityType;
            Case = entityId;
        }

        if (!await UseAgencyAsync(agencyId, StaffRight.ReadAuditTrail, cancellationToken))
        {
            return Refuse();
        }

        var from = DateInput.Parse(From);
        var to = DateInput.Parse(To);
        if (!string.IsNullOrWhiteSpace(From) && from is null || !string.IsNullOrWhiteSpace(To) && to is null)
        {
            await LoadOperatorsAsync(cancellationToken);
            return Refused(new Problem("audit.date", $"日期应写作{DateInput.Examples}"));
        }

        var filter = new AuditLedger.Filter(Agency.Id, Case, Operator, from, to, EntityType);
        if (export)
        {
            var csv = await ExportAuditLedger.CsvAsync(db, filter, cancellationToken);
            return File(csv, "text/csv; charset=utf-8", $"台账-{Agency.Name}.csv");
        }

        Ledger = await AuditLedger.HandleAsync(db, filter, cancellationToken: cancellationToken);
        await LoadOperatorsAsync(cancellationToken);
        return Page();
    }

    private async Task LoadOperatorsAsync(CancellationToken cancellationToken)
    {
        var users = await ListStaffUsers.HandleAsync(db, Agency.Id, cancellationToken);
        Operators = [.. users.Select(u => (u.Id.ToString("D"), $"{u.DisplayName}（{AuditText.Roles(u.Roles)}）")),
            (Core.Features.Requests.SubmissionWriter.ActorId, AuditText.Process(Core.Features.Requests.SubmissionWriter.ActorId).Name)];
    }

    /// <summary>The query string of the current filters, for the export link.</summary>
    public string ExportQuery()
    {
        var query = new Dictionary<string, string?> { ["handler"] = "Csv", ["agency"] = Agency.Id.ToString("D") };
        if (EntityType is null)
        {
            query["case"] = Case;
        }

        query["operator"] = Operator;
        query["from"] = From;
        query["to"] = To;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", query.Where(q => !string.IsNullOrWhiteSpace(q.Value)));
    }
}
