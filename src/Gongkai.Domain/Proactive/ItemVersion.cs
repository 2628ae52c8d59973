namespace Gongkai.Domain.Proactive;

/// <summary>
/// One published version of an item, kept unchanged for ever: what the public saw from <paramref name="PublishedOn"/>
/// until the next version was published or the item was withdrawn, classification included. The last one of a
/// public item is what the portal shows, while a newer version may be in review.
/// </summary>
/// <param name="Number">1 for the first publication, then 2, 3 … for each published update.</param>
/// <param name="FormedOn">The day the information was formed (version 1) or changed (later versions), Art 26.</param>
/// <param name="Review">The approval this version was published under.</param>
public sealed record ItemVersion(
    int Number,
    Guid CategoryId,
    Guid? DivisionId,
    IReadOnlyList<Guid> TopicIds,
    string Title,
    string? DocumentNumber,
    string Body,
    DateOnly FormedOn,
    bool FullTextElectronic,
    IReadOnlyList<Attachment> Attachments,
    string? ProposalNumber,
    DateOnly? RepealedOn,
    DateOnly PublishedOn,
    ConfidentialityReview Review)
{
    // For EF Core, which cannot pass the collections or the review to a constructor; it sets the properties itself.
    private ItemVersion()
        : this(0, Guid.Empty, null, [], "", null, "", default, false, [], null, null, default, null!)
    {
    }
}
