using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Web.Accounts;

/// <summary>
/// The first-run setup's one-time token (issue 16, 3), as Jupyter or Grafana do: made at each start, printed on the
/// console only while no account exists, asked for by <c>/account/setup</c>, and spent by the first account made. So
/// the first anonymous visitor of a fresh site cannot make themself its administrator: only whoever reads the console.
/// </summary>
public sealed class SetupToken
{
    // No look-alikes (0/O, 1/I/L): the token is read off a console and typed. 20 symbols of 32 = 100 bits.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private readonly byte[] _value;
    private int _spent;

    public SetupToken()
    {
        var symbols = new char[20];
        for (var i = 0; i < symbols.Length; i++)
        {
            symbols[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        Value = string.Join('-', symbols.Chunk(5).Select(c => new string(c)));
        _value = Encoding.ASCII.GetBytes(Normalize(Value));
    }

    /// <summary>The token as printed: four groups of five, e.g. <c>K7QX4-…</c>.</summary>
    public string Value { get; }

    /// <summary>Whether <paramref name="typed"/> is the token (groups, spaces and case aside) and it is not spent yet.</summary>
    public bool Matches(string? typed) =>
        Volatile.Read(ref _spent) == 0 && typed is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Normalize(typed)), _value);

    /// <summary>The first account exists: the token opens nothing any more, even if setup were open again.</summary>
    public void Spend() => Volatile.Write(ref _spent, 1);

    private static string Normalize(string typed) =>
        new([.. typed.Where(c => c is not ('-' or ' ' or '\u3000')).Select(char.ToUpperInvariant)]);
}
