namespace Gongkai.Domain.Article20;

/// <summary>
/// What <see cref="Article20Counts"/> needs to know of one 规章 or 规范性文件 in the catalogue.
/// </summary>
/// <param name="FormedOn">The day the document was made (制作) or issued (制发): its 成文 / 印发 date.</param>
/// <param name="PublishedOn">The day it was proactively disclosed, if it was.</param>
/// <param name="RepealedOn">The day it ceased to be in force (废止), if it did.</param>
public readonly record struct RegulatoryItemFact(
    RegulatoryItemKind Kind, DateOnly FormedOn, DateOnly? PublishedOn = null, DateOnly? RepealedOn = null);
