using Gongkai.Core.Data;
using Gongkai.Core.Data.Files;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// What staff recorded when they registered an application (<see cref="RegisterApplication"/>), for the application
/// page and the 接收回执, and the scan of the paper form. Null for an application lodged online or imported. Not scoped
/// to an agency: the caller has checked the reader's access to the application.
/// </summary>
public static class IntakeDetail
{
    public static Task<RequestIntake?> ForRequestAsync(GongkaiDbContext db, Guid requestId, CancellationToken cancellationToken = default) =>
        db.Intakes.AsNoTracking().FirstOrDefaultAsync(i => i.RequestId == requestId, cancellationToken);

    /// <summary>The scan's bytes with its name and media type; null when there is none or the stored file no longer matches its hash.</summary>
    public static async Task<(byte[] Content, string FileName, string MediaType)?> ScanAsync(
        GongkaiDbContext db, AttachmentStore store, Guid requestId, CancellationToken cancellationToken = default)
    {
        var intake = await ForRequestAsync(db, requestId, cancellationToken);
        if (intake?.ScanSha256 is not { } sha256 || await store.ReadAsync(sha256, cancellationToken) is not { } content)
        {
            return null;
        }

        return (content, intake.ScanFileName ?? "scan", intake.ScanMediaType ?? "application/octet-stream");
    }
}
