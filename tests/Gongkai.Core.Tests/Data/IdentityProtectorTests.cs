using System.Security.Cryptography;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Protection;

namespace Gongkai.Core.Tests.Data;

public sealed class IdentityProtectorTests
{
    private static readonly IdentityProtector Protector = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private const string Number = "11010519491231002X";

    [Fact]
    public void Protect_RoundTrip_NumberBackAndNotInTheCiphertext()
    {
        var sealed1 = Protector.Protect(Number);
        var sealed2 = Protector.Protect(Number);

        Assert.Equal(Number, Protector.Unprotect(sealed1));
        Assert.NotEqual(sealed1, sealed2); // a fresh nonce each time
        Assert.DoesNotContain("19491231", sealed1, StringComparison.Ordinal);
    }

    [Fact]
    public void Unprotect_AlteredCiphertext_Throws()
    {
        var sealedText = Protector.Protect(Number);
        var bytes = Convert.FromBase64String(sealedText[3..]);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect("v1." + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void Unprotect_OtherKey_Throws()
    {
        var other = new IdentityProtector(new byte[32]);

        Assert.ThrowsAny<CryptographicException>(() => other.Unprotect(Protector.Protect(Number)));
    }

    [Fact]
    public void Fingerprint_SameNumberSameValue_KeyedAndNotTheNumber()
    {
        Assert.Equal(Protector.Fingerprint(Number), Protector.Fingerprint(Number));
        Assert.NotEqual(Protector.Fingerprint(Number), new IdentityProtector(new byte[32]).Fingerprint(Number));
        Assert.NotEqual(Protector.Fingerprint(Number), Protector.Fingerprint("110105194912310021"));
    }

    [Fact]
    public void ForDatabase_SqliteWithoutKeyVariable_CreatesOwnerOnlyKeyFileOnceAndReusesIt()
    {
        Assert.SkipUnless(string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(IdentityProtector.KeyVariable)),
            $"{IdentityProtector.KeyVariable} is set in this environment: the key comes from it, no key file is made");
        using var temp = new TempFolder("gongkai-key-");
        var folder = temp.Path;
        var target = DatabaseTarget.Resolve(Path.Combine(folder, "gongkai.db"));
        var first = IdentityProtector.ForDatabase(target);
        var second = IdentityProtector.ForDatabase(target);

        Assert.Equal(Number, second.Unprotect(first.Protect(Number)));
        var keyFile = Path.Combine(folder, "gongkai.db.key");
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
    }
}
