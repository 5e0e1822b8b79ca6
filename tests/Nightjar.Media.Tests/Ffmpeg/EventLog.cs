using System.Collections.Concurrent;
using Nightjar.Media.Ffmpeg;
using Nightjar.Media.Tests.TestCameras;

namespace Nightjar.Media.Tests.Ffmpeg;

/// <summary>A thread-safe sink for supervisor events with explicit wait points.</summary>
internal sealed class EventLog
{
    private readonly ConcurrentQueue<ISupervisorEvent> _events = new();

    public void Add(ISupervisorEvent e) => _events.Enqueue(e);

    public IReadOnlyList<ISupervisorEvent> All => [.. _events];

    public IReadOnlyList<T> Of<T>() => [.. _events.OfType<T>()];

    public Task<T> WaitForAsync<T>(Func<T, bool> match, TimeSpan? deadline = null, string? because = null)
        where T : class, ISupervisorEvent =>
        Eventually.WaitForAsync(() => _events.OfType<T>().FirstOrDefault(match), deadline ?? TimeSpan.FromSeconds(20), because ?? $"a matching {typeof(T).Name}");
}
