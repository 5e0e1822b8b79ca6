using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Nightjar.Recording.Access;

namespace Nightjar.Recording.Tests.Access;

public sealed class DataProtectionSecretProtectorTests
{
    [Fact]
    public void Protect_HidesTheSecretAndRoundTrips()
    {
        var protector = new DataProtectionSecretProtector(new EphemeralDataProtectionProvider());

        var protectedText = protector.Protect("Sup3rSecret");

        protectedText.Should().NotContain("Sup3rSecret");
        protector.Protect("Sup3rSecret").Should().NotBe(protectedText, "encryption is randomised");
        protector.Unprotect(protectedText).Should().Be("Sup3rSecret");
        protector.Unprotect(protector.Protect(string.Empty)).Should().BeEmpty();
    }

    [Fact]
    public void Unprotect_WithTheSameKeyRingDirectory_WorksAcrossInstances()
    {
        var directory = Directory.CreateTempSubdirectory("nightjar-dp-");
        try
        {
            var first = new DataProtectionSecretProtector(DataProtectionProvider.Create(directory));
            var second = new DataProtectionSecretProtector(DataProtectionProvider.Create(directory));

            second.Unprotect(first.Protect("Sup3rSecret")).Should().Be("Sup3rSecret");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Unprotect_TamperedOrForeignOrGarbage_ThrowsCryptographicException()
    {
        var provider = new EphemeralDataProtectionProvider();
        var protector = new DataProtectionSecretProtector(provider);
        var protectedText = protector.Protect("Sup3rSecret");
        var tampered = protectedText[..^2] + (protectedText[^2] == 'A' ? "BB" : "AA");
        var otherPurpose = provider.CreateProtector("Other").Protect("Sup3rSecret");

        foreach (var bad in new[] { tampered, otherPurpose, "not base64 !!", string.Empty })
        {
            FluentActions.Invoking(() => protector.Unprotect(bad)).Should().Throw<CryptographicException>();
        }
    }
}
