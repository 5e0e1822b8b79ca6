using System.Collections.Concurrent;
using Nightjar.Recording.Signals;

namespace Nightjar.Recording.Tests.Devices.Support;

/// <summary>A signal sink that remembers what it was given, in order.</summary>
internal sealed class RecordingSignalSink : ICameraSignalSink
{
    private readonly ConcurrentQueue<CameraSignal> _signals = new();

    public IReadOnlyList<CameraSignal> Signals => [.. _signals];

    /// <summary>When set, every report throws this (a failing pipeline).</summary>
    public Exception? FailWith { get; set; }

    public Task<SignalOutcome> ReportAsync(CameraSignal signal, CancellationToken cancellationToken)
    {
        if (FailWith is { } failure)
        {
            throw failure;
        }

        _signals.Enqueue(signal);
        return Task.FromResult(SignalOutcome.Recorded);
    }
}
