using System.Globalization;
using System.Text;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Letters;

/// <summary>
/// A letter kind's wording as data (spec/letters.md §1): a title, a version, and sections of paragraphs (one per line)
/// with named fields. The built-in texts (Letters/Templates/*.txt) and an agency's own wording go through the same
/// <see cref="Parse"/>, which refuses a text that drops a required field or uses an unknown one.
/// </summary>
/// <remarks>
/// The text: <c>#</c> starts a comment line; before the first section, <c>版本：N</c> and <c>标题：…</c>; <c>[名称]</c>
/// starts a section; every other line is a paragraph, in which <c>{字段}</c> is filled from the case. A line that is
/// a field alone takes as many paragraphs as the field has (none: the line is dropped). The legal basis and the
/// remedy clause are fields filled by rules (<see cref="LegalBases"/>, <see cref="Remedies"/>), never typed text.
/// </remarks>
public sealed record LetterTemplate
{
    private LetterTemplate(LetterKind kind, int version, string title, string text, IReadOnlyDictionary<string, IReadOnlyList<string>> sections)
    {
        Kind = kind;
        Version = version;
        Title = title;
        Text = text;
        Sections = sections;
    }

    public LetterKind Kind { get; }

    /// <summary>The text's version (its <c>版本：</c> line, 1 if none); a letter records the version it used.</summary>
    public int Version { get; init; }

    public string Title { get; }

    /// <summary>The text as parsed, to store.</summary>
    public string Text { get; }

    /// <summary>The sections by name, each its paragraph lines as written (fields unfilled).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Sections { get; }

    /// <summary>The title agencies use for each kind (spec/letters.md §1), when a text sets none.</summary>
    public static string StandardTitle(LetterKind kind) => kind switch
    {
        LetterKind.Receipt => "政府信息公开申请接收回执",
        LetterKind.Supplement => "政府信息公开申请补正告知书",
        LetterKind.ExplainReasons => "政府信息公开申请说明理由告知书",
        LetterKind.Extension => "政府信息公开申请延期答复告知书",
        LetterKind.ThirdPartyConsultation => "政府信息公开第三方意见征询函",
        LetterKind.ThirdPartyNotice => "政府信息公开告知书",
        LetterKind.AgencyConsultation => "政府信息公开征求意见函",
        LetterKind.FeeNotice => "政府信息公开信息处理费收费通知书",
        LetterKind.Reply => "政府信息公开申请答复书",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static Result<LetterTemplate> Parse(LetterKind kind, string text)
    {
        if (!Enum.IsDefined(kind))
        {
            return Problem.Invalid("letterTemplate.kind", "文书种类无效");
        }

        var version = 1;
        string? title = null;
        var expected = LetterFields.Sections(kind);
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        var lineNumber = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                var name = line[1..^1].Trim();
                if (!expected.ContainsKey(name))
                {
                    return Refused("letterTemplate.unknownSection", $"模板含有未知段落“[{name}]”（第{Number(lineNumber)}行）");
                }

                if (sections.ContainsKey(name))
                {
                    return Refused("letterTemplate.duplicateSection", $"模板的段落“[{name}]”重复（第{Number(lineNumber)}行）");
                }

                sections[name] = current = [];
                continue;
            }

            if (current is null)
            {
                if (Header(line, "版本") is { } v)
                {
                    if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out version) || version < 1)
                    {
                        return Refused("letterTemplate.version", $"模板的版本号“{v}”应为正整数");
                    }
                }
                else if (Header(line, "标题") is { } t && t.Length > 0)
                {
                    title = t;
                }
                else
                {
                    return Refused("letterTemplate.syntax", $"模板第{Number(lineNumber)}行在任何段落之前：应为“版本：”“标题：”或“[段落名]”");
                }

