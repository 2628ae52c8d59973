namespace Gongkai.Domain.Letters;

/// <summary>
/// A letter as it is printed, whatever the output (DOCX, PDF, the print view): what the renderers take. Built from
/// the letter's template and the case (spec/letters.md §2); an issued letter's document never changes.
/// </summary>
/// <param name="Title">The kind's title, e.g. 政府信息公开申请答复书.</param>
/// <param name="Number">The 文号, e.g. 东外联依申复〔2026〕第3号.</param>
/// <param name="Addressee">The salutation line with its colon, e.g. 张三：.</param>
/// <param name="Paragraphs">The body, one paragraph each, in order: the facts, the decision, the legal basis, the
/// reasons, the remedy clause, the contact.</param>
/// <param name="Signatory">The agency's full name (the seal goes on the print).</param>
/// <param name="IssuedOn">The date of issue, printed in Chinese numerals (二〇二六年十二月四日).</param>
public sealed record LetterDocument(string Title, string Number, string Addressee, IReadOnlyList<string> Paragraphs, string Signatory, DateOnly IssuedOn)
{
    /// <summary>
    /// A line printed above the title when the letter is not an original: a reconstruction from the records of a case
    /// closed before letters existed, or a correction naming the letter it replaces.
    /// </summary>
    public string? Mark { get; init; }

    /// <summary>The date of issue as printed under the signature: 二〇二六年十二月四日.</summary>
    public string IssuedOnText => Common.ChineseDate.Numerals(IssuedOn);

    /// <summary>
    /// The letter as plain text, one line each — mark (if any), title, 文号, addressee, paragraphs, signatory, date of
    /// issue — the text every output must read back to and the text to hash.
    /// </summary>
    public string PlainText() =>
        string.Join('\n', new[] { Mark, Title, Number, Addressee }.OfType<string>().Concat(Paragraphs).Append(Signatory).Append(IssuedOnText));

    /// <summary>The version of the template the letter was composed from (<see cref="LetterTemplate.Version"/>), kept with the letter.</summary>
    public int TemplateVersion { get; init; }
}
