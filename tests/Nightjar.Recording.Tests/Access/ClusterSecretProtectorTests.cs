using System.Security.Cryptography;
using System.Text;
using Nightjar.Recording.Access;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Access;

public sealed class ClusterSecretProtectorTests
{
    private static readonly byte[] ClusterKey = Encoding.UTF8.GetBytes("a shared cluster key of the site");

    [Fact]
    public void Unprotect_OnAnotherNodeWithTheSameClusterKey_ReadsTheSecret()
    {
        // Each node has its own key ring; the camera moves to a node that did not protect its password.
        var nodeA = new ClusterSecretProtector(ClusterKey, Protectors.Create());
        var nodeB = new ClusterSecretProtector(ClusterKey, Protectors.Create());

        var stored = nodeA.Protect("Pa55 wörd:1");

        nodeB.Unprotect(stored).Should().Be("Pa55 wörd:1");
        stored.Should().StartWith(ClusterSecretProtector.Prefix).And.NotContain("Pa55");
        nodeA.Protect("Pa55 wörd:1").Should().NotBe(stored, "every secret gets a fresh nonce");
    }

    [Fact]
    public void Unprotect_UnderAnotherClusterKey_Throws()
    {
        var stored = new ClusterSecretProtector(ClusterKey).Protect("secret");
        var other = new ClusterSecretProtector(Encoding.UTF8.GetBytes("the key of another site"));

        var act = () => other.Unprotect(stored);

        act.Should().Throw<CryptographicException>().WithMessage("*another cluster key*");
    }

    [Fact]
    public void Unprotect_SecretFromBeforeTheCluster_IsReadByTheNodesOwnRing()
    {
        var ring = Protectors.Create();
        var before = ring.Protect("old password");

        new ClusterSecretProtector(ClusterKey, ring).Unprotect(before).Should().Be("old password");
        var withoutRing = () => new ClusterSecretProtector(ClusterKey).Unprotect(before);
        withoutRing.Should().Throw<CryptographicException>();
    }

    [Fact]
    public void Unprotect_EveryFlippedBitAndTruncation_ThrowsCryptographicExceptionOnly()
    {
        var protector = new ClusterSecretProtector(ClusterKey);
        var stored = protector.Protect("secret");
        var payload = stored[ClusterSecretProtector.Prefix.Length..];
        for (var i = 0; i < payload.Length; i++)
        {
            var flipped = payload.ToCharArray();
            flipped[i] = flipped[i] == 'A' ? 'B' : 'A';
            Throws(protector, ClusterSecretProtector.Prefix + new string(flipped));
            Throws(protector, stored[..(ClusterSecretProtector.Prefix.Length + i)]);
        }
    }

    [Fact]
    public void Unprotect_RandomText_ThrowsCryptographicExceptionOnly()
    {
        var protector = new ClusterSecretProtector(ClusterKey, Protectors.Create());
        var random = new Random(7);
        const string alphabet = "AZaz09-_=+/. \u00e9";
        for (var i = 0; i < 500; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            Throws(protector, (i % 2 == 0 ? ClusterSecretProtector.Prefix : string.Empty) + text);
        }
    }

    [Fact]
    public void Constructor_EmptyClusterKey_Throws()
    {
        var act = () => new ClusterSecretProtector([]);

        act.Should().Throw<ArgumentException>();
    }

    private static void Throws(ClusterSecretProtector protector, string text)
    {
        var act = () => protector.Unprotect(text);
        act.Should().Throw<CryptographicException>($"'{text}' is not a secret of this cluster");
    }
}
