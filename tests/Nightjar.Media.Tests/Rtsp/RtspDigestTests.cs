using System.Text;
using Nightjar.Media.Rtsp;
using Nightjar.Media.Tests.Rtsp.Support;

namespace Nightjar.Media.Tests.Rtsp;

public sealed class RtspDigestTests
{
    [Fact]
    public void VerifyPassword_Rfc2617Example_WithQopAuth_Matches()
    {
        // RFC 2617 §3.5 (the method is GET there; the computation does not care).
        const string header = "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", " +
            "uri=\"/dir/index.html\", qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";

        AuthorizationHeader.TryParse(header, "GET", out var credentials).Should().BeTrue();

        credentials!.Scheme.Should().Be(RtspAuthScheme.Digest);
        credentials.UserName.Should().Be("Mufasa");
        credentials.VerifyPassword("Circle Of Life").Should().BeTrue();
        credentials.VerifyPassword("circle of life").Should().BeFalse();
        credentials.BasicPassword.Should().BeNull("Digest never carries the password");
        credentials.ToString().Should().NotContain("Circle");
    }

    [Fact]
    public void VerifyPassword_WithoutQop_LikeFfmpegAgainstAnRtspServer_Matches()
    {
        var ha1 = DigestMath.Ha1("viewer", "Nightjar", "secret");
        var response = DigestMath.Response(ha1, "abc123", "DESCRIBE", "rtsp://127.0.0.1:8554/cam", null, null, null);
        var header = $"Digest username=\"viewer\", realm=\"Nightjar\", nonce=\"abc123\", uri=\"rtsp://127.0.0.1:8554/cam\", response=\"{response}\"";

        AuthorizationHeader.TryParse(header, "DESCRIBE", out var credentials).Should().BeTrue();

        credentials!.VerifyPassword("secret").Should().BeTrue();
        credentials.VerifyDigestHa1(ha1).Should().BeTrue();
        credentials.VerifyPassword("guess").Should().BeFalse();
        AuthorizationHeader.TryParse(header, "PLAY", out var otherMethod).Should().BeTrue();
        otherMethod!.VerifyPassword("secret").Should().BeFalse("the method is part of the digest");
    }

    [Fact]
    public void TryParse_Basic_ReadsUserAndPassword()
    {
        var header = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("cam:pa:ss"));

        AuthorizationHeader.TryParse(header, "ANNOUNCE", out var credentials).Should().BeTrue();

        credentials!.UserName.Should().Be("cam");
        credentials.BasicPassword.Should().Be("pa:ss");
        credentials.VerifyPassword("pa:ss").Should().BeTrue();
        credentials.VerifyDigestHa1("00").Should().BeFalse();
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Basic !!!notbase64")]
    [InlineData("Basic bm9jb2xvbg==")]
    [InlineData("Digest username=\"a\"")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", algorithm=SHA-256")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth")]
    [InlineData("Digest username=\"unterminated")]
    [InlineData("Bearer abc")]
    public void TryParse_Unusable_IsRejected(string header) => AuthorizationHeader.TryParse(header, "DESCRIBE", out _).Should().BeFalse();

    [Fact]
    public void TryParse_RandomHeaders_NeverThrow()
    {
        var random = new Random(9);
        const string alphabet = "Digest Basic username=\"realm,nonce uri response qop=auth nc cnonce\\=QWxhZGRpbjpvcGVu";
        for (var i = 0; i < 10_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 120)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var act = () => AuthorizationHeader.TryParse(text, "DESCRIBE", out _);
            act.Should().NotThrow();
        }
    }

    [Fact]
    public void Nonces_ExpireAndCannotBeForged()
    {
        var time = new ManualTimeProvider();
        var nonces = new DigestNonces(time, TimeSpan.FromMinutes(5));
        var other = new DigestNonces(time, TimeSpan.FromMinutes(5));
        var nonce = nonces.Issue();
        var tampered = (nonce[0] == '0' ? "1" : "0") + nonce[1..];

        var fresh = nonces.Validate(nonce);
        var foreign = other.Validate(nonce);
        var forged = nonces.Validate(tampered);
        time.Advance(TimeSpan.FromMinutes(6));
        var expired = nonces.Validate(nonce);

        fresh.Should().Be(DigestNonceState.Valid);
        foreign.Should().Be(DigestNonceState.Invalid, "another server instance has another key");
        forged.Should().Be(DigestNonceState.Invalid);
        expired.Should().Be(DigestNonceState.Expired);
        nonces.Validate("zz").Should().Be(DigestNonceState.Invalid);
    }
}
