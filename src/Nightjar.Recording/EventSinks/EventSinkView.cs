namespace Nightjar.Recording.EventSinks;

/// <summary>A sink with its worker's status and lag, as the API shows it.</summary>
/// <param name="Sink">The stored sink.</param>
/// <param name="Status">Its worker's status; <see cref="EventSinkStatus.Initial"/> before the worker runs.</param>
/// <param name="LagEvents">Journal events after its position (all types: the count before filtering; approximate on PostgreSQL).</param>
/// <param name="LagSeconds">Age of the oldest event it has not acknowledged yet; 0 when caught up.</param>
public sealed record EventSinkView(RegisteredSink Sink, EventSinkStatus Status, long LagEvents, double LagSeconds);
