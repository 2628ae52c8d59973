using System.Security.Cryptography;

namespace Gongkai.Web.Accounts;

/// <summary>
/// A password an administrator hands to a new colleague (or after a reset) when they do not choose one: 16 characters
/// with every class the rules ask for (AccountSetup), without look-alikes (0/O, 1/l/I) that a person copies wrongly.
/// </summary>
internal static class InitialPasswords
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "#%+-=@!";
    private const int Length = 16;

    public static string New()
    {
        // One of each class, the rest from all of them, then shuffled: about 95 bits, each class present.
        var all = Upper + Lower + Digits + Symbols;
        var chars = new List<char>
        {
            Upper[RandomNumberGenerator.GetInt32(Upper.Length)],
            Lower[RandomNumberGenerator.GetInt32(Lower.Length)],
            Digits[RandomNumberGenerator.GetInt32(Digits.Length)],
            Symbols[RandomNumberGenerator.GetInt32(Symbols.Length)],
        };
        while (chars.Count < Length)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }

        var shuffled = chars.ToArray();
        RandomNumberGenerator.Shuffle(shuffled.AsSpan());
        return new string(shuffled);
    }
}
