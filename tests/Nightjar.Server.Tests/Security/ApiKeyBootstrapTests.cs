using System.Net;
using Nightjar.Recording.Access;
using Nightjar.Server.Configuration;
using Nightjar.Server.Security;
using Nightjar.Server.Tests.Security.Support;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Security;

/// <summary>The first admin key: from Auth:BootstrapAdminKey, or generated and printed once on standard output, never logged.</summary>
public sealed class ApiKeyBootstrapTests
{
    private static readonly Uri Keys = new("/api/v1/keys", UriKind.Relative);

    [Fact]
    public async Task ConfiguredKey_BecomesAdminAndNothingIsPrintedOrLogged()
    {
        await using var node = await SecureNode.StartAsync();
        using var admin = node.AdminClient();

        (await admin.GetAsync(Keys)).StatusCode.Should().Be(HttpStatusCode.OK);
        node.Stdout.ToString().Should().BeEmpty();
        node.Services.GetRequiredService<AdminKeyAnnouncer>().GeneratedKey.Should().BeNull();
        node.Services.GetRequiredService<ApiKeyStartupService>().BootstrapStatus.Should().Be(ApiKeyBootstrapStatus.FromConfiguration);
        node.Logs.Entries.Should().Contain(e => e.EventId == SecurityEventIds.BootstrapKeyFromConfiguration);
        node.Logs.AllText.Should().NotContain(SecureNode.AdminKey);
    }

    [Fact]
    public async Task NoConfiguredKey_GeneratesOnePrintedOnceNeverLoggedAndKeptAcrossRestarts()
    {
        using var data = new TempDirectory();
        string key;
        await using (var first = await SecureNode.StartAsync(new SecureNodeOptions { BootstrapKey = null, Data = data }))
        {
            var lines = first.Stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Should().ContainSingle().Which.Should().MatchRegex("^Admin API key \\(shown once\\): nj_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$");
            key = lines[0][AdminKeyAnnouncer.Prefix.Length..];
            first.Services.GetRequiredService<AdminKeyAnnouncer>().GeneratedKey.Should().Be(key, "the demo command reads it there");
            using var admin = first.ClientWithKey(key);
            (await admin.GetAsync(Keys)).StatusCode.Should().Be(HttpStatusCode.OK);
            var keyId = key.Substring(3, 16);
            first.Logs.Entries.Should().Contain(e => e.EventId == SecurityEventIds.BootstrapKeyGenerated && e.Message.Contains(keyId, StringComparison.Ordinal),
                "the log names the key's public id");
            first.Logs.AllText.Should().NotContain(key).And.NotContain(key[20..]);
        }

        await using var second = await SecureNode.StartAsync(new SecureNodeOptions { BootstrapKey = null, Data = data });
        using var again = second.ClientWithKey(key);

        second.Stdout.ToString().Should().BeEmpty("the key is shown once, at the start that created it");
        second.Services.GetRequiredService<ApiKeyStartupService>().BootstrapStatus.Should().Be(ApiKeyBootstrapStatus.NotNeeded);
        (await again.GetAsync(Keys)).StatusCode.Should().Be(HttpStatusCode.OK);
        second.Keys.Current.Keys.Should().ContainSingle();
    }

    [Fact]
    public async Task ConfiguredKey_IsIgnoredOnceKeysExist()
    {
        using var data = new TempDirectory();
        await using (await SecureNode.StartAsync(new SecureNodeOptions { Data = data }))
        {
        }

        await using var node = await SecureNode.StartAsync(new SecureNodeOptions { Data = data, BootstrapKey = "another-admin-key-0123456789" });
        using var other = node.ClientWithKey("another-admin-key-0123456789");
        using var original = node.AdminClient();

        (await other.GetAsync(Keys)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await original.GetAsync(Keys)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UnusableConfiguredKey_StopsTheStartNamingTheSettingButNotTheKey()
    {
        const string nonAscii = "clé-d'administration-42";

        var start = async () => await SecureNode.StartAsync(new SecureNodeOptions { BootstrapKey = nonAscii });

        var error = (await start.Should().ThrowAsync<ConfigurationException>()).Which;
        error.Message.Should().Contain("Auth:BootstrapAdminKey").And.NotContain(nonAscii);
    }
}
