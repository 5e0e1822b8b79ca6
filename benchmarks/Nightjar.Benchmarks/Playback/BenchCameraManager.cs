using System.Collections.Immutable;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Policies;
using Nightjar.Recording.Runtime;

namespace Nightjar.Benchmarks.Playback;

/// <summary>One camera, <c>lobby</c> with its stream <c>main</c>; commands are not benchmarked.</summary>
internal sealed class BenchCameraManager : ICameraManager
{
    public CameraRegistry Registry { get; } = CameraRegistry.Empty.Apply(new CameraAdded(new CameraDefinition(
        new CameraId("lobby"),
        "Lobby",
        [new StreamDefinition("main", "rtsp://127.0.0.1:8554/lobby", null, 1000)],
        DvrPolicy.Default,
        null,
        ImmutableSortedDictionary<string, string>.Empty)));

    public Task<CameraCommandResult> AddAsync(CameraDefinition definition, CancellationToken cancellationToken) =>
        Task.FromResult(CameraCommandResult.Conflict("read-only in benchmarks"));

    public Task<CameraCommandResult> ReplaceAsync(CameraDefinition definition, CancellationToken cancellationToken) =>
        Task.FromResult(CameraCommandResult.NotFound("read-only in benchmarks"));

    public Task<CameraCommandResult> RemoveAsync(CameraId id, CancellationToken cancellationToken) =>
        Task.FromResult(CameraCommandResult.NotFound("read-only in benchmarks"));

    public Task<CameraStatus?> GetStatusAsync(CameraId id, CancellationToken cancellationToken) =>
        Task.FromResult<CameraStatus?>(null);
}
