namespace Gongkai.Domain.Proactive;

/// <summary>
/// A passed 保密审查 (条例 Art 17) of one version of an item: who approved it, when, and a SHA-256 of the content
/// they saw. Publication checks that the approval is of the version about to go out and that the content is still
/// what was approved, so an edit that bypassed the workflow (a row changed in the database) cannot be published.
/// </summary>
/// <param name="AttachmentHashes">The SHA-256 of each attachment of the version the reviewer approved, in the version's
/// order, separated by spaces ("" for none); null for an approval recorded before the reviewer could open attachments.</param>
/// <param name="Imported">True when the review was recorded in an office's own 台账 before the item was imported;
/// the reviewer is then whoever imported it.</param>
public sealed record ConfidentialityReview(
    int Version, string ReviewerId, string ReviewerName, DateOnly ReviewedOn, string ContentHash, bool Imported = false, string? AttachmentHashes = null)
{
    /// <summary>The approved attachments' hashes one by one (empty when none, or none recorded).</summary>
    public IReadOnlyList<string> AttachmentHashList => (AttachmentHashes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
