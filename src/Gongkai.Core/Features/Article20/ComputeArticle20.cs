using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Article20;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Article20;

/// <summary>
/// Computes the 规章 and 规范性文件 figures of 第二十条第（一）项 for an agency and year from its catalogue (items in
/// categories linked to those Article 20 items, at any depth): formation date and first publication of the item, the
/// repeal date of its last published version. A figure staff entered or imported is kept (the domain says so with a
/// finding-like problem per figure, returned to the caller).
/// </summary>
public static class ComputeArticle20
{
    public sealed record Request(Guid AgencyId, int Year, ReportFormat? Format, string Actor);

    public sealed record Response(IReadOnlyDictionary<string, decimal> Computed, IReadOnlyList<Problem> Kept);

    public static async Task<Response> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var categories = await db.Categories.AsNoTracking().Where(c => c.AgencyId == request.AgencyId).ToListAsync(cancellationToken);
        var kindByCategory = categories
            .Where(c => c.Article20Item is Article20Item.Rules or Article20Item.NormativeDocuments)
            .ToDictionary(c => c.Id, c => c.Article20Item == Article20Item.Rules ? RegulatoryItemKind.Rules : RegulatoryItemKind.NormativeDocuments);
        var ids = kindByCategory.Keys.ToList();
        var items = await db.Items.AsNoTracking()
            .Where(i => i.AgencyId == request.AgencyId && ids.Contains(i.CategoryId) && i.FirstPublishedOn != null)
            .ToListAsync(cancellationToken);
        var facts = items.Select(i => new RegulatoryItemFact(
            kindByCategory[i.Versions[0].CategoryId], i.Versions[0].FormedOn, i.FirstPublishedOn, i.Versions[^1].RepealedOn));

        var statistics = await db.Article20.FirstOrDefaultAsync(s => s.AgencyId == request.AgencyId && s.Year == request.Year, cancellationToken);
        if (statistics is null)
        {
            statistics = Article20Statistics.Create(Guid.NewGuid(), request.AgencyId, request.Year, request.Format ?? ReportFormats.DefaultForYear(request.Year)).Value;
            db.Article20.Add(statistics);
        }

        var computed = Article20Counts.FromItems(facts, request.Year, statistics.Format);
        var before = JsonSerializer.Serialize(statistics.Values(), AuditTrail.Json);
        var history = statistics.History.Count;
        var kept = new List<Problem>();
        foreach (var (key, value) in computed)
        {
            var set = statistics.SetComputed(key, value, clock.GetUtcNow());
            if (!set.IsSuccess)
            {
                kept.Add(set.Problem);
            }
        }

        if (statistics.History.Count > history)
        {
            AuditTrail.Record(db, clock, request.Actor, "article20.computed", nameof(Article20Statistics), statistics.Id.ToString("D"), request.AgencyId,
                before, JsonSerializer.Serialize(statistics.Values(), AuditTrail.Json));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new Response(computed, kept);
    }
}
