using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Article20;
using Gongkai.Domain.Proactive;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Gongkai.Core.Data.Audit;

/// <summary>
/// A record's content as stored, in one canonical form, and its keyed hash: what a 台账 entry holds of the record after
/// the change (<see cref="AuditEntry.RecordHash"/>), so that <c>audit verify</c> finds a row edited in SQL without an
/// entry. The form is every mapped column of the record's row (shadow and derived columns included, the columns of its
/// complex types by dotted name) and the rows always loaded with it (its auto-included collections: an application's
/// steps, an item's versions), sorted, in the model's values: the plaintext of an encrypted column (its stored form
/// carries a random nonce), times to the microsecond (what PostgreSQL keeps), decimals without trailing zeros (SQLite
/// keeps them as text without).
/// </summary>
internal static class RecordContent
{
    /// <summary>
    /// The kinds of record whose every change the code writes to the 台账 with the record at hand. Staff accounts, API keys,
    /// letters and mail are left out: sign-ins, key use, a letter's first opening and the outbox's attempts change their rows
    /// without an entry, so a check would name honest changes.
    /// </summary>
    public static FrozenDictionary<string, Type> Audited { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [nameof(DisclosureRequest)] = typeof(DisclosureRequest),
        [nameof(DisclosureItem)] = typeof(DisclosureItem),
        [nameof(ReportVersion)] = typeof(ReportVersion),
        [nameof(Article20Statistics)] = typeof(Article20Statistics),
        [nameof(Agency)] = typeof(Agency),
        [nameof(DisclosureGuide)] = typeof(DisclosureGuide),
        [nameof(CalendarNotice)] = typeof(CalendarNotice),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// HMAC-SHA256 (hex) of the record's canonical content with the 台账 key (<see cref="Protection.IdentityProtector.AuditMac"/>):
    /// keyed, so the hash tells nothing of an encrypted identity number (an unkeyed hash of a row could be matched by
    /// guessing the number) and a row edited in SQL cannot be given a matching hash without the key.
    /// </summary>
    public static string Hash(GongkaiDbContext db, EntityEntry entry) =>
        db.Protector.AuditMac(Encoding.UTF8.GetBytes(Canonical(entry, 0)));

    /// <summary>The record's id as the 台账 writes it (<c>Guid "D"</c>), or null when its key is not one Guid.</summary>
    public static string? Id(EntityEntry entry) =>
        entry.Metadata.FindPrimaryKey() is { Properties: [{ } key] } && entry.Property(key.Name).CurrentValue is Guid id ? id.ToString("D") : null;

    private static string Canonical(EntityEntry entry, int depth)
    {
        var fields = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            fields[property.Metadata.Name] = Text(property.Metadata, property.CurrentValue);
        }

        foreach (var complex in entry.ComplexProperties)
        {
            AddComplex(fields, complex, complex.Metadata.Name);
        }

        // The rows loaded with the record are part of it; a step nested deeper than that is not (none is, today).
        if (depth == 0)
        {
            foreach (var collection in entry.Collections)
            {
                if (collection.Metadata is INavigation { IsEagerLoaded: true } && collection.CurrentValue is { } rows)
                {
                    var children = new List<string>();
                    foreach (var row in rows)
                    {
                        children.Add(Canonical(entry.Context.Entry(row), depth + 1));
                    }

                    children.Sort(StringComparer.Ordinal);
                    fields[collection.Metadata.Name] = children;
                }
            }
        }

        return JsonSerializer.Serialize(fields);
    }

    private static void AddComplex(SortedDictionary<string, object?> fields, ComplexPropertyEntry complex, string prefix)
    {
        if (complex.CurrentValue is null)
        {
            fields[prefix] = null;
            return;
        }

        foreach (var property in complex.Properties)
        {
            fields[prefix + "." + property.Metadata.Name] = Text(property.Metadata, property.CurrentValue);
        }

        foreach (var inner in complex.ComplexProperties)
        {
            AddComplex(fields, inner, prefix + "." + inner.Metadata.Name);
        }
    }

    private static string? Text(IReadOnlyProperty property, object? value)
    {
        var c = CultureInfo.InvariantCulture;
        return value switch
        {
            null => null,
            string s => s,
            DateTimeOffset t => (t.UtcTicks / 10).ToString(c),
            DateTime t => (t.Ticks / 10).ToString(c),
            decimal d => d.ToString("0.############################", c),
            double d => d.ToString("R", c),
            float f => f.ToString("R", c),
            Enum e => e.ToString(),
            byte[] bytes => Convert.ToBase64String(bytes),
            IFormattable f => f.ToString(null, c),
            _ when property.GetValueConverter() is { } converter => Text(property, converter.ConvertToProvider(value)),
            IEnumerable items => JsonSerializer.Serialize(items.Cast<object?>().Select(i => i is null ? null : Text(property, i))),
            _ => value.ToString(),
        };
    }
}
