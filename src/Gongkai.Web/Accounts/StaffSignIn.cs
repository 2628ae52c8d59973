using Gongkai.Core.Data.Accounts;
using Gongkai.Core.Features.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Accounts;

/// <summary>
/// Staff sign-in with a password (issue 16, 1). Nothing in the answer or its time says whether a user name exists:
/// an unknown name's password is hashed against a dummy hash like a real one, and the failure counters are kept per
/// name typed (<see cref="LoginThrottle"/>). Identity's lockout after failed sign-ins is not used, since anyone could
/// trigger it; an administrator's lock (<c>LockoutEnd</c>) is told only to whoever gives the right password.
/// </summary>
public sealed class StaffSignIn(
    SignInManager<StaffUser> signIn, LoginThrottle throttle, IDataProtectionProvider protection)
{
    public enum Outcome
    {
        SignedIn,

        /// <summary>Wrong password or unknown name: the same answer.</summary>
        Refused,

        /// <summary>Too many failures: the password was not looked at.</summary>
        Throttled,

        /// <summary>The right password for an account an administrator locked.</summary>
        LockedByAdministrator,
    }

    public sealed record Answer(Outcome Outcome, TimeSpan Wait);

    // A hash of a random password made with the site's own hasher (same algorithm and iteration count as the accounts'):
    // verifying against it costs what verifying a real account's password costs. Made once per process.
    private static string? _dummyHash;

    public async Task<Answer> SignInAsync(HttpContext context, string userName, string password)
    {
        var users = signIn.UserManager;
        var normalized = users.NormalizeName(userName.Trim()) ?? "";
        var attempt = new LoginThrottle.Attempt(normalized, context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            TrustedDevice.Read(context, protection, normalized));
        if (throttle.Wait(attempt) is var wait && wait > TimeSpan.Zero)
        {
            return new Answer(Outcome.Throttled, wait);
        }

        var user = await users.FindByNameAsync(normalized);
        bool correct;
        if (user is null)
        {
            // The same work as a real account's check: no fast "unknown name" answer.
            var nobody = new StaffUser();
            _dummyHash ??= users.PasswordHasher.HashPassword(nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
            _ = users.PasswordHasher.VerifyHashedPassword(nobody, _dummyHash, password);
            correct = false;
        }
        else
        {
            correct = await users.CheckPasswordAsync(user, password);
        }

        if (!correct || user is null)
        {
            throttle.Failed(attempt);
            return new Answer(Outcome.Refused, TimeSpan.Zero);
        }

        throttle.Succeeded(attempt);
        TrustedDevice.Write(context, protection, normalized, attempt.DeviceId);
        // An administrator's lock; a temporary lockout left by the sign-in of earlier versions no longer counts.
        if (user.LockoutEnd >= StaffUserLine.LockedForever)
        {
            return new Answer(Outcome.LockedByAdministrator, TimeSpan.Zero);
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return new Answer(Outcome.SignedIn, TimeSpan.Zero);
    }
}
