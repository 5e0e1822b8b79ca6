using Nightjar.Server.Tests.Security.Support;

namespace Nightjar.Server.Tests.Api.Alarms;

/// <summary>The bootstrap admin key of <see cref="SignalsNode"/>.</summary>
internal static class SignalsNodeKeys
{
    public const string Admin = SecureNode.AdminKey;
}
