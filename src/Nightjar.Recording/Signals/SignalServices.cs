using Microsoft.Extensions.Logging;
using Nightjar.Actors.Persistence;
using Nightjar.Recording.Protection;
using Nightjar.Recording.Runtime;

namespace Nightjar.Recording.Signals;

/// <summary>What every camera's <see cref="SignalActor"/> shares.</summary>
internal sealed record SignalServices(
    IEventStore EventStore,
    ICameraManager Cameras,
    SignalPipelineOptions Options,
    SignalMetrics Metrics,
    IJournalWriteObserver? Observer,
    ILogger Logger);
