using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Recording.Access;
using Nightjar.Server.Security;
using Nightjar.Server.Tests.Security.Support;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Security;

/// <summary>The key store over a real SQLite journal: persistence, reload, optimistic concurrency between two writers.</summary>
public sealed class ApiKeyStoreTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private TestJournal _journal = null!;

    public async Task InitializeAsync() => _journal = await TestJournal.CreateAsync();

    public async Task DisposeAsync() => await _journal.DisposeAsync();

    [Fact]
    public async Task CreateAndRevoke_ArePersistedAndReloadedByANewStore()
    {
        using var store = Store();
        await store.BootstrapAsync("configured-admin-key-000", CancellationToken.None);
        var viewer = (await store.CreateAsync("screen", "viewer", CancellationToken.None)).GetValueOrThrow();
        var operatorKey = (await store.CreateAsync("nvr", "operator", CancellationToken.None)).GetValueOrThrow();
        (await store.RevokeAsync(operatorKey.Id, CancellationToken.None)).IsValid.Should().BeTrue();

        using var reloaded = Store();
        await reloaded.RefreshAsync(CancellationToken.None);

        reloaded.IsLoaded.Should().BeTrue();
        reloaded.SequenceNr.Should().Be(4);
        reloaded.Current.Verify(viewer.Key)!.Role.Should().Be(Role.Viewer);
        reloaded.Current.Verify(operatorKey.Key).Should().BeNull("revoked");
        reloaded.Current.Verify("configured-admin-key-000")!.Role.Should().Be(Role.Admin);
        (await _journal.Journal.ReadHighestSequenceNrAsync(ApiKeyStore.PersistenceId, CancellationToken.None)).Should().Be(4);
    }

    [Fact]
    public async Task Create_ByAStaleStore_ReloadsOnConflictAndRetriesOnce()
    {
        using var first = Store();
        using var second = Store();
        await first.BootstrapAsync("configured-admin-key-000", CancellationToken.None);
        await second.RefreshAsync(CancellationToken.None);
        var fromFirst = (await first.CreateAsync("one", "viewer", CancellationToken.None)).GetValueOrThrow();

        var fromSecond = await second.CreateAsync("two", "operator", CancellationToken.None);

        fromSecond.IsValid.Should().BeTrue();
        second.SequenceNr.Should().Be(3);
        second.Current.Verify(fromFirst.Key).Should().NotBeNull("the conflict made it read the other writer's key");
        second.Current.Verify(fromSecond.Value!.Key).Should().NotBeNull();
        await first.RefreshAsync(CancellationToken.None);
        first.Current.Verify(fromSecond.Value!.Key)!.Role.Should().Be(Role.Operator);
    }

    [Fact]
    public async Task Revoke_OnOneStore_ReachesTheOtherAtItsNextRefresh()
    {
        using var first = Store();
        using var second = Store();
        await first.BootstrapAsync("configured-admin-key-000", CancellationToken.None);
        var key = (await first.CreateAsync("one", "viewer", CancellationToken.None)).GetValueOrThrow();
        await second.RefreshAsync(CancellationToken.None);
        second.Current.Verify(key.Key).Should().NotBeNull();

        (await first.RevokeAsync(key.Id, CancellationToken.None)).IsValid.Should().BeTrue();
        await second.RefreshAsync(CancellationToken.None);

        second.Current.Verify(key.Key).Should().BeNull();
    }

    [Fact]
    public async Task Revoke_LastAdmin_FailsAndWritesNothing()
    {
        using var store = Store();
        var bootstrap = await store.BootstrapAsync(null, CancellationToken.None);

        var revoke = await store.RevokeAsync(bootstrap.Event!.Id, CancellationToken.None);

        revoke.IsValid.Should().BeFalse();
        revoke.Errors.Should().ContainSingle(e => e.Field == "id");
        store.SequenceNr.Should().Be(1);
        (await _journal.Journal.ReadHighestSequenceNrAsync(ApiKeyStore.PersistenceId, CancellationToken.None)).Should().Be(1);
    }

    [Fact]
    public async Task Bootstrap_OnlyOnAnEmptyStore()
    {
        using var store = Store();
        var first = await store.BootstrapAsync(null, CancellationToken.None);
        using var later = Store();

        var second = await later.BootstrapAsync("configured-admin-key-000", CancellationToken.None);

        first.Status.Should().Be(ApiKeyBootstrapStatus.Generated);
        first.GeneratedKey.Should().StartWith("nj_");
        second.Status.Should().Be(ApiKeyBootstrapStatus.NotNeeded);
        later.Current.Verify("configured-admin-key-000").Should().BeNull("a configured key is ignored once keys exist");
        later.Current.Verify(first.GeneratedKey).Should().NotBeNull();
    }

    [Fact]
    public async Task Create_InvalidInput_WritesNothing()
    {
        using var store = Store();
        await store.BootstrapAsync(null, CancellationToken.None);

        var result = await store.CreateAsync("", "root", CancellationToken.None);

        result.Errors.Select(e => e.Field).Should().BeEquivalentTo(["name", "role"]);
        store.SequenceNr.Should().Be(1);
    }

    private ApiKeyStore Store() => new(_journal.Journal, _time, NullLogger<ApiKeyStore>.Instance);
}
