using Nightjar.Recording.Cameras;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Cameras;

public sealed class CredentialsTests
{
    [Fact]
    public void ToString_NeverShowsThePassword()
    {
        var credentials = new Credentials("admin", "Sup3rSecret");

        credentials.ToString().Should().NotContain("Sup3rSecret").And.Contain("admin").And.Contain("***");
        new Credentials("admin", string.Empty).ToString().Should().Contain("(none)");
    }

    [Fact]
    public void Protect_ThenUnprotect_RoundTripsAndHidesThePassword()
    {
        var protector = Protectors.Create();
        var plain = new Credentials("admin", "Sup3rSecret");

        var stored = plain.Protect(protector);

        stored.IsProtected.Should().BeTrue();
        stored.Password.Should().NotContain("Sup3rSecret");
        stored.Username.Should().Be("admin");
        stored.ToString().Should().NotContain(stored.Password);
        stored.Protect(protector).Should().BeSameAs(stored, "protecting twice would make the password unreadable");
        stored.Unprotect(protector).Should().Be(plain);
        plain.Unprotect(protector).Should().Be(plain);
    }

    [Fact]
    public void Protect_EmptyPassword_StaysEmpty()
    {
        var stored = new Credentials("admin", string.Empty).Protect(Protectors.Create());

        stored.HasPassword.Should().BeFalse();
        stored.IsProtected.Should().BeTrue();
    }

    [Fact]
    public void Unprotect_WithAnotherKeyRing_ThrowsCryptographicException()
    {
        var stored = new Credentials("admin", "Sup3rSecret").Protect(Protectors.Create());

        FluentActions.Invoking(() => stored.Unprotect(Protectors.Create()))
            .Should().Throw<System.Security.Cryptography.CryptographicException>();
    }
}
