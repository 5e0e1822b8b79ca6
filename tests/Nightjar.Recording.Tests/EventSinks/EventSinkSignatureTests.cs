using System.Security.Cryptography;
using System.Text;
using Nightjar.Recording.EventSinks;

namespace Nightjar.Recording.Tests.EventSinks;

public sealed class EventSinkSignatureTests
{
    private const string Secret = "0123456789abcdef0123";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public void Sign_IsHmacSha256OfTimestampDotBody()
    {
        var body = """{"events":[]}"""u8.ToArray();

        var signature = EventSinkSignature.Sign(Secret, 1_800_000_000, body);

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes("1800000000." + """{"events":[]}""")));
        signature.Should().Be("sha256=" + expected);
    }

    [Fact]
    public void Verify_RightSignatureInWindow_Passes_AndEveryTamperingFails()
    {
        var body = """{"events":[{"id":"0-1"}]}"""u8.ToArray();
        var signature = EventSinkSignature.Sign(Secret, Now.ToUnixTimeSeconds(), body);
        var window = TimeSpan.FromMinutes(5);
        var ts = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        EventSinkSignature.Verify(Secret, ts, signature, body, Now.AddMinutes(4), window).Should().BeTrue();
        EventSinkSignature.Verify(Secret, ts, signature, body, Now.AddMinutes(6), window).Should().BeFalse("a replay after the window");
        EventSinkSignature.Verify(Secret, ts, signature, """{"events":[{"id":"0-2"}]}"""u8.ToArray(), Now, window).Should().BeFalse("a changed body");
        EventSinkSignature.Verify(Secret, "1800000001", signature, body, Now, window).Should().BeFalse("a changed timestamp");
        EventSinkSignature.Verify("another-secret-0123456", ts, signature, body, Now, window).Should().BeFalse("another secret");
        EventSinkSignature.Verify(Secret, "-5", signature, body, Now, window).Should().BeFalse();
        EventSinkSignature.Verify(Secret, ts, null, body, Now, window).Should().BeFalse();
    }
}
