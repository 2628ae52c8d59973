using System.Text.Json;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Documents;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Proactive;

/// <summary>
/// Takes over an agency's published items (its 主动公开 台账 / 全清单) from a spreadsheet with the headers
/// <c>标题, 文号, 类别, 主题, 科室, 形成日期, 公开日期, 全文电子化</c>: 类别 a path of the agency's category tree
/// (<c>财政信息/预算</c>), 主题 separated by <c>;</c> or <c>；</c>, 全文电子化 是/否. An agency without categories gets
/// the default tree; topics and divisions named are created. Two optional columns: <c>正文</c>, the item's text, and
/// <c>附件</c>, the names of files that came with the ledger (separated like 主题), each already checked and stored by
/// <see cref="StoreAttachment"/> and given in the request. All or nothing, every bad row named; an item the agency
/// already has (same title and formation date) is left as it is.
/// </summary>
public static class ImportItems
{
    public const string Title = "标题";
    public const string DocumentNumber = "文号";
    public const string CategoryColumn = "类别";
    public const string Topics = "主题";
    public const string DivisionColumn = "科室";
    public const string FormedOn = "形成日期";
    public const string PublishedOn = "公开日期";
    public const string FullText = "全文电子化";
    public const string BodyColumn = "正文";
    public const string AttachmentsColumn = "附件";

    public static IReadOnlyList<string> Headers { get; } = [Title, DocumentNumber, CategoryColumn, Topics, DivisionColumn, FormedOn, PublishedOn, FullText];

    /// <param name="Files">The files named in the <c>附件</c> column, by name, as <see cref="StoreAttachment"/> stored them.</param>
    public sealed record Request(string AgencyName, IReadOnlyList<LedgerRow> Rows, string FileName, byte[] FileHash, string Actor, IReadOnlyDictionary<string, Attachment>? Files = null);

    public sealed record Response(int Imported, int AlreadyPresent, IReadOnlyList<LedgerError> Errors);

