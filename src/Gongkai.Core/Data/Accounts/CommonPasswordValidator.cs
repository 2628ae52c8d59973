using Microsoft.AspNetCore.Identity;

namespace Gongkai.Core.Data.Accounts;

/// <summary>
/// Refuses passwords that are common, breached or built from a common word with the usual decorations
/// (<c>Password#2026</c>, <c>P@ssw0rd12345!</c>, <c>Welcome#2026</c>), or from the account's own names (OWASP ASVS
/// 2.1.7). The lists ship with the site: zxcvbn's (passwords leaked in breaches, common words and names, keyboard runs,
/// years and dates, l33t spellings), matched by its pattern search; a password is refused when zxcvbn scores it below
/// <see cref="MinimumScore"/> (3: "safely unguessable", about 10^8 guesses or more). The length and character rules of
/// <see cref="StaffIdentity"/> still apply first.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    public const int MinimumScore = 3;

    public const string Code = "PasswordTooCommon";

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            // The required-length rule says what is wrong with an empty password.
            return Task.FromResult(IdentityResult.Success);
        }

        return Task.FromResult(IsTooCommon(password, [user.UserName ?? "", user.DisplayName])
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = "密码过于常见或容易猜到（如常用词加年份、符号），请换一个" })
            : IdentityResult.Success);
    }

    /// <summary>Whether zxcvbn finds the password guessable, given words of the account a guesser would try first.</summary>
    public static bool IsTooCommon(string password, IEnumerable<string> accountWords)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Zxcvbn.Zxcvbn.MatchPassword(password, accountWords.Where(w => w.Length > 0)).Score < MinimumScore;
    }
}
