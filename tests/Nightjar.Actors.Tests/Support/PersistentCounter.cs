using System.Collections.Concurrent;
using Nightjar.Actors.Persistence;

namespace Nightjar.Actors.Tests.Support;

/// <summary>A persistent counter: each <see cref="Add"/> persists an <see cref="Added"/> event, then answers the new total.</summary>
internal sealed class PersistentCounter(IEventStore store, string persistenceId, SnapshotPolicy? snapshots = null, ConcurrentQueue<string>? journal = null)
    : PersistentActor<PersistentCounter.ICommand, PersistentCounter.CounterState>(store, persistenceId, new CounterState(0))
{
    public interface ICommand;

    public sealed record Add(int Amount) : ICommand;

    public sealed record AddMany(int[] Amounts) : ICommand;

    /// <summary>Persists but swallows a failure, to prove the runtime fails the actor anyway.</summary>
    public sealed record AddCarelessly(int Amount) : ICommand;

    /// <summary>Catches up with other writers; answers the number of events applied, or -1 when the read failed (caught).</summary>
    public sealed record CatchUp : ICommand;

    /// <summary>Answers <c>(Value, LastSequenceNr)</c>.</summary>
    public sealed record Get : ICommand;

    public sealed record CounterState(int Value);

    public sealed record Added(int Amount);

    protected override SnapshotPolicy SnapshotPolicy => snapshots ?? SnapshotPolicy.Never;

    protected override CounterState ApplyEvent(CounterState state, object @event)
    {
        var added = (Added)@event;
        journal?.Enqueue($"applied {added.Amount}");
        return state with { Value = state.Value + added.Amount };
    }

    protected override IReadOnlyList<string> GetTags(object @event) => ["counter", PersistenceId];

    protected override async ValueTask ReceiveAsync(ICommand command)
    {
        switch (command)
        {
            case Add add:
                await PersistAsync(new Added(add.Amount));
                Context.Respond(State.Value);
                break;
            case AddMany many:
                await PersistAsync(many.Amounts.Select(a => (object)new Added(a)).ToList());
                Context.Respond(State.Value);
                break;
            case AddCarelessly careless:
                try
                {
                    await PersistAsync(new Added(careless.Amount));
                }
                catch (InvalidOperationException)
                {
                    // Deliberately ignored.
                }

                Context.Respond(State.Value);
                break;
            case Get:
                Context.Respond((State.Value, LastSequenceNr));
                break;
            case CatchUp:
                try
                {
                    Context.Respond(await CatchUpAsync());
                }
                catch (IOException)
                {
                    Context.Respond(-1);
                }

                break;
        }
    }

    protected override ValueTask StartedAsync()
    {
        journal?.Enqueue($"started at {LastSequenceNr}");
        return ValueTask.CompletedTask;
    }

    protected override ValueTask PostRestartAsync(Exception reason)
    {
        journal?.Enqueue($"restarted at {LastSequenceNr}");
        return ValueTask.CompletedTask;
    }
}
