using System.Collections.Immutable;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Nightjar.Persistence;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Policies;
using Nightjar.Server.Tests.Security.Support;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Api.Alarms;

/// <summary>
/// One node for the alarm, trigger, lock and recordings tests: fake cameras, a manual clock, an operator and a viewer
/// key. Each test adds its own cameras (<see cref="AddCameraAsync"/>), so tests sharing the node never see each other's events.
/// </summary>
public sealed class SignalsNode : IAsyncLifetime
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private int _cameras;

    internal SecureNode Node { get; private set; } = null!;

    internal ManualTimeProvider Time { get; } = new(T0);

    public string OperatorKey { get; private set; } = null!;

    public string ViewerKey { get; private set; } = null!;

    public IEventJournal Journal => Node.Services.GetRequiredService<IEventJournal>();

    public async Task InitializeAsync()
    {
        Node = await SecureNode.StartAsync(new SecureNodeOptions { Time = Time, MediaProbes = false });
        OperatorKey = (await Node.CreateKeyAsync("operator", "door controller")).Key;
        ViewerKey = (await Node.CreateKeyAsync("viewer", "wall screen")).Key;
    }

    public async Task DisposeAsync() => await Node.DisposeAsync();

    /// <summary>Adds a camera with a fresh id (and the given alarm windows) and returns its id.</summary>
    public async Task<string> AddCameraAsync(TimeSpan? preAlarm = null, TimeSpan? postAlarm = null)
    {
        var id = "cam-" + Interlocked.Increment(ref _cameras);
        var definition = new CameraDefinition(
            new CameraId(id),
            id,
            [new StreamDefinition("main", "rtsp://10.0.0.9/stream1", null, null)],
            new DvrPolicy(DepthLimit.Unlimited, null, null, preAlarm ?? DvrPolicy.DefaultPreAlarm, postAlarm ?? DvrPolicy.DefaultPostAlarm),
            null,
            ImmutableSortedDictionary<string, string>.Empty);
        (await Node.Cameras.AddAsync(definition, CancellationToken.None)).Status.Should().Be(Nightjar.Recording.Runtime.CameraCommandStatus.Ok);
        return id;
    }

    /// <summary>A client with <paramref name="key"/> as Bearer key, or without credentials when null.</summary>
    public HttpClient Client(string? key)
    {
        var client = Node.App.GetTestClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>A client sending HTTP Basic auth with <paramref name="password"/>.</summary>
    public HttpClient BasicClient(string user, string password)
    {
        var client = Node.App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        return client;
    }

    /// <summary>Every event journaled under <paramref name="persistenceId"/>.</summary>
    public async Task<List<object>> EventsAsync(string persistenceId)
    {
        var events = new List<object>();
        await foreach (var e in Journal.ReadEventsAsync(persistenceId, 1, long.MaxValue, CancellationToken.None))
        {
            events.Add(e.Payload);
        }

        return events;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