                continue;
            }

            if (Fields(line) is not { } fields)
            {
                return Refused("letterTemplate.syntax", $"模板第{Number(lineNumber)}行的花括号不成对：{line}");
            }

            if (fields.FirstOrDefault(f => !LetterFields.Allowed(kind).Contains(f)) is { } unknown)
            {
                return Refused("letterTemplate.unknownField", $"模板含有未知字段“{{{unknown}}}”（第{Number(lineNumber)}行）");
            }

            current.Add(line);
        }

        if (expected.Keys.FirstOrDefault(s => !sections.ContainsKey(s)) is { } missingSection)
        {
            return Refused("letterTemplate.sectionMissing", $"模板缺少段落“[{missingSection}]”");
        }

        if (sections[LetterFields.SalutationSection].Count != 1)
        {
            return Refused("letterTemplate.salutation", $"模板的段落“[{LetterFields.SalutationSection}]”应为一行，如“{{申请人}}：”");
        }

        var main = FieldsOf(sections[LetterFields.SalutationSection].Concat(sections[LetterFields.BodySection]));
        if (LetterFields.Required(kind).FirstOrDefault(f => !main.Contains(f)) is { } missing)
        {
            return Refused("letterTemplate.fieldMissing", $"模板缺少必备字段“{{{missing}}}”");
        }

        foreach (var (name, required) in expected)
        {
            var used = FieldsOf(sections[name]);
            if (required.FirstOrDefault(f => !used.Contains(f)) is { } field)
            {
                return Refused("letterTemplate.fieldMissing", $"模板缺少必备字段“{{{field}}}”（段落“[{name}]”）");
            }
        }

        return new LetterTemplate(kind, version, title ?? StandardTitle(kind), text ?? "",
            sections.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value.AsReadOnly(), StringComparer.Ordinal));
    }

    /// <summary>
    /// The paragraphs of <paramref name="section"/> with the fields filled from <paramref name="values"/>; a field that has
    /// no value gives the problem <paramref name="missing"/> makes for it.
    /// </summary>
    internal Result<List<string>> Fill(string section, IReadOnlyDictionary<string, IReadOnlyList<string>> values, Func<string, Problem> missing)
    {
        var paragraphs = new List<string>();
        foreach (var line in Sections[section])
        {
            var fields = Fields(line)!;
            if (fields.FirstOrDefault(f => !values.ContainsKey(f)) is { } absent)
            {
                return missing(absent);
            }

            if (fields.Count == 1 && line == "{" + fields[0] + "}")
            {
                paragraphs.AddRange(values[fields[0]].Where(p => p.Length > 0));
                continue;
            }

            if (Substitute(line, values).Trim() is { Length: > 0 } paragraph)
            {
                paragraphs.Add(paragraph);
            }
        }

        return paragraphs;
    }

    /// <summary>
    /// The line with each field replaced by its value, in one pass: a value that itself contains braces (an applicant's
    /// text) is copied as it is, never read as a field.
    /// </summary>
    private static string Substitute(string line, IReadOnlyDictionary<string, IReadOnlyList<string>> values)
    {
        var filled = new StringBuilder(line.Length * 2);
        var at = 0;
        while (line.IndexOf('{', at) is var open and >= 0)
        {
            var close = line.IndexOf('}', open);
            filled.Append(line, at, open - at).Append(string.Concat(values[line[(open + 1)..close]]));
            at = close + 1;
        }

        return filled.Append(line, at, line.Length - at).ToString();
    }

    /// <summary>The fields named in a line, in order; null when its braces do not pair.</summary>
    private static List<string>? Fields(string line)
    {
        var fields = new List<string>();
        var open = -1;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '{')
            {
                if (open >= 0)
                {
                    return null;
                }

                open = i;
            }
            else if (line[i] == '}')
            {
                if (open < 0 || i == open + 1)
                {
                    return null;
                }

                fields.Add(line[(open + 1)..i]);
                open = -1;
            }
        }

        return open < 0 ? fields : null;
    }

    private static HashSet<string> FieldsOf(IEnumerable<string> lines) => [.. lines.SelectMany(l => Fields(l) ?? [])];

    private static string? Header(string line, string name) =>
        line.StartsWith(name + "：", StringComparison.Ordinal) || line.StartsWith(name + ":", StringComparison.Ordinal)
            ? line[(name.Length + 1)..].Trim()
            : null;

    private static Problem Refused(string code, string message) => Problem.Invalid(code, message);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