    public static async Task<Result<Response>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Name == request.AgencyName.Trim(), cancellationToken);
        if (agency is null)
        {
            return AgencyProblems.NotFound(request.AgencyName);
        }

        var missing = LedgerFile.MissingHeaders(request.Rows, Headers);
        if (missing.Count > 0)
        {
            return new Response(0, 0, missing);
        }

        var categories = await db.Categories.Where(c => c.AgencyId == agency.Id).ToListAsync(cancellationToken);
        if (categories.Count == 0)
        {
            categories = [.. DefaultCategories.Create(agency.Id).Value];
            db.Categories.AddRange(categories);
        }

        var tree = CategoryTree.Create(categories).Value;
        var topics = await db.Topics.Where(t => t.AgencyId == agency.Id).ToDictionaryAsync(t => t.Name, StringComparer.Ordinal, cancellationToken);
        var divisions = await db.Divisions.Where(d => d.AgencyId == agency.Id).ToDictionaryAsync(d => d.Name, StringComparer.Ordinal, cancellationToken);
        var existing = (await db.Items.AsNoTracking().IgnoreAutoIncludes().Where(i => i.AgencyId == agency.Id).Select(i => new { i.Title, i.FormedOn }).ToListAsync(cancellationToken))
            .Select(i => (i.Title, i.FormedOn)).ToHashSet();
        var actor = new ItemActor(request.Actor, request.Actor, ItemRole.System);
        var errors = new List<LedgerError>();
        var items = new List<DisclosureItem>();
        var alreadyPresent = 0;
        var seen = new RepeatedRows<(string Title, DateOnly FormedOn)>();
        foreach (var row in request.Rows)
        {
            var start = errors.Count;
            void Fail(string column, string reason) => errors.Add(new LedgerError(row.Number, column, reason));

            var category = tree.FindByPath(row[CategoryColumn]);
            if (category is null)
            {
                Fail(CategoryColumn, $"「{row[CategoryColumn]}」不是本机关的信息类别（如 规划计划、财政信息/预算、业务动态）");
            }

            var formed = DateInput.Parse(row[FormedOn]);
            if (formed is null)
            {
                Fail(FormedOn, $"「{row[FormedOn]}」不是日期（应为YYYY-MM-DD、YYYY/M/D或YYYY年M月D日）");
            }

            var published = DateInput.Parse(row[PublishedOn]);
            if (published is null)
            {
                Fail(PublishedOn, $"「{row[PublishedOn]}」不是日期（导入的应是已公开的信息）");
            }

            var fullText = row[FullText] switch { "是" => true, "否" => false, _ => (bool?)null };
            if (fullText is null)
            {
                Fail(FullText, $"「{row[FullText]}」应为“是”或“否”");
            }

            if (errors.Count > start)
            {
                continue;
            }

            // The same item twice in one file is a mistake in the file, not an item already present (issue 16, 13).
            if (seen.Check((row[Title], formed!.Value), row.Number, Title, "标题和形成日期") is { } repeated)
            {
                errors.Add(repeated);
                continue;
            }

            if (existing.Contains((row[Title], formed.Value)))
            {
                alreadyPresent++;
                continue;
            }

            var attachments = new List<Attachment>();
            foreach (var name in Names(row[AttachmentsColumn]))
            {
                if (request.Files?.GetValueOrDefault(name) is { } file)
                {
                    attachments.Add(file);
                }
                else
                {
                    Fail(AttachmentsColumn, $"附件「{name}」没有随台账提供");
                }
            }

            if (errors.Count > start)
            {
                continue;
            }

            var content = new ItemContent
            {
                Category = category!,
                Topics = [.. Names(row[Topics]).Select(name => TopicNamed(db, topics, agency.Id, name))],
                Division = row[DivisionColumn].Length == 0 ? null : DivisionNamed(db, divisions, agency.Id, row[DivisionColumn]),
                Title = row[Title],
                DocumentNumber = row[DocumentNumber].Length == 0 ? null : row[DocumentNumber],
                FormedOn = formed.Value,
                FullTextElectronic = fullText!.Value,
                Body = row[BodyColumn],
                Attachments = attachments,
            };
            var imported = DisclosureItem.Import(new ImportItem(actor, published!.Value, clock.GetUtcNow(), Guid.NewGuid(), agency.Id, content));
            if (imported.TryGetValue(out var item))
            {
                items.Add(item);
            }
            else
            {
                Fail(Title, imported.Problem.Message);
            }
        }

        if (errors.Count > 0)
        {
            return new Response(0, 0, errors);
        }

        // Tracked before the lock (10,000 items take seconds), saved without scanning them again: only additions.
        db.Items.AddRange(items);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // The items and the 台账 entry in one transaction, the lock taken before the last entry is read (issue 16, 11).
        await using var transaction = await ImportTransaction.BeginAsync(db, cancellationToken);
        AuditTrail.Record(db, clock, request.Actor, "items.imported", nameof(Agency), agency.Id.ToString("D"), agency.Id, null,
            JsonSerializer.Serialize(new { file = request.FileName, sha256 = Convert.ToHexStringLower(request.FileHash), imported = items.Count, alreadyPresent }, AuditTrail.Json));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return new Response(items.Count, alreadyPresent, []);
    }

    private static string[] Names(string cell) => cell.Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Topic TopicNamed(GongkaiDbContext db, Dictionary<string, Topic> topics, Guid agencyId, string name)
    {
        if (!topics.TryGetValue(name, out var topic))
        {
            topic = Topic.Create(agencyId, name, topics.Count).Value;
            topics[name] = topic;
            db.Topics.Add(topic);
        }

        return topic;
    }

    private static Division DivisionNamed(GongkaiDbContext db, Dictionary<string, Division> divisions, Guid agencyId, string name)
    {
        if (!divisions.TryGetValue(name, out var division))
        {
            division = Division.Create(agencyId, name).Value;
            divisions[name] = division;
            db.Divisions.Add(division);
        }

        return division;
    }
}
