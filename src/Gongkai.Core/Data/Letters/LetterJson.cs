using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Gongkai.Domain.Letters;

namespace Gongkai.Core.Data.Letters;

/// <summary>
/// How a letter's document and an agency's letter settings are written into the database: compact JSON, Chinese as it
/// is (not \u escapes, so a reader of the table can read it), enums by name. The document's hash is of the bytes
/// stored, so it is computed once from the stored text and checked against it, never against a re-serialisation.
/// </summary>
public static class LetterJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },

        // What is computed from the rest (LetterDocument.IssuedOnText) is not stored: the JSON holds what is read back.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OnlySettable } },
    };

    private static void OnlySettable(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in info.Properties.Where(p => p.Set is null).ToList())
        {
            info.Properties.Remove(property);
        }
    }

    public static string Serialize(LetterDocument document) => JsonSerializer.Serialize(document, Options);

    public static LetterDocument Document(string json) =>
        JsonSerializer.Deserialize<LetterDocument>(json, Options) ?? throw new InvalidOperationException("A stored letter document is null.");

    public static string Serialize(LetterSettings settings) => JsonSerializer.Serialize(settings, Options);

    public static LetterSettings Settings(string json) =>
        JsonSerializer.Deserialize<LetterSettings>(json, Options) ?? throw new InvalidOperationException("Stored letter settings are null.");

    /// <summary>Lower-case hex SHA-256 of the text's UTF-8 bytes.</summary>
    public static string Sha256(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
