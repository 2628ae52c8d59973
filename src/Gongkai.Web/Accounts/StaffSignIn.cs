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

    /// <summary>The answer to a sign-in (or a password check) held back for <paramref name="wait"/>.</summary>
    public static string ThrottledMessage(TimeSpan wait) =>
        $"登录失败次数过多，请{Math.Ceiling(wait.TotalMinutes):0}分钟后再试；在本人曾成功登录的浏览器上登录不受此限制";

    /// <summary>How long a password check for <paramref name="userName"/> from this request must wait (zero: none).</summary>
    public TimeSpan Wait(HttpContext context, string userName) => throttle.Wait(AttemptOf(context, userName));

    /// <summary>A wrong password given elsewhere than the sign-in (the current one, to change it) counts as a failed sign-in.</summary>
    public void Failed(HttpContext context, string userName) => throttle.Failed(AttemptOf(context, userName));

    public async Task<Answer> SignInAsync(HttpContext context, string userName, string password)
    {
        var users = signIn.UserManager;
        var attempt = AttemptOf(context, userName);
        var normalized = attempt.NormalizedName;
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

    private LoginThrottle.Attempt AttemptOf(HttpContext context, string userName)
    {
        var normalized = signIn.UserManager.NormalizeName(userName.Trim()) ?? "";
        return new LoginThrottle.Attempt(normalized, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", TrustedDevice.Read(context, protection, normalized));
    }
}
