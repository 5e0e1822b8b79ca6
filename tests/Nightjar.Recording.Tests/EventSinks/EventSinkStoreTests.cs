using System.Text.Json;
using Nightjar.Recording.EventSinks;

namespace Nightjar.Recording.Tests.EventSinks;

public sealed class EventSinkStoreTests
{
    [Fact]
    public async Task Create_JournalsOnlyProtectedSecrets_AndSurvivesARestart()
    {
        await using var harness = await SinkHarness.StartAsync();
        var created = await harness.Store.CreateAsync(new EventSinkRequest
        {
            Url = "https://user:url-pa55word@hooks.example.com/x",
            Headers = new Dictionary<string, string> { ["X-Token"] = "header-t0ken" },
            SecretAction = EventSinkSecretAction.Set,
            Secret = "signing-secret-0123456789",
        }, CancellationToken.None);
        created.Status.Should().Be(EventSinkChangeStatus.Ok);
        var id = created.Sink!.Id;
        id.Should().MatchRegex("^[0-9a-f]{16}$");

        var stored = new List<string>();
        await foreach (var e in harness.Journal.ReadEventsAsync(EventSinkStore.PersistenceId, 1, long.MaxValue, CancellationToken.None))
        {
            stored.Add(JsonSerializer.Serialize(e.Payload, e.Payload.GetType()));
        }

        stored.Should().ContainSingle().Which.Should().NotContain("url-pa55word").And.NotContain("header-t0ken").And.NotContain("signing-secret-0123456789");

        await harness.RestartAsync();
        var reloaded = harness.Store.Current.Find(id)!;
        reloaded.Definition.Should().Be(created.Sink.Definition);
        reloaded.EpochStart.Should().Be(created.Sink.EpochStart);
    }

    [Fact]
    public async Task ReplaceAndDelete_UnknownId_AreNotFound_AndInvalidChangesNothing()
    {
        await using var harness = await SinkHarness.StartAsync();
        (await harness.Store.ReplaceAsync("0000000000000000", new EventSinkRequest { Url = "http://h/x" }, CancellationToken.None)).Status.Should().Be(EventSinkChangeStatus.NotFound);
        (await harness.Store.DeleteAsync("0000000000000000", CancellationToken.None)).Status.Should().Be(EventSinkChangeStatus.NotFound);

        var invalid = await harness.Store.CreateAsync(new EventSinkRequest { Url = "file:///etc/passwd" }, CancellationToken.None);
        invalid.Status.Should().Be(EventSinkChangeStatus.Invalid);
        harness.Store.Current.Count.Should().Be(0);
        (await harness.Journal.ReadHighestSequenceNrAsync(EventSinkStore.PersistenceId, CancellationToken.None)).Should().Be(0);
    }
}
