using Microsoft.AspNetCore.DataProtection;
using Nightjar.Recording.Access;

namespace Nightjar.Recording.Tests.Support;

/// <summary>Real Data Protection with an in-memory key ring, as the tests' credential protector.</summary>
internal static class Protectors
{
    public static ISecretProtector Create() => new DataProtectionSecretProtector(new EphemeralDataProtectionProvider());
}
