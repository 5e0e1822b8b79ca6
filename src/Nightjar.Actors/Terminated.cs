namespace Nightjar.Actors;

/// <summary>Death-watch notification: <paramref name="Actor"/> has stopped.</summary>
/// <param name="Actor">The actor that stopped.</param>
/// <param name="Failure">Null after a requested stop; the exception when supervision stopped it or gave up restarting it.</param>
public sealed record Terminated(IActorRef Actor, Exception? Failure);
