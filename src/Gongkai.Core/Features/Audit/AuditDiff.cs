using System.Globalization;
using System.Text.Json;
using Gongkai.Core.Data.Audit;

namespace Gongkai.Core.Features.Audit;

/// <summary>
/// A 台账 entry's before and after as a reader takes them in: the fields that changed, each as field: old → new with the
/// field's Chinese name and states in Chinese; a creation lists what was recorded, a deletion what was there. A field
/// the table does not name is shown under its own name, a value that is not text as compact JSON; a before/after that
/// is not a JSON object (a guide's version line) as one 内容 change.
/// </summary>
public static partial class AuditDiff
{
    /// <summary>One changed field; <see cref="Before"/> is empty for a creation, <see cref="After"/> for a deletion.</summary>
    public sealed record Change(string Field, string Before, string After);

    private const string None = "（无）";

    public static IReadOnlyList<Change> Changes(string entityType, string? before, string? after)
    {
        var old = Fields(before);
        var now = Fields(after);
        if (old is null && before is not null || now is null && after is not null)
        {
            return before == after ? [] : [new Change("内容", before ?? "", after ?? "")];
        }

        var changes = new List<Change>();
        var names = (now?.Keys.AsEnumerable() ?? []).Concat(old?.Keys.AsEnumerable() ?? []).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var was = old is not null && old.TryGetValue(name, out var o) ? Text(entityType, name, o) : null;
            var @is = now is not null && now.TryGetValue(name, out var n) ? Text(entityType, name, n) : null;
            if (was == @is || old is null && @is is null)
            {
                continue;
            }

            changes.Add(new Change(AuditText.Field(name), old is null ? "" : was ?? None, now is null ? "" : @is ?? None));
        }

        return changes;
    }

    /// <summary>What the record is called in its snapshot (an application's 编号, an item's title, an account's user name), if it says.</summary>
    public static string? Subject(string? before, string? after)
    {
        foreach (var json in new[] { after, before })
        {
            var fields = Fields(json);
            foreach (var key in new[] { "TrackingNumber", "Title", "userName", "name", "Name" })
            {
                if (fields is not null && fields.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }
        }

        return null;
    }

    private static Dictionary<string, JsonElement>? Fields(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A value as text; null for JSON null (absent).</summary>
    private static string? Text(string entityType, string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String when field is "State" or "stage" => AuditText.State(entityType, value.GetString()!),
        JsonValueKind.String when DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            && value.GetString()!.Contains('T', StringComparison.Ordinal) =>
            Domain.Calendar.ChinaClock.ToChinaTime(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        // An account id written beside a name (the reviewer: 李审查（id）) is not for people: the name says who.
        JsonValueKind.String => AccountId().Replace(value.GetString()!, ""),
        JsonValueKind.True => "是",
        JsonValueKind.False => "否",
        JsonValueKind.Array when field.Equals("roles", StringComparison.OrdinalIgnoreCase) =>
            AuditText.Roles(value.EnumerateArray().Select(r => r.GetString() ?? "")),
        JsonValueKind.Array => string.Join("、", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
        JsonValueKind.Number => value.GetRawText(),
        _ => JsonSerializer.Serialize(value, AuditTrail.Json),
    };

    [System.Text.RegularExpressions.GeneratedRegex("（[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}）")]
    private static partial System.Text.RegularExpressions.Regex AccountId();
}
