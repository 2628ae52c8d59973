using System.Collections.Concurrent;
using System.Text;

namespace Gongkai.Domain.Letters;

/// <summary>The built-in template of each kind (Letters/Templates/&lt;Kind&gt;.txt, embedded), used where an agency has not set its own.</summary>
public static class LetterTemplates
{
    private static readonly ConcurrentDictionary<LetterKind, LetterTemplate> Cache = new();

    public static LetterTemplate Default(LetterKind kind) => Cache.GetOrAdd(kind, Load);

    /// <summary>The built-in text of <paramref name="kind"/>, as an agency starts from when it writes its own.</summary>
    public static string DefaultText(LetterKind kind)
    {
        var name = $"Gongkai.Domain.Letters.Templates.{kind}.txt";
        using var stream = typeof(LetterTemplates).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from Gongkai.Domain.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static LetterTemplate Load(LetterKind kind)
    {
        var parsed = LetterTemplate.Parse(kind, DefaultText(kind));
        return parsed.IsSuccess ? parsed.Value : throw new InvalidOperationException($"The built-in template of {kind} is invalid: {parsed.Problem}");
    }
}
