using Nightjar.Recording.Access;

namespace Nightjar.Recording.Tests.Access;

public sealed class ApiKeyBootstrapTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Run_EmptyRegistryWithoutConfiguration_GeneratesAnAdminKeyToPrintOnce()
    {
        var result = ApiKeyBootstrap.Run(ApiKeyRegistry.Empty, configuredKey: null, Now);

        result.Status.Should().Be(ApiKeyBootstrapStatus.Generated);
        result.GeneratedKey.Should().StartWith(ApiKeys.Prefix);
        result.ToString().Should().NotContain(result.GeneratedKey);
        var registry = ApiKeyRegistry.Empty.Apply(result.Event!);
        registry.Verify(result.GeneratedKey)!.Role.Should().Be(Role.Admin);
        registry.Find(result.Event!.Id)!.Name.Should().Be(ApiKeyBootstrap.KeyName);
    }

    [Theory]
    [InlineData("correct-horse-battery-staple-42")]
    [InlineData("nj_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Run_EmptyRegistryWithConfiguredKey_MakesThatKeyAdmin(string configured)
    {
        var result = ApiKeyBootstrap.Run(ApiKeyRegistry.Empty, configured, Now);

        result.Status.Should().Be(ApiKeyBootstrapStatus.FromConfiguration);
        result.GeneratedKey.Should().BeNull();
        ApiKeyRegistry.Empty.Apply(result.Event!).Verify(configured)!.Role.Should().Be(Role.Admin);
    }

    [Fact]
    public void Run_RegistryWithKeys_DoesNothing()
    {
        var registry = ApiKeyRegistry.Empty.Apply(ApiKeyBootstrap.Run(ApiKeyRegistry.Empty, null, Now).Event!);

        var result = ApiKeyBootstrap.Run(registry, "correct-horse-battery-staple-42", Now);

        result.Should().Be(new ApiKeyBootstrapResult(ApiKeyBootstrapStatus.NotNeeded, null, null, null));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has spaces but is long enough")]
    public void Run_UnusableConfiguredKey_IsAnErrorThatDoesNotEchoIt(string configured)
    {
        var result = ApiKeyBootstrap.Run(ApiKeyRegistry.Empty, configured, Now);

        result.Status.Should().Be(ApiKeyBootstrapStatus.InvalidConfiguredKey);
        result.Event.Should().BeNull();
        result.Error.Should().NotContain(configured);
    }
}
