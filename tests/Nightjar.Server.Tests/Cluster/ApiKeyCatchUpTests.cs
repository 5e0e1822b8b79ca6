using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nightjar.Persistence;
using Nightjar.Recording.Access;
using Nightjar.Server.Security;
using Nightjar.Server.Tests.Security.Support;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Cluster;

/// <summary>API keys written by one node work on another that shares the journal (on demand, and periodically).</summary>
public sealed class ApiKeyCatchUpTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private TestJournal _journal = null!;

    public async Task InitializeAsync() => _journal = await TestJournal.CreateAsync();

    public async Task DisposeAsync() => await _journal.DisposeAsync();

    [Fact]
    public async Task CatchUpForUnknownKey_ReadsAtMostOncePerSpacing_AndCallersWithinItShareTheRead()
    {
        using var writer = Store();
        using var reader = Store();
        await writer.BootstrapAsync("catch-up-admin-key-0000000", CancellationToken.None);
        await reader.RefreshAsync(CancellationToken.None);
        var first = (await writer.CreateAsync("a", "viewer", CancellationToken.None)).GetValueOrThrow();

        reader.Current.Verify(first.Key).Should().BeNull("the reader has not read the journal since");
        (await reader.CatchUpForUnknownKeyAsync(CancellationToken.None)).Should().BeTrue();
        reader.Current.Verify(first.Key)!.Role.Should().Be(Role.Viewer);

        var second = (await writer.CreateAsync("b", "operator", CancellationToken.None)).GetValueOrThrow();
        _time.Advance(TimeSpan.FromMilliseconds(900));
        await reader.CatchUpForUnknownKeyAsync(CancellationToken.None);
        reader.Current.Verify(second.Key).Should().BeNull("a second read within a second is not made: made-up ids cannot flood the journal");

        _time.Advance(TimeSpan.FromMilliseconds(100));
        await reader.CatchUpForUnknownKeyAsync(CancellationToken.None);
        reader.Current.Verify(second.Key)!.Role.Should().Be(Role.Operator);
    }

    [Fact]
    public async Task CatchUpForUnknownKey_WhenTurnedOff_ReadsNothing()
    {
        using var writer = Store();
        using var reader = Store(new ApiKeyStoreOptions { UnknownKeyCatchUpSpacing = null });
        await writer.BootstrapAsync("catch-up-admin-key-0000000", CancellationToken.None);
        await reader.RefreshAsync(CancellationToken.None);
        var key = (await writer.CreateAsync("a", "viewer", CancellationToken.None)).GetValueOrThrow();

        (await reader.CatchUpForUnknownKeyAsync(CancellationToken.None)).Should().BeFalse();
        reader.Current.Verify(key.Key).Should().BeNull();
    }

    [Fact]
    public async Task KeyCreatedOnOneNode_AuthenticatesOnAnotherAtOnce_WithoutPeriodicRefresh()
    {
        await using var a = await StartNodeAsync(o => o.RefreshInterval = null);
        await using var b = await StartNodeAsync(o => o.RefreshInterval = null);
        var key = await CreateKeyAsync(a, "viewer");

        using var client = b.App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.GetAsync(new Uri("/api/v1/cameras", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "node b reads the journal before refusing a key id it has never seen");
    }

    [Fact]
    public async Task KeyCreatedOnOneNode_ReachesAnotherByThePeriodicRefresh_WithinTwoSeconds()
    {
        await using var a = await StartNodeAsync(o => o.RefreshInterval = TimeSpan.FromSeconds(1));
        await using var b = await StartNodeAsync(o =>
        {
            o.RefreshInterval = TimeSpan.FromSeconds(1);
            o.UnknownKeyCatchUpSpacing = null;
        });
        var key = await CreateKeyAsync(a, "operator");
        ApiKeys.TryGetId(key, out var id).Should().BeTrue();
        var store = b.Services.GetRequiredService<ApiKeyStore>();

        await Wait.UntilAsync(() => store.Current.Find(id!) is not null, TimeSpan.FromSeconds(3), "node b's periodic refresh to load the key");
    }

    private ApiKeyStore Store(ApiKeyStoreOptions? options = null) =>
        new(_journal.Journal, _time, NullLogger<ApiKeyStore>.Instance, Options.Create(options ?? new ApiKeyStoreOptions()));

    private Task<TestNode> StartNodeAsync(Action<ApiKeyStoreOptions> configure) =>
        TestNode.StartAsync(configure: builder =>
        {
            builder.Services.AddSingleton<IEventJournal>(_journal.Journal);
            builder.Services.Configure(configure);
        });

    private static async Task<string> CreateKeyAsync(TestNode node, string role)
    {
        using var response = await node.Client.PostAsync(
            new Uri("/api/v1/keys", UriKind.Relative),
            new StringContent($$"""{"name":"from-a","role":"{{role}}"}""", System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("key").GetString()!;
    }
}
