using Gongkai.Domain.Requests;

namespace Gongkai.Core.Data;

/// <summary>
/// One row a registered application (issue 13): the staff-side facts of its channel (<see cref="IntakeFacts"/>), the
/// Art 31 receipt rule shown when it was registered, who registered it, and the scan of the paper form, if any (kept in
/// the <see cref="Files.AttachmentStore"/> by its SHA-256). Online applications and ledger imports have none.
/// </summary>
public sealed class RequestIntake
{
    public Guid RequestId { get; init; }

    public Channel Channel { get; init; }

    public DateOnly SubmittedOn { get; init; }

    public string? PostalNumber { get; init; }

    public DateTimeOffset? MailReceivedAt { get; init; }

    public DateOnly? ConfirmedOn { get; init; }

    public string? FilledInBy { get; init; }

    public required string ReceiptRule { get; init; }

    public required string RegisteredBy { get; init; }

    public required string RegisteredByName { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    public string? ScanSha256 { get; init; }

    public string? ScanFileName { get; init; }

    public string? ScanMediaType { get; init; }

    public long? ScanSize { get; init; }
}
