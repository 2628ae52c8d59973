using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Data.Protection;

/// <summary>
/// The data step of issue 13: applicants' phone, e-mail and address were stored in clear before; they are encrypted at
/// rest since (<see cref="RequestMapping"/>). A migration cannot encrypt (the key is outside the database), so after
/// migrations were applied to an existing database, every contact value that is not already sealed with this key is
/// sealed here, in one transaction. Run by <see cref="GongkaiDatabase.OpenAndMigrateAsync"/>; running it again changes nothing.
/// </summary>
internal static class ContactEncryption
{
    private sealed record Row(Guid Id, string? Phone, string? Email, string? Address);

    /// <returns>The number of requests whose contact details were sealed.</returns>
    public static async Task<int> SealPlainValuesAsync(GongkaiDbContext db, CancellationToken cancellationToken = default)
    {
        var rows = await db.Database.SqlQueryRaw<Row>(
                """
                SELECT id AS "Id", contact_phone AS "Phone", contact_email AS "Email", contact_address AS "Address" FROM requests
                WHERE contact_phone IS NOT NULL OR contact_email IS NOT NULL OR contact_address IS NOT NULL
                """)
            .ToListAsync(cancellationToken);
        var plain = rows.Where(r => !IsSealed(db.Protector, r.Phone) || !IsSealed(db.Protector, r.Email) || !IsSealed(db.Protector, r.Address)).ToList();
        if (plain.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in plain)
        {
            var phone = Seal(db.Protector, row.Phone);
            var email = Seal(db.Protector, row.Email);
            var address = Seal(db.Protector, row.Address);
            await db.Database.ExecuteSqlAsync(
                $"UPDATE requests SET contact_phone = {phone}, contact_email = {email}, contact_address = {address} WHERE id = {row.Id}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return plain.Count;
    }

    private static string? Seal(IdentityProtector protector, string? value) =>
        value is null || IsSealed(protector, value) ? value : protector.Protect(value);

    private static bool IsSealed(IdentityProtector protector, string? value)
    {
        if (value is null)
        {
            return true;
        }

        try
        {
            protector.Unprotect(value);
            return true;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
