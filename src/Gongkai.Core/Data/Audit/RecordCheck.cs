using System.Globalization;
using Gongkai.Core.Features.Audit;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Data.Audit;

/// <summary>
/// The records against the 台账: each audited record's current content hash (<see cref="RecordContent"/>) against the
/// hash its last entry holds. A row changed in SQL without an entry differs; a row deleted in SQL is missing. Records
/// without such an entry (written before issue 16, or taken over by an import, which writes one entry per file) are
/// counted, not judged. A row inserted in SQL has no entry either and is counted with them: the chain cannot tell it.
/// </summary>
internal sealed class RecordCheck
{
    /// <summary>Rows read per round; the change tracker is emptied between rounds, so memory stays flat.</summary>
    private const int Batch = 1000;

    /// <summary>By (kind, id): the last entry with the record's hash (sequence and hash), or (0, null) when none has it.</summary>
    private readonly Dictionary<(string Type, string Id), (long Sequence, string? Hash)> _last = [];

    public long Checked { get; private set; }

    public long WithoutHash { get; private set; }

    /// <summary>Notes an entry of the chain, in order.</summary>
    public void Saw(AuditEntry entry)
    {
        if (!RecordContent.Audited.ContainsKey(entry.EntityType))
        {
            return;
        }

        var key = (entry.EntityType, entry.EntityId);
        if (entry.RecordHash is not null)
        {
            _last[key] = (entry.Sequence, entry.RecordHash);
        }
        else
        {
            // An entry that changes nothing (a contact viewed) or one of before issue 16: the last hash stands.
            _last.TryAdd(key, (0, null));
        }
    }

    /// <summary>Reads every audited record and says, in Chinese, which differ from their last entry or are gone.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var findings = new List<string>();
        var seen = new HashSet<(string, string)>();
        await CheckAsync(db, db.Requests, findings, seen, cancellationToken);
        await CheckAsync(db, db.Items, findings, seen, cancellationToken);
        await CheckAsync(db, db.ReportVersions, findings, seen, cancellationToken);
        await CheckAsync(db, db.Article20, findings, seen, cancellationToken);
        await CheckAsync(db, db.Agencies, findings, seen, cancellationToken);
        await CheckAsync(db, db.Guides, findings, seen, cancellationToken);
        await CheckAsync(db, db.CalendarNotices, findings, seen, cancellationToken);
        var c = CultureInfo.InvariantCulture;
        foreach (var ((type, id), (sequence, hash)) in _last.OrderBy(r => r.Value.Sequence))
        {
            if (hash is not null && !seen.Contains((type, id)))
            {
                findings.Add($"{AuditText.EntityType(type)} {id} 已不在数据库中，但第{sequence.ToString(c)}条记录之后台账中没有删除它的记录（被直接删除）");
            }
        }

        return findings;
    }

    private async Task CheckAsync<T>(GongkaiDbContext db, DbSet<T> rows, List<string> findings, HashSet<(string, string)> seen, CancellationToken cancellationToken)
        where T : class
    {
        var type = typeof(T).Name;
        var c = CultureInfo.InvariantCulture;
        var ids = await rows.AsNoTracking().IgnoreAutoIncludes().Select(r => EF.Property<Guid>(r, "Id")).ToListAsync(cancellationToken);
        var toCheck = new List<Guid>();
        foreach (var id in ids)
        {
            var key = (type, id.ToString("D"));
            seen.Add(key);
            if (_last.GetValueOrDefault(key).Hash is null)
            {
                WithoutHash++;
            }
            else
            {
                toCheck.Add(id);
            }
        }

        // Only the rows with a hash to compare are read whole (with their steps): a million imported items cost their ids.
        foreach (var chunk in toCheck.Chunk(Batch))
        {
            // Tracked: the hash needs the row's shadow columns, which only a tracked entity carries.
            var page = await rows.AsTracking().Where(r => chunk.Contains(EF.Property<Guid>(r, "Id"))).ToListAsync(cancellationToken);
            foreach (var row in page)
            {
                var entry = db.Entry(row);
                var id = RecordContent.Id(entry) ?? "";
                var (sequence, expected) = _last[(type, id)];
                Checked++;
                if (RecordContent.Hash(db, entry) != expected)
                {
                    var number = row is DisclosureRequest request ? $"（编号 {request.TrackingNumber}）" : "";
                    findings.Add($"{AuditText.EntityType(type)} {id}{number} 与台账第{sequence.ToString(c)}条记录中的内容哈希不符（在台账之外被直接修改）");
                }
            }

            db.ChangeTracker.Clear();
        }
    }
}
